import { checkTownDivision, optionalCaseCode, requireText } from '../../shared/commands/arguments.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/security/Actor.ts';
import type { LegalAidServices } from '../context.ts';
import { assignmentDueAt, decisionDueAt, provisionalAidAllowed } from './legalAidCase.deadlines.ts';
import type { LegalAidMeansTestResult } from './legalAidCase.enums.ts';
import { applyStep, blankCase, createCase, toParties } from './legalAidCase.commands.ts';
import type { LegalAidApplicationInput, LegalAidLawyerInput } from './legalAidCase.inputs.ts';
import type { LegalAidRules } from './legalAidRules.ts';

/** 律师执业证号: 17 digits. */
const LICENCE_NUMBER = /^\d{17}$/;

/**
 * The means test (经济困难审查): waived for a migrant worker's wage claim
 * (art 42); otherwise household income per member against the local
 * standard; null while the applicant has not stated the finances.
 */
export function meansTest(
  rules: LegalAidRules,
  waived: boolean,
  monthlyIncomeYuan: number | null,
  householdSize: number | null,
): LegalAidMeansTestResult | null {
  if (waived) return 'WAIVED';
  if (monthlyIncomeYuan === null || householdSize === null) return null;
  return monthlyIncomeYuan / householdSize <= rules.meansTestMonthlyIncomePerMemberYuan ? 'PASSED' : 'FAILED';
}

/** Takes in a legal aid application (法律援助法 arts 41-44). */
export function applyForLegalAid(services: LegalAidServices, actor: Actor, input: LegalAidApplicationInput, idempotencyKey: string): string {
  return createCase(services, actor, 'applyForLegalAid', input, idempotencyKey, (now) => {
    checkTownDivision(input.division);
    const parties = toParties(services, input.parties, now);
    if (!parties.some((p) => p.role === 'APPLICANT' && p.kind === 'PERSON')) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'legal aid is applied for by a person: name one APPLICANT who is not an organization', { argumentName: 'parties' });
    }
    const waived = input.migrantWorkerWageClaim === true;
    if (waived && input.category !== 'LABOUR_WAGE') {
      throw userError(ErrorCode.BAD_USER_INPUT, 'a migrant worker\'s wage claim has the category LABOUR_WAGE', { argumentName: 'category' });
    }
    const income = input.monthlyIncomeYuan ?? null;
    const size = input.householdSize ?? null;
    if ((income === null) !== (size === null)) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'give monthlyIncomeYuan and householdSize together', { argumentName: income === null ? 'monthlyIncomeYuan' : 'householdSize' });
    }
    if (income !== null && (!Number.isFinite(income) || income < 0)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `monthlyIncomeYuan must be >= 0, got ${income}`, { argumentName: 'monthlyIncomeYuan' });
    }
    if (size !== null && (!Number.isInteger(size) || size < 1)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `householdSize must be a whole number >= 1, got ${size}`, { argumentName: 'householdSize' });
    }
    const limitation = input.limitationDeadline ? new Date(input.limitationDeadline).toISOString() : null;
    if (limitation && Date.parse(limitation) <= now.getTime()) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'limitationDeadline has already passed', { argumentName: 'limitationDeadline' });
    }
    const provisional = input.provisional === true;
    if (provisional) {
      if (!limitation) throw userError(ErrorCode.BAD_USER_INPUT, 'provisional aid needs the limitation deadline it protects', { argumentName: 'limitationDeadline' });
      if (!provisionalAidAllowed(limitation, now)) {
        throw userError(ErrorCode.RULE_VIOLATION, 'provisional aid (法律援助法 art 44) is only for a limitation deadline less than 7 days away', {
          rule: 'PROVISIONAL_AID_DEADLINE',
          limitationDeadline: limitation,
        });
      }
    }
    const appliedAt = now.toISOString();
    return {
      origin: optionalCaseCode(input.origin, 'origin'),
      parties,
      row: {
        ...blankCase('LEGAL_AID'),
        title: requireText(input.title, 'title'),
        category: input.category,
        division: input.division,
        organization: requireText(input.organization, 'organization'),
        status: 'APPLIED',
        appliedAt,
        aidMatter: requireText(input.matter, 'matter'),
        decisionDueAt: decisionDueAt(appliedAt),
        provisional,
        limitationDeadline: limitation,
        meansTestWaived: waived,
        monthlyIncomeYuan: income,
        householdSize: size,
        meansTestResult: meansTest(services.rules, waived, income, size),
      },
    };
  });
}

/**
 * Decides an application (art 43): granted, or refused with a written
 * reason. A decision that comes late is still recorded; the case shows as
 * overdue. A provisional case is decided with its lawyer already at work.
 */
export function decideLegalAid(services: LegalAidServices, actor: Actor, caseCode: string, granted: boolean, reason: string | null | undefined): void {
  applyStep(services, actor, caseCode, granted ? 'GRANT' : 'REFUSE', (next, current, now) => {
    if (current.decision !== null) {
      throw userError(ErrorCode.INVALID_TRANSITION, `legal aid case ${caseCode} is already decided (${current.decision})`, { step: granted ? 'GRANT' : 'REFUSE', status: current.status });
    }
    const at = now.toISOString();
    next.decidedAt = at;
    if (granted) {
      next.decision = 'GRANTED';
      if (next.assignedAt === null) next.assignmentDueAt = assignmentDueAt(at);
      return { note: reason?.trim() || null };
    }
    // Art 43: a refusal is written and gives its reasons.
    next.decision = 'REFUSED';
    next.refusalReason = requireText(reason, 'reason', 'a refusal\'s written reason');
    next.closedAt = at;
    return { note: next.refusalReason };
  });
}

/**
 * Assigns the lawyer (art 43: within 3 days of granting). Before the
 * decision only as provisional aid (art 44), which the application asked for.
 */
export function assignLawyer(services: LegalAidServices, actor: Actor, caseCode: string, lawyer: LegalAidLawyerInput): void {
  applyStep(services, actor, caseCode, 'ASSIGN_LAWYER', (next, current, now) => {
    if (current.status === 'APPLIED' && !current.provisional) {
      throw userError(ErrorCode.RULE_VIOLATION, `legal aid case ${caseCode} is not decided: a lawyer comes before the decision only as provisional aid (法律援助法 art 44)`, {
        rule: 'PROVISIONAL_AID_ONLY',
      });
    }
    const name = requireText(lawyer.name, 'lawyer', 'the lawyer\'s name');
    const firm = requireText(lawyer.firm, 'lawyer', 'the lawyer\'s firm');
    if (!LICENCE_NUMBER.test(lawyer.licenceNumber)) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'a lawyer\'s practising licence number is 17 digits', { argumentName: 'licenceNumber' });
    }
    next.lawyerName = name;
    next.lawyerFirm = firm;
    next.lawyerLicence = lawyer.licenceNumber;
    next.assignedAt = now.toISOString();
    return { note: `${name}（${firm}）` };
  });
}

/** Ends the representation of a granted case: the matter is closed. */
export function concludeLegalAid(services: LegalAidServices, actor: Actor, caseCode: string, result: string): void {
  applyStep(services, actor, caseCode, 'CONCLUDE', (next, current, now) => {
    if (current.decision !== 'GRANTED') {
      throw userError(ErrorCode.INVALID_TRANSITION, `legal aid case ${caseCode} is not granted yet: decide it before concluding`, { step: 'CONCLUDE', status: current.status });
    }
    next.closedAt = now.toISOString();
    return { note: requireText(result, 'result', 'the result') };
  });
}

