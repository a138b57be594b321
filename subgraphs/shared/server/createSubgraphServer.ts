import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import mercurius from 'mercurius';
import type { Clock } from '../clock.ts';
import type { SubgraphConfig } from '../config/readSubgraphConfig.ts';
import { ErrorCode } from '../errors.ts';
import { createContextVerifier } from '../security/createContextVerifier.ts';
import { USER_CONTEXT_HEADER, type UserContext } from '../security/userContext.ts';
import { compiledQueries } from './compiledQueries.ts';
import { fastGraphqlPath } from './fastGraphqlPath.ts';
import { lazyRequestLoggerFactory } from './lazyRequestLogger.ts';
import { requestIdFor } from './requestIdFor.ts';

export interface SubgraphServerOptions<Context extends object> {
  /** The subgraph's name (`grid`, `petitions`, ...), used in logs. */
  name: string;
  schema: GraphQLSchema;
  /** Where the gateway's public key comes from (`contextPublicKey`) and whether this is production. */
  config: Pick<SubgraphConfig, 'contextPublicKey' | 'production'>;
  /** Judges the signed context's freshness (tests move it). */
  clock: Clock;
  /**
   * Builds the per-request context (dataloaders, the user's jurisdiction)
   * from the verified user; called once per request. It gets no request:
   * compiled queries are answered before Fastify makes one (fastGraphqlPath.ts).
   */
  context: (user: UserContext) => Context | Promise<Context>;
  /** Pino options or `false` for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Whether compiled queries may be answered before Fastify (fastGraphqlPath.ts); default true. Tests compare both. */
  fastPath?: boolean;
}

const GRAPHQL_PATH = '/graphql';
/** What pino, Fastify's logger, tells about its levels beside the FastifyBaseLogger interface. */
interface PinoLevels {
  isLevelEnabled(level: string): boolean;
}
/** A subgraph answers only the gateway; large bodies are a bug or an attack. */
const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * The one HTTP shape of every subgraph: Fastify with mercurius serving the
 * federated schema at POST /graphql, and GET /health. Building does not
 * listen: `main.ts` does, tests use `inject`.
 *
 * Every GraphQL request must carry the user context the gateway signed
 * (DESIGN.md "Jurisdiction and defence in depth"): without a valid, fresh
 * one it is answered 401 UNAUTHENTICATED before mercurius sees it, so
 * calling a subgraph directly gets nothing, not even the schema. Other
 * routes (`/health`, grid's service-signed ingest) are not GraphQL and keep
 * their own rules. Rejects (the subgraph does not start) when the key is
 * unusable, or is the development key in production.
 */
export async function createSubgraphServer<Context extends object>(options: SubgraphServerOptions<Context>): Promise<FastifyInstance> {
  const verify = await createContextVerifier(options.config.contextPublicKey, options.clock, { production: options.config.production });
  const users = new WeakMap<FastifyRequest, UserContext>();
  const logger = options.logger ?? false;
  const contextOf = (request: FastifyRequest) => {
    const user = users.get(request);
    // Unreachable: the hook answered 401 already. Fail closed all the same.
    if (!user) throw new Error('no verified user context for this request');
    return options.context(user);
  };
  // A query text seen twice is compiled by graphql-jit off the request path and answered compiled in front
  // of mercurius's POST handler, without mercurius's per-request steps (compiledQueries.ts): a subgraph
  // sees few texts (the gateway's plans), each many times. Anything else goes to mercurius as before.
  const compiled = compiledQueries(options.schema, contextOf);
  // And in front of Fastify, when the request certainly is one of those (fastGraphqlPath.ts).
  const fast =
    options.fastPath === false
      ? undefined
      : fastGraphqlPath({
          path: GRAPHQL_PATH,
          bodyLimit: BODY_LIMIT,
          contextHeader: USER_CONTEXT_HEADER,
          known: verify.known,
          context: options.context,
          compiled,
          // Fastify's logger here is pino's (or silent when `logger` is false).
          quiet: (instance) => logger === false || !(instance.log as unknown as PinoLevels).isLevelEnabled('info'),
        });
  const app = Fastify({
    logger,
    // Each request's logger becomes a pino child only when it writes (none does under load at `warn`).
    ...(logger === false ? {} : { childLoggerFactory: lazyRequestLoggerFactory }),
    bodyLimit: BODY_LIMIT,
    genReqId: requestIdFor,
    ...(fast ? { serverFactory: fast.serverFactory } : {}),
  });
  fast?.attach(app);

  /** The verified user on the request, with its request id and user on every later log line of it. */
  const accept = (request: FastifyRequest, reply: FastifyReply, user: UserContext) => {
    users.set(request, user);
    // The gateway's request id (x-request-id, also the line's reqId) and the verified user on every later
    // log line of this request (reply.log writes "request completed"); lazy, like Fastify's per-request
    // logger here, so a request that writes no line never makes a pino child.
    request.log = request.log.child({ rid: request.id, user: user.userId });
    reply.log = request.log;
  };
  const refuseRequest = (request: FastifyRequest, reply: FastifyReply, reason: string) => {
    request.log.warn({ reason }, 'GraphQL request refused');
    refuse(reply, reason);
  };

  // onRequest: before the body is even read, so an unsigned caller costs little. Callback style: a context
  // verified before (the gateway reuses one per user and purpose) is accepted without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return done();
    const header = request.headers[USER_CONTEXT_HEADER];
    if (typeof header !== 'string' || header === '') {
      // Answered here: a callback hook that sends does not call done.
      return refuseRequest(request, reply, Array.isArray(header) ? 'more than one signed user context' : 'no signed user context');
    }
    const known = verify.known(header);
    if (known) {
      accept(request, reply, known);
      return done();
    }
    verify(header).then(
      (user) => {
        accept(request, reply, user);
        done();
      },
      (error: unknown) => refuseRequest(request, reply, `invalid signed user context: ${(error as Error).message}`),
    );
  });

  app.addHook('onRoute', (route) => {
    if (route.url === GRAPHQL_PATH && route.method === 'POST') route.handler = compiled.wrap(route.handler);
  });

  await app.register(mercurius, {
    schema: options.schema,
    graphiql: false,
    context: contextOf,
    path: GRAPHQL_PATH,
    // What mercurius still answers (a text seen once, another operation name, a GET) is compiled by its own
    // adaptive JIT off the request path; every request's variables are checked first, as without it
    // (mercurius's `jit: <number>` skips that check on the compiling request).
    jit: { minCount: 1, eluThreshold: 1 },
  });
  app.get('/health', async () => ({ status: 'ok', subgraph: options.name }));
  return app;
}

function refuse(reply: FastifyReply, reason: string): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'OneWindow-Context realm="onewindow-subgraph"')
    .type('application/json; charset=utf-8')
    .send({
      errors: [
        {
          message: `This subgraph answers only the gateway: every GraphQL request needs a valid, fresh ${USER_CONTEXT_HEADER} (${reason}).`,
          extensions: { code: ErrorCode.UNAUTHENTICATED },
        },
      ],
    });
}
