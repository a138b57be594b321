import { type CourtCaseTypeCode } from '../../shared/codes/courtCaseNumber.ts';
import type { MatterStatus } from '../../shared/feed/matterEvent.ts';
import type { PartyRole } from '../../shared/schema/enums.ts';
import { transition } from '../../shared/workflow/transition.ts';
import type { CourtCaseStatus, CourtCaseStep, CourtOutcome, CourtProcedure } from './courtCase.enums.ts';

/**
 * The case cycle as a table: 收案 RECEIVED → 立案 FILED → 结案 CLOSED, or
 * RECEIVED → 不予立案 NOT_FILED. Hearings and extensions belong to a filed
 * case; appeals and enforcement start from a closed one. Anything else is
 * refused with INVALID_TRANSITION naming the step and the status.
 */
const TRANSITIONS: Record<CourtCaseStep, Partial<Record<CourtCaseStatus, CourtCaseStatus>>> = {
  RECEIVE: {},
  FILE: { RECEIVED: 'FILED' },
  REFUSE_FILING: { RECEIVED: 'NOT_FILED' },
  SCHEDULE_HEARING: { FILED: 'FILED' },
  EXTEND_LIMIT: { FILED: 'FILED' },
  CLOSE: { FILED: 'CLOSED' },
  APPEALED: { CLOSED: 'CLOSED' },
  ENFORCEMENT_APPLIED: { CLOSED: 'CLOSED' },
};

export function nextStatus(step: CourtCaseStep, current: CourtCaseStatus, caseCode: string): CourtCaseStatus {
  return transition(TRANSITIONS, step, current, `court case ${caseCode}`);
}

/** The type code (类型代字) of the case number each procedure gets. */
export const TYPE_CODE: Readonly<Record<CourtProcedure, CourtCaseTypeCode>> = {
  PRE_SUIT_MEDIATION: '民诉前调',
  JUDICIAL_CONFIRMATION: '民特',
  SMALL_CLAIMS: '民初',
  SIMPLIFIED: '民初',
  ORDINARY: '民初',
  SECOND_INSTANCE: '民终',
  ENFORCEMENT: '执',
};

export const FIRST_INSTANCE: readonly CourtProcedure[] = ['SMALL_CLAIMS', 'SIMPLIFIED', 'ORDINARY'];

/** How each procedure may end. */
export const OUTCOMES: Readonly<Record<CourtProcedure, readonly CourtOutcome[]>> = {
  PRE_SUIT_MEDIATION: ['MEDIATED', 'MEDIATION_FAILED', 'WITHDRAWN'],
  JUDICIAL_CONFIRMATION: ['CONFIRMED', 'NOT_CONFIRMED', 'WITHDRAWN'],
  SMALL_CLAIMS: ['JUDGMENT', 'MEDIATED', 'WITHDRAWN'],
  SIMPLIFIED: ['JUDGMENT', 'MEDIATED', 'WITHDRAWN'],
  ORDINARY: ['JUDGMENT', 'MEDIATED', 'WITHDRAWN'],
  SECOND_INSTANCE: ['JUDGMENT', 'MEDIATED', 'WITHDRAWN'],
  ENFORCEMENT: ['ENFORCED', 'TERMINATED', 'WITHDRAWN'],
};

/** Party roles by procedure, and the roles a case of it must have at least one of each. */
export const PARTY_ROLES: Readonly<Record<CourtProcedure, { allowed: readonly PartyRole[]; required: readonly PartyRole[] }>> = {
  PRE_SUIT_MEDIATION: { allowed: ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY', 'AGENT'], required: ['APPLICANT'] },
  JUDICIAL_CONFIRMATION: { allowed: ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY', 'AGENT'], required: ['APPLICANT'] },
  // A suit needs a plaintiff and a definite defendant (art 122).
  SMALL_CLAIMS: { allowed: ['PLAINTIFF', 'DEFENDANT', 'THIRD_PARTY', 'AGENT'], required: ['PLAINTIFF', 'DEFENDANT'] },
  SIMPLIFIED: { allowed: ['PLAINTIFF', 'DEFENDANT', 'THIRD_PARTY', 'AGENT'], required: ['PLAINTIFF', 'DEFENDANT'] },
  ORDINARY: { allowed: ['PLAINTIFF', 'DEFENDANT', 'THIRD_PARTY', 'AGENT'], required: ['PLAINTIFF', 'DEFENDANT'] },
  SECOND_INSTANCE: { allowed: ['APPELLANT', 'APPELLEE', 'THIRD_PARTY', 'AGENT'], required: ['APPELLANT'] },
  // The applicant (申请执行人) against the party bound to perform (被执行人).
  ENFORCEMENT: { allowed: ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY', 'AGENT'], required: ['APPLICANT', 'RESPONDENT'] },
};

/** Outcomes that leave a document the court can enforce (判决书, 调解书, 确认裁定). */
export const ENFORCEABLE: readonly CourtOutcome[] = ['JUDGMENT', 'MEDIATED', 'CONFIRMED'];

const CLOSED_SUMMARY: Readonly<Record<CourtOutcome, MatterStatus>> = {
  JUDGMENT: 'RESOLVED',
  MEDIATED: 'RESOLVED',
  WITHDRAWN: 'RESOLVED',
  CONFIRMED: 'RESOLVED',
  NOT_CONFIRMED: 'UNRESOLVED',
  // A failed pre-suit mediation goes on to a suit (民初).
  MEDIATION_FAILED: 'TRANSFERRED',
  ENFORCED: 'RESOLVED',
  TERMINATED: 'UNRESOLVED',
};

/** The centre's normalised status of a case (the world generator's mapping). */
export function summaryStatus(status: CourtCaseStatus, outcome: CourtOutcome | null): MatterStatus {
  switch (status) {
    case 'RECEIVED':
    case 'FILED':
      return 'IN_PROGRESS';
    case 'NOT_FILED':
      return 'REFUSED';
    case 'CLOSED':
      return outcome ? CLOSED_SUMMARY[outcome] : 'RESOLVED';
  }
}
