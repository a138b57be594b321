import { existsSync } from 'node:fs';
import type { Db } from '../store/openDatabase.ts';
import { readWorldFile } from './readWorldFile.ts';

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

/**
 * Imports one world file into a subgraph's store on first start: streams
 * it, hands each record to `apply` in transactions of `batchSize`, and
 * notes the import so a restart does not import again. A crash mid-import
 * leaves no note, and the next start finishes the job: `apply` must be
 * idempotent (INSERT ... ON CONFLICT DO NOTHING).
 */
export async function importWorldFile<T extends { t: string }>(
  db: Db,
  path: string,
  apply: (batch: readonly T[]) => void,
  now: Date,
  batchSize = 2_000,
): Promise<WorldImportResult> {
  const name = path.split('/').at(-1)!;
  if (db.prepare('SELECT 1 FROM world_import WHERE file = ?').get(name)) return { imported: false, records: 0 };
  if (!existsSync(path)) return { imported: false, records: 0 };
  const applyBatch = db.transaction(apply);
  let batch: T[] = [];
  let records = 0;
  for await (const record of readWorldFile<T>(path)) {
    if (record.t === 'header') continue;
    batch.push(record);
    if (batch.length >= batchSize) {
      applyBatch(batch);
      records += batch.length;
      batch = [];
    }
  }
  applyBatch(batch);
  records += batch.length;
  db.prepare('INSERT INTO world_import (file, records, imported_at) VALUES (?, ?, ?)').run(name, records, now.toISOString());
  return { imported: true, records };
}
