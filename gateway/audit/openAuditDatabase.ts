import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type AuditDb = Database.Database;

const SCHEMA_VERSION = 1;

// Append-only by construction: UPDATE is refused on every table, DELETE on
// records and their person index only below the newest prune checkpoint, and
// checkpoints are never deleted. Anyone who can write the file can drop these
// triggers; the hash chain is what shows that (`npm run audit -- verify`).
const DDL = `
CREATE TABLE IF NOT EXISTS audit_record (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  time TEXT NOT NULL,
  kind TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  body TEXT NOT NULL
);
-- Who accessed a person: one row per person per record, derived from the
-- record's body (verify checks that they agree). Keyed by seq for pruning and
-- verification, indexed by person for the access listing.
CREATE TABLE IF NOT EXISTS audit_person (
  seq INTEGER NOT NULL,
  person TEXT NOT NULL,
  PRIMARY KEY (seq, person)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_person_by_person ON audit_person (person, seq);
CREATE TABLE IF NOT EXISTS audit_checkpoint (
  through_seq INTEGER PRIMARY KEY,
  through_hash TEXT NOT NULL,
  prune_seq INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_record_no_update BEFORE UPDATE ON audit_record
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_record_no_delete BEFORE DELETE ON audit_record
WHEN old.seq > (SELECT coalesce(max(through_seq), 0) FROM audit_checkpoint)
BEGIN SELECT RAISE(ABORT, 'audit records are append-only: only records behind a prune checkpoint may be deleted'); END;
CREATE TRIGGER IF NOT EXISTS audit_person_no_update BEFORE UPDATE ON audit_person
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_person_no_delete BEFORE DELETE ON audit_person
WHEN old.seq > (SELECT coalesce(max(through_seq), 0) FROM audit_checkpoint)
BEGIN SELECT RAISE(ABORT, 'audit records are append-only: only records behind a prune checkpoint may be deleted'); END;
CREATE TRIGGER IF NOT EXISTS audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
`;

export interface OpenAuditDatabaseOptions {
  /** Open for reading only (verify, who, the access listing): never creates or migrates. */
  readonly?: boolean;
  /** How long a write waits for another writer's lock before failing (ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens the audit database, creating the file and its tables when writable.
 * WAL with `synchronous = FULL`: a record is on disk when its commit returns,
 * which is what lets the gateway release the answer it describes.
 */
export function openAuditDatabase(file: string, options: OpenAuditDatabaseOptions = {}): AuditDb {
  if (options.readonly) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    return db;
  }
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`audit database ${file} has schema version ${version}; this gateway knows up to ${SCHEMA_VERSION}`);
    }
    if (version < SCHEMA_VERSION) {
      db.transaction(() => {
        db.exec(DDL);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }).immediate();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
