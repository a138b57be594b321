import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyServerFactory } from 'fastify';
import type { UserContext } from '../security/userContext.ts';
import type { CompiledQueries } from './compiledQueries.ts';

export interface FastGraphqlPathOptions {
  /** The GraphQL route's URL (`/graphql`): only POSTs to exactly it are candidates. */
  path: string;
  /** Fastify's body limit: a longer body is left to Fastify (413). */
  bodyLimit: number;
  /** The signed user context's header, and the verifier's synchronous look-up of a context verified before and still fresh. */
  contextHeader: string;
  known: (token: string) => UserContext | undefined;
  /** The resolvers' context for a verified user, as mercurius gets it (`app` is added here, as mercurius adds it). */
  context: (user: UserContext) => object | Promise<object>;
  compiled: CompiledQueries;
  /** Whether nothing would be logged at info: Fastify logs every request at info, this path logs nothing. */
  quiet: (app: FastifyInstance) => boolean;
}

/** The only bodies answered here: a GraphQL request exactly as the route's schema takes it, without coercion. */
interface FastBody {
  query: string;
  operationName: string | null;
  variables: unknown;
}

/** A body whose text is read here. */
interface Reading {
  response: ServerResponse;
  user: UserContext;
  chunks: Buffer[];
}
const READING = Symbol('fastGraphqlPath.reading');
type ReadingRequest = IncomingMessage & { [READING]: Reading };

const BODY_KEYS = new Set(['query', 'operationName', 'variables', 'extensions']);
const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);
const DIGITS = /^[1-9][0-9]{0,9}$/;
/** What Fastify's JSON parser screens a body for (left to it here): `__proto__`, `constructor`, any backslash-u escape. */
const SCREENED = /__proto__|constructor|\\u/;

/**
 * Why: Fastify's per-request machinery (routing, hooks, content-type parser,
 * body validation, reply serialisation and onSend chain) is a sizeable part
 * of a subgraph's CPU, and a subgraph answers the same few query texts (the
 * gateway's plans) again and again. This answers those compiled texts
 * straight from Node's http server, in front of Fastify (its
 * `serverFactory`), and gives everything else to Fastify's handler untouched.
 *
 * What it guarantees: a request is answered here only when Fastify and
 * mercurius would certainly answer it with the compiled query, and then with
 * the same status, content-type and body bytes (the same compiled query,
 * mercurius's error formatter, the route's own 2xx serializer). That is a
 * POST to exactly `path` with a JSON content-type, a content-length within
 * the body limit, no transfer-encoding, one signed user context the verifier
 * already knows (cached, valid, fresh), a logger quiet at info (so Fastify
 * would write no line for it either), a server not closing, and then a body
 * that is plain JSON (no `__proto__`, `constructor` or `\u` escape, which
 * Fastify's parser screens), an object with only `query`, `operationName`,
 * `variables` and `extensions` of the types the route's schema takes as they
 * are, whose text and operation name are compiled. Anything else, found
 * before or after reading the body, goes to Fastify with the body intact: a
 * `preParsing` hook hands Fastify a stream of the bytes read (or the read's
 * error). So do variables the compiled query refuses (nothing ran) and any
 * exception (Fastify then answers as it would have; an exception while the
 * query ran means it runs again there: queries only, and graphql-jit reports
 * resolvers' errors rather than throwing them).
 *
 * It relies on the GraphQL route having no hooks but createSubgraphServer's
 * (its context check, redone here with `known`) and mercurius's (a no-op
 * CSRF check): a hook added for it elsewhere would be skipped here.
 */
export function fastGraphqlPath(options: FastGraphqlPathOptions) {
  const { path, bodyLimit, contextHeader, known, compiled } = options;
  /** The bodies read here that Fastify is to parse after all, by request. */
  const replays = new WeakMap<IncomingMessage, Readable>();
  let app: FastifyInstance | undefined;
  let fastifyHandler: (request: IncomingMessage, response: ServerResponse) => void = () => {
    throw new Error('fastGraphqlPath: no Fastify handler (serverFactory not called)');
  };
  let closing = false;

  /** The verified user, when the request is a candidate before its body is read. */
  function candidate(request: IncomingMessage): UserContext | undefined {
    if (request.method !== 'POST' || request.url !== path || app === undefined || closing || !options.quiet(app)) return undefined;
    const headers = request.headers;
    const type = headers['content-type'];
    if (type === undefined || !JSON_TYPES.has(type) || headers['transfer-encoding'] !== undefined) return undefined;
    const length = headers['content-length'];
    if (length === undefined || !DIGITS.test(length) || Number(length) > bodyLimit) return undefined;
    const token = headers[contextHeader];
    return typeof token === 'string' && token !== '' ? known(token) : undefined;
  }

  /** Fastify's handler answers the request; the body read so far is what it parses, then the read's error if any. */
  function toFastify(request: IncomingMessage, response: ServerResponse, chunks: Buffer[], error?: Error): void {
    let length = 0;
    for (const chunk of chunks) length += chunk.length;
    const replay = new Readable({
      read() {
        for (const chunk of chunks.splice(0)) this.push(chunk);
        if (error) this.destroy(error);
        else this.push(null);
      },
    });
    // Fastify compares this with content-length, as for any stream a preParsing hook returns.
    Object.assign(replay, { receivedEncodedLength: length });
    replays.set(request, replay);
    fastifyHandler(request, response);
  }

  /** The answer's status and bytes, or undefined when Fastify is to answer. */
  async function answer(user: UserContext, body: Buffer): Promise<{ statusCode: number; payload: string } | undefined> {
    const graphql = fastBody(body.toString('utf8'));
    const serialize2xx = compiled.serialize2xx;
    if (!graphql || !serialize2xx || !app) return undefined;
    const query = compiled.find(graphql.query, graphql.operationName);
    if (!query) return undefined;
    const context = Object.assign(await options.context(user), { app });
    const answered = await compiled.run(query, context, graphql.variables);
    if (!answered) return undefined;
    const { statusCode, result } = answered;
    return { statusCode, payload: statusCode >= 200 && statusCode < 300 ? serialize2xx(result) : JSON.stringify(result) };
  }

  // The body is read by these listeners, made once (no closures per request: each costs, more so named ones
  // under tsx); the request's state rides on it.
  function onData(this: ReadingRequest, chunk: Buffer): void {
    this[READING].chunks.push(chunk);
  }
  function onError(this: ReadingRequest, error: Error): void {
    const reading = stopReading(this);
    toFastify(this, reading.response, reading.chunks, error);
  }
  function onEnd(this: ReadingRequest): void {
    void finish(this, stopReading(this));
  }
  function stopReading(request: ReadingRequest): Reading {
    request.off('data', onData);
    request.off('end', onEnd);
    request.off('error', onError);
    return request[READING];
  }

  async function finish(request: IncomingMessage, { response, user, chunks }: Reading): Promise<void> {
    // A copy, as Fastify's parser makes: never a view over the socket's read buffer.
    const body = Buffer.concat(chunks);
    let answered: { statusCode: number; payload: string } | undefined;
    try {
      answered = await answer(user, body);
    } catch {
      answered = undefined;
    }
    if (!answered) return toFastify(request, response, [body]);
    // As Fastify writes a serialised JSON answer.
    response.writeHead(answered.statusCode, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(answered.payload)),
    });
    response.end(answered.payload);
  }

  function listener(request: IncomingMessage, response: ServerResponse): void {
    const user = candidate(request);
    if (!user) return fastifyHandler(request, response);
    (request as ReadingRequest)[READING] = { response, user, chunks: [] };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  }

  /** Fastify's `serverFactory`: Fastify's own HTTP/1 server (the same timeouts), with this path in front of its handler. */
  const serverFactory: FastifyServerFactory = (handler, fastifyOptions) => {
    const settings = fastifyOptions as { http?: ServerOptions; keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
    fastifyHandler = handler;
    const server: Server = createServer(settings.http ?? {}, listener);
    server.keepAliveTimeout = settings.keepAliveTimeout;
    server.requestTimeout = settings.requestTimeout;
    server.setTimeout(settings.connectionTimeout);
    if (settings.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = settings.maxRequestsPerSocket;
    return server;
  };

  /** Starts the path on the built app: Fastify parses the bodies read here that it is to answer, and answers everything once closing. */
  function attach(instance: FastifyInstance): void {
    app = instance;
    instance.addHook('preClose', (done) => {
      closing = true;
      done();
    });
    instance.addHook('preParsing', (request, _reply, payload, done) => {
      const replay = replays.get(request.raw);
      if (replay === undefined) return done(null, payload);
      replays.delete(request.raw);
      done(null, replay);
    });
  }

  return { serverFactory, attach };
}

/** The GraphQL request in a body, when it is one that Fastify's parser and the route's schema take exactly as it is. */
function fastBody(text: string): FastBody | undefined {
  // Fastify's JSON parser refuses `__proto__` and `constructor.prototype` keys, \u-escaped or not: it judges these.
  if (SCREENED.test(text)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;
  for (const key in body) if (!BODY_KEYS.has(key)) return undefined;
  const { query, operationName = null, variables = null, extensions } = body;
  if (typeof query !== 'string' || (operationName !== null && typeof operationName !== 'string')) return undefined;
  if ((variables !== null && !isObject(variables)) || (extensions !== undefined && !isObject(extensions))) return undefined;
  return { query, operationName, variables };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
