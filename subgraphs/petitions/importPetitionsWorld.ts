import { join } from 'node:path';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import { utc, utcOrNull } from '../shared/time/utc.ts';
import { importWorldFile } from '../shared/world/importWorldFile.ts';
import { WORLD_FILES, type PetitionRecord, type PetitionsFileRecord } from '../shared/world/records.ts';
import type { PetitionsServices } from './context.ts';
import { stageDueAt } from './petition/petition.deadlines.ts';
import { derivedFactsKey } from './petition/petition.facts.ts';
import { enqueuePetition } from './petition/petition.feed.ts';
import type { NewPetition, PetitionEventRow, PetitionLinkRow, StoredPetition } from './petition/petition.store.ts';

/** Steps of an imported petition were taken before this system: no user to name. */
const IMPORT_ACTOR = 'world-import';

/**
 * A world petition record as a stored petition. Step times and results are
 * taken as recorded; `dueAt` and `closedAt` are recomputed with this
 * subgraph's rules (petition.deadlines.ts), so an imported petition and one
 * registered here follow the same deadlines.
 */
export function petitionFromRecord(r: PetitionRecord, tokenize: PersonTokenizer): NewPetition {
  const parties = r.parties.map((p) => ({
    role: p.role,
    kind: p.kind,
    name: p.name,
    idNumber: p.idNumber,
    personId: p.idNumber ? tokenize(p.idNumber) : null,
    phone: p.phone,
  }));
  const petitioners = parties.filter((p) => p.role === 'PETITIONER' || p.role === 'COMPLAINANT');
  const diverted = r.status === 'DIVERTED';
  const followUp = diverted ? (r.links.find((l) => l.reason === 'FOLLOW_UP')?.caseCode ?? null) : null;
  const stored: StoredPetition = {
    caseCode: r.caseCode,
    version: 1,
    kind: r.kind,
    channel: r.channel,
    category: r.category,
    title: r.title,
    subject: r.subject,
    content: r.content,
    division: r.division,
    respondentUnit: r.respondentUnit,
    // The world names the intended unit from the start; here a unit is the
    // handling unit once the petition was forwarded to it.
    handlingUnit: r.forwardedAt && !diverted ? r.handlingUnit : null,
    forwardMode: r.forwardedAt && !diverted ? 'FORWARD' : null,
    status: r.status,
    factsKey: r.factsKey,
    derivedKey: derivedFactsKey(petitioners, r.respondentUnit, r.subject),
    repeatOf: r.repeatOf,
    origin: r.origin,
    petitionerCount: petitioners.length,
    registeredAt: utc(r.registeredAt),
    forwardedAt: utcOrNull(r.forwardedAt),
    acceptanceNoticeAt: utcOrNull(r.acceptanceNoticeAt),
    accepted: r.accepted,
    notAcceptedReason: r.notAcceptedReason,
    divertedTo: r.divertedTo,
    divertedAt: diverted ? utcOrNull(r.closedAt) : null,
    divertReason: null,
    followUp,
    extensionGrantedAt: utcOrNull(r.extension?.grantedAt ?? null),
    extensionDays: r.extension?.days ?? null,
    extensionReason: r.extension?.reason ?? null,
    decidedAt: utcOrNull(r.decidedAt),
    decisionOutcome: r.decision?.outcome ?? null,
    decisionText: r.decision?.text ?? null,
    rating: r.rating,
    reviewRequestedAt: utcOrNull(r.review?.requestedAt ?? null),
    reviewBody: r.review?.body ?? null,
    reviewDecidedAt: utcOrNull(r.review?.decidedAt ?? null),
    reviewOutcome: r.review?.outcome ?? null,
    reviewText: null,
    secondReviewRequestedAt: utcOrNull(r.secondReview?.requestedAt ?? null),
    secondReviewBody: r.secondReview?.body ?? null,
    secondReviewDecidedAt: utcOrNull(r.secondReview?.decidedAt ?? null),
    secondReviewOutcome: r.secondReview?.outcome ?? null,
    secondReviewText: null,
    dueAt: null,
    closedAt: utcOrNull(r.closedAt),
  };
  stored.dueAt = stageDueAt(stored);

  const events: PetitionEventRow[] = [];
  const step = (s: PetitionEventRow['step'], at: string | null, note: string | null = null) => {
    if (at) events.push({ step: s, at, actor: IMPORT_ACTOR, actorId: null, note });
  };
  step('REGISTER', stored.registeredAt);
  if (diverted) step('DIVERT', stored.divertedAt);
  else step('FORWARD', stored.forwardedAt, r.handlingUnit);
  step(r.accepted ? 'ACCEPT' : 'NOT_ACCEPT', stored.acceptanceNoticeAt, r.notAcceptedReason);
  step('EXTEND', stored.extensionGrantedAt, stored.extensionReason);
  step('DECIDE', stored.decidedAt);
  step('REQUEST_REVIEW', stored.reviewRequestedAt, stored.reviewBody);
  step('ANSWER_REVIEW', stored.reviewDecidedAt);
  step('REQUEST_SECOND_REVIEW', stored.secondReviewRequestedAt, stored.secondReviewBody);
  step('ANSWER_SECOND_REVIEW', stored.secondReviewDecidedAt);

  // The record's links name origin and repeat too, but not always: make sure they are there.
  const links = new Map<string, PetitionLinkRow>(r.links.map((l) => [l.caseCode, { caseCode: l.caseCode, reason: l.reason }]));
  if (r.origin && !links.has(r.origin)) links.set(r.origin, { caseCode: r.origin, reason: 'ORIGIN' });
  if (r.repeatOf && !links.has(r.repeatOf)) links.set(r.repeatOf, { caseCode: r.repeatOf, reason: 'SAME_FACTS' });
  return { ...stored, parties, events, links: [...links.values()] };
}

/**
 * Imports petitions.ndjson on first start: each petition with its parties,
 * steps and links, its case code reserved, and one outbox event (version
 * 1) for the registry, all in the import's transaction.
 */
export async function importPetitionsWorld(db: Db, worldDir: string, services: PetitionsServices): Promise<void> {
  const { petitions, tokenize, clock, allocator } = services;
  const now = clock.now();
  await importWorldFile<PetitionsFileRecord>(
    db,
    join(worldDir, WORLD_FILES.PETITIONS),
    (batch) => {
      for (const r of batch) {
        if (r.t !== 'petition') continue;
        if (petitions.load([r.caseCode])[0]) continue; // the store holds it already (made here before the world file came): keep that one
        allocator.reserve(r.caseCode);
        const petition = petitionFromRecord(r, tokenize);
        petitions.insert(petition);
        enqueuePetition(db, { ...petition, version: 1 }, petition.parties, petition.links, tokenize, now);
      }
    },
    now,
  );
}
