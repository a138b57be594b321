import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (creating if needed) a subgraph's own SQLite file in WAL mode.
 * `synchronous = FULL`: a transaction is on disk when commit returns, so a
 * write acknowledged to a client survives a crash or a power cut.
 */
export function openDatabase(file: string, options: { onStatement?: (sql: string) => void } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // onStatement sees every statement run: tests count them to prove batching.
  const db = new Database(file, options.onStatement ? { verbose: (sql) => options.onStatement!(String(sql)) } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  return db;
}
