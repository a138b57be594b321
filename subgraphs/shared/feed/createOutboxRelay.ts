import { request } from 'undici';
import type { Clock } from '../clock.ts';
import type { Db } from '../store/openDatabase.ts';
import { limitClause } from '../store/sqlLimit.ts';
import { signServiceCall } from './serviceSignature.ts';

export interface OutboxRelayOptions {
  db: Db;
  /** Who is calling (the agency subgraph's name), signed into each call. */
  caller: string;
  /** The registry's ingest endpoint, e.g. http://127.0.0.1:4001/ingest/matter-events. */
  url: string;
  secret: string;
  clock: Clock;
  batchSize?: number;
  /** First retry delay; doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  /**
   * Longest wait between attempts (default 5 s): also how late the feed may
   * resume after the registry is back. A first start is the common case: an
   * agency is ready in seconds, grid's import of a large world takes longer,
   * and a long backoff would keep the agency waiting well after it.
   */
  maxBackoffMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export interface OutboxRelay {
  /** Starts delivering in the background. */
  start(): void;
  /** Stops after the delivery in progress, if any. */
  stop(): Promise<void>;
  /** Delivers right away instead of waiting for the next timer. */
  notify(): void;
  /** Events written and not yet acknowledged by the registry. */
  backlog(): number;
}

/**
 * Delivers outbox events to the registry, oldest first, in batches. An event
 * is marked delivered only after the registry acknowledged it (2xx), so a
 * crash on either side at any point resends; the registry is idempotent by
 * case code and version, so a resend is never applied twice.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, clock } = options;
  const batchSize = options.batchSize ?? 500;
  const minBackoff = options.minBackoffMs ?? 200;
  const maxBackoff = options.maxBackoffMs ?? 5_000;
  // The batch size in the text, not bound: a bound LIMIT makes SQLite prepare the statement again on every run (sqlLimit.ts).
  const selectPending = db.prepare(`SELECT id, payload FROM outbox WHERE delivered_at IS NULL ORDER BY id ${limitClause(batchSize)}`);
  const countPending = db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL');
  const markDelivered = db.prepare('UPDATE outbox SET delivered_at = ? WHERE id = ?');
  const markAttempt = db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?');

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let backoff = minBackoff;
  let wakeRequested = false;

  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      inFlight = deliverAll().finally(() => {
        inFlight = undefined;
      });
    }, delay);
    timer.unref();
  }

  async function deliverBatch(): Promise<number> {
    const rows = selectPending.all() as { id: number; payload: string }[];
    if (rows.length === 0) return 0;
    const body = `{"events":[${rows.map((r) => r.payload).join(',')}]}`;
    const headers = { 'content-type': 'application/json', ...signServiceCall(options.secret, options.caller, body, clock.now()) };
    try {
      const response = await request(options.url, { method: 'POST', body, headers, headersTimeout: 10_000, bodyTimeout: 10_000 });
      const text = await response.body.text();
      if (response.statusCode < 200 || response.statusCode >= 300) {
        throw new Error(`registry answered ${response.statusCode}: ${text.slice(0, 200)}`);
      }
    } catch (error) {
      db.transaction(() => rows.forEach((r) => markAttempt.run(r.id)))();
      throw error;
    }
    const at = clock.now().toISOString();
    db.transaction(() => rows.forEach((r) => markDelivered.run(at, r.id)))();
    return rows.length;
  }

  async function deliverAll(): Promise<void> {
    wakeRequested = false;
    try {
      while (running && (await deliverBatch()) > 0) {
        backoff = minBackoff;
      }
      backoff = minBackoff;
      // Re-check for events written while a batch was on the wire.
      schedule(wakeRequested ? 0 : 1_000);
    } catch (error) {
      options.log?.('outbox delivery failed; will retry', { error: (error as Error).message, retryInMs: backoff });
      schedule(backoff);
      backoff = Math.min(maxBackoff, backoff * 2);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
    notify() {
      wakeRequested = true;
      if (running && !inFlight) schedule(0);
    },
    backlog() {
      return (countPending.get() as { n: number }).n;
    },
  };
}
