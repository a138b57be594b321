import { requireText } from '../../shared/commands/arguments.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { CourtsServices } from '../context.ts';
import { courtFor } from './court.ts';
import { appealDeadline, filingDueAt } from './courtCase.deadlines.ts';
import { commitChanges, insertCase } from './courtCase.commands.ts';
import { checkAmount, checkParties, requireCase } from './courtCase.input.ts';
import type { CourtCaseRow } from './courtCase.store.ts';
import type { CourtEnforcementInput } from './courtCase.type.ts';
import { ENFORCEABLE, nextStatus } from './courtCase.workflow.ts';

/** Why a closed case's document cannot be enforced yet or at all, or null when it can. */
function enforceabilityProblem(services: CourtsServices, basis: CourtCaseRow, now: Date): { rule: string; message: string; extensions?: Record<string, unknown> } | null {
  const code = basis.caseCode;
  if (!basis.outcome || !ENFORCEABLE.includes(basis.outcome)) {
    return { rule: 'NOT_ENFORCEABLE', message: `${code} ended ${basis.outcome}: there is no judgment, mediation statement or confirmation ruling to enforce` };
  }
  if (basis.procedure === 'PRE_SUIT_MEDIATION') {
    return { rule: 'NOT_ENFORCEABLE', message: `a pre-suit mediation agreement (${code}) is enforced after judicial confirmation, not directly` };
  }
  if (basis.outcome !== 'JUDGMENT' || (basis.procedure !== 'SIMPLIFIED' && basis.procedure !== 'ORDINARY')) return null;
  // An appealable judgment takes effect when nobody appealed in time, or the appeal fell away.
  if (basis.appealedAs) {
    const appeal = services.cases.load([basis.appealedAs])[0];
    if (appeal && (appeal.status === 'RECEIVED' || appeal.status === 'FILED')) {
      return { rule: 'NOT_YET_EFFECTIVE', message: `${code} is under appeal (${appeal.caseCode})`, extensions: { appealedAs: appeal.caseCode } };
    }
    if (appeal?.status === 'CLOSED' && appeal.outcome !== 'WITHDRAWN') {
      return { rule: 'SUPERSEDED', message: `${code} was decided on appeal: enforce ${appeal.caseCode}`, extensions: { appealedAs: appeal.caseCode } };
    }
    return null;
  }
  const deadline = appealDeadline(basis.closedAt!);
  if (now.getTime() <= deadline.getTime()) {
    return { rule: 'NOT_YET_EFFECTIVE', message: `the judgment of ${code} takes effect when the appeal period ends at ${deadline.toISOString()}`, extensions: { effectiveAfter: deadline.toISOString() } };
  }
  return null;
}

/**
 * Applies for enforcement (申请执行) of an effective judgment, mediation
 * statement or judicial confirmation ruling: opens the ENFORCEMENT case at
 * the basic court of first instance (art 235), received and awaiting its
 * filing (执 number), linked both ways (ENFORCES / ENFORCED_BY). Refused
 * with RULE_VIOLATION when the document is not enforceable or not yet
 * effective, or an enforcement of it is still open. The two-year period to
 * apply (art 250) runs from the end of the performance period, which is
 * not recorded here, so it is not checked.
 */
export function applyForEnforcement(services: CourtsServices, actor: Actor, input: CourtEnforcementInput): string {
  const basis = requireCase(services, actor, input.caseCode.trim());
  const code = basis.caseCode;
  if (basis.procedure === 'ENFORCEMENT') {
    throw userError(ErrorCode.RULE_VIOLATION, `${code} is itself an enforcement case`, { rule: 'NOT_ENFORCEABLE' });
  }
  nextStatus('ENFORCEMENT_APPLIED', basis.status, code);
  const now = services.clock.now();
  const problem = enforceabilityProblem(services, basis, now);
  if (problem) throw userError(ErrorCode.RULE_VIOLATION, problem.message, { rule: problem.rule, ...problem.extensions });
  const open = services.cases.load(services.cases.enforcements([code])[0]!).find((c) => c && (c.status === 'RECEIVED' || c.status === 'FILED'));
  if (open) throw userError(ErrorCode.RULE_VIOLATION, `${code} is already being enforced (${open.caseCode})`, { rule: 'ALREADY_ENFORCING', enforcedBy: open.caseCode });

  const parties = checkParties('ENFORCEMENT', input.parties, now, services.tokenize);
  const claimAmount = input.claimAmount === null || input.claimAmount === undefined ? basis.claimAmount : checkAmount(input.claimAmount);
  const title = input.title ? requireText(input.title, 'title') : `${basis.title}（执行）`;
  const court = courtFor(basis.division, 'BASIC');
  const at = now.toISOString();

  let caseCode = '';
  commitChanges(services, () => {
    caseCode = services.allocator.next(court.codeDivision, localYear(now));
    insertCase(
      services,
      {
        caseCode,
        caseNumber: null,
        courtCode: court.code,
        courtName: court.name,
        courtLevel: court.level,
        procedure: 'ENFORCEMENT',
        causeOfAction: basis.causeOfAction,
        claimAmount,
        category: basis.category,
        title,
        division: basis.division,
        status: 'RECEIVED',
        outcome: null,
        outcomeNote: null,
        refusalReason: null,
        judge: null,
        receivedAt: at,
        filingDueAt: filingDueAt(now).toISOString(),
        filedAt: null,
        dueAt: filingDueAt(now).toISOString(),
        closedAt: null,
        origin: null,
        appealOf: null,
        appealedAs: null,
        enforces: code,
        confirms: null,
        agreementSignedAt: null,
        parties,
        hearings: [],
        extensions: [],
        steps: [{ step: 'RECEIVE', at, ...recordedBy(actor), note: null }],
        links: [{ caseCode: code, reason: 'ENFORCES' }],
      },
      now,
    );
    services.cases.addLink(code, { caseCode, reason: 'ENFORCED_BY' });
    return [{ row: basis, step: { step: 'ENFORCEMENT_APPLIED', at, ...recordedBy(actor), note: caseCode } }];
  });
  return caseCode;
}
