import type { Db } from '../store/openDatabase.ts';
import { preparedStatement } from '../store/preparedStatement.ts';
import type { MatterEvent } from './matterEvent.ts';

/** The outbox table; every agency subgraph's migrations include it. */
export const OUTBOX_MIGRATION = `
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  UNIQUE (case_code, version)
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
`;

/**
 * Writes a matter event into the outbox. Call it inside the transaction that
 * changes the matter: the event exists exactly when the change does.
 */
export function enqueueMatterEvent(db: Db, event: MatterEvent, now: Date): void {
  preparedStatement(
    db,
    'INSERT INTO outbox (case_code, version, payload, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (case_code, version) DO NOTHING',
  ).run(event.caseCode, event.version, JSON.stringify(event), now.toISOString());
}
