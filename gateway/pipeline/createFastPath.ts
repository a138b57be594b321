import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { getVariableValues, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { auditUnavailableError } from '../audit/auditUnavailableError.ts';
import type { RegisteredAudit } from '../audit/registerAudit.ts';
import { WITHHELD_STATUS } from '../audit/useAudit.ts';
import { createGatewayContext } from '../context/createGatewayContext.ts';
import { logUnexpectedErrors } from '../plugins/useErrorLog.ts';
import { RequestMetrics } from '../plugins/useRequestMetrics.ts';
import type { Security } from '../security/createSecurity.ts';
import type { SupergraphHost } from '../supergraph/SupergraphHost.ts';
import { CachePolicy } from './CachePolicy.ts';
import { DocumentCache } from './DocumentCache.ts';
import { formatErrors, type FormatError } from './formatErrors.ts';
import { responseMediaType } from './responseMediaType.ts';

export interface FastPathOptions {
  host: Pick<SupergraphHost, 'current' | 'execute'>;
  security: Pick<Security, 'isPrepared' | 'restore'>;
  audit: RegisteredAudit | undefined;
  requestMetrics: RequestMetrics;
  formatError: FormatError;
  /** Development: errors carry their stack (Apollo Server's `includeStacktraceInErrorResponses`). */
  includeStacktrace: boolean;
  /** The logger @apollo/gateway's executor writes to. */
  executorLogger: FastifyBaseLogger;
  documents?: DocumentCache;
}

/** Answers the request and resolves true, or resolves false without touching the reply (Apollo Server answers it). */
export type FastPath = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

interface Params {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  extensions: Record<string, unknown> | undefined;
}

/**
 * The gateway's own path for ordinary GraphQL requests (issue 7): Apollo
 * Server's request pipeline costs more per request than a one-subgraph
 * query costs to execute, so the common case skips it and keeps its
 * behaviour. An ordinary request is a POST with a JSON object body whose
 * `query` is a text that parses and validates against the serving schema
 * (cached per text: DocumentCache), names one query or mutation, whose
 * variables coerce, whose Accept header is decided here, and that the
 * security layer prepared for its user; the answer is built as Apollo Server
 * builds it (same executor, same plugins' work in the same order: security
 * restores removed fields, metrics, error log, audit last and fail closed;
 * same error formatting, status codes and Cache-Control). Anything else
 * (GET, batches, automatic persisted queries, parse or validation errors,
 * variable errors, introspection, @defer, unknown Accept values) returns
 * false and Apollo Server answers it, errors included.
 */
export function createFastPath(options: FastPathOptions): FastPath {
  const documents = options.documents ?? new DocumentCache();
  const { host, security, audit, requestMetrics } = options;

  return async (request, reply) => {
    const params = ordinaryParams(request);
    if (!params) return false;
    const contentType = responseMediaType(request.headers.accept);
    if (!contentType) return false;
    const generation = host.current;
    if (!generation) return false;
    const { schema } = generation;
    const runnable = documents.get(schema, params.query);
    if (!runnable) return false;
    const operation = runnable.operation(params.operationName);
    if (!operation) return false;
    if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, params.variables ?? {}).errors) return false;
    if (!security.isPrepared(request, schema)) return false;

    const started = performance.now();
    const context = createGatewayContext(request);
    const operationName = operation.name?.value ?? null;
    let document = runnable.document;
    let executing = operation;
    const audited = audit?.recorder.compile(schema, document, params.operationName);
    if (audited?.readsPersonData && audited.document !== document && audited.operation) {
      document = audited.document;
      executing = audited.operation;
    }

    const cachePolicy = new CachePolicy();
    let result: { data?: Record<string, unknown> | null; errors?: readonly GraphQLError[]; extensions?: Record<string, unknown> };
    let failedStatus: number | undefined;
    try {
      result = await host.execute(executorRequest({ params, document, operation: executing, operationName, hash: runnable.hash, schema, context, cachePolicy, logger: options.executorLogger, debug: options.includeStacktrace }));
    } catch (error) {
      // Apollo Server's answer to an executor that throws: its error, HTTP 500.
      result = { errors: [asGraphQLError(error)] };
      failedStatus = 500;
    }

    const body: { errors?: readonly (GraphQLFormattedError | Record<string, unknown>)[]; data?: unknown; extensions?: Record<string, unknown> } = { ...result, errors: undefined };
    let status = failedStatus;
    const headers: [string, string][] = [];
    if (result.errors?.length) {
      logUnexpectedErrors(result.errors, context.log);
      const formatted = formatErrors(result.errors, { formatError: options.formatError, includeStacktrace: options.includeStacktrace });
      body.errors = formatted.errors;
      if (formatted.status) status = formatted.status;
      headers.push(...formatted.headers);
      if (status === undefined && result.data === undefined) status = 400;
    } else if (result.errors) {
      body.errors = [];
    }
    if (failedStatus !== undefined) delete body.data;
    const cacheControl = cachePolicy.header(Boolean(body.errors));

    // Apollo Server's plugins, in their order.
    security.restore(request, body, params.variables);
    requestMetrics.record(request, operationName ?? params.operationName, failedStatus ? 'failed' : RequestMetrics.outcomeOf(body), (performance.now() - started) / 1000);
    if (audit && audited) {
      audit.handled(request);
      const verdict = await audit.recorder.record({
        request,
        requestId: context.requestId,
        log: context.log,
        compiled: audited,
        operation: { name: operationName ?? params.operationName ?? null, type: executing.operation, hash: runnable.hash },
        result: body as { data?: unknown; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> },
      });
      if (verdict.withhold) {
        body.errors = [auditUnavailableError()];
        delete body.data;
        delete body.extensions;
        status = WITHHELD_STATUS;
        headers.push(['retry-after', '5']);
        if (request.graphqlOperation) request.graphqlOperation.outcome = 'failed';
        context.log.warn({ reason: verdict.why }, 'answer withheld: its audit record could not be written');
      }
    }

    void reply.code(status ?? 200).header('content-type', contentType).header('cache-control', cacheControl);
    for (const [name, value] of headers) void reply.header(name, value);
    await reply.send(`${JSON.stringify({ errors: body.errors, data: body.data, extensions: body.extensions })}\n`);
    return true;
  };
}

/** The body of an ordinary POST: an object with a text `query`, no extensions in use. */
function ordinaryParams(request: FastifyRequest): Params | undefined {
  if (request.method !== 'POST') return undefined;
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Buffer.isBuffer(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query === '') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (extensions !== undefined && extensions !== null && !(isRecord(extensions) && Object.keys(extensions).length === 0)) return undefined;
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: isRecord(variables) ? variables : undefined,
    extensions: isRecord(extensions) ? extensions : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const cause = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(cause.message, { originalError: cause });
}

type ExecutorRequest = Parameters<SupergraphHost['execute']>[0];

/** The request context @apollo/gateway's executor reads, as Apollo Server builds it (makeGatewayGraphQLRequestContext). */
function executorRequest(input: {
  params: Params;
  document: ExecutorRequest['document'];
  operation: NonNullable<ExecutorRequest['operation']>;
  operationName: string | null;
  hash: string;
  schema: ExecutorRequest['schema'];
  context: ReturnType<typeof createGatewayContext>;
  cachePolicy: CachePolicy;
  logger: FastifyBaseLogger;
  debug: boolean;
}): ExecutorRequest {
  const { params } = input;
  const request: Record<string, unknown> = { query: params.query, operationName: params.operationName, variables: params.variables };
  if (params.extensions !== undefined) request.extensions = params.extensions;
  return {
    request,
    response: { http: { headers: new Map(), status: undefined } },
    logger: input.logger,
    schema: input.schema,
    context: input.context,
    cache: undefined,
    queryHash: input.hash,
    document: input.document,
    source: params.query,
    operationName: input.operationName,
    operation: input.operation,
    errors: undefined,
    metrics: {},
    debug: input.debug,
    overallCachePolicy: input.cachePolicy,
    requestIsBatched: false,
  } as unknown as ExecutorRequest;
}
