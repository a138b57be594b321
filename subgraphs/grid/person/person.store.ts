import { keysetPage } from '../../shared/paging/keysetPage.ts';
import { groupInKeyOrder, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { preparedStatement } from '../../shared/store/preparedStatement.ts';
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

const PERSON_COLUMNS = `id, id_number AS idNumber, name, gender, birth_date AS birthDate, phone, address, division, cell, household, tags`;

function toPerson(r: Record<string, unknown>): PersonRow {
  return { ...(r as unknown as PersonRow), tags: JSON.parse(r.tags as string) as string[] };
}

/** The resident register built by grid workers (户户走访, 建档立卡). */
export function createPersonStore(db: Db) {
  const loadMany = db.prepare(`SELECT ${PERSON_COLUMNS} FROM person WHERE id IN (SELECT value FROM json_each(?))`);
  const cells = db.prepare(`SELECT code, name, division, worker_name AS workerName, worker_phone AS workerPhone FROM grid_cell WHERE code IN (SELECT value FROM json_each(?))`);
  const households = db.prepare(`SELECT id, cell, address FROM household WHERE id IN (SELECT value FROM json_each(?))`);
  const cellsInDivision = db.prepare(
    `SELECT code, name, division, worker_name AS workerName, worker_phone AS workerPhone FROM grid_cell WHERE division LIKE ? || '%' ORDER BY code`,
  );
  const insertPerson = db.prepare(`INSERT INTO person (id, id_number, name, gender, birth_date, phone, phone_suffix, address, division, cell, household, tags)
    VALUES (@id, @idNumber, @name, @gender, @birthDate, @phone, @phoneSuffix, @address, @division, @cell, @household, @tags)
    ON CONFLICT (id) DO NOTHING`);
  const insertCell = db.prepare(`INSERT OR IGNORE INTO grid_cell (code, name, division, worker_name, worker_phone) VALUES (@code, @name, @division, @workerName, @workerPhone)`);
  const insertHousehold = db.prepare(`INSERT OR IGNORE INTO household (id, cell, address) VALUES (@id, @cell, @address)`);

  return {
    /** Persons by token, in key order. */
    load(ids: readonly string[]): (PersonRow | undefined)[] {
      return inKeyOrder(ids, (loadMany.all(JSON.stringify(ids)) as Record<string, unknown>[]).map(toPerson), (p) => p.id);
    },

    /** Members of each household the user may see (by their town of residence), in key order. */
    members(householdIds: readonly string[], jurisdiction: Jurisdiction): PersonRow[][] {
      const visible = jurisdiction.where('division');
      const membersOf = preparedStatement(
        db,
        `SELECT ${PERSON_COLUMNS} FROM person WHERE household IN (SELECT value FROM json_each(@households)) AND ${visible.sql} ORDER BY birth_date, id`,
      );
      const rows = (membersOf.all({ households: JSON.stringify(householdIds), ...visible.params }) as Record<string, unknown>[]).map(toPerson);
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
      const matching = new ListFilter().within('division', jurisdiction);
      // Prefix match on the BINARY index: name >= x AND name < x || U+FFFF.
      if (criteria.name) matching.add('name >= @name AND name < @nameEnd', { name: criteria.name, nameEnd: `${criteria.name}\uffff` });
      matching.equals('phone_suffix', criteria.phoneSuffix).equals('cell', criteria.gridCell).inDivision('division', criteria.division);
      const { where, params } = matching;
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = preparedStatement(db, `SELECT count(*) FROM person ${filter}`).pluck().get(params) as number;
      const keyset = after ? `${filter ? `${filter} AND` : 'WHERE'} (name, id) > (@afterName, @afterId)` : filter;
      const rows = preparedStatement(db, `SELECT ${PERSON_COLUMNS} FROM person ${keyset} ORDER BY name, id LIMIT @limit`)
        .all({ ...params, afterName: after?.[0], afterId: after?.[1], limit: limit + 1 }) as Record<string, unknown>[];
      return keysetPage(rows, limit, total, toPerson);
    },

    insertPerson(row: PersonRow): void {
      insertPerson.run({ ...row, phoneSuffix: row.phone ? row.phone.slice(-4) : null, tags: JSON.stringify(row.tags) });
    },
    insertCell(row: GridCellRow): void {
      insertCell.run(row);
    },
    insertHousehold(row: HouseholdRow): void {
      insertHousehold.run(row);
    },
  };
}

export type PersonStore = ReturnType<typeof createPersonStore>;
