import type { Db } from './openDatabase.ts';

export interface BulkLoadOptions {
  /**
   * Indexes to drop before the load and build again after it, in the same
   * transaction: one sorted build is far cheaper than an index updated row by
   * row. Only indexes the load itself never reads through (a lookup the
   * load makes would become a scan) and that are not constraints.
   */
  deferIndexes?: readonly string[];
  /** Page cache for the load, KiB (default 512 MiB; SQLite takes only what it uses). */
  cacheKib?: number;
}

/**
 * Runs `load` (which may await, e.g. while streaming a file) as one
 * transaction: all of it is committed, or nothing. Meant for a first start
 * that fills an empty store (the world import) and nothing else touches the
 * database meanwhile.
 *
 * While it runs, the store uses a rollback journal instead of its WAL: pages
 * added past the end of the file need no journal copy, so each page is
 * written once rather than once into the WAL and again by the checkpoint. A
 * crash before the commit leaves the journal, and the next open rolls the
 * file back to its state before the load (nothing of it). The commit is
 * durable (`synchronous = FULL` as always); afterwards the store is back in
 * WAL mode with its usual cache.
 */
export async function bulkLoad<T>(db: Db, load: () => Promise<T>, options: BulkLoadOptions = {}): Promise<T> {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  // Another connection keeps the store in WAL mode (the switch then leaves it
  // as it is): the load is still one transaction, just slower.
  if (journal === 'wal') db.pragma('journal_mode = DELETE');
  db.pragma(`cache_size = ${-(options.cacheKib ?? 512 * 1024)}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const deferred = (options.deferIndexes ?? []).map((name) => {
        const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined;
        if (!sql) throw new Error(`bulk load: no index ${name} to defer`);
        db.exec(`DROP INDEX ${name}`);
        return sql;
      });
      const result = await load();
      for (const sql of deferred) db.exec(sql);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    if (journal === 'wal') db.pragma('journal_mode = WAL');
  }
}
