import { checkTownDivision, optionalCaseCode, requireText } from '../../shared/commands/arguments.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import type { LegalAidServices } from '../context.ts';
import { acceptanceDueAt, awardDueAt, extendedAwardDueAt, LIMITS } from './legalAidCase.deadlines.ts';
import { amount, applyStep, blankCase, createCase, requireApplicant, toParties } from './legalAidCase.commands.ts';
import type { LegalAidArbitrationInput } from './legalAidCase.inputs.ts';
import type { LegalAidCaseRow, LegalAidEventRow } from './legalAidCase.store.ts';

const LABOUR_MEDIATION_LAPSED = '自调解组织收到调解申请之日起十五日内未达成调解协议（劳动争议调解仲裁法第十四条）';

/**
 * Art 14 of the labour dispute law: a labour mediation that has not reached
 * an agreement within 15 days may go to arbitration. Before then, an
 * arbitration arising from it is refused; after, the mediation is closed as
 * failed in the same transaction.
 */
function leaveLabourMediation(origin: LegalAidCaseRow, now: Date, actor: Actor): LegalAidEventRow[] {
  if (origin.kind !== 'MEDIATION' || origin.status !== 'MEDIATING' || !origin.labourMediation) return [];
  if (now.getTime() <= Date.parse(origin.mediationDueAt!)) {
    throw userError(
      ErrorCode.RULE_VIOLATION,
      `labour mediation ${origin.caseCode} is within its 15 days (until ${origin.mediationDueAt}): arbitration follows a failed mediation or one that lapsed (劳动争议调解仲裁法 art 14)`,
      { rule: 'LABOUR_MEDIATION_PENDING', mediationDueAt: origin.mediationDueAt },
    );
  }
  const at = now.toISOString();
  origin.status = 'MEDIATION_FAILED';
  origin.mediationResult = 'FAILED';
  origin.failedAt = at;
  origin.failureReason = LABOUR_MEDIATION_LAPSED;
  origin.closedAt = at;
  return [{ step: 'FAIL_MEDIATION', at, ...recordedBy(actor), note: LABOUR_MEDIATION_LAPSED }];
}

/** Applies for labour arbitration at the commission sitting in the centre. */
export function applyForArbitration(services: LegalAidServices, actor: Actor, input: LegalAidArbitrationInput, idempotencyKey: string): string {
  return createCase(services, actor, 'applyForArbitration', input, idempotencyKey, (now) => {
    checkTownDivision(input.division);
    const parties = toParties(services, input.parties, now);
    requireApplicant(parties, 'an arbitration application');
    const appliedAt = now.toISOString();
    const commission = requireText(input.commission, 'commission');
    return {
      origin: optionalCaseCode(input.origin, 'origin'),
      parties,
      onOwnOrigin: (origin, at) => leaveLabourMediation(origin, at, actor),
      row: {
        ...blankCase('LABOUR_ARBITRATION'),
        title: requireText(input.title, 'title'),
        category: input.category,
        division: input.division,
        organization: commission,
        status: 'APPLIED',
        appliedAt,
        commission,
        acceptanceDueAt: acceptanceDueAt(appliedAt),
      },
    };
  });
}

/** Accepts the application (art 29: within 5 days) and starts the 45-day award limit (art 43). */
export function acceptArbitration(services: LegalAidServices, actor: Actor, caseCode: string, arbitrator: string): void {
  applyStep(services, actor, caseCode, 'ACCEPT', (next, _current, now) => {
    next.arbitrator = requireText(arbitrator, 'arbitrator');
    next.acceptedAt = now.toISOString();
    next.awardDueAt = awardDueAt(next.acceptedAt);
    return { note: next.arbitrator };
  });
}

/**
 * Extends the award limit (art 43): approved before the limit runs out, with
 * a reason, and at most 15 days in all.
 */
export function extendArbitration(services: LegalAidServices, actor: Actor, caseCode: string, days: number, reason: string): void {
  if (!Number.isInteger(days) || days < 1) throw userError(ErrorCode.BAD_USER_INPUT, `days must be a whole number >= 1, got ${days}`, { argumentName: 'days' });
  applyStep(services, actor, caseCode, 'EXTEND', (next, current, now) => {
    const why = requireText(reason, 'reason', 'an extension\'s reason');
    if (current.extensionDays + days > LIMITS.maxExtensionDays) {
      throw userError(
        ErrorCode.RULE_VIOLATION,
        `arbitration ${caseCode} may be extended by at most ${LIMITS.maxExtensionDays} days in all (劳动争议调解仲裁法 art 43); ${current.extensionDays} already used`,
        { rule: 'ARBITRATION_EXTENSION_CAP', extensionDays: current.extensionDays },
      );
    }
    if (now.getTime() > Date.parse(current.awardDueAt!)) {
      throw userError(ErrorCode.RULE_VIOLATION, `the award limit of ${caseCode} ran out at ${current.awardDueAt}: an extension is approved before it`, {
        rule: 'ARBITRATION_LIMIT_PASSED',
        awardDueAt: current.awardDueAt,
      });
    }
    next.extensionDays = current.extensionDays + days;
    next.extensionReason = why;
    next.awardDueAt = extendedAwardDueAt(current.awardDueAt!, days);
    return { note: `${days}日：${why}` };
  });
}

/** Issues the award; one that comes after the limit is recorded and shows as overdue. */
export function issueArbitrationAward(services: LegalAidServices, actor: Actor, caseCode: string, text: string, amountYuan: number | null | undefined): void {
  applyStep(services, actor, caseCode, 'AWARD', (next, _current, now) => {
    next.awardText = requireText(text, 'text', 'the award');
    next.awardAmountYuan = amount(amountYuan, 'amountYuan');
    next.awardAt = now.toISOString();
    next.closedAt = next.awardAt;
    return { note: next.awardText };
  });
}

/** The applicant withdraws (often after settling elsewhere). */
export function withdrawArbitration(services: LegalAidServices, actor: Actor, caseCode: string, reason: string | null | undefined): void {
  applyStep(services, actor, caseCode, 'WITHDRAW', (next, _current, now) => {
    next.withdrawnAt = now.toISOString();
    next.withdrawalReason = reason?.trim() || null;
    next.closedAt = next.withdrawnAt;
    return { note: next.withdrawalReason };
  });
}
