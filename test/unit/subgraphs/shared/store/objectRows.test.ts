import { describe, expect, it } from 'vitest';
import { keyedRows, objectRows } from '../../../../../subgraphs/shared/store/objectRows.ts';
import { openDatabase } from '../../../../../subgraphs/shared/store/openDatabase.ts';

function database() {
  const db = openDatabase(':memory:');
  db.exec(`CREATE TABLE t (code TEXT PRIMARY KEY, title TEXT, amount REAL, flag INTEGER, note TEXT);
    INSERT INTO t VALUES ('a', '标题"一', 1.5, 1, NULL), ('b', 'two', NULL, 0, 'x');`);
  return db;
}

describe('objectRows', () => {
  it('answers what better-sqlite3\'s own object rows answer, key order included', () => {
    const db = database();
    const sql = 'SELECT code AS caseCode, title, amount AS "amount yuan", flag, note FROM t ORDER BY code';
    const rows = objectRows(db.prepare(sql)).all();
    expect(rows).toEqual(db.prepare(sql).all());
    expect(JSON.stringify(rows)).toBe(JSON.stringify(db.prepare(sql).all()));
    const one = objectRows(db.prepare('SELECT code, title FROM t WHERE code = ?'));
    expect(one.get('b')).toEqual({ code: 'b', title: 'two' });
    expect(one.get('nope')).toBeUndefined();
    db.close();
  });

  it('reads [key, row] pairs when the first column is the key a row was read for', () => {
    const db = database();
    const rows = keyedRows(db.prepare(`SELECT j.value AS personId, t.code, t.note FROM json_each(?) j JOIN t ON t.code = j.value`)).all('["b","a"]');
    expect(rows).toEqual([
      ['b', { code: 'b', note: 'x' }],
      ['a', { code: 'a', note: null }],
    ]);
    db.close();
  });
});
