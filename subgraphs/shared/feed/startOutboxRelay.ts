import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import type { SubgraphConfig } from '../config/readSubgraphConfig.ts';
import type { Db } from '../store/openDatabase.ts';
import { createOutboxRelay, type OutboxRelay } from './createOutboxRelay.ts';

export interface StartOutboxRelayOptions {
  db: Db;
  config: SubgraphConfig;
  clock: Clock;
  /** False in tests that read the outbox themselves: then only the database is closed with the app. */
  enabled: boolean;
}

/**
 * Delivers an agency subgraph's outbox to the centre's registry (failed
 * deliveries are logged as warnings and retried), and closes the database
 * when the app closes, after the relay has stopped: a delivery in flight
 * finishes first, and whatever is left goes out on the next start. Both are
 * one hook because Fastify runs onClose hooks last-registered first.
 */
export function startOutboxRelay(app: FastifyInstance, options: StartOutboxRelayOptions): OutboxRelay | null {
  const { db, config, clock } = options;
  const relay = options.enabled
    ? createOutboxRelay({
        db,
        caller: config.name,
        url: config.registryUrl,
        secret: config.serviceSecret,
        clock,
        log: (message, details) => app.log.warn(details ?? {}, message),
      })
    : null;
  relay?.start();
  app.addHook('onClose', async () => {
    await relay?.stop();
    db.close();
  });
  return relay;
}
