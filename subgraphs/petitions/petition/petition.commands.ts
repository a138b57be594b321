import { checkTownDivision, optionalCaseCode, requireText } from '../../shared/commands/arguments.ts';
import { checkIdempotencyKey, replayedCaseCode, requestHash } from '../../shared/commands/idempotency.ts';
import { checkCreateWithin, visibleOrNotFound } from '../../shared/commands/jurisdiction.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { countyOf } from '../../shared/identity/divisions.ts';
import { parseIdNumber } from '../../shared/identity/idNumber.ts';
import type { PartyRole } from '../../shared/schema/enums.ts';
import type { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { PetitionsServices } from '../context.ts';
import { PETITION_LIMITS, petitionDeadlines, stageDueAt } from './petition.deadlines.ts';
import type {
  DiversionTarget,
  ForwardMode,
  PetitionDecisionOutcome,
  PetitionReviewOutcome,
  PetitionStep,
} from './petition.enums.ts';
import { derivedFactsKey } from './petition.facts.ts';
import { enqueuePetition } from './petition.feed.ts';
import type { NewPetition, PetitionLinkRow, PetitionPartyRow, PetitionRow, StoredPetition } from './petition.store.ts';
import type { PetitionPartyInput, PetitionRegistrationInput } from './petition.type.ts';
import { closedAtOf, nextStatus } from './petition.workflow.ts';

function toParty(services: PetitionsServices, p: PetitionPartyInput, role: PartyRole, where: string, now: Date): PetitionPartyRow {
  if (!p.name.trim()) throw userError(ErrorCode.BAD_USER_INPUT, `${where}: name must not be empty`, { argumentName: where });
  const kind = p.organization ? 'ORGANIZATION' : 'PERSON';
  if (!p.idNumber) return { role, kind, name: p.name.trim(), idNumber: null, personId: null, phone: p.phone ?? null };
  if (kind === 'ORGANIZATION') throw userError(ErrorCode.BAD_USER_INPUT, `${where}: an organization has no resident ID number`, { argumentName: where });
  const id = parseIdNumber(p.idNumber, now);
  if (!id.ok) throw userError(ErrorCode.BAD_USER_INPUT, `${where}: invalid ID number: ${id.message}`, { argumentName: where, reason: id.reason });
  return { role, kind, name: p.name.trim(), idNumber: id.value.number, personId: services.tokenize.ofValid(id.value), phone: p.phone ?? null };
}

/** Writes the petition's current state to the outbox, with its parties and links as stored. */
function enqueue(services: PetitionsServices, p: StoredPetition, now: Date): void {
  const { petitions } = services;
  enqueuePetition(services.db, p, petitions.parties([p.caseCode])[0]!, petitions.links([p.caseCode])[0]!, services.tokenize, now);
}

/**
 * Registers a petition (登记). A retry with the same idempotency key and the
 * same request returns the petition already registered; the same key with
 * a different request is refused. Facts already closed by a second review
 * are refused with ALREADY_CLOSED_FACTS naming the closed petition; other
 * petitions on the same facts are registered as repeats (petition.facts.ts).
 */
export function registerPetition(services: PetitionsServices, actor: Actor, input: PetitionRegistrationInput, idempotencyKey: string): string {
  const { petitions, db } = services;
  checkIdempotencyKey(idempotencyKey);
  const hash = requestHash(input);
  checkTownDivision(input.division);
  checkCreateWithin(actor.jurisdiction, input.division);
  if (input.petitioners.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'a petition needs at least one petitioner', { argumentName: 'petitioners' });
  const subject = requireText(input.subject, 'subject');
  const content = requireText(input.content, 'content');
  const title = input.title?.trim() || subject;
  const origin = optionalCaseCode(input.origin, 'origin');
  const sameFactsAs = optionalCaseCode(input.sameFactsAs, 'sameFactsAs');
  const now = services.clock.now();
  const at = now.toISOString();
  // An accuser is recorded as COMPLAINANT: that role is what keeps their
  // identity behind the accuser scope and out of the registry.
  const petitionerRole: PartyRole = input.kind === 'ACCUSATION' ? 'COMPLAINANT' : 'PETITIONER';
  const parties = [
    ...input.petitioners.map((p, i) => toParty(services, p, petitionerRole, `petitioners[${i}]`, now)),
    ...(input.respondents ?? []).map((p, i) => toParty(services, p, 'RESPONDENT', `respondents[${i}]`, now)),
  ];
  const respondentUnit = input.respondentUnit?.trim() || null;
  const derivedKey = derivedFactsKey(
    parties.filter((p) => p.role === petitionerRole),
    respondentUnit,
    subject,
  );
  const year = localYear(now);

  let caseCode = '';
  let created = false;
  // Checked inside the write transaction, so two processes retrying the
  // same registration at once still make one petition.
  db.transaction(() => {
    const replayed = replayedCaseCode(petitions.byIdempotencyKey(idempotencyKey), idempotencyKey, hash, 'registration');
    if (replayed !== null) {
      caseCode = replayed;
      return;
    }
    let factsKey: string;
    if (sameFactsAs) {
      const target = actor.jurisdiction.visible(petitions.load([sameFactsAs]))[0];
      if (!target) throw userError(ErrorCode.NOT_FOUND, `no petition ${sameFactsAs} (sameFactsAs)`, { argumentName: 'sameFactsAs' });
      factsKey = target.factsKey;
    } else {
      factsKey = petitions.byDerivedKey(derivedKey)?.factsKey ?? derivedKey;
    }
    const closed = petitions.closedOnFacts(factsKey);
    if (closed) {
      throw userError(
        ErrorCode.ALREADY_CLOSED_FACTS,
        `the same facts were closed by petition ${closed.caseCode} (second review answered ${closed.closedAt}): a petition on the same facts and reasons is not accepted again`,
        { closedCaseCode: closed.caseCode, factsKey },
      );
    }
    const repeatOf = petitions.firstOnFacts(factsKey) ?? null;
    caseCode = services.allocator.next(countyOf(input.division)!, year);
    const links: PetitionLinkRow[] = [];
    if (origin) links.push({ caseCode: origin, reason: 'ORIGIN' });
    if (repeatOf) links.push({ caseCode: repeatOf, reason: 'SAME_FACTS' });
    const stored: StoredPetition = {
      caseCode,
      version: 1,
      kind: input.kind,
      channel: input.channel,
      category: input.category,
      title,
      subject,
      content,
      division: input.division,
      respondentUnit,
      handlingUnit: null,
      forwardMode: null,
      status: 'REGISTERED',
      factsKey,
      derivedKey,
      repeatOf,
      origin,
      petitionerCount: input.petitioners.length,
      registeredAt: at,
      forwardedAt: null,
      acceptanceNoticeAt: null,
      accepted: null,
      notAcceptedReason: null,
      divertedTo: null,
      divertedAt: null,
      divertReason: null,
      followUp: null,
      extensionGrantedAt: null,
      extensionDays: null,
      extensionReason: null,
      decidedAt: null,
      decisionOutcome: null,
      decisionText: null,
      rating: null,
      reviewRequestedAt: null,
      reviewBody: null,
      reviewDecidedAt: null,
      reviewOutcome: null,
      reviewText: null,
      secondReviewRequestedAt: null,
      secondReviewBody: null,
      secondReviewDecidedAt: null,
      secondReviewOutcome: null,
      secondReviewText: null,
      dueAt: null,
      closedAt: null,
    };
    stored.dueAt = stageDueAt(stored);
    const petition: NewPetition = {
      ...stored,
      parties,
      events: [{ step: 'REGISTER', at, ...recordedBy(actor), note: repeatOf ? `repeat of ${repeatOf}` : null }],
      links,
      idempotencyKey,
      requestHash: hash,
    };
    petitions.insert(petition);
    enqueue(services, stored, now);
    created = true;
  }).immediate();
  if (created) services.notifyFeed();
  return caseCode;
}

/** What a step changes, decided from the petition as it is and the time. */
interface StepChange {
  fields: Partial<StoredPetition>;
  note: string | null;
  link?: PetitionLinkRow;
}

/**
 * Applies one step in one transaction: reads the petition, refuses a step
 * its status does not allow (INVALID_TRANSITION), lets `decide` check the
 * arguments and rules, then writes the petition with its next version, the
 * step record, any link, and the registry event.
 */
function applyStep(
  services: PetitionsServices,
  actor: Actor,
  caseCode: string,
  step: PetitionStep,
  decide: (row: PetitionRow, now: Date) => StepChange,
): void {
  const { petitions, db } = services;
  db.transaction(() => {
    // Outside the actor's jurisdiction is NOT_FOUND, as if it did not exist.
    const row = visibleOrNotFound(petitions.load([caseCode])[0], actor.jurisdiction, `no petition ${caseCode}`);
    const status = nextStatus(step, row.status, caseCode);
    const now = services.clock.now();
    const change = decide(row, now);
    const { repeatCount: _repeatCount, ...stored } = row;
    const next: StoredPetition = { ...stored, ...change.fields, status };
    next.closedAt = closedAtOf(next);
    next.dueAt = stageDueAt(next);
    if (!petitions.update(next, { step, at: now.toISOString(), ...recordedBy(actor), note: change.note })) {
      throw new Error(`petition ${caseCode} changed while being written`);
    }
    if (change.link) petitions.link(caseCode, change.link.caseCode, change.link.reason);
    enqueue(services, { ...next, version: row.version + 1 }, now);
  }).immediate();
  services.notifyFeed();
}

export function forwardPetition(services: PetitionsServices, actor: Actor, caseCode: string, unit: string, mode: ForwardMode, note: string | null): void {
  applyStep(services, actor, caseCode, 'FORWARD', (_row, now) => ({
    fields: { handlingUnit: requireText(unit, 'unit', 'the receiving unit'), forwardMode: mode, forwardedAt: now.toISOString() },
    note: note?.trim() || null,
  }));
}

/** The written acceptance notice (art 23): accepted, or not accepted with the reason. */
export function issueAcceptanceNotice(services: PetitionsServices, actor: Actor, caseCode: string, accepted: boolean, reason: string | null): void {
  applyStep(services, actor, caseCode, accepted ? 'ACCEPT' : 'NOT_ACCEPT', (_row, now) => {
    const why = accepted ? reason?.trim() || null : requireText(reason, 'reason', 'the reason for not accepting');
    return {
      fields: { accepted, acceptanceNoticeAt: now.toISOString(), notAcceptedReason: accepted ? null : why },
      note: why,
    };
  });
}

/** Sends a claim that belongs in court, arbitration or the centre there (arts 28, 31). */
export function divertPetition(
  services: PetitionsServices,
  actor: Actor,
  caseCode: string,
  to: DiversionTarget,
  reason: string,
  followUp: string | null,
): void {
  applyStep(services, actor, caseCode, 'DIVERT', (row, now) => {
    if (row.kind !== 'CLAIM') {
      throw userError(ErrorCode.RULE_VIOLATION, `only a claim can be diverted to a legal procedure; petition ${caseCode} is a ${row.kind.toLowerCase()}`, {
        rule: 'DIVERT_CLAIMS_ONLY',
      });
    }
    const why = requireText(reason, 'reason', 'the reason for diverting');
    const target = optionalCaseCode(followUp, 'followUp');
    if (target === caseCode) throw userError(ErrorCode.BAD_USER_INPUT, 'a petition cannot be its own follow-up', { argumentName: 'followUp' });
    return {
      fields: { divertedTo: to, divertedAt: now.toISOString(), divertReason: why, followUp: target },
      note: why,
      ...(target ? { link: { caseCode: target, reason: 'FOLLOW_UP' } } : {}),
    };
  });
}

/** The one extension of the 60-day handling limit: at most 30 days, with a reason, before the limit runs out (art 34). */
export function extendPetitionHandling(services: PetitionsServices, actor: Actor, caseCode: string, days: number, reason: string): void {
  applyStep(services, actor, caseCode, 'EXTEND', (row, now) => {
    if (!Number.isInteger(days) || days < 1) throw userError(ErrorCode.BAD_USER_INPUT, `days must be a whole number of days >= 1, got ${days}`, { argumentName: 'days' });
    const why = requireText(reason, 'reason', 'the reason for the extension');
    if (row.extensionDays !== null) {
      throw userError(ErrorCode.RULE_VIOLATION, `the handling limit of petition ${caseCode} was already extended on ${row.extensionGrantedAt}: only one extension is allowed`, {
        rule: 'ONE_EXTENSION',
      });
    }
    if (days > PETITION_LIMITS.maxExtensionDays) {
      throw userError(ErrorCode.RULE_VIOLATION, `an extension may be at most ${PETITION_LIMITS.maxExtensionDays} days, asked for ${days}`, {
        rule: 'EXTENSION_LIMIT',
        maxDays: PETITION_LIMITS.maxExtensionDays,
      });
    }
    const due = petitionDeadlines(row).handlingDueAt!;
    if (now.getTime() > Date.parse(due)) {
      throw userError(ErrorCode.RULE_VIOLATION, `the handling limit of petition ${caseCode} ran out on ${due}: an extension must be granted before it does`, {
        rule: 'EXTENSION_BEFORE_DEADLINE',
        deadline: due,
      });
    }
    return { fields: { extensionDays: days, extensionReason: why, extensionGrantedAt: now.toISOString() }, note: why };
  });
}

/** The written decision (art 32). */
export function decidePetition(services: PetitionsServices, actor: Actor, caseCode: string, outcome: PetitionDecisionOutcome, text: string): void {
  applyStep(services, actor, caseCode, 'DECIDE', (_row, now) => ({
    fields: { decidedAt: now.toISOString(), decisionOutcome: outcome, decisionText: requireText(text, 'text', 'the decision text') },
    note: null,
  }));
}

function withinWindow(caseCode: string, deadline: string, now: Date, what: string): void {
  if (now.getTime() > Date.parse(deadline)) {
    throw userError(ErrorCode.RULE_VIOLATION, `${what} of petition ${caseCode} had to be requested by ${deadline}`, {
      rule: 'REQUEST_WINDOW',
      deadline,
    });
  }
}

/** The petitioner asks for a review (复查) within 30 days of the decision (art 35). */
export function requestPetitionReview(services: PetitionsServices, actor: Actor, caseCode: string, body: string): void {
  applyStep(services, actor, caseCode, 'REQUEST_REVIEW', (row, now) => {
    const organ = requireText(body, 'body', 'the reviewing organ');
    withinWindow(caseCode, petitionDeadlines(row).reviewRequestDeadline!, now, 'a review');
    return { fields: { reviewRequestedAt: now.toISOString(), reviewBody: organ }, note: organ };
  });
}

export function answerPetitionReview(services: PetitionsServices, actor: Actor, caseCode: string, outcome: PetitionReviewOutcome, text: string | null): void {
  applyStep(services, actor, caseCode, 'ANSWER_REVIEW', (_row, now) => ({
    fields: { reviewDecidedAt: now.toISOString(), reviewOutcome: outcome, reviewText: text?.trim() || null },
    note: text?.trim() || null,
  }));
}

/** The petitioner asks for a second review (复核) within 30 days of the review's answer (art 36). */
export function requestPetitionSecondReview(services: PetitionsServices, actor: Actor, caseCode: string, body: string): void {
  applyStep(services, actor, caseCode, 'REQUEST_SECOND_REVIEW', (row, now) => {
    const organ = requireText(body, 'body', 'the reviewing organ');
    withinWindow(caseCode, petitionDeadlines(row).secondReviewRequestDeadline!, now, 'a second review');
    return { fields: { secondReviewRequestedAt: now.toISOString(), secondReviewBody: organ }, note: organ };
  });
}

/** The second review's answer closes the petition: its facts are not accepted again. */
export function answerPetitionSecondReview(
  services: PetitionsServices,
  actor: Actor,
  caseCode: string,
  outcome: PetitionReviewOutcome,
  text: string | null,
): void {
  applyStep(services, actor, caseCode, 'ANSWER_SECOND_REVIEW', (_row, now) => ({
    fields: { secondReviewDecidedAt: now.toISOString(), secondReviewOutcome: outcome, secondReviewText: text?.trim() || null },
    note: text?.trim() || null,
  }));
}

/** The petitioner's rating of the answer (art 21); a later rating replaces an earlier one. */
export function ratePetition(services: PetitionsServices, actor: Actor, caseCode: string, rating: Satisfaction): void {
  applyStep(services, actor, caseCode, 'RATE', () => ({ fields: { rating }, note: rating }));
}
