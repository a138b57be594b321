import type { FastifyInstance } from 'fastify';
import { SUBGRAPHS } from '../../../schema/subgraphList.ts';
import type { Clock } from '../../shared/clock.ts';
import { parseMatterEvent } from '../../shared/feed/parseMatterEvent.ts';
import { verifyServiceCall } from '../../shared/feed/serviceSignature.ts';
import type { MatterEvent } from '../../shared/feed/matterEvent.ts';
import type { RegistryStore } from './registry.store.ts';

export const INGEST_PATH = '/ingest/matter-events';

export interface IngestRouteOptions {
  registry: RegistryStore;
  secret: string;
  clock: Clock;
}

/**
 * The registry's door for agency events: a signed service call (HMAC over
 * caller, time and body), each agency only about its own matters, applied in
 * one transaction, idempotent by case code and version.
 */
export async function ingestRoute(app: FastifyInstance, options: IngestRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    // The signature covers the exact bytes, so this route keeps the raw body.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 32 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(INGEST_PATH, async (request, reply) => {
      const raw = request.body as string;
      const verified = verifyServiceCall(options.secret, request.headers, raw, options.clock.now());
      if (!verified.ok) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: verified.reason } });
      const agency = SUBGRAPHS.find((s) => s.name === verified.caller)?.agency;
      if (!agency) return reply.code(403).send({ error: { code: 'FORBIDDEN', message: `unknown caller ${verified.caller}` } });

      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: 'body is not JSON' } });
      }
      const list = (body as { events?: unknown } | null)?.events;
      if (!Array.isArray(list)) return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: 'body must be { events: [...] }' } });
      const events: MatterEvent[] = [];
      for (const [index, item] of list.entries()) {
        const parsed = parseMatterEvent(item);
        if (!parsed.ok) return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: `events[${index}]: ${parsed.reason}` } });
        if (parsed.event.agency !== agency) {
          return reply.code(403).send({ error: { code: 'FORBIDDEN', message: `events[${index}]: ${verified.caller} may only report ${agency} matters` } });
        }
        events.push(parsed.event);
      }
      return options.registry.ingest(events);
    });
  });
}
