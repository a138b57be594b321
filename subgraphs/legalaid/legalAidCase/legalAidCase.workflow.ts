import { transition, type TransitionTable } from '../../shared/workflow/transition.ts';
import type { MatterStatus } from '../../shared/world/records.ts';
import type { LegalAidKind, LegalAidStatus, LegalAidStep } from './legalAidCase.enums.ts';
import type { LegalAidCaseRow, LegalAidLinkRow } from './legalAidCase.store.ts';

type Transitions = TransitionTable<LegalAidStep, LegalAidStatus>;

/**
 * Each kind's cycle as a table: which step each status allows and where it
 * leads. Anything else is refused with INVALID_TRANSITION, naming the step,
 * the status and the kind. Rules that depend on more than the status (the
 * provisional-aid condition, the confirmation window, the extension cap)
 * are checked by the commands and refused with RULE_VIOLATION.
 */
const TRANSITIONS: Record<LegalAidKind, Transitions> = {
  LEGAL_AID: {
    // A provisionally assigned lawyer (art 44) is already at work when the decision comes.
    GRANT: { APPLIED: 'GRANTED', LAWYER_ASSIGNED: 'LAWYER_ASSIGNED' },
    REFUSE: { APPLIED: 'REFUSED', LAWYER_ASSIGNED: 'REFUSED' },
    ASSIGN_LAWYER: { GRANTED: 'LAWYER_ASSIGNED', APPLIED: 'LAWYER_ASSIGNED' },
    CONCLUDE: { LAWYER_ASSIGNED: 'CLOSED' },
  },
  MEDIATION: {
    SIGN_AGREEMENT: { MEDIATING: 'AGREEMENT_SIGNED' },
    FAIL_MEDIATION: { MEDIATING: 'MEDIATION_FAILED' },
    CONFIRM_AGREEMENT: { AGREEMENT_SIGNED: 'AGREEMENT_SIGNED' },
  },
  LABOUR_ARBITRATION: {
    ACCEPT: { APPLIED: 'ARBITRATING' },
    EXTEND: { ARBITRATING: 'ARBITRATING' },
    AWARD: { ARBITRATING: 'AWARDED' },
    WITHDRAW: { APPLIED: 'WITHDRAWN', ARBITRATING: 'WITHDRAWN' },
  },
  CONSULTATION: {
    ANSWER: { APPLIED: 'ANSWERED' },
  },
};

export function nextStatus(row: Pick<LegalAidCaseRow, 'caseCode' | 'kind' | 'status'>, step: LegalAidStep): LegalAidStatus {
  return transition(TRANSITIONS[row.kind], step, row.status, `${row.kind.toLowerCase().replaceAll('_', ' ')} case ${row.caseCode}`, { kind: row.kind });
}

/**
 * The centre's normalised status (records.ts MatterStatus): a failed
 * mediation handed on to arbitration or legal aid (a FOLLOW_UP link) counts
 * as TRANSFERRED, a withdrawn arbitration as resolved (withdrawn after a
 * settlement, as the world records it).
 */
export function summaryStatus(row: Pick<LegalAidCaseRow, 'status'>, links: readonly LegalAidLinkRow[]): MatterStatus {
  switch (row.status) {
    case 'APPLIED':
      return 'OPEN';
    case 'GRANTED':
    case 'LAWYER_ASSIGNED':
    case 'MEDIATING':
    case 'ARBITRATING':
      return 'IN_PROGRESS';
    case 'REFUSED':
      return 'REFUSED';
    case 'MEDIATION_FAILED':
      return links.some((l) => l.reason === 'FOLLOW_UP') ? 'TRANSFERRED' : 'UNRESOLVED';
    case 'AGREEMENT_SIGNED':
    case 'AWARDED':
    case 'WITHDRAWN':
    case 'ANSWERED':
    case 'CLOSED':
      return 'RESOLVED';
  }
}

/**
 * The deadline of the stage a case is in (records.ts LegalAidCaseRecord):
 * legal aid the decision until decided (a refusal keeps it), then the
 * assignment until a lawyer is in place, then none; mediation its limit;
 * arbitration acceptance, then the award; consultation none.
 */
export function currentDueAt(row: LegalAidCaseRow): string | null {
  switch (row.kind) {
    case 'LEGAL_AID':
      if (row.decision === null || row.decision === 'REFUSED') return row.decisionDueAt;
      return row.assignedAt === null ? row.assignmentDueAt : null;
    case 'MEDIATION':
      return row.mediationDueAt;
    case 'LABOUR_ARBITRATION':
      return row.acceptedAt === null ? row.acceptanceDueAt : row.awardDueAt;
    case 'CONSULTATION':
      return null;
  }
}
