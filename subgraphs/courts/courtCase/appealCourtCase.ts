import { requireText } from '../../shared/commands/arguments.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { CourtsServices } from '../context.ts';
import { courtFor } from './court.ts';
import { appealDeadline, filingDueAt } from './courtCase.deadlines.ts';
import { commitChanges, insertCase } from './courtCase.commands.ts';
import { checkAmount, checkParties, requireCase } from './courtCase.input.ts';
import type { CourtAppealInput } from './courtCase.type.ts';
import { nextStatus } from './courtCase.workflow.ts';

/**
 * Appeals a first-instance judgment (上诉): opens the SECOND_INSTANCE case at
 * the city's intermediate court, received and awaiting its filing (民终
 * number), linked both ways (APPEAL_OF / APPEALED_AS). Refused with
 * RULE_VIOLATION: a small-claims judgment (single instance, art 165), a
 * second-instance judgment (final), a case that did not end in a judgment
 * (a mediation statement or withdrawal is not appealed), a case already
 * appealed, or an appeal after the 15 days of art 171. The window is
 * counted from the judgment's date here: service dates are not recorded.
 */
export function appealCourtCase(services: CourtsServices, actor: Actor, input: CourtAppealInput): string {
  const original = requireCase(services, actor, input.caseCode.trim());
  const code = original.caseCode;
  if (original.procedure === 'SMALL_CLAIMS') {
    throw userError(ErrorCode.RULE_VIOLATION, `${code} was heard under the small claims procedure, which is single instance (民事诉讼法 art 165): no appeal`, {
      rule: 'SINGLE_INSTANCE',
    });
  }
  if (original.procedure === 'SECOND_INSTANCE') {
    throw userError(ErrorCode.RULE_VIOLATION, `${code} is a second-instance case: its judgment is final`, { rule: 'FINAL_JUDGMENT' });
  }
  if (original.procedure !== 'SIMPLIFIED' && original.procedure !== 'ORDINARY') {
    throw userError(ErrorCode.RULE_VIOLATION, `a ${original.procedure} case is not appealed`, { rule: 'NOT_APPEALABLE' });
  }
  nextStatus('APPEALED', original.status, code);
  if (original.outcome !== 'JUDGMENT') {
    throw userError(ErrorCode.RULE_VIOLATION, `${code} ended ${original.outcome}, not in a judgment: only a judgment is appealed`, { rule: 'NOT_APPEALABLE' });
  }
  if (original.appealedAs) {
    throw userError(ErrorCode.RULE_VIOLATION, `${code} is already appealed as ${original.appealedAs}`, { rule: 'ALREADY_APPEALED', appealedAs: original.appealedAs });
  }
  const now = services.clock.now();
  const deadline = appealDeadline(original.closedAt!);
  if (now.getTime() > deadline.getTime()) {
    throw userError(ErrorCode.RULE_VIOLATION, `the 15 days to appeal the judgment of ${code} ended at ${deadline.toISOString()} (民事诉讼法 art 171)`, {
      rule: 'APPEAL_WINDOW',
      deadline: deadline.toISOString(),
    });
  }
  const parties = checkParties('SECOND_INSTANCE', input.parties, now, services.tokenize);
  const claimAmount = input.claimAmount === null || input.claimAmount === undefined ? original.claimAmount : checkAmount(input.claimAmount);
  const title = input.title ? requireText(input.title, 'title') : `${original.title}（二审）`;
  const note = input.note?.trim() || null;
  const court = courtFor(original.division, 'INTERMEDIATE');
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
        procedure: 'SECOND_INSTANCE',
        causeOfAction: original.causeOfAction,
        claimAmount,
        category: original.category,
        title,
        division: original.division,
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
        appealOf: code,
        appealedAs: null,
        enforces: null,
        confirms: null,
        agreementSignedAt: null,
        parties,
        hearings: [],
        extensions: [],
        steps: [{ step: 'RECEIVE', at, ...recordedBy(actor), note }],
        links: [{ caseCode: code, reason: 'APPEAL_OF' }],
      },
      now,
    );
    services.cases.addLink(code, { caseCode, reason: 'APPEALED_AS' });
    return [{ row: { ...original, appealedAs: caseCode }, step: { step: 'APPEALED', at, ...recordedBy(actor), note: caseCode } }];
  });
  return caseCode;
}
