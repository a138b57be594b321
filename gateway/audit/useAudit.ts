import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import type { AuditLog } from './AuditLog.ts';
import type { AuditSchemas } from './AuditSchemas.ts';
import { accessEntry } from './accessEntry.ts';
import { auditUnavailableError } from './auditUnavailableError.ts';
import { collectServed, type Served } from './collectServed.ts';
import type { AuditedOperation } from './compileAuditedOperation.ts';
import { outcomeOf } from './outcomeOf.ts';

export interface UseAuditOptions {
  log: Pick<AuditLog, 'append'>;
  schemas: AuditSchemas;
  /** Requests this plugin saw (so the HTTP-level fallback does not record them twice). */
  seen: WeakSet<FastifyRequest>;
  now?: () => Date;
  /** The recorder the gateway's own request path shares (one per audit log); made here when absent. */
  recorder?: AuditRecorder;
}

const NOTHING_SERVED: Served = { persons: [], agencies: [], sensitiveFields: [] };

/** What the audit needs of an answer about to leave. */
export interface AuditedAnswer {
  readonly request: FastifyRequest;
  readonly requestId: string;
  readonly log: FastifyBaseLogger;
  readonly compiled: AuditedOperation;
  readonly operation: { readonly name: string | null; readonly type: string; readonly hash: string | null };
  /** The answer as it will leave (formatted errors). */
  readonly result: { readonly data?: unknown; readonly errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> };
}

/** `withhold`: the record could not be written (or the answer read): send AUDIT_UNAVAILABLE instead, and why. */
export type AuditVerdict = { withhold: false } | { withhold: true; why: string };

const SEND: AuditVerdict = { withhold: false };

/**
 * The audit of one answer (issue 6 item 6), shared by the Apollo Server
 * plugin below and the gateway's own request path (pipeline/createFastPath.ts).
 * `compile` says whether an operation reads person data and gives the
 * instrumented document to execute instead; `record` walks the answer
 * (collectServed: persons, agencies, sensitive fields; it strips what the
 * instrumentation added), appends the record and resolves once it is
 * durable. When the record cannot be written and the answer has data, the
 * verdict is to withhold it (fail closed).
 */
export class AuditRecorder {
  private readonly now: () => Date;

  constructor(private readonly options: Omit<UseAuditOptions, 'seen' | 'recorder'>) {
    this.now = options.now ?? (() => new Date());
  }

  compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): AuditedOperation {
    return this.options.schemas.compile(schema, document, operationName);
  }

  async record(answer: AuditedAnswer): Promise<AuditVerdict> {
    const { request, compiled, result, log } = answer;
    if (!compiled.readsPersonData && request.readsPersonData !== true) return SEND;
    const hasData = result.data !== null && result.data !== undefined;
    let served = NOTHING_SERVED;
    try {
      if (hasData) served = collectServed(compiled, result.data as Record<string, unknown>, request.sensitiveFields?.length ? new Set(request.sensitiveFields) : undefined);
    } catch (error) {
      log.error({ err: error }, 'audit: could not read the answer; withheld');
      return { withhold: true, why: 'the answer could not be read for the audit record' };
    }
    const errorCodes = codesOf(result.errors);
    const outcome = outcomeOf({ hasData, errorCodes, removedFields: request.removedFields?.length ?? 0 });
    // A refusal of nobody in particular (no verified user) is not an access by anyone.
    if (!request.principal && outcome === 'DENIED') return SEND;
    const entry = accessEntry({ time: this.now(), requestId: answer.requestId, request, operation: answer.operation, served, outcome, errorCodes });
    try {
      await this.options.log.append(entry);
      return SEND;
    } catch (error) {
      log.error({ err: error, code: 'AUDIT_UNAVAILABLE', operation: entry.operation.name, outcome }, hasData ? 'audit record not written: answer withheld' : 'audit record of a refusal not written');
      return hasData ? { withhold: true, why: 'audit store unavailable' } : SEND;
    }
  }
}

/**
 * The audit of GraphQL operations as an Apollo Server plugin. For every
 * operation that reads person data it writes one record, and the answer
 * leaves only once the record is durable; when it cannot be written the
 * answer is withheld: HTTP 503, AUDIT_UNAVAILABLE, no data (fail closed).
 *
 * - Before execution it makes the operation select each Person's id (and,
 *   where fragments narrow an interface, the type name) under reserved
 *   aliases, so the record names the persons served even when the client
 *   did not ask for their ids. It runs last, on the document authorization
 *   has already rewritten; the additions are a function of that document
 *   alone, so plans cached under its hash stay right.
 * - Before the answer leaves, `AuditRecorder.record`.
 *
 * A refusal before execution (purpose missing, authorization in reject mode)
 * is recorded too when the user is known; with no data in it, such an answer
 * is sent even if its record fails (and the failure is logged).
 */
export function useAudit(options: UseAuditOptions): ApolloServerPlugin<GatewayContext> {
  const { schemas, seen } = options;
  const recorder = options.recorder ?? new AuditRecorder(options);
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          schemas.loaded(apiSchema, coreSupergraphSdl);
        },
      };
    },
    async requestDidStart({ contextValue }) {
      seen.add(contextValue.request);
      let receivedHash: string | undefined;
      let invalid = false;
      let compiled: AuditedOperation | undefined;
      return {
        async didResolveSource({ queryHash }) {
          receivedHash = queryHash;
        },
        async validationDidStart() {
          return async (errors) => {
            if (errors?.length) invalid = true;
          };
        },
        async executionDidStart(requestContext) {
          compiled = schemas.compile(requestContext.schema, requestContext.document, requestContext.request.operationName);
          if (compiled.readsPersonData && compiled.document !== requestContext.document) {
            // Apollo Server hands this same context to the executor right
            // after this hook: what it executes is the instrumented document.
            const executing = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode | undefined };
            executing.document = compiled.document;
            executing.operation = compiled.operation;
          }
        },
        async willSendResponse(requestContext) {
          if (!compiled) {
            // Never executed: refused before (or invalid, then nothing to say about it).
            const { document } = requestContext;
            if (invalid || !document || !requestContext.operation) return;
            compiled = schemas.compile(requestContext.schema, document, requestContext.request.operationName);
          }
          const { response } = requestContext;
          if (response.body.kind !== 'single') {
            // This gateway answers in one piece; a streamed answer cannot be audited before it leaves.
            if (compiled.readsPersonData || contextValue.request.readsPersonData === true) withhold(requestContext, 'incremental delivery cannot be audited');
            return;
          }
          const verdict = await recorder.record({
            request: contextValue.request,
            requestId: contextValue.requestId,
            log: contextValue.log,
            compiled,
            operation: {
              name: requestContext.operationName ?? requestContext.request.operationName ?? null,
              type: requestContext.operation?.operation ?? compiled.operation?.operation ?? 'query',
              hash: receivedHash ?? null,
            },
            result: response.body.singleResult,
          });
          if (verdict.withhold) withhold(requestContext, verdict.why);
        },
      };
    },
  };
}

/** The answer that replaces a withheld one: HTTP 503 with Retry-After, AUDIT_UNAVAILABLE, no data. */
export const WITHHELD_STATUS = 503;

function withhold(requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>, why: string): void {
  const { response, contextValue } = requestContext;
  response.body = { kind: 'single', singleResult: { errors: [auditUnavailableError()] } };
  response.http.status = WITHHELD_STATUS;
  response.http.headers.set('retry-after', '5');
  const operation = contextValue.request.graphqlOperation;
  if (operation) operation.outcome = 'failed';
  contextValue.log.warn({ reason: why }, 'answer withheld: its audit record could not be written');
}

function codesOf(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): string[] {
  const codes: string[] = [];
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
  }
  return codes;
}
