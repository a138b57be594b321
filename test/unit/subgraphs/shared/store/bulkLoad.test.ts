import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../../../../subgraphs/shared/store/bulkLoad.ts';
import { type Db, openDatabase } from '../../../../../subgraphs/shared/store/openDatabase.ts';
import { repositoryRoot } from '../../../../e2e/support/startProcess.ts';

const SCHEMA = `CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL); CREATE INDEX item_name ON item (name);`;

describe('bulkLoad: a first-start import as one transaction', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-bulk-'));
    file = join(dir, 'store.db');
    db = openDatabase(file);
    db.exec(SCHEMA);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = () => db.prepare('SELECT count(*) FROM item').pluck().get();
  const indexes = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

  it('commits everything the load wrote, builds the deferred indexes again, and leaves the store in WAL mode with its cache', async () => {
    const before = indexes();
    const cache = db.pragma('cache_size', { simple: true });
    const result = await bulkLoad(
      db,
      async () => {
        expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
        const insert = db.prepare('INSERT INTO item (id, name) VALUES (?, ?)');
        for (let i = 0; i < 1000; i++) {
          insert.run(i, `item ${i}`);
          if (i % 100 === 0) await Promise.resolve();
        }
        return 'loaded';
      },
      { deferIndexes: ['item_name'] },
    );
    expect(result).toBe('loaded');
    expect(count()).toBe(1000);
    expect(indexes()).toEqual(before);
    expect(db.prepare("EXPLAIN QUERY PLAN SELECT id FROM item WHERE name = 'item 7'").all()).toEqual([
      expect.objectContaining({ detail: expect.stringContaining('item_name') }),
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('cache_size', { simple: true })).toBe(cache);
  });

  it('leaves nothing of a load that fails, its indexes included', async () => {
    const before = indexes();
    const failing = bulkLoad(
      db,
      async () => {
        db.prepare('INSERT INTO item (id, name) VALUES (1, ?)').run('half');
        await Promise.resolve();
        throw new Error('the world file is cut short');
      },
      { deferIndexes: ['item_name'] },
    );
    await expect(failing).rejects.toThrow('the world file is cut short');
    expect(count()).toBe(0);
    expect(indexes()).toEqual(before);
    expect(db.inTransaction).toBe(false);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses to defer an index that does not exist, before loading anything', async () => {
    let ran = false;
    await expect(bulkLoad(db, async () => (ran = true), { deferIndexes: ['no_such_index'] })).rejects.toThrow(/no index no_such_index/);
    expect(ran).toBe(false);
    expect(indexes()).toHaveLength(1);
  });

  it('survives a crash in the middle: the next open finds the store as it was before the load', () => {
    db.prepare('INSERT INTO item (id, name) VALUES (-1, ?)').run('before the load');
    db.close();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/store/crashDuringBulkLoad.ts', file], { cwd: repositoryRoot, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    // The uncommitted pages reached the file: the crash left work to undo.
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
    db = openDatabase(file);
    expect(db.prepare('SELECT id, name FROM item').all()).toEqual([{ id: -1, name: 'before the load' }]);
    expect(indexes()).toEqual([{ name: 'item_name', sql: 'CREATE INDEX item_name ON item (name)' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
