import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import { accessEntry } from './accessEntry.ts';
import { AuditLog } from './AuditLog.ts';
import { AuditReader } from './AuditReader.ts';
import { AuditSchemas } from './AuditSchemas.ts';
import { outcomeOf } from './outcomeOf.ts';
import type { AuditConfig } from './parseAuditConfig.ts';
import { readsPersonData } from './readsPersonData.ts';
import { registerAuditRoutes, type AuthenticateHook } from './registerAuditRoutes.ts';
import { AuditRecorder, useAudit } from './useAudit.ts';

export interface RegisterAuditOptions {
  config: AuditConfig;
  /** The /graphql authentication hook (security's `onRequest`), reused on GET /audit/access. */
  authenticate?: AuthenticateHook;
}

/**
 * Wires the audit log into a gateway (gateway/audit/README.md): the writer
 * (opened when the app is ready; pruned then and every interval), the
 * Apollo Server plugin that records every read of person data (returned:
 * put it LAST in the plugin list, after authorization), GET /audit/access,
 * and a fallback that records refusals answered before Apollo Server (a
 * missing purpose refused by an HTTP hook) for a known user. Returns
 * undefined when the audit is off (GATEWAY_AUDIT=off, never in production).
 */
/** What the composition root wires: the Apollo Server plugin, and the same audit for the gateway's own request path. */
export interface RegisteredAudit {
  readonly plugin: ApolloServerPlugin<GatewayContext>;
  readonly recorder: AuditRecorder;
  /** Mark a request whose answer the recorder handled (the HTTP-level fallback then leaves it alone). */
  handled(request: FastifyRequest): void;
}

export function registerAudit(app: FastifyInstance, options: RegisterAuditOptions): RegisteredAudit | undefined {
  const { config } = options;
  const log = app.log.child({ component: 'audit' });
  if (!config.enabled) {
    log.warn('the audit log is OFF (GATEWAY_AUDIT=off): reads of person data are not recorded');
    return undefined;
  }
  const audit = new AuditLog({ file: config.file, busyTimeoutMs: config.busyTimeoutMs, writeTimeoutMs: config.writeTimeoutMs, commitDelayMs: config.commitDelayMs });
  const reader = new AuditReader(config.file);
  const schemas = new AuditSchemas();
  const seen = new WeakSet<FastifyRequest>();
  let pruning: NodeJS.Timeout | undefined;

  const prune = async () => {
    try {
      const { count, last } = await audit.prune({ retentionDays: config.retentionDays });
      if (count > 0) log.info({ count, throughSeq: last?.throughSeq, retentionDays: config.retentionDays }, 'audit records past retention pruned under a checkpoint');
    } catch (error) {
      log.error({ err: error }, 'audit pruning failed; it is retried at the next interval');
    }
    // The head, in the (shipped) log: an anchor outside the database for `audit verify --anchor`.
    if (audit.lastAppended) log.info({ seq: audit.lastAppended.seq, hash: audit.lastAppended.hash }, 'audit chain head');
  };

  app.addHook('onReady', async () => {
    const problem = await audit.open();
    if (problem) {
      log.error({ file: config.file, err: problem }, 'the audit log cannot be opened: reads of person data are refused (AUDIT_UNAVAILABLE) until it can');
    } else {
      log.info({ file: config.file, retentionDays: config.retentionDays }, 'audit log open');
      void prune();
    }
    pruning = setInterval(() => void prune(), config.pruneIntervalMs);
    pruning.unref();
  });
  // After the HTTP server closed and requests in flight finished: their records are committed first.
  app.addHook('onClose', async () => {
    clearInterval(pruning);
    await audit.close();
    reader.close();
  });

  /** The record of a refusal answered before Apollo Server, when it was about person data. */
  const recordRefusal = async (request: FastifyRequest, payload: unknown): Promise<void> => {
    const operation = operationOf(request, schemas.latest);
    if (!(request.readsPersonData ?? operation?.readsPersonData)) return;
    const errorCodes = codesIn(payload);
    try {
      await audit.append(
        accessEntry({
          time: new Date(),
          requestId: request.id,
          request,
          operation: { name: operation?.name ?? null, type: operation?.type ?? 'query', hash: operation?.hash ?? null },
          served: { persons: [], agencies: [], sensitiveFields: [] },
          outcome: outcomeOf({ hasData: false, errorCodes, removedFields: 0 }),
          errorCodes,
        }),
      );
    } catch (error) {
      request.log.error({ err: error, code: 'AUDIT_UNAVAILABLE' }, 'audit record of a refusal not written');
    }
  };

  // A refusal answered before Apollo Server (an HTTP hook) never reaches the
  // plugin; when the user is known and the operation reads person data, it
  // is an access attempt on record all the same. Every response passes here:
  // the common case (a success, or one the plugin saw) leaves at once, without
  // a promise (and before `routeOptions`, which fastify builds on each read).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode < 400 || seen.has(request) || !request.principal || request.routeOptions.url !== '/graphql') {
      done(null, payload);
      return;
    }
    recordRefusal(request, payload).then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });

  registerAuditRoutes(app, { reader, log: audit, ...(options.authenticate ? { authenticate: options.authenticate } : {}) });
  const recorder = new AuditRecorder({ log: audit, schemas });
  return {
    plugin: useAudit({ log: audit, schemas, seen, recorder }),
    recorder,
    handled: (request) => void seen.add(request),
  };
}

/** The operation of a /graphql request that Apollo Server never saw, as far as its text tells. */
function operationOf(request: FastifyRequest, schema: GraphQLSchema | undefined): { name: string | undefined; type: string; hash: string; readsPersonData: boolean } | undefined {
  const source = (request.method === 'GET' ? request.query : request.body) as { query?: unknown; operationName?: unknown } | undefined;
  if (!source || typeof source.query !== 'string') return undefined;
  const name = typeof source.operationName === 'string' ? source.operationName : undefined;
  const hash = createHash('sha256').update(source.query).digest('hex');
  let document: DocumentNode;
  try {
    document = parse(source.query);
  } catch {
    return { name, type: 'query', hash, readsPersonData: false }; // Does not parse: it read nothing.
  }
  const operation = getOperationAST(document, name);
  return {
    name: operation?.name?.value ?? name,
    type: operation?.operation ?? 'query',
    hash,
    readsPersonData: schema !== undefined && readsPersonData(schema, document, name),
  };
}

function codesIn(payload: unknown): string[] {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return [];
  try {
    const body = JSON.parse(payload.toString()) as { errors?: { extensions?: { code?: unknown } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
    return [...new Set(codes)];
  } catch {
    return [];
  }
}
