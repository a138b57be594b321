import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import { ErrorCode, SubgraphFailureReason, subgraphError, type SubgraphFailure } from '../errors.ts';
import type { GatewayMetrics } from '../metrics/createMetrics.ts';
import type { CircuitPermit } from './CircuitBreaker.ts';
import type { SubgraphPools } from './SubgraphPools.ts';
import type { SubgraphState } from './SubgraphStates.ts';
import { sendWhole, type InFlightRequest, type WholeResponse } from './sendWhole.ts';
import { childTraceparent } from './traceContext.ts';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
/** A fetch made for a client's operation (not a health check or schema load). */
type IncomingOperation = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

function isIncomingOperation(options: ProcessOptions): options is IncomingOperation {
  // The kind enum is not exported by @apollo/gateway; its shape is.
  return 'incomingRequestContext' in options;
}

/**
 * A subgraph request prepared once and sent many times: the JSON body up to
 * the variables (`{"query":…,"operationName":…`), and whether it is a
 * mutation (never retried).
 */
export interface PreparedSubgraphRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly mutation: boolean;
  readonly bodyStart: string;
}

export function prepareSubgraphRequest(query: string, operationName: string | undefined, mutation = /^\s*mutation\b/.test(query)): PreparedSubgraphRequest {
  let bodyStart = `{"query":${JSON.stringify(query)}`;
  if (operationName) bodyStart += `,"operationName":${JSON.stringify(operationName)}`;
  return { query, operationName, mutation, bodyStart };
}

export interface SendOptions {
  /** The operation's context: headers (trace, request id, `headersFor`) and its logger. */
  context?: GatewayContext | undefined;
  /** The response's cache policy, narrowed by the subgraph's Cache-Control (Apollo Server's `overallCachePolicy`). */
  cachePolicy?: unknown;
  extensions?: Record<string, unknown> | undefined;
}

/** Who the subgraph is, for headers that depend on it. */
export interface SubgraphIdentity {
  readonly name: string;
  readonly agency: string;
}

/**
 * Extra headers for every subgraph request of an incoming operation. This is
 * where the signed user-context header goes (issue 6): the function sees the
 * request's context (verified user, purpose, request id) and the subgraph.
 */
export type HeadersFor = (
  context: GatewayContext,
  subgraph: SubgraphIdentity,
) => Record<string, string> | Promise<Record<string, string>>;

export interface SubgraphDataSourceOptions {
  name: string;
  agency: string;
  /** The subgraph's GraphQL endpoint (after configuration overrides). */
  url: string;
  pools: SubgraphPools;
  state: SubgraphState;
  timeoutMs: number;
  maxRetries: number;
  metrics: GatewayMetrics;
  log: FastifyBaseLogger;
  headersFor?: HeadersFor;
}

// Connection-level failures after which nothing was answered: a query can be
// sent again safely. Matched on undici's and Node's stable codes.
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const RETRYABLE_STATUSES = new Set([502, 503, 504]);
const BASE_BACKOFF_MS = 25;
/** Do not start a retry with less time than this left before the deadline. */
const MIN_TIME_FOR_RETRY_MS = 50;

/**
 * The gateway's data source for one subgraph: @apollo/gateway's one-method
 * contract (`process`), over an undici `Pool` instead of the global fetch.
 * Each fetch has a deadline (the subgraph's timeout) covering every attempt;
 * queries may be retried on connection failures within the retry budget,
 * mutations never; the circuit breaker refuses calls to a subgraph that keeps
 * failing. A failure becomes one GraphQL error that names the agency (never
 * the URL), and @apollo/gateway serves the rest of the answer.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly origin: string;
  private readonly path: string;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    const url = new URL(options.url);
    this.origin = url.origin;
    this.path = `${url.pathname}${url.search}`;
  }

  get url(): string {
    return this.options.url;
  }

  async process(options: ProcessOptions): Promise<GatewayResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const incoming = isIncomingOperation(options) ? options : undefined;
    return this.send(prepareSubgraphRequest(request.query, request.operationName ?? undefined), request.variables, {
      context: incoming?.context as GatewayContext | undefined,
      cachePolicy: incoming?.incomingRequestContext.overallCachePolicy,
      extensions: request.extensions,
    });
  }

  /**
   * One fetch, as `process` makes it, for a caller that prepared the request
   * once (the gateway's executor, per fetch of a compiled operation): the
   * body is the same JSON `process` sends, the policy (deadline, retries,
   * breaker, metrics, errors) the same.
   */
  async send(prepared: PreparedSubgraphRequest, variables: Record<string, unknown> | undefined, options: SendOptions = {}): Promise<GatewayResponse> {
    const started = performance.now();
    const { context, cachePolicy, extensions } = options;
    const headers = await this.willSendRequest(context);
    let body = prepared.bodyStart;
    if (variables) body += `,"variables":${JSON.stringify(variables)}`;
    if (extensions) body += `,"extensions":${JSON.stringify(extensions)}`;
    body += '}';

    const { mutation } = prepared;
    const outcome = await this.fetchWithPolicy(headers, body, mutation);
    const seconds = (performance.now() - started) / 1000;
    const { metrics, name } = this.options;
    if (outcome.ok) {
      metrics.subgraphFetchDuration.observe({ subgraph: name, outcome: 'ok' }, seconds);
      if (cachePolicy) restrictCachePolicy(cachePolicy, outcome.cacheControl);
      return outcome.response;
    }
    const failure: SubgraphFailure = { ...outcome.failure, ...(mutation ? { mutation } : {}) };
    metrics.subgraphFetchDuration.observe({ subgraph: name, outcome: failure.code }, seconds);
    metrics.subgraphErrors.inc({ subgraph: name, code: failure.code, reason: failure.reason });
    const log = context?.log ?? this.options.log;
    const entry = { subgraph: name, url: this.options.url, code: failure.code, reason: failure.reason, status: failure.status, attempts: outcome.attempts, cause: outcome.cause };
    if (failure.reason === SubgraphFailureReason.CIRCUIT_OPEN) log.debug(entry, 'subgraph fetch refused: circuit open');
    else log.warn(entry, 'subgraph fetch failed');
    throw subgraphError(failure);
  }

  /**
   * Headers of every request to this subgraph: JSON in and out, the W3C
   * trace context, the request id, and whatever `headersFor` adds (the signed
   * user context, later).
   */
  protected async willSendRequest(context: GatewayContext | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    if (!context) return headers;
    headers.traceparent = childTraceparent(context.trace);
    if (context.trace.tracestate) headers.tracestate = context.trace.tracestate;
    headers['x-request-id'] = context.requestId;
    if (this.options.headersFor) {
      Object.assign(headers, await this.options.headersFor(context, { name: this.options.name, agency: this.options.agency }));
    }
    return headers;
  }

  // No closures per fetch (a fetch is the gateway's most frequent call): run
  // from sources, each named one also costs a `__name` property definition.
  private fail(code: SubgraphFailure['code'], reason: SubgraphFailure['reason'], status?: number): Omit<SubgraphFailure, 'mutation'> {
    const { name, agency } = this.options;
    return status !== undefined ? { code, reason, subgraph: name, agency, status } : { code, reason, subgraph: name, agency };
  }

  /** Whether a failed attempt may be retried: queries only (mutations are not idempotent), within the retry count, time left and budget. */
  private mayRetry(mutation: boolean, attempts: number, deadline: number): boolean {
    return !mutation && attempts <= this.options.maxRetries && deadline - performance.now() > MIN_TIME_FOR_RETRY_MS && this.options.state.retryBudget.tryRetry();
  }

  private timedOut(permit: CircuitPermit, attempts: number, error: unknown): FetchOutcome {
    permit.failure();
    return { ok: false, attempts, failure: this.fail(ErrorCode.SUBGRAPH_TIMEOUT, SubgraphFailureReason.TIMEOUT), cause: describe(error) };
  }

  private async fetchWithPolicy(headers: Record<string, string>, body: string, mutation: boolean): Promise<FetchOutcome> {
    const { state, timeoutMs, name, metrics } = this.options;
    const permit = state.breaker.tryAcquire();
    if (!permit) {
      return { ok: false, attempts: 0, failure: this.fail(ErrorCode.SUBGRAPH_UNAVAILABLE, SubgraphFailureReason.CIRCUIT_OPEN) };
    }
    state.retryBudget.recordCall();

    const deadline = performance.now() + timeoutMs;
    // One timer for the whole fetch: when it fires, the attempt in flight is aborted and no other starts.
    let timedOut = false;
    let inFlight: InFlightRequest | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      inFlight?.abort(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    let attempts = 0;
    try {
      for (;;) {
        attempts++;
        let response: WholeResponse;
        try {
          if (timedOut) return this.timedOut(permit, attempts, new Error(`no answer within ${timeoutMs} ms`));
          inFlight = sendWhole(this.options.pools.for(this.origin), { path: this.path, method: 'POST', headers, body });
          response = await inFlight.response;
        } catch (error) {
          if (timedOut) return this.timedOut(permit, attempts, error);
          if (RETRYABLE_CODES.has(errorCode(error)) && this.mayRetry(mutation, attempts, deadline)) {
            metrics.subgraphRetries.inc({ subgraph: name });
            await backoff(attempts, deadline);
            continue;
          }
          permit.failure();
          return { ok: false, attempts, failure: this.fail(ErrorCode.SUBGRAPH_UNAVAILABLE, SubgraphFailureReason.CONNECTION_FAILED), cause: describe(error) };
        }

        const { statusCode } = response;
        if (statusCode >= 500) {
          if (RETRYABLE_STATUSES.has(statusCode) && this.mayRetry(mutation, attempts, deadline)) {
            metrics.subgraphRetries.inc({ subgraph: name });
            await backoff(attempts, deadline);
            continue;
          }
          permit.failure();
          return { ok: false, attempts, failure: this.fail(ErrorCode.SUBGRAPH_UNAVAILABLE, SubgraphFailureReason.SERVER_ERROR, statusCode) };
        }

        let parsed: unknown;
        try {
          parsed = readJson(response);
        } catch (error) {
          // It answered, so it is up: a bad body is not an availability problem.
          permit.success();
          return {
            ok: false,
            attempts,
            failure: this.fail(ErrorCode.SUBGRAPH_BAD_RESPONSE, statusCode >= 400 ? SubgraphFailureReason.REJECTED : SubgraphFailureReason.MALFORMED, statusCode),
            cause: describe(error),
          };
        }

        if (statusCode >= 300 || !isGraphQLResponse(parsed)) {
          permit.success();
          return {
            ok: false,
            attempts,
            failure: this.fail(ErrorCode.SUBGRAPH_BAD_RESPONSE, statusCode >= 300 ? SubgraphFailureReason.REJECTED : SubgraphFailureReason.MALFORMED, statusCode),
          };
        }
        permit.success();
        const cacheControl = response.headers['cache-control'];
        return { ok: true, response: parsed, cacheControl: Array.isArray(cacheControl) ? cacheControl.join(',') : cacheControl };
      }
    } finally {
      clearTimeout(timer);
      // Nothing may leave a permit (and, half-open, the single probe slot) taken.
      permit.release();
    }
  }
}

type FetchOutcome =
  | { ok: true; response: GatewayResponse; cacheControl: string | undefined }
  | { ok: false; attempts: number; failure: Omit<SubgraphFailure, 'mutation'>; cause?: string };

function readJson(response: WholeResponse): unknown {
  const contentType = String(response.headers['content-type'] ?? '');
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType)) throw new Error(`not JSON (content-type "${contentType}")`);
  const text = response.body.toString('utf8');
  // As undici's body.json() (UTF-8 decode): a leading byte-order mark is not part of the JSON.
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function isGraphQLResponse(value: unknown): value is GatewayResponse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as { data?: unknown; errors?: unknown };
  return (data !== undefined || errors !== undefined) && (errors === undefined || Array.isArray(errors));
}

/** Exponential backoff with full jitter, ending at least MIN_TIME_FOR_RETRY_MS before the deadline. */
function backoff(attempt: number, deadline: number): Promise<void> {
  const delay = Math.min(Math.random() * BASE_BACKOFF_MS * 2 ** (attempt - 1), Math.max(0, deadline - performance.now() - MIN_TIME_FOR_RETRY_MS));
  return new Promise((resolve) => setTimeout(resolve, delay));
}

/** The stable code of a Node or undici error (`AggregateError` from dual-stack connects included). */
function errorCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown }; errors?: { code?: unknown }[] };
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  const first = e?.errors?.[0]?.code;
  return typeof first === 'string' ? first : '';
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

interface CachePolicy {
  restrict(hint: { maxAge?: number; scope?: unknown }): void;
}

/** Like RemoteGraphQLDataSource: the subgraph's Cache-Control narrows the response's cache policy. */
function restrictCachePolicy(policy: unknown, header: string | undefined): void {
  if (typeof (policy as Partial<CachePolicy>).restrict !== 'function') return;
  const hint: { maxAge: number; scope?: string } = { maxAge: 0 };
  for (const directive of (header ?? '').split(',')) {
    const [key, value] = directive.trim().toLowerCase().split('=');
    if (key === 'max-age' && value && /^[0-9]+$/.test(value)) hint.maxAge = Number(value);
    if (key === 'private') hint.scope = 'PRIVATE';
    if (key === 'public') hint.scope = 'PUBLIC';
  }
  (policy as CachePolicy).restrict(hint);
}
