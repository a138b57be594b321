import { existsSync } from 'node:fs';
import { bulkLoad, type BulkLoadOptions } from '../store/bulkLoad.ts';
import type { Db } from '../store/openDatabase.ts';
import { readWorldFileInChunks } from './readWorldFileInChunks.ts';

export const WORLD_IMPORT_MIGRATION = `
CREATE TABLE world_import (
  file TEXT PRIMARY KEY,
  records INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) WITHOUT ROWID;
`;

export interface WorldImportResult {
  /** False when this database already holds the file, or there is no file. */
  imported: boolean;
  records: number;
}

export interface WorldImportOptions extends BulkLoadOptions {
  /** Records handed to `apply` at a time (default 2,000). */
  batchSize?: number;
}

/**
 * Imports one world file into a subgraph's store on first start: streams
 * it, hands its records to `apply` in batches, and notes the import so a
 * restart does not import again. The whole import, note included, is one
 * transaction (`bulkLoad`): a crash mid-import leaves the store as it was
 * before, and the next start imports the file again from its beginning.
 */
export async function importWorldFile<T extends { t: string }>(
  db: Db,
  path: string,
  apply: (batch: readonly T[]) => void,
  now: Date,
  options: WorldImportOptions = {},
): Promise<WorldImportResult> {
  const name = path.split('/').at(-1)!;
  if (db.prepare('SELECT 1 FROM world_import WHERE file = ?').get(name)) return { imported: false, records: 0 };
  if (!existsSync(path)) return { imported: false, records: 0 };
  const batchSize = options.batchSize ?? 2_000;
  const records = await bulkLoad(
    db,
    async () => {
      let batch: T[] = [];
      let count = 0;
      for await (const chunk of readWorldFileInChunks<T>(path)) {
        for (const record of chunk) {
          if (record.t === 'header') continue;
          batch.push(record);
          if (batch.length >= batchSize) {
            apply(batch);
            count += batch.length;
            batch = [];
          }
        }
      }
      apply(batch);
      count += batch.length;
      db.prepare('INSERT INTO world_import (file, records, imported_at) VALUES (?, ?, ?)').run(name, count, now.toISOString());
      return count;
    },
    options,
  );
  return { imported: true, records };
}
