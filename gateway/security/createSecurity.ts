import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import { ErrorCode, PassThroughErrorCode, PurposeFailure, AuthenticationFailure } from '../errors.ts';
import { AUTHORIZATION_FEATURES } from '../supergraph/securityFeatures.ts';
import type { HeadersFor } from '../transport/SubgraphDataSource.ts';
import { accessFor } from './accessFor.ts';
import { ANONYMOUS_DEVELOPER } from './anonymousDeveloper.ts';
import { authenticate, AuthenticationError } from './authenticate.ts';
import { buildAuthorizationIndex, type AuthorizationIndex } from './buildAuthorizationIndex.ts';
import { CONTEXT_HEADER, createContextSigner } from './createContextSigner.ts';
import { createTokenVerifier } from './createTokenVerifier.ts';
import { LruCache } from '../cache/LruCache.ts';
import { parseAccessPurpose, PURPOSE_HEADER } from './parseAccessPurpose.ts';
import type { SecurityConfig } from './parseSecurityConfig.ts';
import { PERSON_DATA_TYPES } from './personDataTypes.ts';
import { restoreRemovedFields, unauthorizedError } from './restoreRemovedFields.ts';
import { rewriteOperation, TYPENAME_ALIAS, type OperationRewrite } from './rewriteOperation.ts';

/** The supergraph a request is prepared against (SupergraphHost's current generation). */
export interface CurrentSupergraph {
  readonly schema: GraphQLSchema;
  readonly sdl: string;
}

export interface SecurityOptions {
  config: SecurityConfig;
  production: boolean;
  /** The supergraph now serving; Apollo Server validates new requests against its schema. */
  currentSupergraph: () => CurrentSupergraph | undefined;
  /** Rewrites kept per supergraph (issue 7: a hit skips parse, validation and rewrite). */
  rewriteCacheSize?: number;
}

/** Everything the composition root wires for issue 6 (README "Security"). */
export interface Security {
  readonly enabled: boolean;
  /** For `enforcedSecurityFeatures`: the authorization features enforced here. */
  readonly enforcedFeatures: readonly string[];
  /** Request decorations (Principal.ts). */
  decorate(app: FastifyInstance): void;
  /** /graphql `onRequest`: authentication (401 UNAUTHENTICATED). */
  onRequest(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  /** /graphql `preHandler`: purpose, authorization rewrite (before Apollo Server sees the text). */
  preHandler(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  /** Apollo Server plugin: fail closed if a request skipped the rewrite; restore nulls and errors. */
  readonly plugin: ApolloServerPlugin<GatewayContext>;
  /**
   * For the gateway's own request path (pipeline/createFastPath.ts): whether
   * this request was rewritten for its user on this schema (else it must
   * take Apollo Server's path, where the plugin refuses it).
   */
  isPrepared(request: FastifyRequest, schema: GraphQLSchema): boolean;
  /** What the plugin does before the answer leaves: removed fields back as nulls, their errors first. */
  restore(request: FastifyRequest, result: { data?: unknown; errors?: readonly unknown[] }, variables: Readonly<Record<string, unknown>> | undefined): void;
  /** The signed user context on every subgraph fetch. */
  readonly headersFor: HeadersFor | undefined;
}

interface Prepared {
  readonly schema: GraphQLSchema;
  /** Undefined when the document did not parse or validate: Apollo Server must refuse it. */
  readonly rewrite: OperationRewrite | undefined;
}

/** Not rewritten: the text does not parse or validate (Apollo Server answers), or names no single operation. */
type Unrunnable = { unrunnable: 'INVALID' } | { unrunnable: 'NO_OPERATION'; message: string };

interface SupergraphState {
  readonly index: AuthorizationIndex;
  readonly rewrites: LruCache<string, OperationRewrite | Unrunnable>;
}

// Texts longer than this are rewritten every time rather than cached (the
// cache is bounded by count; this bounds its memory).
const MAX_CACHED_TEXT = 64 * 1024;

/**
 * Authentication, purpose, authorization and the signed context (issue 6).
 * Resolves once the keys are loaded; rejects when they are unusable (the
 * gateway does not start).
 *
 * Order on /graphql: `onRequest` verifies the token (request.principal);
 * `preHandler` parses the purpose (request.purpose), rewrites the operation
 * for this user and replaces the request's query text with the rewrite, so
 * Apollo Server's document cache and @apollo/gateway's plan cache, both
 * keyed by the text, never serve one user's plan to another; the Apollo
 * plugin refuses any operation that reaches execution unprepared or against
 * another supergraph, then puts the removed fields back as nulls with their
 * errors; `headersFor` gives every fetch of a request the same signed
 * context, one per user and purpose reused while fresh (createContextSigner).
 */
export async function createSecurity(options: SecurityOptions): Promise<Security> {
  const { config, production } = options;
  const prepared = new WeakMap<FastifyRequest, Prepared>();
  const signed = new WeakMap<FastifyRequest, string>();
  const states = new WeakMap<GraphQLSchema, SupergraphState>();
  const cacheSize = options.rewriteCacheSize ?? 1000;

  const decorate = (app: FastifyInstance) => {
    for (const name of ['principal', 'purpose', 'removedFields', 'sensitiveFields', 'readsPersonData'] as const) {
      if (!app.hasRequestDecorator(name)) app.decorateRequest(name, undefined);
    }
  };

  if (!config.enabled) {
    // Development only (production refuses GATEWAY_AUTH=off). Our subgraphs
    // refuse unsigned calls, so they still get a signed context: an
    // anonymous development user whose jurisdiction is the whole province,
    // the demo world's extent. No scope or policy is enforced in this mode.
    const signAnonymous = await createContextSigner(config.contextPrivateKey, { production });
    const anonymousSigned = new WeakMap<FastifyRequest, string>();
    return {
      enabled: false,
      enforcedFeatures: [],
      decorate,
      // Development only: no token; a well-formed purpose is still recorded.
      onRequest: async () => undefined,
      preHandler: async (request) => {
        const parsed = parseAccessPurpose(request.headers[PURPOSE_HEADER]);
        if (parsed.ok && parsed.purpose) request.purpose = parsed.purpose;
        return undefined;
      },
      plugin: {},
      isPrepared: () => true,
      restore: () => undefined,
      // One context per purpose, reused while fresh (createContextSigner); one per request for all its fetches.
      headersFor: (context) => {
        const request = context.request;
        let token = anonymousSigned.get(request);
        if (token === undefined) {
          token = signAnonymous({ principal: ANONYMOUS_DEVELOPER, purpose: request.purpose });
          anonymousSigned.set(request, token);
        }
        return { [CONTEXT_HEADER]: token };
      },
    };
  }

  const verify = await createTokenVerifier(config.jwt);
  const sign = await createContextSigner(config.contextPrivateKey, { production });

  const stateFor = (supergraph: CurrentSupergraph): SupergraphState => {
    let state = states.get(supergraph.schema);
    if (!state) {
      state = { index: buildAuthorizationIndex(supergraph.sdl), rewrites: new LruCache(cacheSize) };
      states.set(supergraph.schema, state);
    }
    return state;
  };

  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return undefined;
    try {
      request.principal = await authenticate(request.headers.authorization, verify);
      return undefined;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      request.log.debug({ reason: error.reason }, 'request not authenticated');
      const keysDown = error.reason === AuthenticationFailure.KEYS_UNAVAILABLE;
      void reply.header(
        'www-authenticate',
        error.reason === AuthenticationFailure.MISSING ? 'Bearer realm="onewindow"' : 'Bearer realm="onewindow", error="invalid_token"',
      );
      if (keysDown) void reply.header('retry-after', '5');
      return sendErrors(reply, keysDown ? 503 : 401, [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED, reason: error.reason } }]);
    }
  };

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return undefined;
    const purpose = parseAccessPurpose(request.headers[PURPOSE_HEADER]);
    if (!purpose.ok) {
      return reject(request, reply, 400, [{ message: purpose.message, extensions: { code: ErrorCode.PURPOSE_REQUIRED, reason: PurposeFailure.INVALID } }]);
    }
    if (purpose.purpose) request.purpose = purpose.purpose;

    const params = graphqlParams(request);
    const supergraph = options.currentSupergraph();
    // No text (or no schema yet): Apollo Server refuses it; the plugin makes sure nothing runs.
    if (!params || !supergraph) return undefined;
    if (params.query.includes(TYPENAME_ALIAS)) {
      return reject(request, reply, 400, [
        { message: `"${TYPENAME_ALIAS}" is reserved (names starting with "__" are).`, extensions: { code: PassThroughErrorCode.GRAPHQL_VALIDATION_FAILED } },
      ]);
    }

    const state = stateFor(supergraph);
    const access = accessFor(request.principal, state.index);
    // No operationName and an empty one differ (an empty name selects no operation).
    const key = `${access.key}\u0000${params.operationName === undefined ? '-' : `=${params.operationName}`}\u0000${params.query}`;
    let rewrite = state.rewrites.get(key);
    if (rewrite === undefined) {
      rewrite = rewriteFor(params.query, params.operationName, supergraph.schema, state, access);
      if (params.query.length <= MAX_CACHED_TEXT) state.rewrites.set(key, rewrite);
    }
    if ('unrunnable' in rewrite) {
      // @apollo/gateway answers a document without a single operation to run with a 500: say what is wrong instead.
      if (rewrite.unrunnable === 'NO_OPERATION') {
        return reject(request, reply, 400, [{ message: rewrite.message, extensions: { code: PassThroughErrorCode.OPERATION_RESOLUTION_FAILURE } }]);
      }
      prepared.set(request, { schema: supergraph.schema, rewrite: undefined });
      return undefined;
    }

    request.readsPersonData = rewrite.readsPersonData;
    request.removedFields = rewrite.removed.map((r) => ({ path: [...r.path], coordinate: r.coordinate }));
    request.sensitiveFields = [...rewrite.sensitiveFields];
    if (rewrite.readsPersonData && !request.purpose) {
      return reject(request, reply, 400, [
        {
          message: `This operation reads person data: state why in the ${PURPOSE_HEADER} header (a case code such as 420923-XF-2025-000123, or reason:<text>).`,
          extensions: { code: ErrorCode.PURPOSE_REQUIRED, reason: PurposeFailure.MISSING },
        },
      ]);
    }
    if (config.authorizationMode === 'reject' && rewrite.removed.length > 0) {
      return reject(request, reply, 403, rewrite.removed.map(unauthorizedError));
    }
    if (rewrite.text !== undefined) params.replace(rewrite.text);
    prepared.set(request, { schema: supergraph.schema, rewrite });
    return undefined;
  };

  const isPrepared = (request: FastifyRequest, schema: GraphQLSchema): boolean => {
    const state = prepared.get(request);
    return state?.rewrite !== undefined && state.schema === schema;
  };

  const restore = (request: FastifyRequest, result: { data?: unknown; errors?: readonly unknown[] }, variables: Readonly<Record<string, unknown>> | undefined) => {
    const rewrite = prepared.get(request)?.rewrite;
    if (!rewrite?.plan || !('data' in result)) return;
    const writable = result as { data?: unknown; errors?: readonly unknown[] };
    writable.data = restoreRemovedFields(result.data as Parameters<typeof restoreRemovedFields>[0], rewrite.plan, variables, rewrite.variableDefinitions);
    writable.errors = [...rewrite.removed.map(unauthorizedError), ...(result.errors ?? [])];
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ contextValue }) {
      const request = contextValue.request;
      return {
        async didResolveOperation({ schema, operation }) {
          // No operation to run (several and no operationName): Apollo Server refuses it next.
          if (!operation) return;
          const state = prepared.get(request);
          // Fail closed: whatever runs must be the text rewritten for this user on this schema.
          if (state?.rewrite && state.schema !== schema) {
            throw new GraphQLError('The schema changed while this request was being prepared; nothing was executed. Retry.', {
              extensions: { code: ErrorCode.AUTHORIZATION_UNAVAILABLE, http: { status: 503 } },
            });
          }
          if (!state?.rewrite) {
            throw new GraphQLError('Authorization could not be applied to this operation; nothing was executed.', {
              extensions: { code: ErrorCode.AUTHORIZATION_UNAVAILABLE, http: { status: 500 } },
            });
          }
        },
        async willSendResponse({ response, request: graphqlRequest }) {
          restore(request, response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult, graphqlRequest.variables);
        },
      };
    },
  };

  // The signer reuses one context per user and purpose while it is fresh; the
  // request keeps the one its first fetch got, so all its fetches carry the same.
  const headersFor: HeadersFor = (context): Record<string, string> => {
    const request = context.request;
    const principal = request.principal;
    if (!principal) return {};
    let token = signed.get(request);
    if (token === undefined) {
      token = sign({ principal, purpose: request.purpose });
      signed.set(request, token);
    }
    return { [CONTEXT_HEADER]: token };
  };

  return { enabled: true, enforcedFeatures: AUTHORIZATION_FEATURES, decorate, onRequest, preHandler, plugin, isPrepared, restore, headersFor };
}

function rewriteFor(
  text: string,
  operationName: string | undefined,
  schema: GraphQLSchema,
  state: SupergraphState,
  access: ReturnType<typeof accessFor>,
): OperationRewrite | Unrunnable {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return { unrunnable: 'INVALID' };
  }
  if (validate(schema, document).length > 0) return { unrunnable: 'INVALID' };
  const rewrite = rewriteOperation({ document, operationName, schema, index: state.index, access, personDataTypes: PERSON_DATA_TYPES });
  if (rewrite) return rewrite;
  return {
    unrunnable: 'NO_OPERATION',
    message: operationName !== undefined ? `Unknown operation named "${operationName.slice(0, 100)}".` : 'Must provide operation name if query contains multiple operations.',
  };
}

interface GraphQLParams {
  query: string;
  operationName: string | undefined;
  replace(text: string): void;
}

/** The operation text of a GraphQL-over-HTTP request (POST body or GET query string), and how to replace it. */
function graphqlParams(request: FastifyRequest): GraphQLParams | undefined {
  if (request.method === 'POST') {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const fields = body as Record<string, unknown>;
    if (typeof fields.query !== 'string') return undefined;
    return {
      query: fields.query,
      operationName: typeof fields.operationName === 'string' ? fields.operationName : undefined,
      replace: (text) => {
        fields.query = text;
      },
    };
  }
  if (request.method === 'GET') {
    const search = request.query as Record<string, unknown> | undefined;
    const query = search?.query;
    if (typeof query !== 'string') return undefined;
    return {
      query,
      operationName: typeof search?.operationName === 'string' ? search.operationName : undefined,
      // Apollo's Fastify integration reads GET parameters from the raw URL.
      replace: (text) => {
        const url = new URL(request.raw.url ?? '/', 'http://gateway.invalid');
        url.searchParams.set('query', text);
        request.raw.url = `${url.pathname}${url.search}`;
      },
    };
  }
  return undefined;
}

function reject(request: FastifyRequest, reply: FastifyReply, status: number, errors: Record<string, unknown>[]): FastifyReply {
  request.graphqlOperation = { name: graphqlParams(request)?.operationName ?? '', outcome: 'rejected' };
  return sendErrors(reply, status, errors);
}

function sendErrors(reply: FastifyReply, status: number, errors: Record<string, unknown>[]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ errors });
}
