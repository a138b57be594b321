import type { PartyRole } from '../../shared/schema/enums.ts';
import { groupByCaseCode, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import { listNewestFirst } from '../../shared/store/listNewestFirst.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { objectRows } from '../../shared/store/objectRows.ts';
import { rowsOfPersons } from '../../shared/store/rowsOfPersons.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import type { PoliceCategory, PoliceChannel, PoliceDisposition, PoliceIncidentStatus, PoliceStep } from './incident.enums.ts';

export const INCIDENT_MIGRATION = `
CREATE TABLE incident (
  case_code TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  incident_number TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  matter_category TEXT NOT NULL,
  title TEXT NOT NULL,
  place TEXT NOT NULL,
  division TEXT NOT NULL,
  station TEXT NOT NULL,
  officer_name TEXT,
  officer_badge TEXT,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  dispatched_at TEXT,
  arrived_at TEXT,
  handled_at TEXT,
  reported_back_at TEXT,
  closed_at TEXT,
  disposition TEXT,
  center_case_code TEXT,
  narrative TEXT NOT NULL,
  idempotency_key TEXT UNIQUE,
  request_hash TEXT
) WITHOUT ROWID;
CREATE INDEX incident_division_received ON incident (division, received_at);
CREATE INDEX incident_station_received ON incident (station, received_at);
CREATE INDEX incident_received ON incident (received_at, case_code);
CREATE TABLE incident_party (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT,
  person_id TEXT,
  phone TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE INDEX incident_party_person ON incident_party (person_id, role);
CREATE TABLE incident_step (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  step TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE TABLE incident_link (
  case_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_code, to_code)
) WITHOUT ROWID;
`;

export interface IncidentRow {
  caseCode: string;
  /** Grows with every change; the registry applies only newer versions. */
  version: number;
  incidentNumber: string;
  channel: PoliceChannel;
  category: PoliceCategory;
  /** The centre's normalised category, for the registry. */
  matterCategory: DisputeCategory;
  title: string;
  place: string;
  /** 9-digit town code. */
  division: string;
  station: string;
  officerName: string | null;
  officerBadge: string | null;
  status: PoliceIncidentStatus;
  // Stage times, UTC ISO strings so text order is time order.
  receivedAt: string;
  dispatchedAt: string | null;
  arrivedAt: string | null;
  handledAt: string | null;
  reportedBackAt: string | null;
  closedAt: string | null;
  disposition: PoliceDisposition | null;
  centerCaseCode: string | null;
  narrative: string;
}

export interface IncidentPartyRow {
  role: PartyRole;
  kind: 'PERSON' | 'ORGANIZATION';
  name: string;
  idNumber: string | null;
  personId: string | null;
  phone: string | null;
}

/** Who took a step: the user's id, kept beside the name the step shows (issue 6). */
export const INCIDENT_ACTOR_ID_MIGRATION = `ALTER TABLE incident_step ADD COLUMN actor_id TEXT;`;

export interface IncidentStepRow {
  step: PoliceStep;
  at: string;
  /** Who took the step (the signed-in user's name); null for incidents imported without that record. */
  actor: string | null;
  /** The signed-in user's id; null for imported steps. */
  actorId: string | null;
}

export interface IncidentLinkRow {
  caseCode: string;
  reason: string;
}

/** A complete incident as written on receipt or import. */
export interface NewIncident extends Omit<IncidentRow, 'version'> {
  parties: IncidentPartyRow[];
  steps: IncidentStepRow[];
  links: IncidentLinkRow[];
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export interface IncidentFilter {
  division?: string | null;
  station?: string | null;
  status?: PoliceIncidentStatus | null;
  category?: PoliceCategory | null;
}

const COLUMNS = `case_code AS caseCode, version, incident_number AS incidentNumber, channel, category, matter_category AS matterCategory,
  title, place, division, station, officer_name AS officerName, officer_badge AS officerBadge, status,
  received_at AS receivedAt, dispatched_at AS dispatchedAt, arrived_at AS arrivedAt, handled_at AS handledAt,
  reported_back_at AS reportedBackAt, closed_at AS closedAt, disposition, center_case_code AS centerCaseCode, narrative`;

/** The fields a list or a person's view shows of an incident: its summary. */
export type IncidentSummary = Pick<IncidentRow, 'caseCode' | 'incidentNumber' | 'category' | 'title' | 'division' | 'station' | 'status' | 'receivedAt' | 'closedAt'>;
const SUMMARY_COLUMNS = `case_code AS caseCode, incident_number AS incidentNumber, category, title, division, station, status,
  received_at AS receivedAt, closed_at AS closedAt`;

/** The police incidents. Every batched read is one statement over `json_each` of its keys. */
export function createIncidentStore(db: Db) {
  const loadMany = objectRows<IncidentRow>(db.prepare(`SELECT ${COLUMNS} FROM incident WHERE case_code IN (SELECT value FROM json_each(?))`));
  const summariesMany = objectRows<IncidentSummary>(db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM incident WHERE case_code IN (SELECT value FROM json_each(?))`));
  const byNumberMany = objectRows<IncidentRow>(db.prepare(`SELECT ${COLUMNS} FROM incident WHERE incident_number IN (SELECT value FROM json_each(?))`));
  const partiesMany = db.prepare(
    `SELECT case_code AS caseCode, role, kind, name, id_number AS idNumber, person_id AS personId, phone FROM incident_party
      WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const stepsMany = db.prepare(
    `SELECT case_code AS caseCode, step, at, actor, actor_id AS actorId FROM incident_step WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const linksOf = db.prepare('SELECT to_code AS caseCode, reason FROM incident_link WHERE case_code = ? ORDER BY to_code');
  const byKey = db.prepare(`SELECT ${COLUMNS}, request_hash AS requestHash FROM incident WHERE idempotency_key = ?`);
  // A person's incidents, newest first, as summaries (the person view shows them: one statement, not a second to load them).
  // Suspects are police-only (DOMAIN.md), so being a suspect and being any other party are asked separately.
  // `visible` is the user's jurisdiction, made per request (its text depends on how many codes they have).
  const ofPersonsAs = (suspect: boolean) => (visible: string) =>
    `SELECT j.value AS personId, ${SUMMARY_COLUMNS} FROM json_each(@persons) j JOIN incident i
      ON i.case_code IN (SELECT p.case_code FROM incident_party p WHERE p.person_id = j.value AND p.role ${suspect ? '=' : '<>'} 'SUSPECT')
      WHERE ${visible}
      ORDER BY i.received_at DESC, i.case_code DESC`;
  const ofPersonsAsParty = ofPersonsAs(false);
  const ofPersonsAsSuspect = ofPersonsAs(true);
  const insert = db.prepare(`INSERT INTO incident (case_code, version, incident_number, channel, category, matter_category, title, place, division,
      station, officer_name, officer_badge, status, received_at, dispatched_at, arrived_at, handled_at, reported_back_at, closed_at,
      disposition, center_case_code, narrative, idempotency_key, request_hash)
    VALUES (@caseCode, 1, @incidentNumber, @channel, @category, @matterCategory, @title, @place, @division,
      @station, @officerName, @officerBadge, @status, @receivedAt, @dispatchedAt, @arrivedAt, @handledAt, @reportedBackAt, @closedAt,
      @disposition, @centerCaseCode, @narrative, @idempotencyKey, @requestHash)`);
  const update = db.prepare(`UPDATE incident SET version = version + 1, station = @station, officer_name = @officerName, officer_badge = @officerBadge,
      status = @status, dispatched_at = @dispatchedAt, arrived_at = @arrivedAt, handled_at = @handledAt, reported_back_at = @reportedBackAt,
      closed_at = @closedAt, disposition = @disposition, center_case_code = @centerCaseCode, narrative = @narrative
    WHERE case_code = @caseCode`);
  const insertParty = db.prepare(
    'INSERT INTO incident_party (case_code, seq, role, kind, name, id_number, person_id, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const nextStepSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM incident_step WHERE case_code = ?').pluck();
  const insertStep = db.prepare('INSERT INTO incident_step (case_code, seq, step, at, actor, actor_id) VALUES (?, ?, ?, ?, ?, ?)');
  const insertLink = db.prepare('INSERT OR REPLACE INTO incident_link (case_code, to_code, reason) VALUES (?, ?, ?)');


  return {
    load(codes: readonly string[]): (IncidentRow | undefined)[] {
      return inKeyOrder(codes, loadMany.all(JSON.stringify(codes)), (r) => r.caseCode);
    },
    /** The summaries of these incidents, in key order. */
    summaries(codes: readonly string[]): (IncidentSummary | undefined)[] {
      return inKeyOrder(codes, summariesMany.all(JSON.stringify(codes)), (r) => r.caseCode);
    },
    loadByNumber(numbers: readonly string[]): (IncidentRow | undefined)[] {
      return inKeyOrder(numbers, byNumberMany.all(JSON.stringify(numbers)), (r) => r.incidentNumber);
    },
    parties(codes: readonly string[]): IncidentPartyRow[][] {
      return groupByCaseCode(codes, partiesMany.all(JSON.stringify(codes)) as (IncidentPartyRow & { caseCode: string })[]);
    },
    steps(codes: readonly string[]): IncidentStepRow[][] {
      return groupByCaseCode(codes, stepsMany.all(JSON.stringify(codes)) as (IncidentStepRow & { caseCode: string })[]);
    },
    links(caseCode: string): IncidentLinkRow[] {
      return linksOf.all(caseCode) as IncidentLinkRow[];
    },
    /** The summaries of each person's incidents as reporter, victim, witness or other non-suspect party that the user may see, newest first. */
    ofPersons(personIds: readonly string[], jurisdiction: Jurisdiction): IncidentSummary[][] {
      return rowsOfPersons(db, ofPersonsAsParty, 'i.division', personIds, jurisdiction);
    },
    /** The summaries of the incidents where each person is a suspect that the user may see, newest first. */
    ofSuspects(personIds: readonly string[], jurisdiction: Jurisdiction): IncidentSummary[][] {
      return rowsOfPersons(db, ofPersonsAsSuspect, 'i.division', personIds, jurisdiction);
    },
    byIdempotencyKey(key: string): (IncidentRow & { requestHash: string | null }) | undefined {
      return byKey.get(key) as (IncidentRow & { requestHash: string | null }) | undefined;
    },
    insert(i: NewIncident): void {
      insert.run({ ...i, idempotencyKey: i.idempotencyKey ?? null, requestHash: i.requestHash ?? null });
      i.parties.forEach((p, n) => insertParty.run(i.caseCode, n + 1, p.role, p.kind, p.name, p.idNumber, p.personId, p.phone));
      i.steps.forEach((s, n) => insertStep.run(i.caseCode, n + 1, s.step, s.at, s.actor, s.actorId));
      for (const l of i.links) insertLink.run(i.caseCode, l.caseCode, l.reason);
    },
    /** Writes a changed incident (bumping its version) and the step that changed it. */
    update(row: IncidentRow, step: IncidentStepRow): void {
      update.run(row);
      insertStep.run(row.caseCode, nextStepSeq.get(row.caseCode), step.step, step.at, step.actor, step.actorId);
    },
    link(caseCode: string, to: string, reason: string): void {
      insertLink.run(caseCode, to, reason);
    },

    /** One page of the incidents the user may see matching the filter, newest received first (keyset), with their total. */
    list(filter: IncidentFilter, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const where = new ListFilter()
        .within('division', jurisdiction)
        .inDivision('division', filter.division)
        .equals('station', filter.station)
        .equals('status', filter.status)
        .equals('category', filter.category);
      const list = { from: 'incident', columns: COLUMNS, orderBy: ['received_at', 'case_code'] } as const;
      return listNewestFirst(db, list, where, { limit, after }, (r) => r as unknown as IncidentRow);
    },
  };
}

export type IncidentStore = ReturnType<typeof createIncidentStore>;
