import type { MatterEvent, MatterStatus } from '../../shared/feed/matterEvent.ts';
import { keysetPage } from '../../shared/paging/keysetPage.ts';
import { inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { preparedStatement } from '../../shared/store/preparedStatement.ts';
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

export interface MatterRow {
  caseCode: string;
  agency: MatterEvent['agency'];
  version: number;
  title: string;
  category: MatterEvent['category'];
  status: MatterStatus;
  division: string;
  openedAt: string;
  closedAt: string | null;
  dueAt: string | null;
  flags: string[];
}

export interface LinkRow {
  from: string;
  to: string;
  reason: string;
}

export interface IngestResult {
  applied: number;
  /** Same or older version than the registry has: ignored. */
  ignored: number;
}

const SELECT_MATTER = `SELECT case_code AS caseCode, agency, version, title, category, status, division,
  opened_at AS openedAt, closed_at AS closedAt, due_at AS dueAt, flags FROM matter`;

function toRow(r: Record<string, unknown>): MatterRow {
  return { ...(r as unknown as MatterRow), flags: JSON.parse(r.flags as string) as string[] };
}

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
  const loadMany = db.prepare(`${SELECT_MATTER} WHERE case_code IN (SELECT value FROM json_each(?))`);
  // Per jurisdiction shape: the condition's text depends on how many codes the user has.
  const relatedSql = (visible: string) =>
    `SELECT l.from_code AS "from", l.to_code AS "to", l.reason FROM matter_link l
       JOIN matter m ON m.case_code = l.to_code
      WHERE l.from_code IN (SELECT value FROM json_each(@codes)) AND ${visible}
     UNION
     SELECT l.to_code AS "from", l.from_code AS "to", l.reason FROM matter_link l
       JOIN matter m ON m.case_code = l.from_code
      WHERE l.to_code IN (SELECT value FROM json_each(@codes)) AND ${visible}`;
  const timelineWhere = (visible: string) => `FROM matter m WHERE m.case_code IN (SELECT case_code FROM matter_party WHERE person_id = @personId)
    AND (@agencies IS NULL OR m.agency IN (SELECT value FROM json_each(@agencies))) AND ${visible}`;
  const timelinePageSql = (visible: string) =>
    `${SELECT_MATTER.replace('FROM matter', '')} ${timelineWhere(visible)}
     AND (@afterOpened IS NULL OR (m.opened_at, m.case_code) < (@afterOpened, @afterCode))
     ORDER BY m.opened_at DESC, m.case_code DESC LIMIT @limit`;

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
      upsert.run({ ...e, openedAt: utc(e.openedAt), closedAt: e.closedAt && utc(e.closedAt), dueAt: e.dueAt && utc(e.dueAt), flags: JSON.stringify(e.flags) });
      deleteParties.run(e.caseCode);
      for (const p of e.parties) insertParty.run(e.caseCode, p.personId, p.role);
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
      return inKeyOrder(caseCodes, (loadMany.all(JSON.stringify(caseCodes)) as Record<string, unknown>[]).map(toRow), (r) => r.caseCode);
    },

    /**
     * Links touching each case code, both directions, only to matters the
     * registry knows and the user may see.
     */
    related(caseCodes: readonly string[], jurisdiction: Jurisdiction): LinkRow[][] {
      if (caseCodes.length === 0) return [];
      const visible = jurisdiction.where('m.division');
      const rows = preparedStatement(db, relatedSql(visible.sql)).all({ codes: JSON.stringify(caseCodes), ...visible.params }) as LinkRow[];
      const byCode = new Map<string, LinkRow[]>(caseCodes.map((c) => [c, []]));
      const seen = new Set<string>();
      for (const r of rows) {
        const key = `${r.from}>${r.to}`;
        if (seen.has(key)) continue; // the same pair linked by two sources counts once
        seen.add(key);
        byCode.get(r.from)?.push(r);
      }
      for (const list of byCode.values()) list.sort((a, b) => a.to.localeCompare(b.to));
      return caseCodes.map((c) => byCode.get(c)!);
    },

    /**
     * One page of a person's matters across agencies that the user may see
     * (by the matter's division), newest first (keyset on opened_at,
     * case_code), with the total for the same filter.
     */
    timeline(personId: string, agencies: readonly string[] | null, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const agencyFilter = agencies && agencies.length > 0 ? JSON.stringify(agencies) : null;
      const visible = jurisdiction.where('m.division');
      const rows = preparedStatement(db, timelinePageSql(visible.sql)).all({
        personId,
        agencies: agencyFilter,
        afterOpened: after?.[0] ?? null,
        afterCode: after?.[1] ?? null,
        limit: limit + 1,
        ...visible.params,
      }) as Record<string, unknown>[];
      // A first page that holds every row is the count (same filter, no keyset condition): no second statement.
      const total =
        after === null && rows.length <= limit
          ? rows.length
          : (preparedStatement(db, `SELECT count(*) ${timelineWhere(visible.sql)}`).pluck().get({ personId, agencies: agencyFilter, ...visible.params }) as number);
      return keysetPage(rows, limit, total, toRow);
    },

    /** Records a link between two matters stated by a centre user. */
    link(from: string, to: string, reason: string): void {
      insertLink.run(from, to, reason, 'GRID_USER');
    },
  };
}

export type RegistryStore = ReturnType<typeof createRegistryStore>;
