import type { PartyRole } from '../../shared/schema/enums.ts';
import type { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { groupByCaseCode, groupInKeyOrder, inKeyOrder } from '../../shared/store/inKeyOrder.ts';
import { ListFilter } from '../../shared/store/ListFilter.ts';
import { listNewestFirst } from '../../shared/store/listNewestFirst.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { objectRows } from '../../shared/store/objectRows.ts';
import { rowsOfPersons } from '../../shared/store/rowsOfPersons.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import type {
  DiversionTarget,
  ForwardMode,
  PetitionChannel,
  PetitionDecisionOutcome,
  PetitionKind,
  PetitionReviewOutcome,
  PetitionStatus,
  PetitionStep,
} from './petition.enums.ts';

export const PETITION_MIGRATION = `
CREATE TABLE petition (
  case_code TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  subject TEXT NOT NULL,
  content TEXT NOT NULL,
  division TEXT NOT NULL,
  respondent_unit TEXT,
  handling_unit TEXT,
  forward_mode TEXT,
  status TEXT NOT NULL,
  facts_key TEXT NOT NULL,
  derived_key TEXT NOT NULL,
  repeat_of TEXT,
  origin TEXT,
  petitioner_count INTEGER NOT NULL,
  registered_at TEXT NOT NULL,
  forwarded_at TEXT,
  acceptance_notice_at TEXT,
  accepted INTEGER,
  not_accepted_reason TEXT,
  diverted_to TEXT,
  diverted_at TEXT,
  divert_reason TEXT,
  follow_up TEXT,
  extension_granted_at TEXT,
  extension_days INTEGER,
  extension_reason TEXT,
  decided_at TEXT,
  decision_outcome TEXT,
  decision_text TEXT,
  rating TEXT,
  review_requested_at TEXT,
  review_body TEXT,
  review_decided_at TEXT,
  review_outcome TEXT,
  review_text TEXT,
  second_review_requested_at TEXT,
  second_review_body TEXT,
  second_review_decided_at TEXT,
  second_review_outcome TEXT,
  second_review_text TEXT,
  due_at TEXT,
  closed_at TEXT,
  idempotency_key TEXT UNIQUE,
  request_hash TEXT
) WITHOUT ROWID;
CREATE INDEX petition_division_registered ON petition (division, registered_at);
CREATE INDEX petition_open_due ON petition (due_at) WHERE closed_at IS NULL;
CREATE INDEX petition_unit ON petition (handling_unit, registered_at);
CREATE INDEX petition_facts ON petition (facts_key, registered_at, case_code);
CREATE INDEX petition_derived ON petition (derived_key, registered_at);
CREATE TABLE petition_party (
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
CREATE INDEX petition_party_person ON petition_party (person_id, role);
CREATE TABLE petition_event (
  case_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  step TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_code, seq)
) WITHOUT ROWID;
CREATE TABLE petition_link (
  case_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_code, to_code)
) WITHOUT ROWID;
`;

/** A petition as stored: every step's time and result (times are UTC ISO strings). */
export interface StoredPetition {
  caseCode: string;
  version: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  category: DisputeCategory;
  title: string;
  subject: string;
  content: string;
  /** 9-digit town code. */
  division: string;
  respondentUnit: string | null;
  handlingUnit: string | null;
  forwardMode: ForwardMode | null;
  status: PetitionStatus;
  /** Equal for petitions on the same facts (petition.facts.ts). */
  factsKey: string;
  /** The key derived from petitioners, respondent unit and subject. */
  derivedKey: string;
  /** The first petition on the same facts, if this one repeats it. */
  repeatOf: string | null;
  origin: string | null;
  /** Parties with role PETITIONER or COMPLAINANT. */
  petitionerCount: number;
  registeredAt: string;
  forwardedAt: string | null;
  acceptanceNoticeAt: string | null;
  accepted: boolean | null;
  notAcceptedReason: string | null;
  divertedTo: DiversionTarget | null;
  divertedAt: string | null;
  divertReason: string | null;
  followUp: string | null;
  extensionGrantedAt: string | null;
  extensionDays: number | null;
  extensionReason: string | null;
  decidedAt: string | null;
  decisionOutcome: PetitionDecisionOutcome | null;
  decisionText: string | null;
  rating: Satisfaction | null;
  reviewRequestedAt: string | null;
  reviewBody: string | null;
  reviewDecidedAt: string | null;
  reviewOutcome: PetitionReviewOutcome | null;
  reviewText: string | null;
  secondReviewRequestedAt: string | null;
  secondReviewBody: string | null;
  secondReviewDecidedAt: string | null;
  secondReviewOutcome: PetitionReviewOutcome | null;
  secondReviewText: string | null;
  /** The current stage's deadline (petition.deadlines.ts `stageDueAt`). */
  dueAt: string | null;
  closedAt: string | null;
}

/** A loaded petition: stored fields plus how many petitions on its facts came before it. */
export interface PetitionRow extends StoredPetition {
  repeatCount: number;
}

export interface PetitionPartyRow {
  role: PartyRole;
  kind: 'PERSON' | 'ORGANIZATION';
  name: string;
  idNumber: string | null;
  personId: string | null;
  phone: string | null;
}

/** Who took a step: the user's id, kept beside the name the step shows (issue 6). */
export const PETITION_ACTOR_ID_MIGRATION = `ALTER TABLE petition_event ADD COLUMN actor_id TEXT;`;

export interface PetitionEventRow {
  step: PetitionStep;
  at: string;
  /** Who took the step: the signed-in user's name (or, imported, the office the record names). */
  actor: string;
  /** The signed-in user's id; null for imported steps, which name no account. */
  actorId: string | null;
  note: string | null;
}

export interface PetitionLinkRow {
  caseCode: string;
  reason: string;
}

/** A complete petition as written on registration or import. */
export interface NewPetition extends Omit<StoredPetition, 'version'> {
  parties: PetitionPartyRow[];
  events: PetitionEventRow[];
  links: PetitionLinkRow[];
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export interface PetitionFilter {
  division?: string | null;
  status?: PetitionStatus | null;
  kind?: PetitionKind | null;
  handlingUnit?: string | null;
  /** Open petitions whose deadline is before this time. */
  overdueAt?: string | null;
}

/** Column of each stored field; the SQL below is generated from this one table. */
const FIELDS: Record<keyof StoredPetition, string> = {
  caseCode: 'case_code',
  version: 'version',
  kind: 'kind',
  channel: 'channel',
  category: 'category',
  title: 'title',
  subject: 'subject',
  content: 'content',
  division: 'division',
  respondentUnit: 'respondent_unit',
  handlingUnit: 'handling_unit',
  forwardMode: 'forward_mode',
  status: 'status',
  factsKey: 'facts_key',
  derivedKey: 'derived_key',
  repeatOf: 'repeat_of',
  origin: 'origin',
  petitionerCount: 'petitioner_count',
  registeredAt: 'registered_at',
  forwardedAt: 'forwarded_at',
  acceptanceNoticeAt: 'acceptance_notice_at',
  accepted: 'accepted',
  notAcceptedReason: 'not_accepted_reason',
  divertedTo: 'diverted_to',
  divertedAt: 'diverted_at',
  divertReason: 'divert_reason',
  followUp: 'follow_up',
  extensionGrantedAt: 'extension_granted_at',
  extensionDays: 'extension_days',
  extensionReason: 'extension_reason',
  decidedAt: 'decided_at',
  decisionOutcome: 'decision_outcome',
  decisionText: 'decision_text',
  rating: 'rating',
  reviewRequestedAt: 'review_requested_at',
  reviewBody: 'review_body',
  reviewDecidedAt: 'review_decided_at',
  reviewOutcome: 'review_outcome',
  reviewText: 'review_text',
  secondReviewRequestedAt: 'second_review_requested_at',
  secondReviewBody: 'second_review_body',
  secondReviewDecidedAt: 'second_review_decided_at',
  secondReviewOutcome: 'second_review_outcome',
  secondReviewText: 'second_review_text',
  dueAt: 'due_at',
  closedAt: 'closed_at',
};
const PROPS = Object.keys(FIELDS) as (keyof StoredPetition)[];

// repeatCount: petitions on the same facts registered before this one (the
// facts index makes it a range count).
const COLUMNS = `${PROPS.map((p) => `p.${FIELDS[p]} AS ${p}`).join(', ')},
  (SELECT count(*) FROM petition q WHERE q.facts_key = p.facts_key AND (q.registered_at, q.case_code) < (p.registered_at, p.case_code)) AS repeatCount`;

/** A row as read (`accepted` as 0/1) made a petition, in place: every row read is a new object. */
function toRow(r: Record<string, unknown>): PetitionRow {
  r.accepted = r.accepted === null ? null : r.accepted === 1;
  return r as unknown as PetitionRow;
}

/** SQLite binds no booleans: `accepted` is stored as 0/1. */
function toParams(p: StoredPetition): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const prop of PROPS) params[prop] = p[prop];
  params.accepted = p.accepted === null ? null : p.accepted ? 1 : 0;
  return params;
}

/** The petitions store: batched loads (one statement per batch, keys in order) and writes. */
export function createPetitionStore(db: Db) {
  const loadMany = objectRows<Record<string, unknown>>(db.prepare(`SELECT ${COLUMNS} FROM petition p WHERE p.case_code IN (SELECT value FROM json_each(?))`));
  const partiesMany = db.prepare(
    `SELECT case_code AS caseCode, role, kind, name, id_number AS idNumber, person_id AS personId, phone FROM petition_party
      WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const eventsMany = db.prepare(
    `SELECT case_code AS caseCode, step, at, actor, actor_id AS actorId, note FROM petition_event WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, seq`,
  );
  const linksMany = db.prepare(
    `SELECT case_code AS owner, to_code AS caseCode, reason FROM petition_link WHERE case_code IN (SELECT value FROM json_each(?)) ORDER BY case_code, to_code`,
  );
  // A person's petitions, newest first, whole (the person view shows them:
  // one statement, not a second to load them). A petition where the person
  // is the accuser is left out of the open list, even if they are a party
  // in another role too (art 30). `visible` is the user's jurisdiction, made
  // per request (its text depends on how many codes they have).
  const ofPersons = (visible: string) =>
    `SELECT j.value AS personId, ${COLUMNS} FROM json_each(@persons) j JOIN petition p
        ON p.case_code IN (SELECT pp.case_code FROM petition_party pp WHERE pp.person_id = j.value)
      WHERE ${visible}
        AND NOT EXISTS (SELECT 1 FROM petition_party c WHERE c.case_code = p.case_code AND c.person_id = j.value AND c.role = 'COMPLAINANT')
      ORDER BY p.registered_at DESC, p.case_code DESC`;
  const accusationsOfPersons = (visible: string) =>
    `SELECT j.value AS personId, ${COLUMNS} FROM json_each(@persons) j JOIN petition p
        ON p.case_code IN (SELECT pp.case_code FROM petition_party pp WHERE pp.person_id = j.value AND pp.role = 'COMPLAINANT')
      WHERE ${visible}
      ORDER BY p.registered_at DESC, p.case_code DESC`;
  const byKey = db.prepare('SELECT case_code AS caseCode, request_hash AS requestHash FROM petition WHERE idempotency_key = ?');
  const byDerived = db.prepare(
    'SELECT case_code AS caseCode, facts_key AS factsKey FROM petition WHERE derived_key = ? ORDER BY registered_at, case_code LIMIT 1',
  );
  const firstOnFacts = db.prepare('SELECT case_code FROM petition WHERE facts_key = ? ORDER BY registered_at, case_code LIMIT 1').pluck();
  const closedOnFacts = db.prepare(
    `SELECT case_code AS caseCode, closed_at AS closedAt FROM petition WHERE facts_key = ? AND status = 'CLOSED' ORDER BY closed_at DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO petition (${PROPS.map((p) => FIELDS[p]).join(', ')}, idempotency_key, request_hash)
      VALUES (${PROPS.map((p) => `@${p}`).join(', ')}, @idempotencyKey, @requestHash)`,
  );
  const EDITABLE = PROPS.filter((p) => p !== 'caseCode' && p !== 'version');
  // Optimistic: a write based on an older version changes nothing (checked below).
  const update = db.prepare(
    `UPDATE petition SET version = version + 1, ${EDITABLE.map((p) => `${FIELDS[p]} = @${p}`).join(', ')}
      WHERE case_code = @caseCode AND version = @version`,
  );
  const insertParty = db.prepare('INSERT INTO petition_party (case_code, seq, role, kind, name, id_number, person_id, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const nextEventSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM petition_event WHERE case_code = ?').pluck();
  const insertEvent = db.prepare('INSERT INTO petition_event (case_code, seq, step, at, actor, actor_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertLink = db.prepare('INSERT OR REPLACE INTO petition_link (case_code, to_code, reason) VALUES (?, ?, ?)');

  function petitionsOfPersons(sql: (visible: string) => string, personIds: readonly string[], jurisdiction: Jurisdiction): PetitionRow[][] {
    return rowsOfPersons<Record<string, unknown>>(db, sql, 'p.division', personIds, jurisdiction).map((list) => list.map(toRow));
  }

  return {
    load(codes: readonly string[]): (PetitionRow | undefined)[] {
      return inKeyOrder(codes, loadMany.all(JSON.stringify(codes)).map(toRow), (r) => r.caseCode);
    },
    parties(codes: readonly string[]): PetitionPartyRow[][] {
      return groupByCaseCode(codes, partiesMany.all(JSON.stringify(codes)) as (PetitionPartyRow & { caseCode: string })[]);
    },
    events(codes: readonly string[]): PetitionEventRow[][] {
      return groupByCaseCode(codes, eventsMany.all(JSON.stringify(codes)) as (PetitionEventRow & { caseCode: string })[]);
    },
    links(codes: readonly string[]): PetitionLinkRow[][] {
      const rows = linksMany.all(JSON.stringify(codes)) as (PetitionLinkRow & { owner: string })[];
      return groupInKeyOrder(codes, rows, (r) => r.owner).map((list) => list.map(({ owner: _o, ...l }) => l));
    },
    /** Each person's petitions (not those they accused in) that the user may see, newest first. */
    ofPersons(personIds: readonly string[], jurisdiction: Jurisdiction): PetitionRow[][] {
      return petitionsOfPersons(ofPersons, personIds, jurisdiction);
    },
    /** The accusations each person filed that the user may see, newest first. */
    accusationsOfPersons(personIds: readonly string[], jurisdiction: Jurisdiction): PetitionRow[][] {
      return petitionsOfPersons(accusationsOfPersons, personIds, jurisdiction);
    },
    byIdempotencyKey(key: string): { caseCode: string; requestHash: string | null } | undefined {
      return byKey.get(key) as { caseCode: string; requestHash: string | null } | undefined;
    },
    /** The earliest petition with this derived key, if any. */
    byDerivedKey(key: string): { caseCode: string; factsKey: string } | undefined {
      return byDerived.get(key) as { caseCode: string; factsKey: string } | undefined;
    },
    /** The first petition registered on these facts. */
    firstOnFacts(factsKey: string): string | undefined {
      return firstOnFacts.get(factsKey) as string | undefined;
    },
    /** A petition on these facts that went through second review (CLOSED), latest first. */
    closedOnFacts(factsKey: string): { caseCode: string; closedAt: string } | undefined {
      return closedOnFacts.get(factsKey) as { caseCode: string; closedAt: string } | undefined;
    },
    insert(p: NewPetition): void {
      insert.run({ ...toParams({ ...p, version: 1 }), idempotencyKey: p.idempotencyKey ?? null, requestHash: p.requestHash ?? null });
      p.parties.forEach((x, i) => insertParty.run(p.caseCode, i + 1, x.role, x.kind, x.name, x.idNumber, x.personId, x.phone));
      p.events.forEach((e, i) => insertEvent.run(p.caseCode, i + 1, e.step, e.at, e.actor, e.actorId, e.note));
      for (const l of p.links) insertLink.run(p.caseCode, l.caseCode, l.reason);
    },
    /**
     * Writes a changed petition (`row.version` is the version it was read
     * at) and the step that changed it. False when someone else changed it
     * in between.
     */
    update(row: StoredPetition, event: PetitionEventRow): boolean {
      if (update.run(toParams(row)).changes === 0) return false;
      insertEvent.run(row.caseCode, nextEventSeq.get(row.caseCode), event.step, event.at, event.actor, event.actorId, event.note);
      return true;
    },
    link(caseCode: string, to: string, reason: string): void {
      insertLink.run(caseCode, to, reason);
    },

    /** One page of the petitions the user may see matching the filter, newest first (keyset), with their total. */
    list(filter: PetitionFilter, jurisdiction: Jurisdiction, limit: number, after: [string, string] | null) {
      const where = new ListFilter()
        .within('p.division', jurisdiction)
        .inDivision('p.division', filter.division)
        .equals('p.status', filter.status)
        .equals('p.kind', filter.kind)
        .equals('p.handling_unit', filter.handlingUnit)
        .overdueAt(filter.overdueAt, 'p.');
      const list = { from: 'petition p', columns: COLUMNS, orderBy: ['p.registered_at', 'p.case_code'] } as const;
      return listNewestFirst(db, list, where, { limit, after }, toRow);
    },
  };
}

export type PetitionStore = ReturnType<typeof createPetitionStore>;
