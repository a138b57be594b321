import type { PartyRole } from '../../shared/schema/enums.ts';
import { groupByCaseCode, groupInKeyOrder, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import { listNewestFirst } from '../../shared/store/listNewestFirst.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { objectRows } from '../../shared/store/objectRows.ts';
import { rowsOfPersons } from '../../shared/store/rowsOfPersons.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { DisputeCategory, LinkReason, MatterStatus, PartyRecord } from '../../shared/world/records.ts';
import type { LegalAidDecision, LegalAidKind, LegalAidMeansTestResult, LegalAidMediationResult, LegalAidStatus, LegalAidStep } from './legalAidCase.enums.ts';

export const LEGAL_AID_CASE_MIGRATION = `
CREATE TABLE legal_aid_case (
  case_code TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  summary_status TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  division TEXT NOT NULL,
  organization TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  due_at TEXT,
  closed_at TEXT,
  origin TEXT,
  aid_matter TEXT,
  decision_due_at TEXT,
  decided_at TEXT,
  decision TEXT,
  refusal_reason TEXT,
  provisional INTEGER NOT NULL DEFAULT 0,
  limitation_deadline TEXT,
  means_test_waived INTEGER NOT NULL DEFAULT 0,
  monthly_income_yuan REAL,
  household_size INTEGER,
  means_test_result TEXT,
  lawyer_name TEXT,
  lawyer_firm TEXT,
  lawyer_licence TEXT,
  assignment_due_at TEXT,
  assigned_at TEXT,
  committee TEXT,
  mediator TEXT,
  labour_mediation INTEGER NOT NULL DEFAULT 0,
  mediation_due_at TEXT,
  mediation_result TEXT,
  failed_at TEXT,
  failure_reason TEXT,
  agreement_signed_at TEXT,
  agreement_terms TEXT,
  agreement_amount_yuan REAL,
  confirmation_deadline TEXT,
  confirmed_by TEXT,
  confirmed_at TEXT,
  commission TEXT,
  arbitrator TEXT,
  acceptance_due_at TEXT,
  accepted_at TEXT,
  award_due_at TEXT,
  extension_days INTEGER NOT NULL DEFAULT 0,
  extension_reason TEXT,
  award_at TEXT,
  award_text TEXT,
  award_amount_yuan REAL,
  withdrawn_at TEXT,
  withdrawal_reason TEXT,
  question TEXT,
  answer TEXT,
  answered_at TEXT,
  idempotency_key TEXT UNIQUE,
  request_hash TEXT
) WITHOUT ROWID;
CREATE INDEX legal_aid_case_opened ON legal_aid_case (applied_at, case_code);
CREATE INDEX legal_aid_case_division ON legal_aid_case (division, applied_at);
CREATE INDEX legal_aid_case_kind ON legal_aid_case (kind, status, applied_at);
CREATE INDEX legal_aid_case_organization ON legal_aid_case (organization, applied_at);
CREATE INDEX legal_aid_case_open_due ON legal_aid_case (due_at) WHERE closed_at IS NULL;
CREATE TABLE legal_aid_party (
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
CREATE INDEX legal_aid_party_person ON legal_aid_party (person_id);
CREATE TABLE legal_aid_link (
  case_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_code, to_code, reason)
) WITHOUT ROWID;
CREATE TABLE legal_aid_event (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  step TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
`;

/**
 * One matter of the legal-services system. One row for every kind: the
 * columns of the other kinds stay null, so an entity of any kind loads with
 * one query. Times are UTC ISO strings (text order is time order).
 */
export interface LegalAidCaseRow {
  caseCode: string;
  /** Grows with every change; the registry applies an event only if newer. */
  version: number;
  kind: LegalAidKind;
  status: LegalAidStatus;
  /** The centre's normalised status (records.ts MatterStatus). */
  summaryStatus: MatterStatus;
  title: string;
  category: DisputeCategory;
  /** 9-digit town code. */
  division: string;
  organization: string;
  appliedAt: string;
  dueAt: string | null;
  closedAt: string | null;
  origin: string | null;
  // LEGAL_AID
  aidMatter: string | null;
  decisionDueAt: string | null;
  decidedAt: string | null;
  decision: LegalAidDecision | null;
  refusalReason: string | null;
  provisional: boolean;
  limitationDeadline: string | null;
  meansTestWaived: boolean;
  monthlyIncomeYuan: number | null;
  householdSize: number | null;
  meansTestResult: LegalAidMeansTestResult | null;
  lawyerName: string | null;
  lawyerFirm: string | null;
  lawyerLicence: string | null;
  assignmentDueAt: string | null;
  assignedAt: string | null;
  // MEDIATION
  committee: string | null;
  mediator: string | null;
  labourMediation: boolean;
  mediationDueAt: string | null;
  mediationResult: LegalAidMediationResult | null;
  failedAt: string | null;
  failureReason: string | null;
  agreementSignedAt: string | null;
  agreementTerms: string | null;
  agreementAmountYuan: number | null;
  confirmationDeadline: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  // LABOUR_ARBITRATION
  commission: string | null;
  arbitrator: string | null;
  acceptanceDueAt: string | null;
  acceptedAt: string | null;
  awardDueAt: string | null;
  extensionDays: number;
  extensionReason: string | null;
  awardAt: string | null;
  awardText: string | null;
  awardAmountYuan: number | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  // CONSULTATION
  question: string | null;
  answer: string | null;
  answeredAt: string | null;
}

/** A party as recorded (the world's PartyRecord) plus its person token. */
export interface LegalAidPartyRow {
  role: PartyRole;
  kind: PartyRecord['kind'];
  name: string;
  idNumber: string | null;
  personId: string | null;
  phone: string | null;
  creditCode: string | null;
  firm: string | null;
}

export interface LegalAidLinkRow {
  caseCode: string;
  reason: LinkReason;
}

/** Who took a step: the user's id, kept beside the name the step shows (issue 6). */
export const LEGAL_AID_ACTOR_ID_MIGRATION = `ALTER TABLE legal_aid_event ADD COLUMN actor_id TEXT;`;

export interface LegalAidEventRow {
  step: LegalAidStep;
  at: string;
  /** Who took the step: the signed-in user's name (imported: the handling organization). */
  actor: string;
  /** The signed-in user's id; null for imported steps, which name no account. */
  actorId: string | null;
  note: string | null;
}

export interface NewLegalAidCase extends LegalAidCaseRow {
  parties: LegalAidPartyRow[];
  links: LegalAidLinkRow[];
  events: LegalAidEventRow[];
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export interface LegalAidCaseFilter {
  division?: string | null;
  kind?: LegalAidKind | null;
  status?: LegalAidStatus | null;
  organization?: string | null;
  /** Open cases whose deadline is before this instant. */
  overdueAt?: string | null;
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every column, named after its row field; the SQL is derived from this list so the two cannot drift. */
const FIELDS = [
  'caseCode', 'version', 'kind', 'status', 'summaryStatus', 'title', 'category', 'division', 'organization', 'appliedAt', 'dueAt', 'closedAt', 'origin',
  'aidMatter', 'decisionDueAt', 'decidedAt', 'decision', 'refusalReason', 'provisional', 'limitationDeadline', 'meansTestWaived', 'monthlyIncomeYuan',
  'householdSize', 'meansTestResult', 'lawyerName', 'lawyerFirm', 'lawyerLicence', 'assignmentDueAt', 'assignedAt',
  'committee', 'mediator', 'labourMediation', 'mediationDueAt', 'mediationResult', 'failedAt', 'failureReason', 'agreementSignedAt', 'agreementTerms',
  'agreementAmountYuan', 'confirmationDeadline', 'confirmedBy', 'confirmedAt',
  'commission', 'arbitrator', 'acceptanceDueAt', 'acceptedAt', 'awardDueAt', 'extensionDays', 'extensionReason', 'awardAt', 'awardText', 'awardAmountYuan',
  'withdrawnAt', 'withdrawalReason', 'question', 'answer', 'answeredAt',
] as const satisfies readonly (keyof LegalAidCaseRow)[];
// A compile-time check that FIELDS lists every field of the row.
type Missing = Exclude<keyof LegalAidCaseRow, (typeof FIELDS)[number]>;
const _allFields: Missing extends never ? true : Missing = true;
void _allFields;

const BOOLEANS = ['provisional', 'meansTestWaived', 'labourMediation'] as const;
const column = (f: string) => (snake(f) === f ? f : `${snake(f)} AS ${f}`);
const COLUMNS = FIELDS.map(column).join(', ');

/** The fields every kind has, which lists and a person's view show: a case's summary (no booleans to convert). */
const SUMMARY_FIELDS = ['caseCode', 'kind', 'status', 'title', 'category', 'division', 'organization', 'appliedAt', 'dueAt', 'closedAt', 'origin'] as const;
export type LegalAidCaseSummary = Pick<LegalAidCaseRow, (typeof SUMMARY_FIELDS)[number]>;
const SUMMARY_COLUMNS = SUMMARY_FIELDS.map(column).join(', ');

/** A row as read (booleans as 0/1) made a case, in place: every row read is a new object. */
function toRow(r: Record<string, unknown>): LegalAidCaseRow {
  for (const b of BOOLEANS) r[b] = r[b] === 1;
  return r as unknown as LegalAidCaseRow;
}

/** Named parameters of a row: SQLite takes no booleans. */
function toParams(row: LegalAidCaseRow): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const f of FIELDS) params[f] = row[f];
  for (const b of BOOLEANS) params[b] = row[b] ? 1 : 0;
  return params;
}

/** The legal-services store: batched loads (one statement per batch, rows in key order) and writes. */
export function createLegalAidCaseStore(db: Db) {
  const loadMany = objectRows<Record<string, unknown>>(db.prepare(`SELECT ${COLUMNS} FROM legal_aid_case WHERE case_code IN (SELECT value FROM json_each(?))`));
  const summariesMany = objectRows<LegalAidCaseSummary>(db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM legal_aid_case WHERE case_code IN (SELECT value FROM json_each(?))`));
  const partiesMany = db.prepare(
    `SELECT case_code AS caseCode, role, kind, name, id_number AS idNumber, person_id AS personId, phone, credit_code AS creditCode, firm
       FROM legal_aid_party WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const linksMany = db.prepare(
    `SELECT case_code AS fromCode, to_code AS caseCode, reason FROM legal_aid_link WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, to_code, reason`,
  );
  const eventsMany = db.prepare(
    'SELECT case_code AS caseCode, step, at, actor, actor_id AS actorId, note FROM legal_aid_event WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq',
  );
  const byKey = db.prepare(`SELECT ${COLUMNS}, request_hash AS requestHash FROM legal_aid_case WHERE idempotency_key = ?`);
  // A person's cases, newest first, as summaries (the person view shows them: one statement, not a second to load them).
  // `visible` is the user's jurisdiction, made per request (its text depends on how many codes they have).
  const ofPersonsSql = (visible: string) =>
    `SELECT j.value AS personId, ${SUMMARY_COLUMNS} FROM json_each(@persons) j JOIN legal_aid_case c
       ON c.case_code IN (SELECT p.case_code FROM legal_aid_party p WHERE p.person_id = j.value)
      WHERE ${visible} ORDER BY c.applied_at DESC, c.case_code DESC`;
  const insert = db.prepare(
    `INSERT INTO legal_aid_case (${FIELDS.map(snake).join(', ')}, idempotency_key, request_hash)
     VALUES (${FIELDS.map((f) => `@${f}`).join(', ')}, @idempotencyKey, @requestHash)`,
  );
  const update = db.prepare(
    `UPDATE legal_aid_case SET ${FIELDS.filter((f) => f !== 'caseCode').map((f) => `${snake(f)} = @${f}`).join(', ')}
      WHERE case_code = @caseCode AND version = @version - 1`,
  );
  const insertParty = db.prepare(
    'INSERT INTO legal_aid_party (case_code, seq, role, kind, name, id_number, person_id, phone, credit_code, firm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLink = db.prepare('INSERT OR IGNORE INTO legal_aid_link (case_code, to_code, reason) VALUES (?, ?, ?)');
  const nextEventSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM legal_aid_event WHERE case_code = ?').pluck();
  const insertEvent = db.prepare('INSERT INTO legal_aid_event (case_code, seq, step, at, actor, actor_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)');

  return {
    load(codes: readonly string[]): (LegalAidCaseRow | undefined)[] {
      return inKeyOrder(codes, loadMany.all(JSON.stringify(codes)).map(toRow), (r) => r.caseCode);
    },
    /** The summaries of these cases (the fields every kind has), in key order. */
    summaries(codes: readonly string[]): (LegalAidCaseSummary | undefined)[] {
      return inKeyOrder(codes, summariesMany.all(JSON.stringify(codes)), (r) => r.caseCode);
    },
    parties(codes: readonly string[]): LegalAidPartyRow[][] {
      return groupByCaseCode(codes, partiesMany.all(JSON.stringify(codes)) as (LegalAidPartyRow & { caseCode: string })[]);
    },
    links(codes: readonly string[]): LegalAidLinkRow[][] {
      const rows = linksMany.all(JSON.stringify(codes)) as (LegalAidLinkRow & { fromCode: string })[];
      return groupInKeyOrder(codes, rows, (r) => r.fromCode).map((list) => list.map(({ fromCode: _fromCode, ...link }) => link));
    },
    events(codes: readonly string[]): LegalAidEventRow[][] {
      return groupByCaseCode(codes, eventsMany.all(JSON.stringify(codes)) as (LegalAidEventRow & { caseCode: string })[]);
    },
    /** The summaries of each person's matters that the user may see, newest first. */
    ofPersons(personIds: readonly string[], jurisdiction: Jurisdiction): LegalAidCaseSummary[][] {
      return rowsOfPersons<LegalAidCaseSummary>(db, ofPersonsSql, 'c.division', personIds, jurisdiction);
    },
    byIdempotencyKey(key: string): (LegalAidCaseRow & { requestHash: string | null }) | undefined {
      const r = byKey.get(key) as Record<string, unknown> | undefined;
      if (!r) return undefined;
      const { requestHash, ...row } = r;
      return { ...toRow(row), requestHash: requestHash as string | null };
    },
    insert(c: NewLegalAidCase): void {
      insert.run({ ...toParams(c), idempotencyKey: c.idempotencyKey ?? null, requestHash: c.requestHash ?? null });
      c.parties.forEach((p, i) => insertParty.run(c.caseCode, i + 1, p.role, p.kind, p.name, p.idNumber, p.personId, p.phone, p.creditCode, p.firm));
      for (const l of c.links) insertLink.run(c.caseCode, l.caseCode, l.reason);
      c.events.forEach((e, i) => insertEvent.run(c.caseCode, i + 1, e.step, e.at, e.actor, e.actorId, e.note));
    },
    /**
     * Writes a changed case whose `version` is one more than the stored one;
     * false when the stored version moved meanwhile (nothing written).
     */
    update(row: LegalAidCaseRow): boolean {
      return update.run(toParams(row)).changes === 1;
    },
    addEvent(caseCode: string, event: LegalAidEventRow): void {
      insertEvent.run(caseCode, nextEventSeq.get(caseCode), event.step, event.at, event.actor, event.actorId, event.note);
    },
    link(caseCode: string, to: string, reason: LinkReason): void {
      insertLink.run(caseCode, to, reason);
    },

    /** One page of the cases the user may see matching the filter, newest first (keyset), with their total. */
    list(filter: LegalAidCaseFilter, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const where = new ListFilter()
        .within('division', jurisdiction)
        .inDivision('division', filter.division)
        .equals('kind', filter.kind)
        .equals('status', filter.status)
        .equals('organization', filter.organization)
        .overdueAt(filter.overdueAt);
      const list = { from: 'legal_aid_case', columns: COLUMNS, orderBy: ['applied_at', 'case_code'] } as const;
      return listNewestFirst(db, list, where, { limit, after }, toRow);
    },
  };
}

export type LegalAidCaseStore = ReturnType<typeof createLegalAidCaseStore>;
