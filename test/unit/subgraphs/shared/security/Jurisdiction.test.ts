// The one jurisdiction rule every subgraph applies: parsing the signed
// context's codes into prefix ranges, the row check, and the SQL condition
// (run here against SQLite, as the stores run it).
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Jurisdiction } from '../../../../../subgraphs/shared/security/Jurisdiction.ts';
import { ListFilter } from '../../../../../subgraphs/shared/store/ListFilter.ts';

const TOWNS = ['420923100', '420923101', '420923105', '420102002', '420583104', '421081001', '110105001'];

describe('Jurisdiction', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE m (code TEXT PRIMARY KEY, division TEXT NOT NULL); CREATE INDEX m_division ON m (division)');
  const insert = db.prepare('INSERT INTO m VALUES (?, ?)');
  TOWNS.forEach((t, i) => insert.run(`m${i}`, t));
  afterAll(() => db.close());

  /** The towns a jurisdiction sees, by its SQL condition. */
  const visibleInSql = (j: Jurisdiction) => {
    const { sql, params } = j.where('division');
    return (db.prepare(`SELECT division FROM m WHERE ${sql} ORDER BY division`).pluck().all(params) as string[]);
  };

  it.each([
    ['a province', ['420000'], ['42']],
    ['a city', ['420900'], ['4209']],
    ['a county', ['420923'], ['420923']],
    ['a town', ['420923100'], ['420923100']],
    ['codes inside another one, and duplicates', ['420923100', '420900', '420923', '420900'], ['4209']],
    ['two counties', ['420923', '420102'], ['420102', '420923']],
    ['malformed codes, which cover nothing', ['42', '4209', 'abc', '', '42092310'], []],
  ])('parses %s into prefixes', (_what, codes, prefixes) => {
    expect(Jurisdiction.of(codes).prefixes).toEqual(prefixes);
  });

  it('sees a row when its division lies inside one of the codes, in JavaScript and in SQL alike', () => {
    const cases: [string[], string[]][] = [
      [['420000'], ['420102002', '420583104', '420923100', '420923101', '420923105', '421081001']],
      [['420900'], ['420923100', '420923101', '420923105']],
      [['420923'], ['420923100', '420923101', '420923105']],
      [['420923100'], ['420923100']],
      [['420923100', '420102'], ['420102002', '420923100']],
      [['420583'], ['420583104']],
    ];
    for (const [codes, towns] of cases) {
      const j = Jurisdiction.of(codes);
      expect(visibleInSql(j), codes.join()).toEqual(towns);
      expect(TOWNS.filter((t) => j.includes(t)).sort(), codes.join()).toEqual(towns);
    }
  });

  it('an empty jurisdiction sees nothing: no row, no SQL match, no division', () => {
    for (const j of [Jurisdiction.of([]), Jurisdiction.of(['bogus'])]) {
      expect(j.isEmpty).toBe(true);
      expect(j.where('division')).toEqual({ sql: '0', params: {} });
      expect(visibleInSql(j)).toEqual([]);
      expect(j.includes('420923100')).toBe(false);
      expect(j.within('420923').isEmpty).toBe(true);
    }
    expect(Jurisdiction.of(['420000']).includes(null)).toBe(false);
    expect(Jurisdiction.of(['420000']).includes('')).toBe(false);
  });

  it('hides rows loaded by key that lie outside, as if they did not exist', () => {
    const rows = [{ division: '420923100' }, undefined, { division: '420102002' }];
    expect(Jurisdiction.of(['420923']).visible(rows)).toEqual([{ division: '420923100' }, undefined, undefined]);
  });

  it('cuts a requested division to the jurisdiction (centerStats, riskAlerts)', () => {
    const county = Jurisdiction.of(['420923']);
    expect(county.within('420923').prefixes).toEqual(['420923']);
    expect(county.within('420923100').prefixes).toEqual(['420923100']);
    expect(county.within('420900').prefixes).toEqual(['420923']); // a city asked: only the county's part
    expect(county.within('420102').prefixes).toEqual([]); // another county: nothing
    expect(Jurisdiction.of(['420923100']).within('420923').prefixes).toEqual(['420923100']);
    expect(Jurisdiction.of(['420923100', '420923101']).within('420923').prefixes).toEqual(['420923100', '420923101']);
    expect(Jurisdiction.of(['420900']).within('420923').prefixes).toEqual(['420923']);
    expect(county.within('not a code').prefixes).toEqual([]);
  });

  it('names its parameters apart from the other filters of a list, and one statement serves every user with as many codes', () => {
    const filter = new ListFilter().inDivision('division', '420923').within('division', Jurisdiction.of(['420923100', '420923101']));
    expect(filter.where).toEqual([
      'division >= @division AND division < @divisionEnd',
      '((division >= @jurisdiction0 AND division < @jurisdiction0End) OR (division >= @jurisdiction1 AND division < @jurisdiction1End))',
    ]);
    const rows = db.prepare(`SELECT division FROM m WHERE ${filter.where.join(' AND ')} ORDER BY division`).pluck().all(filter.params);
    expect(rows).toEqual(['420923100', '420923101']);
    expect(Jurisdiction.of(['420923']).where('d.division').sql).toBe(Jurisdiction.of(['420102']).where('d.division').sql);
  });

  it('is made once per array of codes (a verified context\'s), and its conditions once per column', () => {
    const codes = ['420923', '420900'];
    const j = Jurisdiction.of(codes);
    expect(Jurisdiction.of(codes)).toBe(j);
    expect(Jurisdiction.of([...codes]).prefixes).toEqual(j.prefixes);
    expect(j.where('c.division')).toBe(j.where('c.division'));
    expect(Object.isFrozen(j.where('c.division').params)).toBe(true);
    expect(j.where('c.division', 'visible')).toEqual({ sql: '(c.division >= @visible0 AND c.division < @visible0End)', params: { visible0: '4209', visible0End: '4209\uffff' } });
  });
});
