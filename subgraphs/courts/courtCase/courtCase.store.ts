import type { PartyRole } from '../../shared/schema/enums.ts';
import { groupByCaseCode, groupInKeyOrder, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import { listNewestFirst } from '../../shared/store/listNewestFirst.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { objectRows } from '../../shared/store/objectRows.ts';
import { rowsOfPersons } from '../../shared/store/rowsOfPersons.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { DisputeCategory, LinkReason } from '../../shared/world/records.ts';
import type {
  CourtCaseStatus,
  CourtCaseStep,
  CourtHearingKind,
  CourtLevel,
  CourtLimitApproval,
  CourtOutcome,
  CourtPartyKind,
  CourtProcedure,
} from './courtCase.enums.ts';

export const COURT_CASE_MIGRATION = `
CREATE TABLE court_case (
  case_code TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  case_number TEXT UNIQUE,
  court_code TEXT NOT NULL,
  court_name TEXT NOT NULL,
  court_level TEXT NOT NULL,
  procedure TEXT NOT NULL,
  cause_of_action TEXT NOT NULL,
  claim_amount REAL,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  division TEXT NOT NULL,
  status TEXT NOT NULL,
  outcome TEXT,
  outcome_note TEXT,
  refusal_reason TEXT,
  judge TEXT,
  received_at TEXT NOT NULL,
  filing_due_at TEXT NOT NULL,
  filed_at TEXT,
  due_at TEXT,
  closed_at TEXT,
  origin TEXT,
  appeal_of TEXT,
  appealed_as TEXT,
  enforces TEXT,
  confirms TEXT,
  agreement_signed_at TEXT,
  idempotency_key TEXT UNIQUE,
  request_hash TEXT
) WITHOUT ROWID;
CREATE INDEX court_case_division_received ON court_case (division, received_at);
CREATE INDEX court_case_court_received ON court_case (court_code, received_at);
CREATE INDEX court_case_open_due ON court_case (due_at) WHERE closed_at IS NULL;
CREATE INDEX court_case_enforces ON court_case (enforces) WHERE enforces IS NOT NULL;
CREATE TABLE court_case_party (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT,
  person_id TEXT,
  phone TEXT,
  credit_code TEXT,
  firm TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE INDEX court_case_party_person ON court_case_party (person_id);
CREATE TABLE court_case_hearing (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  place TEXT NOT NULL,
  scheduled_at TEXT,
  actor TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE TABLE court_case_extension (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  approved_at TEXT NOT NULL,
  days INTEGER NOT NULL,
  reason TEXT NOT NULL,
  approval TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE TABLE court_case_step (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  step TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE TABLE court_case_link (
  case_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_code, to_code, reason)
) WITHOUT ROWID;
CREATE INDEX court_case_link_to ON court_case_link (to_code);
`;

/** A court case as stored; times are UTC ISO strings so text order is time order. */
export interface CourtCaseRow {
  caseCode: string;
  version: number;
  /** 案号, full-width brackets; null until filed. */
  caseNumber: string | null;
  courtCode: string;
  courtName: string;
  courtLevel: CourtLevel;
  procedure: CourtProcedure;
  causeOfAction: string;
  claimAmount: number | null;
  category: DisputeCategory;
  title: string;
  /** 9-digit town where the dispute arose. */
  division: string;
  status: CourtCaseStatus;
  outcome: CourtOutcome | null;
  outcomeNote: string | null;
  refusalReason: string | null;
  judge: string | null;
  receivedAt: string;
  filingDueAt: string;
  filedAt: string | null;
  /** The limit of the current stage: filing decision, then the procedure's limit with extensions. */
  dueAt: string | null;
  closedAt: string | null;
  origin: string | null;
  appealOf: string | null;
  appealedAs: string | null;
  enforces: string | null;
  confirms: string | null;
  agreementSignedAt: string | null;
}

export interface CourtPartyRow {
  role: PartyRole;
  kind: CourtPartyKind;
  name: string;
  idNumber: string | null;
  personId: string | null;
  phone: string | null;
  creditCode: string | null;
  firm: string | null;
}

export interface CourtHearingRow {
  at: string;
  kind: CourtHearingKind;
  place: string;
  /** When it was put in the calendar; null for imported hearings. */
  scheduledAt: string | null;
  actor: string | null;
}

export interface CourtExtensionRow {
  approvedAt: string;
  days: number;
  reason: string;
  approval: CourtLimitApproval;
  actor: string;
}

/** Who took a step: the user's id, kept beside the name the step shows (issue 6). */
export const COURT_CASE_ACTOR_ID_MIGRATION = `ALTER TABLE court_case_step ADD COLUMN actor_id TEXT;`;

export interface CourtStepRow {
  step: CourtCaseStep;
  at: string;
  /** Who took the step: the signed-in user's name (or, imported, the office the record names). */
  actor: string;
  /** The signed-in user's id; null for imported steps, which name no account. */
  actorId: string | null;
  note: string | null;
}

export interface CourtLinkRow {
  caseCode: string;
  reason: LinkReason;
}

/** A whole case as written on receipt or import. */
export interface NewCourtCase extends Omit<CourtCaseRow, 'version'> {
  parties: CourtPartyRow[];
  hearings: CourtHearingRow[];
  extensions: CourtExtensionRow[];
  steps: CourtStepRow[];
  links: CourtLinkRow[];
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export interface CourtCaseFilter {
  division?: string | null;
  court?: string | null;
  procedure?: CourtProcedure | null;
  status?: CourtCaseStatus | null;
  /** Only cases still open whose limit passed before this time. */
  overdueAt?: string | null;
}

const COLUMNS = `case_code AS caseCode, version, case_number AS caseNumber, court_code AS courtCode, court_name AS courtName,
  court_level AS courtLevel, procedure, cause_of_action AS causeOfAction, claim_amount AS claimAmount, category, title, division,
  status, outcome, outcome_note AS outcomeNote, refusal_reason AS refusalReason, judge, received_at AS receivedAt,
  filing_due_at AS filingDueAt, filed_at AS filedAt, due_at AS dueAt, closed_at AS closedAt, origin, appeal_of AS appealOf,
  appealed_as AS appealedAs, enforces, confirms, agreement_signed_at AS agreementSignedAt`;

/** The fields a list or a person's view shows of a case: its summary. */
export type CourtCaseSummary = Pick<
  CourtCaseRow,
  'caseCode' | 'caseNumber' | 'procedure' | 'category' | 'title' | 'division' | 'status' | 'receivedAt' | 'dueAt' | 'closedAt'
>;
const SUMMARY_COLUMNS = `case_code AS caseCode, case_number AS caseNumber, procedure, category, title, division, status,
  received_at AS receivedAt, due_at AS dueAt, closed_at AS closedAt`;

/**
 * The court's cases. Reads are batched by key (`json_each`), one statement
 * per batch, rows back in key order; every change goes through `update`,
 * which bumps the version the registry orders events by.
 */
export function createCourtCaseStore(db: Db) {
  const loadMany = objectRows<CourtCaseRow>(db.prepare(`SELECT ${COLUMNS} FROM court_case WHERE case_code IN (SELECT value FROM json_each(?))`));
  const summariesMany = objectRows<CourtCaseSummary>(db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM court_case WHERE case_code IN (SELECT value FROM json_each(?))`));
  const partiesMany = db.prepare(
    `SELECT case_code AS caseCode, role, kind, name, id_number AS idNumber, person_id AS personId, phone, credit_code AS creditCode, firm
       FROM court_case_party WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const hearingsMany = db.prepare(
    `SELECT case_code AS caseCode, at, kind, place, scheduled_at AS scheduledAt, actor FROM court_case_hearing
      WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, at, seq`,
  );
  const extensionsMany = db.prepare(
    `SELECT case_code AS caseCode, approved_at AS approvedAt, days, reason, approval, actor FROM court_case_extension
      WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const stepsMany = db.prepare(
    `SELECT case_code AS caseCode, step, at, actor, actor_id AS actorId, note FROM court_case_step WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const linksMany = db.prepare(
    `SELECT case_code AS caseCode, to_code AS toCode, reason FROM court_case_link WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, to_code, reason`,
  );
  // A person's cases, newest first, as summaries (the person view shows them: one statement, not a second to load them).
  // `visible` is the user's jurisdiction, made per request (its text depends on how many codes they have).
  const ofPersonsSql = (visible: string) =>
    `SELECT j.value AS personId, ${SUMMARY_COLUMNS} FROM json_each(@persons) j JOIN court_case c
       ON c.case_code IN (SELECT p.case_code FROM court_case_party p WHERE p.person_id = j.value)
      WHERE ${visible} ORDER BY c.received_at DESC, c.case_code DESC`;
  // Either side may carry the link (records.ts: links are not guaranteed symmetric).
  const enforcementsMany = db.prepare(
    `SELECT enforces AS caseCode, case_code AS enforcer FROM court_case WHERE enforces IN (SELECT value FROM json_each(@codes))
     UNION SELECT case_code, to_code FROM court_case_link WHERE reason = 'ENFORCED_BY' AND case_code IN (SELECT value FROM json_each(@codes))
     ORDER BY 1, 2`,
  );
  const byNumber = db.prepare('SELECT case_code FROM court_case WHERE case_number = ?').pluck();
  const byKey = db.prepare(`SELECT case_code AS caseCode, request_hash AS requestHash FROM court_case WHERE idempotency_key = ?`);
  const insert = db.prepare(`INSERT INTO court_case (case_code, version, case_number, court_code, court_name, court_level, procedure,
      cause_of_action, claim_amount, category, title, division, status, outcome, outcome_note, refusal_reason, judge, received_at,
      filing_due_at, filed_at, due_at, closed_at, origin, appeal_of, appealed_as, enforces, confirms, agreement_signed_at,
      idempotency_key, request_hash)
    VALUES (@caseCode, 1, @caseNumber, @courtCode, @courtName, @courtLevel, @procedure, @causeOfAction, @claimAmount, @category,
      @title, @division, @status, @outcome, @outcomeNote, @refusalReason, @judge, @receivedAt, @filingDueAt, @filedAt, @dueAt,
      @closedAt, @origin, @appealOf, @appealedAs, @enforces, @confirms, @agreementSignedAt, @idempotencyKey, @requestHash)`);
  const update = db.prepare(`UPDATE court_case SET version = version + 1, case_number = @caseNumber, procedure = @procedure,
      status = @status, outcome = @outcome, outcome_note = @outcomeNote, refusal_reason = @refusalReason, judge = @judge,
      filed_at = @filedAt, due_at = @dueAt, closed_at = @closedAt, appealed_as = @appealedAs
    WHERE case_code = @caseCode`);
  const insertParty = db.prepare(`INSERT INTO court_case_party (case_code, seq, role, kind, name, id_number, person_id, phone, credit_code, firm)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const nextSeq = (table: string) => db.prepare(`SELECT coalesce(max(seq), 0) + 1 FROM ${table} WHERE case_code = ?`).pluck();
  const nextHearingSeq = nextSeq('court_case_hearing');
  const nextExtensionSeq = nextSeq('court_case_extension');
  const nextStepSeq = nextSeq('court_case_step');
  const insertHearing = db.prepare('INSERT INTO court_case_hearing (case_code, seq, at, kind, place, scheduled_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertExtension = db.prepare('INSERT INTO court_case_extension (case_code, seq, approved_at, days, reason, approval, actor) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertStep = db.prepare('INSERT INTO court_case_step (case_code, seq, step, at, actor, actor_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertLink = db.prepare('INSERT OR IGNORE INTO court_case_link (case_code, to_code, reason) VALUES (?, ?, ?)');

  const store = {
    load(codes: readonly string[]): (CourtCaseRow | undefined)[] {
      return inKeyOrder(codes, loadMany.all(JSON.stringify(codes)), (r) => r.caseCode);
    },
    /** The summaries of these cases, in key order. */
    summaries(codes: readonly string[]): (CourtCaseSummary | undefined)[] {
      return inKeyOrder(codes, summariesMany.all(JSON.stringify(codes)), (r) => r.caseCode);
    },
    parties(codes: readonly string[]): CourtPartyRow[][] {
      return groupByCaseCode(codes, partiesMany.all(JSON.stringify(codes)) as (CourtPartyRow & { caseCode: string })[]);
    },
    hearings(codes: readonly string[]): CourtHearingRow[][] {
      return groupByCaseCode(codes, hearingsMany.all(JSON.stringify(codes)) as (CourtHearingRow & { caseCode: string })[]);
    },
    extensions(codes: readonly string[]): CourtExtensionRow[][] {
      return groupByCaseCode(codes, extensionsMany.all(JSON.stringify(codes)) as (CourtExtensionRow & { caseCode: string })[]);
    },
    steps(codes: readonly string[]): CourtStepRow[][] {
      return groupByCaseCode(codes, stepsMany.all(JSON.stringify(codes)) as (CourtStepRow & { caseCode: string })[]);
    },
    links(codes: readonly string[]): CourtLinkRow[][] {
      const rows = linksMany.all(JSON.stringify(codes)) as { caseCode: string; toCode: string; reason: LinkReason }[];
      return groupInKeyOrder(codes, rows, (r) => r.caseCode).map((list) => list.map((r) => ({ caseCode: r.toCode, reason: r.reason })));
    },
    /** Case codes of the enforcement cases of each case (执行依据), from either side's record. */
    enforcements(codes: readonly string[]): string[][] {
      const rows = enforcementsMany.all({ codes: JSON.stringify(codes) }) as { caseCode: string; enforcer: string }[];
      return groupInKeyOrder(codes, rows, (r) => r.caseCode).map((list) => list.map((r) => r.enforcer));
    },
    /** The summaries of each person's cases that the user may see, newest first. */
    ofPersons(personIds: readonly string[], jurisdiction: Jurisdiction): CourtCaseSummary[][] {
      return rowsOfPersons(db, ofPersonsSql, 'c.division', personIds, jurisdiction);
    },
    /** The case with this case number (full-width brackets, as stored). */
    byCaseNumber(caseNumber: string): string | undefined {
      return byNumber.get(caseNumber) as string | undefined;
    },
    byIdempotencyKey(key: string): { caseCode: string; requestHash: string | null } | undefined {
      return byKey.get(key) as { caseCode: string; requestHash: string | null } | undefined;
    },
    insert(c: NewCourtCase): void {
      const { parties, hearings, extensions, steps, links, ...row } = c;
      insert.run({ ...row, idempotencyKey: c.idempotencyKey ?? null, requestHash: c.requestHash ?? null });
      parties.forEach((p, i) => insertParty.run(c.caseCode, i + 1, p.role, p.kind, p.name, p.idNumber, p.personId, p.phone, p.creditCode, p.firm));
      hearings.forEach((h, i) => insertHearing.run(c.caseCode, i + 1, h.at, h.kind, h.place, h.scheduledAt, h.actor));
      extensions.forEach((e, i) => insertExtension.run(c.caseCode, i + 1, e.approvedAt, e.days, e.reason, e.approval, e.actor));
      steps.forEach((s, i) => insertStep.run(c.caseCode, i + 1, s.step, s.at, s.actor, s.actorId, s.note));
      for (const l of links) insertLink.run(c.caseCode, l.caseCode, l.reason);
    },
    /** Writes a changed case (version + 1) and the step that changed it. */
    update(row: CourtCaseRow, step: CourtStepRow): void {
      update.run(row);
      insertStep.run(row.caseCode, nextStepSeq.get(row.caseCode), step.step, step.at, step.actor, step.actorId, step.note);
    },
    addHearing(caseCode: string, h: CourtHearingRow): void {
      insertHearing.run(caseCode, nextHearingSeq.get(caseCode), h.at, h.kind, h.place, h.scheduledAt, h.actor);
    },
    addExtension(caseCode: string, e: CourtExtensionRow): void {
      insertExtension.run(caseCode, nextExtensionSeq.get(caseCode), e.approvedAt, e.days, e.reason, e.approval, e.actor);
    },
    addLink(caseCode: string, link: CourtLinkRow): void {
      insertLink.run(caseCode, link.caseCode, link.reason);
    },

    /** One page of the cases the user may see matching the filter, newest receipt first (keyset), with their total. */
    list(filter: CourtCaseFilter, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const where = new ListFilter()
        .within('division', jurisdiction)
        .inDivision('division', filter.division)
        .equals('court_code', filter.court)
        .equals('procedure', filter.procedure)
        .equals('status', filter.status)
        .overdueAt(filter.overdueAt);
      const list = { from: 'court_case', columns: COLUMNS, orderBy: ['received_at', 'case_code'] } as const;
      return listNewestFirst(db, list, where, { limit, after }, (r) => r as unknown as CourtCaseRow);
    },
  };
  return store;
}

export type CourtCaseStore = ReturnType<typeof createCourtCaseStore>;
