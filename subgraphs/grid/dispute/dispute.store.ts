import type { MatterEvent } from '../../shared/feed/matterEvent.ts';
import type { PartyRole } from '../../shared/schema/enums.ts';
import type { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { groupByCaseCode, groupInKeyOrder, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import { listNewestFirst } from '../../shared/store/listNewestFirst.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { conditionStatement } from '../../shared/store/preparedStatement.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import type { DisputeStatus, DisputeStep, IntakeChannel, Severity, Tier } from './dispute.enums.ts';
import { type DisputeOutcome, summaryStatus } from './dispute.workflow.ts';

export const DISPUTE_MIGRATION = `
CREATE TABLE dispute (
  case_code TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  tier TEXT NOT NULL,
  severity TEXT NOT NULL,
  division TEXT NOT NULL,
  assigned_unit TEXT,
  status TEXT NOT NULL,
  outcome TEXT,
  resolution TEXT,
  satisfaction TEXT,
  opened_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  closed_at TEXT,
  idempotency_key TEXT UNIQUE,
  request_hash TEXT
) WITHOUT ROWID;
CREATE INDEX dispute_division_opened ON dispute (division, opened_at);
CREATE INDEX dispute_open_due ON dispute (due_at) WHERE closed_at IS NULL;
CREATE INDEX dispute_unit ON dispute (assigned_unit, due_at);
CREATE TABLE dispute_party (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT,
  person_id TEXT,
  phone TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE INDEX dispute_party_person ON dispute_party (person_id);
CREATE TABLE dispute_event (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  step TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  unit TEXT,
  note TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE TABLE dispute_link (
  case_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_code, to_code)
) WITHOUT ROWID;
`;

export interface DisputePartyRow {
  role: PartyRole;
  name: string;
  idNumber: string | null;
  personId: string | null;
  phone: string | null;
}

/** Who took a step: the user's id, kept beside the name the step shows (issue 6). */
export const DISPUTE_ACTOR_ID_MIGRATION = `ALTER TABLE dispute_event ADD COLUMN actor_id TEXT;`;

export interface DisputeEventRow {
  step: DisputeStep;
  at: string;
  /** Who took the step: the signed-in user's name (or, imported, the name the record gives). */
  actor: string;
  /** The signed-in user's id; null for steps imported from the world, which name no account. */
  actorId: string | null;
  /** The unit acting (on dispatch: the receiving unit). */
  unit: string | null;
  note: string | null;
}

export interface DisputeRow {
  caseCode: string;
  version: number;
  channel: IntakeChannel;
  category: DisputeCategory;
  title: string;
  description: string;
  tier: Tier;
  severity: Severity;
  division: string;
  assignedUnit: string | null;
  status: DisputeStatus;
  /** How it ended (办结), once it has. */
  outcome: DisputeOutcome | null;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  openedAt: string;
  dueAt: string;
  closedAt: string | null;
}

/** A complete ticket as written on intake or import. */
export interface NewDispute extends Omit<DisputeRow, 'version'> {
  parties: DisputePartyRow[];
  events: DisputeEventRow[];
  links: { caseCode: string; reason: string }[];
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export interface DisputeFilter {
  division?: string | null;
  status?: DisputeStatus | null;
  assignedUnit?: string | null;
  overdueAt?: string | null;
}

const COLUMNS = `case_code AS caseCode, version, channel, category, title, description, tier, severity, division,
  assigned_unit AS assignedUnit, status, outcome, resolution, satisfaction, opened_at AS openedAt, due_at AS dueAt, closed_at AS closedAt`;

/** Newest first: by opening time, then case code, both descending (the order of every ticket list). Times are UTC ISO text, so text order is time order. */
function newestFirst(a: DisputeRow, b: DisputeRow): number {
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? 1 : -1;
  return a.caseCode < b.caseCode ? 1 : a.caseCode > b.caseCode ? -1 : 0;
}

function toRow(r: Record<string, unknown>): DisputeRow {
  return r as unknown as DisputeRow;
}

/** The centre's dispute tickets. Changes go through `save`, which bumps the version. */
export function createDisputeStore(db: Db) {
  const loadMany = db.prepare(`SELECT ${COLUMNS} FROM dispute WHERE case_code IN (SELECT value FROM json_each(?))`);
  const partiesMany = db.prepare(
    `SELECT case_code AS caseCode, role, name, id_number AS idNumber, person_id AS personId, phone FROM dispute_party
      WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const eventsMany = db.prepare(
    `SELECT case_code AS caseCode, step, at, actor, actor_id AS actorId, unit, note FROM dispute_event WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const linksOf = db.prepare('SELECT to_code AS caseCode, reason FROM dispute_link WHERE case_code = ? ORDER BY to_code');
  const byKey = db.prepare(`SELECT ${COLUMNS}, request_hash AS requestHash FROM dispute WHERE idempotency_key = ?`);
  // A person's tickets the user may see: one person (the usual batch) by
  // the key itself, more through json_each, each ticket once per person
  // however many parties they are in it. All of them, so they are put
  // newest first here (newestFirst), not by a sort in SQL.
  const ofPersonSql = (visible: string) =>
    `SELECT ${COLUMNS} FROM dispute WHERE case_code IN (SELECT case_code FROM dispute_party WHERE person_id = @person) AND ${visible}`;
  const ofPersonsSql = (visible: string) =>
    `SELECT p.person_id AS personId, d.* FROM (SELECT DISTINCT person_id, case_code FROM dispute_party WHERE person_id IN (SELECT value FROM json_each(@persons))) p
       JOIN (SELECT ${COLUMNS} FROM dispute) d ON d.caseCode = p.case_code
      WHERE ${visible}`;
  const insert = db.prepare(`INSERT INTO dispute (case_code, version, channel, category, title, description, tier, severity, division, assigned_unit,
      status, outcome, resolution, satisfaction, opened_at, due_at, closed_at, idempotency_key, request_hash)
    VALUES (@caseCode, 1, @channel, @category, @title, @description, @tier, @severity, @division, @assignedUnit,
      @status, @outcome, @resolution, @satisfaction, @openedAt, @dueAt, @closedAt, @idempotencyKey, @requestHash)`);
  const update = db.prepare(`UPDATE dispute SET version = version + 1, tier = @tier, division = @division, assigned_unit = @assignedUnit, status = @status,
      outcome = @outcome, resolution = @resolution, satisfaction = @satisfaction, due_at = @dueAt, closed_at = @closedAt
    WHERE case_code = @caseCode`);
  const insertParty = db.prepare('INSERT INTO dispute_party (case_code, seq, role, name, id_number, person_id, phone) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const nextEventSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM dispute_event WHERE case_code = ?').pluck();
  const insertEvent = db.prepare('INSERT INTO dispute_event (case_code, seq, step, at, actor, actor_id, unit, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertLink = db.prepare('INSERT OR REPLACE INTO dispute_link (case_code, to_code, reason) VALUES (?, ?, ?)');

  const store = {
    load(codes: readonly string[]): (DisputeRow | undefined)[] {
      return inKeyOrder(codes, (loadMany.all(JSON.stringify(codes)) as Record<string, unknown>[]).map(toRow), (r) => r.caseCode);
    },
    parties(codes: readonly string[]): DisputePartyRow[][] {
      return groupByCaseCode(codes, partiesMany.all(JSON.stringify(codes)) as (DisputePartyRow & { caseCode: string })[]);
    },
    events(codes: readonly string[]): DisputeEventRow[][] {
      return groupByCaseCode(codes, eventsMany.all(JSON.stringify(codes)) as (DisputeEventRow & { caseCode: string })[]);
    },
    links(caseCode: string): { caseCode: string; reason: string }[] {
      return linksOf.all(caseCode) as { caseCode: string; reason: string }[];
    },
    /** Each person's tickets that the user may see, newest first. */
    ofPersons(personIds: readonly string[], jurisdiction: Jurisdiction): DisputeRow[][] {
      if (personIds.length === 1) {
        const visible = jurisdiction.where('division');
        return [(conditionStatement(db, ofPersonSql, visible).all({ person: personIds[0], ...visible.params }) as DisputeRow[]).sort(newestFirst)];
      }
      const visible = jurisdiction.where('d.division');
      const rows = conditionStatement(db, ofPersonsSql, visible).all({ persons: JSON.stringify(personIds), ...visible.params }) as (DisputeRow & { personId: string })[];
      return groupInKeyOrder(personIds, rows, (r) => r.personId).map((list) => list.map(({ personId: _personId, ...row }) => row).sort(newestFirst));
    },
    byIdempotencyKey(key: string): (DisputeRow & { requestHash: string | null }) | undefined {
      const r = byKey.get(key) as Record<string, unknown> | undefined;
      return r ? { ...toRow(r), requestHash: r.requestHash as string | null } : undefined;
    },
    insert(d: NewDispute): void {
      insert.run({ ...d, idempotencyKey: d.idempotencyKey ?? null, requestHash: d.requestHash ?? null });
      d.parties.forEach((p, i) => insertParty.run(d.caseCode, i + 1, p.role, p.name, p.idNumber, p.personId, p.phone));
      d.events.forEach((e, i) => insertEvent.run(d.caseCode, i + 1, e.step, e.at, e.actor, e.actorId, e.unit, e.note));
      for (const l of d.links) insertLink.run(d.caseCode, l.caseCode, l.reason);
    },
    /** Writes a changed ticket and the step that changed it. */
    update(row: DisputeRow, event: DisputeEventRow): void {
      update.run(row);
      insertEvent.run(row.caseCode, nextEventSeq.get(row.caseCode), event.step, event.at, event.actor, event.actorId, event.unit, event.note);
    },
    link(caseCode: string, to: string, reason: string): void {
      insertLink.run(caseCode, to, reason);
    },

    /** One page of the tickets the user may see matching the filter, newest first (keyset), with their total. */
    list(filter: DisputeFilter, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const where = new ListFilter()
        .within('division', jurisdiction)
        .inDivision('division', filter.division)
        .equals('status', filter.status)
        .equals('assigned_unit', filter.assignedUnit)
        .overdueAt(filter.overdueAt);
      const list = { from: 'dispute', columns: COLUMNS, orderBy: ['opened_at', 'case_code'] } as const;
      return listNewestFirst(db, list, where, { limit, after }, toRow);
    },
  };
  return store;
}

export type DisputeStore = ReturnType<typeof createDisputeStore>;

/** The registry's view of a ticket (grid indexes its own tickets directly). */
export function disputeEvent(row: DisputeRow, parties: DisputePartyRow[], links: { caseCode: string; reason: string }[], flags: string[]): MatterEvent {
  return {
    caseCode: row.caseCode,
    agency: 'GRID',
    version: row.version,
    title: row.title,
    category: row.category,
    status: summaryStatus(row.status, row.outcome),
    division: row.division,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    dueAt: row.dueAt,
    parties: parties.flatMap((p) => (p.personId ? [{ personId: p.personId, role: p.role }] : [])),
    links,
    flags,
  };
}
