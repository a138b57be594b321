// A bound LIMIT (`LIMIT @limit`) makes SQLite plan the statement again on
// every run (it reads the bound number while planning, and binding it anew
// expires the plan): the lists and the outbox write the number into the
// statement's text instead, and prepare a statement once per page size.
import { describe, expect, it } from 'vitest';
import { createOutboxRelay } from '../../../../../subgraphs/shared/feed/createOutboxRelay.ts';
import { OUTBOX_MIGRATION } from '../../../../../subgraphs/shared/feed/outbox.ts';
import type { MatterEvent } from '../../../../../subgraphs/shared/feed/matterEvent.ts';
import { Jurisdiction } from '../../../../../subgraphs/shared/security/Jurisdiction.ts';
import { ListFilter } from '../../../../../subgraphs/shared/store/ListFilter.ts';
import { listNewestFirst } from '../../../../../subgraphs/shared/store/listNewestFirst.ts';
import { migrate } from '../../../../../subgraphs/shared/store/migrate.ts';
import { openDatabase } from '../../../../../subgraphs/shared/store/openDatabase.ts';
import { limitClause } from '../../../../../subgraphs/shared/store/sqlLimit.ts';
import { preparedTexts } from '../../../../support/preparedTexts.ts';
import { GRID_MIGRATIONS } from '../../../../../subgraphs/grid/migrations.ts';
import { createPersonStore } from '../../../../../subgraphs/grid/person/person.store.ts';
import { createRegistryStore } from '../../../../../subgraphs/grid/registry/registry.store.ts';

const BOUND_LIMIT = /\b(?:LIMIT|OFFSET)\s+[@:$?]/i;

const county = Jurisdiction.of(['420923']);

function matter(n: number, personId: string): MatterEvent {
  return {
    caseCode: `420923-FY-2026-00000${n}`,
    agency: 'COURTS',
    version: 1,
    title: `案件${n}`,
    category: 'CONTRACT_DEBT',
    status: 'OPEN',
    division: '420923100',
    openedAt: `2026-10-0${n}T09:00:00+08:00`,
    closedAt: null,
    dueAt: null,
    parties: [{ personId, role: 'PLAINTIFF' }],
    links: [],
    flags: [],
  } as MatterEvent;
}

describe('limitClause', () => {
  it('writes the number into the text, and refuses anything but a whole number of rows', () => {
    expect(limitClause(21)).toBe('LIMIT 21');
    expect(limitClause(0)).toBe('LIMIT 0');
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => limitClause(bad)).toThrow(RangeError);
  });
});

describe('no statement binds its LIMIT', () => {
  it("grid's timeline: pages of one size share one statement, the next page its own", () => {
    const db = openDatabase(':memory:');
    migrate(db, GRID_MIGRATIONS);
    const registry = createRegistryStore(db);
    registry.ingest([1, 2, 3].map((n) => matter(n, 'p_zhang')));
    const texts = preparedTexts(db);
    const first = registry.timeline('p_zhang', null, county, 2, null);
    expect(first.rows.map((r) => r.caseCode)).toEqual(['420923-FY-2026-000003', '420923-FY-2026-000002']);
    expect([first.hasNextPage, first.totalCount]).toEqual([true, 3]);
    const last = first.rows.at(-1)!;
    const next = registry.timeline('p_zhang', null, county, 2, [last.openedAt, last.caseCode]);
    expect(next.rows.map((r) => r.caseCode)).toEqual(['420923-FY-2026-000001']);
    expect(next.hasNextPage).toBe(false);
    const prepared = texts.length;
    expect(registry.timeline('p_zhang', null, county, 2, null)).toEqual(first);
    expect(texts.length).toBe(prepared);
    expect(texts.filter((t) => t.includes('person_matter') && t.includes('LIMIT 3'))).toHaveLength(2);
    expect(texts.filter((t) => BOUND_LIMIT.test(t))).toEqual([]);
    db.close();
  });

  it("grid's person search", () => {
    const db = openDatabase(':memory:');
    migrate(db, GRID_MIGRATIONS);
    const persons = createPersonStore(db);
    for (const [id, name] of [['p_1', '王一'], ['p_2', '王二'], ['p_3', '李三']] as const) {
      persons.insertPerson({ id, idNumber: `42092319900101${id.slice(2)}000`, name, gender: 'MALE', birthDate: '1990-01-01', phone: null, address: '', division: '420923100', cell: null, household: null, tags: [] });
    }
    const texts = preparedTexts(db);
    const page = persons.search({ name: '王' }, county, 1, null);
    expect([page.rows.length, page.hasNextPage, page.totalCount]).toEqual([1, true, 2]);
    expect(texts.some((t) => t.includes('LIMIT 2'))).toBe(true);
    expect(texts.filter((t) => BOUND_LIMIT.test(t))).toEqual([]);
    db.close();
  });

  it("an agency's list, newest first", () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE TABLE item (code TEXT PRIMARY KEY, at TEXT NOT NULL, division TEXT NOT NULL);
      INSERT INTO item VALUES ('a', '2026-01-01', '420923100'), ('b', '2026-01-02', '420923100'), ('c', '2026-01-03', '420923101');`);
    const texts = preparedTexts(db);
    const list = { from: 'item', columns: 'code, at', orderBy: ['at', 'code'] as const };
    const filter = new ListFilter().within('division', county);
    const first = listNewestFirst(db, list, filter, { limit: 2, after: null }, (r) => r.code);
    expect([first.rows, first.hasNextPage, first.totalCount]).toEqual([['c', 'b'], true, 3]);
    const prepared = texts.length;
    expect(listNewestFirst(db, list, filter, { limit: 2, after: null }, (r) => r.code)).toEqual(first);
    expect(texts.length).toBe(prepared);
    expect(listNewestFirst(db, list, filter, { limit: 2, after: ['2026-01-02', 'b'] }, (r) => r.code).rows).toEqual(['a']);
    expect(texts.filter((t) => BOUND_LIMIT.test(t))).toEqual([]);
    db.close();
  });

  it("the outbox relay's batch", () => {
    const db = openDatabase(':memory:');
    db.exec(OUTBOX_MIGRATION);
    const texts = preparedTexts(db);
    createOutboxRelay({ db, caller: 'courts', url: 'http://127.0.0.1:9/ingest', secret: 'x'.repeat(32), clock: { now: () => new Date() }, batchSize: 50 });
    expect(texts.some((t) => t.includes('LIMIT 50'))).toBe(true);
    expect(texts.filter((t) => BOUND_LIMIT.test(t))).toEqual([]);
    db.close();
  });
});
