import type { Statement } from 'better-sqlite3';
import type { MatterEvent, MatterStatus } from '../../shared/feed/matterEvent.ts';
import { keysetPage } from '../../shared/paging/keysetPage.ts';
import { inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { rowMapper } from '../../shared/store/objectRows.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { limitClause } from '../../shared/store/sqlLimit.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import { utc } from '../../shared/time/utc.ts';

export const REGISTRY_MIGRATION = `
CREATE TABLE matter (
  case_code TEXT PRIMARY KEY,
  agency TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  division TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  due_at TEXT,
  flags TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
CREATE INDEX matter_division_opened ON matter (division, opened_at);
CREATE TABLE matter_party (
  case_code TEXT NOT NULL,
  person_id TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (person_id, case_code, role)
) WITHOUT ROWID;
CREATE INDEX matter_party_case ON matter_party (case_code);
CREATE TABLE matter_link (
  from_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (from_code, to_code, source)
) WITHOUT ROWID;
CREATE INDEX matter_link_to ON matter_link (to_code);
`;

/** A registered matter as its summary needs it: the timeline's rows, the matter loader's values. */
export interface MatterSummaryRow {
  caseCode: string;
  title: string;
  category: MatterEvent['category'];
  status: MatterStatus;
  openedAt: string;
  closedAt: string | null;
  dueAt: string | null;
}

/** A registry row loaded by key: the summary and the division the user's jurisdiction judges it by. */
export interface MatterRow extends MatterSummaryRow {
  division: string;
}

export interface IngestResult {
  applied: number;
  /** Same or older version than the registry has: ignored. */
  ignored: number;
}

/**
 * The timeline's own table (issue 7): each matter once per person who is a
 * party to it, in the timeline's order, with what the timeline shows and
 * filters by. A page is then one range of one person's rows, read in order
 * and only as far as the page goes: no sort of all their matters, no lookup
 * of each matter elsewhere. `ingest` writes a matter's rows here together
 * with the matter, in the same transaction, from the same event; times in
 * UTC, as in `matter`.
 */
export const PERSON_MATTER_MIGRATION = `
CREATE TABLE person_matter (
  person_id TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  case_code TEXT NOT NULL,
  agency TEXT NOT NULL,
  division TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  closed_at TEXT,
  due_at TEXT,
  PRIMARY KEY (person_id, opened_at, case_code)
) WITHOUT ROWID;
CREATE INDEX person_matter_case ON person_matter (case_code);
INSERT OR IGNORE INTO person_matter (person_id, opened_at, case_code, agency, division, title, category, status, closed_at, due_at)
  SELECT p.person_id, m.opened_at, m.case_code, m.agency, m.division, m.title, m.category, m.status, m.closed_at, m.due_at
    FROM matter_party p JOIN matter m ON m.case_code = p.case_code;
`;

// Rows are read as arrays (better-sqlite3 `raw`) and made into objects of one
// shape by `rowMapper`: cheaper than its objects with named columns, which
// counts on the person view (every request reads a page of these).
const SUMMARY_COLUMNS = 'case_code, title, category, status, opened_at, closed_at, due_at';
const SUMMARY_FIELDS = ['caseCode', 'title', 'category', 'status', 'openedAt', 'closedAt', 'dueAt'];
const toSummaryRow = rowMapper<MatterSummaryRow>(SUMMARY_FIELDS);
/** `SUMMARY_COLUMNS, division`. */
const toMatterRow = rowMapper<MatterRow>([...SUMMARY_FIELDS, 'division']);

/** The centre's index of every agency's matters (一案一码), behind one-verb queries. */
export function createRegistryStore(db: Db) {
  const versionOf = db.prepare('SELECT version FROM matter WHERE case_code = ?').pluck();
  const upsert = db.prepare(`INSERT INTO matter (case_code, agency, version, title, category, status, division, opened_at, closed_at, due_at, flags)
    VALUES (@caseCode, @agency, @version, @title, @category, @status, @division, @openedAt, @closedAt, @dueAt, @flags)
    ON CONFLICT (case_code) DO UPDATE SET agency = excluded.agency, version = excluded.version, title = excluded.title,
      category = excluded.category, status = excluded.status, division = excluded.division, opened_at = excluded.opened_at,
      closed_at = excluded.closed_at, due_at = excluded.due_at, flags = excluded.flags`);
  const deleteParties = db.prepare('DELETE FROM matter_party WHERE case_code = ?');
  const insertParty = db.prepare('INSERT OR IGNORE INTO matter_party (case_code, person_id, role) VALUES (?, ?, ?)');
  const deleteLinksFrom = db.prepare('DELETE FROM matter_link WHERE from_code = ? AND source = ?');
  const insertLink = db.prepare('INSERT OR REPLACE INTO matter_link (from_code, to_code, reason, source) VALUES (?, ?, ?, ?)');
  const deleteTimeline = db.prepare('DELETE FROM person_matter WHERE case_code = ?');
  const insertTimeline = db.prepare(`INSERT OR IGNORE INTO person_matter (person_id, opened_at, case_code, agency, division, title, category, status, closed_at, due_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const loadMany = db.prepare(`SELECT ${SUMMARY_COLUMNS}, division FROM matter WHERE case_code IN (SELECT value FROM json_each(?))`).raw();

  // The statements below depend on the request: on how many codes the
  // user's jurisdiction has (its condition's text depends on nothing else),
  // on the filter and on the page and its size (in the text: sqlLimit.ts).
  // Few shapes, each prepared once (raw).
  const statements = new Map<string, Statement>();
  const statementFor = (shape: string, sql: () => string): Statement => {
    let statement = statements.get(shape);
    if (!statement) statements.set(shape, (statement = db.prepare<unknown[]>(sql()).raw()));
    return statement;
  };
  // For each code, the matters linked to it either way that the user may
  // see (by their own division): IN makes each such matter count once, however
  // many links and sources join the two.
  const relatedSql = (visible: string) =>
    `SELECT c.value, m.case_code FROM json_each(@codes) c JOIN matter m ON m.case_code IN (
        SELECT to_code FROM matter_link WHERE from_code = c.value UNION ALL SELECT from_code FROM matter_link WHERE to_code = c.value)
      WHERE ${visible}`;
  const timelineWhere = (visible: string, byAgency: boolean) =>
    `WHERE person_id = @personId AND ${visible}${byAgency ? ' AND agency IN (SELECT value FROM json_each(@agencies))' : ''}`;
  const timelinePageSql = (visible: string, byAgency: boolean, keyset: boolean, rows: number) =>
    `SELECT ${SUMMARY_COLUMNS} FROM person_matter ${timelineWhere(visible, byAgency)}${keyset ? ' AND (opened_at, case_code) < (@afterOpened, @afterCode)' : ''}
      ORDER BY opened_at DESC, case_code DESC ${limitClause(rows)}`;

  /** Applies events in order; an event not newer than what is stored changes nothing. */
  const ingest = db.transaction((events: readonly MatterEvent[]): IngestResult => {
    let applied = 0;
    let ignored = 0;
    for (const e of events) {
      const current = versionOf.get(e.caseCode) as number | undefined;
      if (current !== undefined && current >= e.version) {
        ignored++;
        continue;
      }
      // Times are kept in UTC so that text order is time order (timeline, stats).
      const row = { ...e, openedAt: utc(e.openedAt), closedAt: e.closedAt && utc(e.closedAt), dueAt: e.dueAt && utc(e.dueAt) };
      upsert.run({ ...row, flags: JSON.stringify(e.flags) });
      deleteParties.run(e.caseCode);
      deleteTimeline.run(e.caseCode);
      for (const p of e.parties) {
        insertParty.run(e.caseCode, p.personId, p.role);
        insertTimeline.run(p.personId, row.openedAt, e.caseCode, e.agency, e.division, e.title, e.category, e.status, row.closedAt, row.dueAt);
      }
      // An agency's event states all the links that agency knows for the
      // matter; links asserted by others (linkMatters) are kept.
      deleteLinksFrom.run(e.caseCode, e.agency);
      for (const l of e.links) if (l.caseCode !== e.caseCode) insertLink.run(e.caseCode, l.caseCode, l.reason, e.agency);
      applied++;
    }
    return { applied, ignored };
  });

  return {
    ingest,

    /** Registry rows by case code, in key order (undefined where unknown). */
    load(caseCodes: readonly string[]): (MatterRow | undefined)[] {
      if (caseCodes.length === 0) return [];
      return inKeyOrder(caseCodes, (loadMany.all(JSON.stringify(caseCodes)) as unknown[][]).map(toMatterRow), (r) => r.caseCode);
    },

    /**
     * The codes of the matters linked to each case code, both directions,
     * only those the registry knows and the user may see; each list in code
     * order, a matter once however many sources state the link.
     */
    related(caseCodes: readonly string[], jurisdiction: Jurisdiction): string[][] {
      if (caseCodes.length === 0) return [];
      const visible = jurisdiction.where('m.division');
      const statement = statementFor(`related ${jurisdiction.prefixes.length}`, () => relatedSql(visible.sql));
      const byCode = new Map<string, string[]>();
      for (const code of caseCodes) byCode.set(code, []);
      // Each code once: a code given twice would list its matters twice.
      const codes = JSON.stringify([...byCode.keys()]);
      for (const [code, other] of statement.all({ codes, ...visible.params }) as [string, string][]) byCode.get(code)!.push(other);
      // Case codes are ASCII of one shape: code unit order is their collation order.
      for (const list of byCode.values()) if (list.length > 1) list.sort();
      return caseCodes.map((c) => byCode.get(c)!);
    },

    /**
     * One page of a person's matters across agencies that the user may see
     * (by the matter's division), newest first (keyset on opened_at,
     * case_code), with the total for the same filter.
     */
    timeline(personId: string, agencies: readonly string[] | null, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const byAgency = agencies !== null && agencies.length > 0;
      const visible = jurisdiction.where('division');
      const shape = `${jurisdiction.prefixes.length} ${byAgency}`;
      const filter = { personId, ...(byAgency ? { agencies: JSON.stringify(agencies) } : {}), ...visible.params };
      const page = after ? { ...filter, afterOpened: after[0], afterCode: after[1] } : filter;
      // One row more than the page: whether a next page exists.
      const rows = statementFor(`timeline ${shape} ${after !== null} ${limit + 1}`, () => timelinePageSql(visible.sql, byAgency, after !== null, limit + 1)).all(page) as unknown[][];
      // A first page that holds every row is the count (same filter, no keyset condition): no second statement.
      const total =
        after === null && rows.length <= limit
          ? rows.length
          : (statementFor(`count ${shape}`, () => `SELECT count(*) FROM person_matter ${timelineWhere(visible.sql, byAgency)}`).get(filter) as [number])[0];
      return keysetPage(rows, limit, total, toSummaryRow);
    },

    /** Records a link between two matters stated by a centre user. */
    link(from: string, to: string, reason: string): void {
      insertLink.run(from, to, reason, 'GRID_USER');
    },
  };
}

export type RegistryStore = ReturnType<typeof createRegistryStore>;
