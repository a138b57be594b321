import { keysetPage } from '../../shared/paging/keysetPage.ts';
import { groupInKeyOrder, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { preparedStatement } from '../../shared/store/preparedStatement.ts';
import { limitClause } from '../../shared/store/sqlLimit.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';

export const PERSON_MIGRATION = `
CREATE TABLE grid_cell (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  division TEXT NOT NULL,
  worker_name TEXT NOT NULL,
  worker_phone TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX grid_cell_division ON grid_cell (division);
CREATE TABLE household (
  id TEXT PRIMARY KEY,
  cell TEXT NOT NULL,
  address TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE person (
  id TEXT PRIMARY KEY,
  id_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  phone TEXT,
  phone_suffix TEXT,
  address TEXT NOT NULL,
  division TEXT NOT NULL,
  cell TEXT,
  household TEXT,
  tags TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
CREATE INDEX person_name ON person (name, id);
CREATE INDEX person_phone_suffix ON person (phone_suffix, id);
CREATE INDEX person_cell ON person (cell, name, id);
CREATE INDEX person_division ON person (division, name, id);
CREATE INDEX person_household ON person (household);
`;

export interface PersonRow {
  id: string;
  idNumber: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  phone: string | null;
  address: string;
  division: string;
  cell: string | null;
  household: string | null;
  tags: string[];
}

export interface GridCellRow {
  code: string;
  name: string;
  division: string;
  workerName: string;
  workerPhone: string;
}

export interface HouseholdRow {
  id: string;
  cell: string;
  address: string;
}

export interface PersonSearch {
  name?: string | null;
  phoneSuffix?: string | null;
  gridCell?: string | null;
  division?: string | null;
}

// Read as arrays (better-sqlite3 `raw`) and made into objects of one shape:
// cheaper than its objects with named columns (the person view reads one on
// every request).
const PERSON_COLUMNS = 'id, id_number, name, gender, birth_date, phone, address, division, cell, household, tags';

function toPerson(r: unknown[]): PersonRow {
  return {
    id: r[0] as string,
    idNumber: r[1] as string,
    name: r[2] as string,
    gender: r[3] as PersonRow['gender'],
    birthDate: r[4] as string,
    phone: r[5] as string | null,
    address: r[6] as string,
    division: r[7] as string,
    cell: r[8] as string | null,
    household: r[9] as string | null,
    tags: JSON.parse(r[10] as string) as string[],
  };
}

/** The resident register built by grid workers (户户走访, 建档立卡). */
export function createPersonStore(db: Db) {
  // One key (a person looked up, the usual batch) by the key itself; more through json_each.
  const loadOne = db.prepare(`SELECT ${PERSON_COLUMNS} FROM person WHERE id = ?`).raw();
  const loadMany = db.prepare(`SELECT ${PERSON_COLUMNS} FROM person WHERE id IN (SELECT value FROM json_each(?))`).raw();
  const cells = db.prepare(`SELECT code, name, division, worker_name AS workerName, worker_phone AS workerPhone FROM grid_cell WHERE code IN (SELECT value FROM json_each(?))`);
  const households = db.prepare(`SELECT id, cell, address FROM household WHERE id IN (SELECT value FROM json_each(?))`);
  const cellsInDivision = db.prepare(
    `SELECT code, name, division, worker_name AS workerName, worker_phone AS workerPhone FROM grid_cell WHERE division LIKE ? || '%' ORDER BY code`,
  );
  // Positional parameters: binding them is cheaper than named ones, which counts at a million rows.
  const insertPerson = db.prepare(`INSERT INTO person (id, id_number, name, gender, birth_date, phone, phone_suffix, address, division, cell, household, tags)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO NOTHING`);
  const insertCell = db.prepare(`INSERT OR IGNORE INTO grid_cell (code, name, division, worker_name, worker_phone) VALUES (?, ?, ?, ?, ?)`);
  const insertHousehold = db.prepare(`INSERT OR IGNORE INTO household (id, cell, address) VALUES (?, ?, ?)`);
  // The towns (9-digit divisions) persons live in between two codes: a skip
  // scan of person_division, one seek per town.
  const townsBetween = db
    .prepare(
      `WITH RECURSIVE town(division) AS (
         SELECT (SELECT min(division) FROM person WHERE division >= @from AND division < @to)
         UNION ALL
         SELECT (SELECT min(division) FROM person WHERE division > town.division AND division < @to) FROM town WHERE town.division IS NOT NULL)
       SELECT division FROM town WHERE division IS NOT NULL`,
    )
    .pluck();

  /** The towns persons live in inside a jurisdiction (each of its prefixes a range of town codes). */
  const townsWithin = (scope: Jurisdiction): string[] => scope.prefixes.flatMap((p) => townsBetween.all({ from: p, to: `${p}\uffff` }) as string[]);

  /**
   * How many persons living in these towns match the filter, counted town
   * by town: with a name, each town is one range of person_division
   * (division, name, id) that holds exactly its matches, so the count reads
   * only what it counts (a range on the division alone would read everyone
   * living in the jurisdiction: a common surname at a million people cost
   * milliseconds per page).
   */
  const countInTowns = (towns: readonly string[], filter: ListFilter): number =>
    preparedStatement(db, `SELECT count(*) FROM person WHERE ${['division IN (SELECT value FROM json_each(@towns))', ...filter.where].join(' AND ')}`)
      .pluck()
      .get({ ...filter.params, towns: JSON.stringify(towns) }) as number;

  return {
    /** Persons by token, in key order. */
    load(ids: readonly string[]): (PersonRow | undefined)[] {
      if (ids.length === 1) {
        const row = loadOne.get(ids[0]) as unknown[] | undefined;
        return [row && toPerson(row)];
      }
      return inKeyOrder(ids, (loadMany.all(JSON.stringify(ids)) as unknown[][]).map(toPerson), (p) => p.id);
    },

    /** Members of each household the user may see (by their town of residence), in key order. */
    members(householdIds: readonly string[], jurisdiction: Jurisdiction): PersonRow[][] {
      const visible = jurisdiction.where('division');
      const membersOf = preparedStatement(
        db,
        `SELECT ${PERSON_COLUMNS} FROM person WHERE household IN (SELECT value FROM json_each(@households)) AND ${visible.sql} ORDER BY birth_date, id`,
      );
      const rows = (membersOf.raw().all({ households: JSON.stringify(householdIds), ...visible.params }) as unknown[][]).map(toPerson);
      return groupInKeyOrder(householdIds, rows, (r) => r.household);
    },

    loadCells(codes: readonly string[]): (GridCellRow | undefined)[] {
      return inKeyOrder(codes, cells.all(JSON.stringify(codes)) as GridCellRow[], (c) => c.code);
    },

    loadHouseholds(ids: readonly string[]): (HouseholdRow | undefined)[] {
      return inKeyOrder(ids, households.all(JSON.stringify(ids)) as HouseholdRow[], (h) => h.id);
    },

    cellsIn(division: string): GridCellRow[] {
      return cellsInDivision.all(division) as GridCellRow[];
    },

    /**
     * One page of persons matching every given criterion and living inside
     * the user's jurisdiction, ordered by name then token (keyset), with the
     * total count of those matches.
     */
    search(criteria: PersonSearch, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const matching = new ListFilter();
      // Prefix match on the BINARY index: name >= x AND name < x || U+FFFF.
      if (criteria.name) matching.add('name >= @name AND name < @nameEnd', { name: criteria.name, nameEnd: `${criteria.name}\uffff` });
      matching.equals('phone_suffix', criteria.phoneSuffix).equals('cell', criteria.gridCell);
      const total = countInTowns(townsWithin(criteria.division ? jurisdiction.within(criteria.division) : jurisdiction), matching);
      // The page: in name order, of those living in the jurisdiction (and in the division asked for).
      const { where, params } = matching.within('division', jurisdiction).inDivision('division', criteria.division);
      const filter = `WHERE ${where.join(' AND ')}`;
      const keyset = after ? `${filter} AND (name, id) > (@afterName, @afterId)` : filter;
      // One row more than the page (whether a next page exists), the number in the text (sqlLimit.ts).
      const rows = preparedStatement(db, `SELECT ${PERSON_COLUMNS} FROM person ${keyset} ORDER BY name, id ${limitClause(limit + 1)}`)
        .raw()
        .all({ ...params, afterName: after?.[0], afterId: after?.[1] }) as unknown[][];
      return keysetPage(rows, limit, total, toPerson);
    },

    insertPerson(r: PersonRow): void {
      const phoneSuffix = r.phone ? r.phone.slice(-4) : null;
      insertPerson.run(r.id, r.idNumber, r.name, r.gender, r.birthDate, r.phone, phoneSuffix, r.address, r.division, r.cell, r.household, JSON.stringify(r.tags));
    },
    insertCell(r: GridCellRow): void {
      insertCell.run(r.code, r.name, r.division, r.workerName, r.workerPhone);
    },
    insertHousehold(r: HouseholdRow): void {
      insertHousehold.run(r.id, r.cell, r.address);
    },
  };
}

export type PersonStore = ReturnType<typeof createPersonStore>;
