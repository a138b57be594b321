import { parseCaseCode } from '../../shared/codes/caseCode.ts';
import { checkTownDivision, optionalCaseCode, requireText } from '../../shared/commands/arguments.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/security/Actor.ts';
import type { LegalAidServices } from '../context.ts';
import { confirmationDeadline, mediationDueAt } from './legalAidCase.deadlines.ts';
import { amount, applyStep, blankCase, createCase, toParties } from './legalAidCase.commands.ts';
import type { LegalAidMediationInput } from './legalAidCase.inputs.ts';

/** Opens a people's mediation (人民调解法) before a committee. */
export function startMediation(services: LegalAidServices, actor: Actor, input: LegalAidMediationInput, idempotencyKey: string): string {
  return createCase(services, actor, 'startMediation', input, idempotencyKey, (now) => {
    checkTownDivision(input.division);
    const parties = toParties(services, input.parties, now);
    if (parties.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'a mediation needs at least one party', { argumentName: 'parties' });
    const appliedAt = now.toISOString();
    // Labour disputes have their own 15-day limit (劳动争议调解仲裁法 art 14).
    const labour = input.labour ?? input.category === 'LABOUR_WAGE';
    const committee = requireText(input.committee, 'committee');
    return {
      origin: optionalCaseCode(input.origin, 'origin'),
      parties,
      row: {
        ...blankCase('MEDIATION'),
        title: requireText(input.title, 'title'),
        category: input.category,
        division: input.division,
        organization: committee,
        status: 'MEDIATING',
        appliedAt,
        committee,
        mediator: requireText(input.mediator, 'mediator'),
        labourMediation: labour,
        mediationDueAt: mediationDueAt(appliedAt, labour, services.rules.mediationDays),
      },
    };
  });
}

export interface AgreementInput {
  terms: string;
  amountYuan?: number | null;
  /** When the parties signed; default now. The agreement takes effect when signed. */
  signedAt?: string | null;
}

/**
 * Records the mediation agreement. It takes effect when signed, which opens
 * the 30-day window to apply for judicial confirmation (人民调解法 art 33).
 */
export function recordMediationAgreement(services: LegalAidServices, actor: Actor, caseCode: string, agreement: AgreementInput): void {
  applyStep(services, actor, caseCode, 'SIGN_AGREEMENT', (next, current, now) => {
    const signedAt = agreement.signedAt ? new Date(agreement.signedAt).toISOString() : now.toISOString();
    if (Date.parse(signedAt) > now.getTime() || signedAt < current.appliedAt) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'signedAt must lie between the application and now', { argumentName: 'signedAt' });
    }
    next.mediationResult = 'AGREEMENT';
    next.agreementSignedAt = signedAt;
    next.agreementTerms = requireText(agreement.terms, 'terms', 'the agreement\'s terms');
    next.agreementAmountYuan = amount(agreement.amountYuan, 'amountYuan');
    next.confirmationDeadline = confirmationDeadline(signedAt);
    next.closedAt = signedAt;
    return { note: next.agreementTerms };
  });
}

/** Records that mediation failed, with why. */
export function recordMediationFailure(services: LegalAidServices, actor: Actor, caseCode: string, reason: string): void {
  applyStep(services, actor, caseCode, 'FAIL_MEDIATION', (next, _current, now) => {
    next.mediationResult = 'FAILED';
    next.failedAt = now.toISOString();
    next.failureReason = requireText(reason, 'reason', 'the reason mediation failed');
    next.closedAt = next.failedAt;
    return { note: next.failureReason };
  });
}

/**
 * Links the agreement to the court case (民特) that confirmed it. Refused
 * for anything but a court's case code, and once the 30-day window of art 33
 * has closed: after it the agreement can no longer be confirmed.
 */
export function recordJudicialConfirmation(services: LegalAidServices, actor: Actor, caseCode: string, courtCaseCode: string): void {
  const parsed = parseCaseCode(courtCaseCode);
  if (!parsed.ok || parsed.value.agency !== 'COURTS') {
    throw userError(ErrorCode.BAD_USER_INPUT, `courtCaseCode must be a court's case code (…-FY-…), got ${courtCaseCode}`, {
      argumentName: 'courtCaseCode',
      ...(parsed.ok ? {} : { reason: parsed.reason }),
    });
  }
  const court = courtCaseCode.trim();
  applyStep(services, actor, caseCode, 'CONFIRM_AGREEMENT', (next, current, now) => {
    if (current.confirmedBy !== null) {
      throw userError(ErrorCode.INVALID_TRANSITION, `the agreement of ${caseCode} is already confirmed by ${current.confirmedBy}`, {
        step: 'CONFIRM_AGREEMENT',
        status: current.status,
      });
    }
    if (now.getTime() > Date.parse(current.confirmationDeadline!)) {
      throw userError(ErrorCode.RULE_VIOLATION, `the 30-day window for judicial confirmation of ${caseCode} closed at ${current.confirmationDeadline} (人民调解法 art 33)`, {
        rule: 'CONFIRMATION_WINDOW',
        confirmationDeadline: current.confirmationDeadline,
      });
    }
    next.confirmedBy = court;
    next.confirmedAt = now.toISOString();
    return { note: court, links: [{ caseCode: court, reason: 'CONFIRMED_BY' }] };
  });
}
