import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startGrid } from '../../../support/gridApp.ts';
import { writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

describe('grid: the world import on first start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-grid-import-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const now = '2026-11-02T09:00:00+08:00';

  it('is all or nothing: a file cut short leaves an empty store with its indexes, and the next start imports it whole', async () => {
    writeTinyGridWorld(dataDir);
    appendFileSync(join(dataDir, 'world', 'grid.ndjson'), '{"t":"person","idNumber":');
    await expect(startGrid({ now, dataDir })).rejects.toThrow(/grid\.ndjson:\d+: not a JSON record/);

    const db = new Database(join(dataDir, 'grid', 'grid.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM dispute) + (SELECT count(*) FROM matter) + (SELECT count(*) FROM world_import)').pluck().get()).toBe(0);
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL ORDER BY name").pluck().all();
      expect(indexes).toEqual(['person_cell', 'person_division', 'person_household', 'person_name', 'person_phone_suffix']);
    } finally {
      db.close();
    }

    writeTinyGridWorld(dataDir);
    const grid = await startGrid({ now, dataDir });
    try {
      const res = await grid.gql(`{ searchPersons(name: "张") { totalCount nodes { name } } }`);
      expect(res.data?.searchPersons).toEqual({ totalCount: 2, nodes: [{ name: '张伟' }, { name: '张小明' }] });
      const timeline = await grid.gql(`{ personByIdNumber(idNumber: "420923198503161235") { timeline { totalCount } } }`);
      expect(timeline.data?.personByIdNumber.timeline.totalCount).toBeGreaterThan(0);
    } finally {
      await grid.close();
    }
  });
});
