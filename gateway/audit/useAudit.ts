import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
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
}

const NOTHING_SERVED: Served = { persons: [], agencies: [], sensitiveFields: [] };

/**
 * The audit of GraphQL operations (issue 6 item 6). For every operation that
 * reads person data it writes one record, and the answer leaves only once
 * the record is durable; when it cannot be written the answer is withheld:
 * HTTP 503, AUDIT_UNAVAILABLE, no data (fail closed).
 *
 * - Before execution it makes the operation select each Person's id (and,
 *   where fragments narrow an interface, the type name) under reserved
 *   aliases, so the record names the persons served even when the client
 *   did not ask for their ids. It runs last, on the document authorization
 *   has already rewritten; the additions are a function of that document
 *   alone, so plans cached under its hash stay right.
 * - Before the answer leaves it walks the data (collectServed): persons,
 *   agencies, sensitive fields, and strips what it added; then it appends
 *   the record and waits for the group commit.
 *
 * A refusal before execution (purpose missing, authorization in reject mode)
 * is recorded too when the user is known; with no data in it, such an answer
 * is sent even if its record fails (and the failure is logged).
 */
export function useAudit(options: UseAuditOptions): ApolloServerPlugin<GatewayContext> {
  const { log, schemas, seen } = options;
  const now = options.now ?? (() => new Date());
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
          const request = contextValue.request;
          if (!compiled.readsPersonData && request.readsPersonData !== true) return;
          await record(requestContext, compiled, request, receivedHash);
        },
      };
    },
  };

  async function record(
    requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>,
    compiled: AuditedOperation,
    request: FastifyRequest,
    receivedHash: string | undefined,
  ): Promise<void> {
    const { response, contextValue } = requestContext;
    if (response.body.kind !== 'single') {
      // This gateway answers in one piece; a streamed answer cannot be audited before it leaves.
      withhold(requestContext, 'incremental delivery cannot be audited');
      return;
    }
    const result = response.body.singleResult;
    const hasData = result.data !== null && result.data !== undefined;
    let served = NOTHING_SERVED;
    try {
      if (hasData) served = collectServed(compiled, result.data as Record<string, unknown>, new Set(request.sensitiveFields ?? []));
    } catch (error) {
      contextValue.log.error({ err: error }, 'audit: could not read the answer; withheld');
      withhold(requestContext, 'the answer could not be read for the audit record');
      return;
    }
    const errorCodes = codesOf(result.errors);
    const outcome = outcomeOf({ hasData, errorCodes, removedFields: request.removedFields?.length ?? 0 });
    // A refusal of nobody in particular (no verified user) is not an access by anyone.
    if (!request.principal && outcome === 'DENIED') return;
    const entry = accessEntry({
      time: now(),
      requestId: contextValue.requestId,
      request,
      operation: {
        name: requestContext.operationName ?? requestContext.request.operationName ?? null,
        type: requestContext.operation?.operation ?? compiled.operation?.operation ?? 'query',
        hash: receivedHash ?? null,
      },
      served,
      outcome,
      errorCodes,
    });
    try {
      await log.append(entry);
    } catch (error) {
      contextValue.log.error({ err: error, code: 'AUDIT_UNAVAILABLE', operation: entry.operation.name, outcome }, hasData ? 'audit record not written: answer withheld' : 'audit record of a refusal not written');
      if (hasData) withhold(requestContext, 'audit store unavailable');
    }
  }
}

function withhold(requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>, why: string): void {
  const { response, contextValue } = requestContext;
  response.body = { kind: 'single', singleResult: { errors: [auditUnavailableError()] } };
  response.http.status = 503;
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
