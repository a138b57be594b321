import { parseCaseCode } from '../../shared/codes/caseCode.ts';
import { requireText } from '../../shared/commands/arguments.ts';
import { checkIdempotencyKey, replayedCaseCode, requestHash } from '../../shared/commands/idempotency.ts';
import { checkCreateWithin, visibleOrNotFound } from '../../shared/commands/jurisdiction.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { enqueueMatterEvent } from '../../shared/feed/outbox.ts';
import { countyOf } from '../../shared/identity/divisions.ts';
import { type IdNumber, parseIdNumber } from '../../shared/identity/idNumber.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { LegalAidServices } from '../context.ts';
import type { LegalAidKind, LegalAidStep } from './legalAidCase.enums.ts';
import { legalAidCaseEvent } from './legalAidCase.event.ts';
import type { LegalAidPartyInput } from './legalAidCase.inputs.ts';
import type { LegalAidCaseRow, LegalAidEventRow, LegalAidLinkRow, LegalAidPartyRow, NewLegalAidCase } from './legalAidCase.store.ts';
import { currentDueAt, nextStatus, summaryStatus } from './legalAidCase.workflow.ts';

/** Unified social credit code (GB 32100): 18 characters of this alphabet. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** An empty row of a kind: the columns of the other kinds stay empty. */
export function blankCase(kind: LegalAidKind): Omit<LegalAidCaseRow, 'caseCode' | 'title' | 'category' | 'division' | 'organization' | 'appliedAt' | 'status'> {
  return {
    version: 1,
    kind,
    summaryStatus: 'OPEN',
    dueAt: null,
    closedAt: null,
    origin: null,
    aidMatter: null,
    decisionDueAt: null,
    decidedAt: null,
    decision: null,
    refusalReason: null,
    provisional: false,
    limitationDeadline: null,
    meansTestWaived: false,
    monthlyIncomeYuan: null,
    householdSize: null,
    meansTestResult: null,
    lawyerName: null,
    lawyerFirm: null,
    lawyerLicence: null,
    assignmentDueAt: null,
    assignedAt: null,
    committee: null,
    mediator: null,
    labourMediation: false,
    mediationDueAt: null,
    mediationResult: null,
    failedAt: null,
    failureReason: null,
    agreementSignedAt: null,
    agreementTerms: null,
    agreementAmountYuan: null,
    confirmationDeadline: null,
    confirmedBy: null,
    confirmedAt: null,
    commission: null,
    arbitrator: null,
    acceptanceDueAt: null,
    acceptedAt: null,
    awardDueAt: null,
    extensionDays: 0,
    extensionReason: null,
    awardAt: null,
    awardText: null,
    awardAmountYuan: null,
    withdrawnAt: null,
    withdrawalReason: null,
    question: null,
    answer: null,
    answeredAt: null,
  };
}

export function amount(value: number | null | undefined, argumentName: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) throw userError(ErrorCode.BAD_USER_INPUT, `${argumentName} must be an amount of yuan >= 0, got ${value}`, { argumentName });
  return value;
}

/** Parties as stored: ID numbers validated and turned into person tokens. */
export function toParties(services: LegalAidServices, parties: readonly LegalAidPartyInput[], now: Date): LegalAidPartyRow[] {
  return parties.map((p, i) => {
    const name = requireText(p.name, 'parties', `parties[${i}]: name`);
    if (p.idNumber && p.creditCode) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: give an ID number (person) or a credit code (organization), not both`);
    if (p.creditCode && !CREDIT_CODE.test(p.creditCode)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: a unified social credit code is 18 characters of 0-9 and A-Y without I, O, S, V, Z`);
    }
    let idNumber: IdNumber | null = null;
    if (p.idNumber) {
      const id = parseIdNumber(p.idNumber, now);
      if (!id.ok) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: invalid ID number: ${id.message}`, { reason: id.reason });
      idNumber = id.value;
    }
    return {
      role: p.role,
      kind: p.creditCode ? 'ORGANIZATION' : 'PERSON',
      name,
      idNumber: idNumber?.number ?? null,
      personId: idNumber ? services.tokenize.ofValid(idNumber) : null,
      phone: p.phone ?? null,
      creditCode: p.creditCode ?? null,
      firm: p.firm ?? null,
    };
  });
}

export function requireApplicant(parties: readonly LegalAidPartyRow[], what: string): void {
  if (!parties.some((p) => p.role === 'APPLICANT')) throw userError(ErrorCode.BAD_USER_INPUT, `${what} needs an APPLICANT among the parties`, { argumentName: 'parties' });
}

/** The case the actor acts on: NOT_FOUND when it does not exist or lies outside their jurisdiction. */
export function loadCase(services: LegalAidServices, actor: Actor, caseCode: string): LegalAidCaseRow {
  return visibleOrNotFound(services.cases.load([caseCode])[0], actor.jurisdiction, `no legal-services case ${caseCode}`);
}

/**
 * Writes a changed case (version already one higher) with the step that
 * changed it and any new links, recomputes its normalised status and
 * deadline, and puts the registry event in the outbox: all inside the
 * caller's transaction, so the event exists exactly when the change does.
 */
export function persistChange(services: LegalAidServices, next: LegalAidCaseRow, steps: readonly LegalAidEventRow[], newLinks: readonly LegalAidLinkRow[], now: Date): void {
  const { cases } = services;
  for (const l of newLinks) cases.link(next.caseCode, l.caseCode, l.reason);
  const links = cases.links([next.caseCode])[0]!;
  next.summaryStatus = summaryStatus(next, links);
  next.dueAt = currentDueAt(next);
  // The version guard cannot fail inside one transaction of this process;
  // it stops a second writer to the same file from being overwritten.
  if (!cases.update(next)) throw new Error(`case ${next.caseCode} changed concurrently; retry`);
  for (const s of steps) cases.addEvent(next.caseCode, s);
  enqueueMatterEvent(services.db, legalAidCaseEvent(next, cases.parties([next.caseCode])[0]!, links, services.tokenize), now);
}

export interface StepChange {
  /** What the step's record says (a reason, the award, the lawyer). */
  note: string | null;
  links?: LegalAidLinkRow[];
}

/**
 * Applies one step to a case: checks the transition, lets `apply` fill in
 * the change on the next row (it may refuse with RULE_VIOLATION or
 * BAD_USER_INPUT), and persists it in one transaction.
 */
export function applyStep(
  services: LegalAidServices,
  actor: Actor,
  caseCode: string,
  step: LegalAidStep,
  apply: (next: LegalAidCaseRow, current: LegalAidCaseRow, now: Date) => StepChange,
): void {
  services.db.transaction(() => {
    const current = loadCase(services, actor, caseCode);
    const next: LegalAidCaseRow = { ...current, status: nextStatus(current, step), version: current.version + 1 };
    const now = services.clock.now();
    const change = apply(next, current, now);
    persistChange(services, next, [{ step, at: now.toISOString(), ...recordedBy(actor), note: change.note }], change.links ?? [], now);
  })();
  services.notify();
}

/** Which part of the creation differs per kind: the row, and what an own origin must allow. */
export interface CaseDraft {
  row: Omit<LegalAidCaseRow, 'caseCode' | 'version' | 'summaryStatus' | 'dueAt' | 'origin'>;
  parties: LegalAidPartyRow[];
  origin: string | null;
  /** Further steps at creation (a consultation answered on the spot). */
  steps?: Omit<LegalAidEventRow, 'actor' | 'actorId' | 'at'>[];
  /**
   * Called with this agency's origin case before it is linked: may refuse
   * (RULE_VIOLATION) or change the row in place (a labour mediation closed
   * as failed); returns the steps that change records on the origin.
   */
  onOwnOrigin?: (origin: LegalAidCaseRow, now: Date) => LegalAidEventRow[];
}

/**
 * Creates a case idempotently, like grid's intake: a retry with the same
 * key and the same request returns the case already made; the same key
 * with a different request is refused. An origin in this agency gets a
 * FOLLOW_UP link to the new case (and a new version) in the same
 * transaction.
 */
export function createCase(
  services: LegalAidServices,
  actor: Actor,
  operation: string,
  input: unknown,
  idempotencyKey: string,
  draft: (now: Date) => CaseDraft,
): string {
  checkIdempotencyKey(idempotencyKey);
  // The operation is hashed too: one key given to two kinds of application is a conflict.
  const hash = requestHash({ operation, input });
  const replayed = replayedCaseCode(services.cases.byIdempotencyKey(idempotencyKey), idempotencyKey, hash, 'request');
  if (replayed !== null) return replayed;
  const now = services.clock.now();
  const at = now.toISOString();
  const d = draft(now);
  checkCreateWithin(actor.jurisdiction, d.row.division);
  const year = localYear(now);
  let caseCode = '';
  services.db.transaction(() => {
    const originRow = d.origin && isOwnCaseCode(d.origin) ? loadCase(services, actor, d.origin) : null;
    const originSteps = originRow && d.onOwnOrigin ? d.onOwnOrigin(originRow, now) : [];
    caseCode = services.allocator.next(countyOf(d.row.division)!, year);
    const links: LegalAidLinkRow[] = d.origin ? [{ caseCode: d.origin, reason: 'ORIGIN' }] : [];
    const row: LegalAidCaseRow = { ...d.row, caseCode, version: 1, summaryStatus: 'OPEN', dueAt: null, origin: d.origin };
    row.summaryStatus = summaryStatus(row, links);
    row.dueAt = currentDueAt(row);
    const steps = [{ step: 'APPLY' as const, note: null }, ...(d.steps ?? [])].map((s) => ({ ...s, at, ...recordedBy(actor) }));
    const created: NewLegalAidCase = { ...row, parties: d.parties, links, events: steps, idempotencyKey, requestHash: hash };
    services.cases.insert(created);
    enqueueMatterEvent(services.db, legalAidCaseEvent(row, d.parties, links, services.tokenize), now);
    if (originRow) referFrom(services, actor, originRow, caseCode, originSteps, now);
  })();
  services.notify();
  return caseCode;
}

function isOwnCaseCode(code: string): boolean {
  const parsed = parseCaseCode(code);
  return parsed.ok && parsed.value.agency === 'LEGAL_AID';
}

/** Links this agency's origin case to the case that followed it, as a new version of the origin. */
function referFrom(services: LegalAidServices, actor: Actor, origin: LegalAidCaseRow, followUp: string, earlierSteps: LegalAidEventRow[], now: Date): void {
  const next: LegalAidCaseRow = { ...origin, version: origin.version + 1 };
  persistChange(services, next, [...earlierSteps, { step: 'REFER', at: now.toISOString(), ...recordedBy(actor), note: followUp }], [{ caseCode: followUp, reason: 'FOLLOW_UP' }], now);
}
