import { existsSync } from 'node:fs';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { Counter } from 'prom-client';
import { ErrorCode, type NotRegisteredReason } from '../errors.ts';
import type { GatewayMetrics } from '../metrics/createMetrics.ts';
import { PersistedOperations } from '../production/PersistedOperations.ts';
import { resolvePersistedOperation } from '../production/resolvePersistedOperation.ts';
import { CostModel } from './CostModel.ts';
import { GraphQLParams } from './GraphQLParams.ts';
import { OperationAnalyzer } from './OperationAnalyzer.ts';
import type { LimitsConfig } from './parseLimitsConfig.ts';
import { TokenBuckets } from './TokenBuckets.ts';

export interface LimitsOptions {
  config: LimitsConfig;
  /** The supergraph serving now: its SDL (where `@cost`/`@listSize` are) and its API schema. */
  supergraph: () => { sdl: string; schema: GraphQLSchema } | undefined;
  metrics?: GatewayMetrics;
  /** The GraphQL route (default /graphql). */
  url?: string;
}

const NOT_REGISTERED_MESSAGES: Record<NotRegisteredReason, string> = {
  UNKNOWN_ID: 'No registered operation has this id or hash.',
  NOT_REGISTERED: 'Only registered operations run here; this one is not in the persisted-operations manifest.',
  ID_MISMATCH: 'The operation text sent differs from the registered operation the id names.',
  NO_OPERATION: 'Name a registered operation: documentId, or extensions.persistedQuery.sha256Hash.',
};

/**
 * Bounds every GraphQL request before execution (README "Limits"), on the
 * GraphQL route only, through its route options (an `onRoute` hook, so this
 * must be called before the route is declared):
 *
 * - `bodyLimit`: a larger body is refused with HTTP 413 BODY_TOO_LARGE,
 *   before it is read when it declares its length (the route's
 *   `errorHandler` shapes Fastify's refusal as a GraphQL error);
 * - `preValidation`, after authentication (`onRequest`) and before any hook
 *   that reads or rewrites the document (authorization is a `preHandler`):
 *   first the rate limit, per user (`request.principal.userId`) or per IP
 *   address without one, RATE_LIMITED with HTTP 429 and Retry-After; then
 *   trusted documents (a persisted id or hash becomes its registered body;
 *   in production anything unregistered is OPERATION_NOT_REGISTERED); then
 *   tokens, depth, aliases, root fields, directives and estimated cost, on
 *   the text the client sent.
 *
 * Throws a ConfigError when the manifest is required (production) and
 * missing or invalid, or present and invalid.
 */
export function registerLimits(app: FastifyInstance, options: LimitsOptions): void {
  const { config } = options;
  const url = options.url ?? '/graphql';
  const trusted = config.trustedDocuments;
  const manifest = trusted.enforce || existsSync(trusted.manifestPath) ? PersistedOperations.load(trusted.manifestPath) : undefined;
  const analyzer = new OperationAnalyzer(config);
  const buckets = config.rateLimit.burst > 0 ? new TokenBuckets(config.rateLimit.burst, config.rateLimit.perMinute) : undefined;
  const refusals = refusalCounter(options.metrics);

  const models = new WeakMap<GraphQLSchema, CostModel>();
  const costModel = (): CostModel | undefined => {
    const supergraph = options.supergraph();
    if (!supergraph) return undefined;
    let model = models.get(supergraph.schema);
    if (!model) {
      model = CostModel.fromSupergraph(supergraph.sdl, supergraph.schema);
      models.set(supergraph.schema, model);
    }
    return model;
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) => {
    refusals?.inc({ code });
    const name = request.method === 'POST' ? (request.body as { operationName?: unknown } | null)?.operationName : undefined;
    request.graphqlOperation = { name: typeof name === 'string' ? name : '', outcome: 'rejected' };
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
  };

  const checkOperation = async (request: FastifyRequest, reply: FastifyReply) => {
    if (reply.sent) return;
    const params = GraphQLParams.from(request);
    if (!params) {
      // A batch or a non-object JSON body: Apollo Server refuses those, but
      // production does not rely on it. (A text body, from a non-JSON content
      // type, is left to Apollo Server's CSRF prevention and its clearer error.)
      if (trusted.enforce && request.method === 'POST' && typeof request.body !== 'string') {
        return refuse(request, reply, 400, ErrorCode.OPERATION_NOT_REGISTERED, NOT_REGISTERED_MESSAGES.NO_OPERATION, { reason: 'NO_OPERATION' });
      }
      return;
    }
    const resolution = resolvePersistedOperation(params, manifest, trusted.enforce, config.maxTokens);
    if (resolution.kind === 'refused') {
      return refuse(request, reply, 400, ErrorCode.OPERATION_NOT_REGISTERED, NOT_REGISTERED_MESSAGES[resolution.reason], { reason: resolution.reason });
    }
    if (resolution.kind === 'registered') params.useDocument(resolution.operation.body);
    const text = resolution.kind === 'registered' ? resolution.operation.body : params.query;
    if (text === undefined) return;
    let analysis: ReturnType<OperationAnalyzer['analyze']>;
    try {
      analysis = analyzer.analyze(text, params.operationName, params.variables, costModel());
    } catch (error) {
      // A bug here must not let the operation through unchecked, nor show internals.
      request.log.error({ err: error }, 'operation analysis failed; refused');
      return refuse(request, reply, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
    if (!analysis.ok) return refuse(request, reply, 400, analysis.refusal.code, analysis.refusal.message, analysis.refusal.extensions);
  };

  const rateLimit = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!buckets || request.method === 'OPTIONS') return;
    const userId = request.principal?.userId;
    const key = userId !== undefined ? `user:${userId}` : `ip:${request.ip}`;
    const taken = buckets.take(key);
    if (!taken.ok) {
      void reply.header('retry-after', String(taken.retryAfterSeconds));
      return refuse(request, reply, 429, ErrorCode.RATE_LIMITED, `Too many requests; try again in ${taken.retryAfterSeconds} s.`, {
        retryAfterSeconds: taken.retryAfterSeconds,
      });
    }
  };

  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== url) return;
    route.bodyLimit = config.maxBodyBytes;
    route.preValidation = [rateLimit, checkOperation, ...asArray(route.preValidation)];
    const previous = route.errorHandler;
    route.errorHandler = function (this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return refuse(request, reply, 413, ErrorCode.BODY_TOO_LARGE, `The request body is larger than ${config.maxBodyBytes} bytes.`, {
          limit: config.maxBodyBytes,
        });
      }
      if (previous) return previous.call(this, error, request, reply);
      // The instance's error handler answers everything else.
      throw error;
    };
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function refusalCounter(metrics: GatewayMetrics | undefined): Counter<'code'> | undefined {
  if (!metrics) return undefined;
  const name = 'onewindow_gateway_limit_refusals_total';
  const existing = metrics.registry.getSingleMetric(name);
  if (existing) return existing as Counter<'code'>;
  return new Counter({
    name,
    help: 'Requests refused before execution by a limit, the rate limit or trusted documents, by error code.',
    labelNames: ['code'] as const,
    registers: [metrics.registry],
  });
}
