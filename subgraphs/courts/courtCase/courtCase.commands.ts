import { DAY_MS } from '../../shared/clock.ts';
import { AGENCY_CODES, type Agency } from '../../shared/codes/agency.ts';
import { parseCaseCode } from '../../shared/codes/caseCode.ts';
import { checkTownDivision, requireText } from '../../shared/commands/arguments.ts';
import { checkIdempotencyKey, replayedCaseCode, requestHash } from '../../shared/commands/idempotency.ts';
import { checkCreateWithin } from '../../shared/commands/jurisdiction.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { CourtsServices } from '../context.ts';
import { courtFor } from './court.ts';
import type { CourtHearingKind, CourtLimitApproval, CourtOutcome, CourtProcedure } from './courtCase.enums.ts';
import { confirmationApplicationDeadline, extendedDueAt, filingDueAt, limitDueAt, PROCEDURE_LIMITS, TRIAL_NOTICE_DAYS } from './courtCase.deadlines.ts';
import { enqueueCourtCaseEvent } from './courtCase.event.ts';
import { checkAmount, checkParties, requireCase } from './courtCase.input.ts';
import type { CourtCaseRow, CourtLinkRow, CourtStepRow, NewCourtCase } from './courtCase.store.ts';
import type { CourtCaseReceiptInput } from './courtCase.type.ts';
import { FIRST_INSTANCE, nextStatus, OUTCOMES, TYPE_CODE } from './courtCase.workflow.ts';

/** A valid case code given as an argument (trimmed) and its agency, or BAD_USER_INPUT. */
export function checkCaseCode(code: string, argumentName: string): { code: string; agency: Agency } {
  const parsed = parseCaseCode(code);
  if (!parsed.ok) throw userError(ErrorCode.BAD_USER_INPUT, `${argumentName} is not a case code: ${parsed.message}`, { argumentName, reason: parsed.reason });
  return { code: code.trim(), agency: parsed.value.agency };
}

/**
 * Runs `write` (which may add hearings, extensions, links) and writes the
 * changed cases it returns with their steps, putting each new state in the
 * outbox, all in one transaction; tells the relay once it is committed.
 */
export function commitChanges(services: CourtsServices, write: () => { row: CourtCaseRow; step: CourtStepRow }[]): void {
  const now = services.clock.now();
  services.db.transaction(() => {
    for (const { row, step } of write()) {
      services.cases.update(row, step);
      enqueueCourtCaseEvent(services.db, services.cases, services.tokenize, row.caseCode, now);
    }
  })();
  services.notify();
}

/** Inserts a new case and its first outbox event (version 1) in the caller's transaction. */
export function insertCase(services: CourtsServices, c: NewCourtCase, now: Date): void {
  services.cases.insert(c);
  enqueueCourtCaseEvent(services.db, services.cases, services.tokenize, c.caseCode, now);
}

/** A judicial confirmation names the mediation case it confirms and is applied for within 30 days of the agreement. */
function checkConfirmation(input: CourtCaseReceiptInput, now: Date): { confirms: string | null; agreementSignedAt: string | null } {
  if (input.procedure !== 'JUDICIAL_CONFIRMATION') {
    if (input.confirms || input.agreementSignedAt) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'confirms and agreementSignedAt belong to a JUDICIAL_CONFIRMATION application', { argumentName: 'confirms' });
    }
    return { confirms: null, agreementSignedAt: null };
  }
  if (!input.confirms || !input.agreementSignedAt) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'a judicial confirmation names the mediation case it confirms (confirms) and when the agreement was signed (agreementSignedAt)', {
      argumentName: input.confirms ? 'agreementSignedAt' : 'confirms',
    });
  }
  const { code: confirms, agency } = checkCaseCode(input.confirms, 'confirms');
  if (agency !== 'LEGAL_AID') {
    throw userError(ErrorCode.BAD_USER_INPUT, `confirms must be a people's mediation case of the justice bureau (${AGENCY_CODES.LEGAL_AID}), got ${confirms}`, { argumentName: 'confirms' });
  }
  const signed = new Date(input.agreementSignedAt);
  if (signed.getTime() > now.getTime()) throw userError(ErrorCode.BAD_USER_INPUT, 'agreementSignedAt is in the future', { argumentName: 'agreementSignedAt' });
  // The agreement's own record is the justice bureau's; the date given here is what the application states.
  const deadline = confirmationApplicationDeadline(signed);
  if (now.getTime() > deadline.getTime()) {
    throw userError(ErrorCode.RULE_VIOLATION, `judicial confirmation must be applied for within 30 days of the agreement taking effect (人民调解法 art 33): the window closed at ${deadline.toISOString()}`, {
      rule: 'CONFIRMATION_WINDOW',
      deadline: deadline.toISOString(),
    });
  }
  return { confirms, agreementSignedAt: signed.toISOString() };
}

/**
 * Receives a suit, a pre-suit mediation or an application for judicial
 * confirmation at the county's basic court (收案). The filing decision is
 * due in 7 days (art 126). Pre-suit mediation is registered on receipt and
 * gets its 民诉前调 number at once. A retry with the same idempotency key and
 * request returns the case already made; the key with another request is
 * refused.
 */
export function receiveCourtCase(services: CourtsServices, actor: Actor, input: CourtCaseReceiptInput, idempotencyKey: string): string {
  checkIdempotencyKey(idempotencyKey);
  const hash = requestHash(input);
  const replayed = replayedCaseCode(services.cases.byIdempotencyKey(idempotencyKey), idempotencyKey, hash, 'case');
  if (replayed !== null) return replayed;
  if (input.procedure === 'SECOND_INSTANCE' || input.procedure === 'ENFORCEMENT') {
    const mutation = input.procedure === 'SECOND_INSTANCE' ? 'appealCourtCase' : 'applyForEnforcement';
    throw userError(ErrorCode.BAD_USER_INPUT, `a ${input.procedure} case starts from the case it follows: use ${mutation}`, { argumentName: 'procedure' });
  }
  checkTownDivision(input.division);
  checkCreateWithin(actor.jurisdiction, input.division);
  const title = requireText(input.title, 'title');
  const causeOfAction = requireText(input.causeOfAction, 'causeOfAction');
  const claimAmount = checkAmount(input.claimAmount);
  if (input.procedure === 'SMALL_CLAIMS' && claimAmount === null) {
    throw userError(ErrorCode.RULE_VIOLATION, 'small claims procedure is for money claims (art 165): give the claim amount', { rule: 'SMALL_CLAIMS_MONEY' });
  }
  const origin = input.origin ? checkCaseCode(input.origin, 'origin').code : null;
  const now = services.clock.now();
  const { confirms, agreementSignedAt } = checkConfirmation(input, now);
  const parties = checkParties(input.procedure, input.parties, now, services.tokenize);
  const court = courtFor(input.division, 'BASIC');
  const at = now.toISOString();
  const year = localYear(now);
  const links: CourtLinkRow[] = [];
  if (origin) links.push({ caseCode: origin, reason: 'ORIGIN' });
  if (confirms) links.push({ caseCode: confirms, reason: 'CONFIRMS' });
  const registeredOnReceipt = input.procedure === 'PRE_SUIT_MEDIATION';

  let caseCode = '';
  services.db.transaction(() => {
    caseCode = services.allocator.next(court.codeDivision, year);
    const caseNumber = registeredOnReceipt ? services.caseNumbers.next(court.code, TYPE_CODE[input.procedure], year) : null;
    const steps: CourtStepRow[] = [{ step: 'RECEIVE', at, ...recordedBy(actor), note: null }];
    if (caseNumber) steps.push({ step: 'FILE', at, ...recordedBy(actor), note: caseNumber });
    insertCase(
      services,
      {
        caseCode,
        caseNumber,
        courtCode: court.code,
        courtName: court.name,
        courtLevel: court.level,
        procedure: input.procedure,
        causeOfAction,
        claimAmount,
        category: input.category,
        title,
        division: input.division,
        status: registeredOnReceipt ? 'FILED' : 'RECEIVED',
        outcome: null,
        outcomeNote: null,
        refusalReason: null,
        judge: null,
        receivedAt: at,
        filingDueAt: filingDueAt(now).toISOString(),
        filedAt: registeredOnReceipt ? at : null,
        dueAt: (registeredOnReceipt ? limitDueAt(input.procedure, now, 0) : filingDueAt(now)).toISOString(),
        closedAt: null,
        origin,
        appealOf: null,
        appealedAs: null,
        enforces: null,
        confirms,
        agreementSignedAt,
        parties,
        hearings: [],
        extensions: [],
        steps,
        links,
        idempotencyKey,
        requestHash: hash,
      },
      now,
    );
  })();
  services.notify();
  return caseCode;
}

/**
 * Files a received case (立案): assigns its case number and starts the
 * procedure's time limit. The court may set the first-instance procedure
 * here (small claims, simplified, ordinary). Filing after the 7-day
 * decision window is still recorded (the delay is the court's, not the
 * party's) and shows as `filingOverdue`.
 */
export function fileCourtCase(services: CourtsServices, actor: Actor, caseCode: string, options: { judge?: string | null; procedure?: CourtProcedure | null }): void {
  const row = requireCase(services, actor, caseCode);
  const status = nextStatus('FILE', row.status, caseCode);
  const procedure = options.procedure ?? row.procedure;
  if (procedure !== row.procedure && !(FIRST_INSTANCE.includes(procedure) && FIRST_INSTANCE.includes(row.procedure))) {
    throw userError(ErrorCode.RULE_VIOLATION, `a ${row.procedure} case cannot be filed as ${procedure}: only first-instance procedures are chosen at filing`, {
      rule: 'PROCEDURE_CHANGE',
    });
  }
  if (procedure === 'SMALL_CLAIMS' && row.claimAmount === null) {
    throw userError(ErrorCode.RULE_VIOLATION, 'small claims procedure is for money claims (art 165): the case has no claim amount', { rule: 'SMALL_CLAIMS_MONEY' });
  }
  const judge = options.judge === undefined || options.judge === null ? row.judge : requireText(options.judge, 'judge');
  const now = services.clock.now();
  const at = now.toISOString();
  commitChanges(services, () => {
    const caseNumber = services.caseNumbers.next(row.courtCode, TYPE_CODE[procedure], localYear(now));
    return [
      {
        row: { ...row, status, procedure, judge, caseNumber, filedAt: at, dueAt: limitDueAt(procedure, now, 0).toISOString() },
        step: { step: 'FILE', at, ...recordedBy(actor), note: caseNumber },
      },
    ];
  });
}

/** Refuses to file a received case (裁定不予受理), with the reason; the case ends REFUSED. */
export function refuseCourtCaseFiling(services: CourtsServices, actor: Actor, caseCode: string, reason: string): void {
  const row = requireCase(services, actor, caseCode);
  const status = nextStatus('REFUSE_FILING', row.status, caseCode);
  const text = requireText(reason, 'reason');
  const at = services.clock.now().toISOString();
  commitChanges(services, () => [{ row: { ...row, status, refusalReason: text, closedAt: at }, step: { step: 'REFUSE_FILING', at, ...recordedBy(actor), note: text } }]);
}

/**
 * Puts a hearing in the calendar of a filed case. It must lie ahead; a
 * trial under ordinary or second-instance procedure needs the 3 days'
 * notice of art 139 (simplified and small claims summon by simpler means,
 * art 162).
 */
export function scheduleHearing(services: CourtsServices, actor: Actor, caseCode: string, hearing: { at: string; kind: CourtHearingKind; place: string }): void {
  const row = requireCase(services, actor, caseCode);
  nextStatus('SCHEDULE_HEARING', row.status, caseCode);
  const place = requireText(hearing.place, 'place');
  const now = services.clock.now();
  const when = new Date(hearing.at);
  if (when.getTime() <= now.getTime()) throw userError(ErrorCode.BAD_USER_INPUT, `a hearing is scheduled ahead, not at ${hearing.at}`, { argumentName: 'at' });
  const trial = hearing.kind === 'TRIAL' || hearing.kind === 'CIRCUIT_TRIAL';
  if (trial && (row.procedure === 'ORDINARY' || row.procedure === 'SECOND_INSTANCE') && when.getTime() - now.getTime() < TRIAL_NOTICE_DAYS * DAY_MS) {
    throw userError(ErrorCode.RULE_VIOLATION, `parties are summoned at least ${TRIAL_NOTICE_DAYS} days before a trial (民事诉讼法 art 139)`, { rule: 'TRIAL_NOTICE' });
  }
  const at = now.toISOString();
  const h = { at: when.toISOString(), kind: hearing.kind, place, scheduledAt: at, actor: actor.name };
  commitChanges(services, () => {
    services.cases.addHearing(caseCode, h);
    return [{ row, step: { step: 'SCHEDULE_HEARING', at, ...recordedBy(actor), note: `${h.kind} ${h.at} ${place}` } }];
  });
}

/**
 * Extends the time limit of a filed case (see courtCase.deadlines.ts for
 * what each procedure allows) and recomputes dueAt from filing plus every
 * approved extension.
 */
export function extendCourtCaseLimit(
  services: CourtsServices,
  actor: Actor,
  caseCode: string,
  request: { days: number; reason: string; approval?: CourtLimitApproval | null },
): void {
  const row = requireCase(services, actor, caseCode);
  nextStatus('EXTEND_LIMIT', row.status, caseCode);
  const reason = requireText(request.reason, 'reason');
  const approval = request.approval ?? PROCEDURE_LIMITS[row.procedure].approvals[0];
  if (!approval) throw userError(ErrorCode.RULE_VIOLATION, `the limit of a ${row.procedure} case cannot be extended`, { rule: 'EXTENSION_APPROVAL' });
  const now = services.clock.now();
  const due = extendedDueAt({
    procedure: row.procedure,
    filedAt: row.filedAt!,
    dueAt: row.dueAt ?? limitDueAt(row.procedure, row.filedAt!, 0).toISOString(),
    granted: services.cases.extensions([caseCode])[0]!,
    days: request.days,
    approval,
    now,
  });
  const at = now.toISOString();
  commitChanges(services, () => {
    services.cases.addExtension(caseCode, { approvedAt: at, days: request.days, reason, approval, actor: actor.name });
    return [{ row: { ...row, dueAt: due.toISOString() }, step: { step: 'EXTEND_LIMIT', at, ...recordedBy(actor), note: `+${request.days} ${approval}: ${reason}` } }];
  });
}

/** Closes a filed case with an outcome its procedure allows (a judgment, a mediation, a confirmation ruling, ...). */
export function closeCourtCase(services: CourtsServices, actor: Actor, caseCode: string, outcome: CourtOutcome, note?: string | null): void {
  const row = requireCase(services, actor, caseCode);
  const status = nextStatus('CLOSE', row.status, caseCode);
  if (!OUTCOMES[row.procedure].includes(outcome)) {
    throw userError(ErrorCode.RULE_VIOLATION, `a ${row.procedure} case ends in ${OUTCOMES[row.procedure].join(', ')}, not ${outcome}`, {
      rule: 'OUTCOME_NOT_FOR_PROCEDURE',
      allowed: OUTCOMES[row.procedure],
    });
  }
  const at = services.clock.now().toISOString();
  const text = note?.trim() || null;
  commitChanges(services, () => [{ row: { ...row, status, outcome, outcomeNote: text, closedAt: at }, step: { step: 'CLOSE', at, ...recordedBy(actor), note: text ?? outcome } }]);
}
