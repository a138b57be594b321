import type { MatterStatus } from '../../shared/feed/matterEvent.ts';
import { transition } from '../../shared/workflow/transition.ts';
import type { PetitionStatus, PetitionStep } from './petition.enums.ts';

const ANSWERED: PetitionStatus[] = ['DECIDED', 'IN_REVIEW', 'REVIEWED', 'IN_SECOND_REVIEW', 'CLOSED'];

/**
 * The petition procedure as a table: which step each status allows and
 * where it leads. Anything else is refused with INVALID_TRANSITION, naming
 * the step and the status. Rules that depend on time or on what was done
 * before (one extension, the 30-day request windows) are checked by the
 * commands and refused with RULE_VIOLATION.
 */
const TRANSITIONS: Record<PetitionStep, Partial<Record<PetitionStatus, PetitionStatus>>> = {
  REGISTER: {},
  FORWARD: { REGISTERED: 'FORWARDED' },
  ACCEPT: { FORWARDED: 'ACCEPTED' },
  NOT_ACCEPT: { FORWARDED: 'NOT_ACCEPTED' },
  // A claim that belongs in court, arbitration or the centre is sent there
  // instead of being forwarded, or instead of an acceptance notice.
  DIVERT: { REGISTERED: 'DIVERTED', FORWARDED: 'DIVERTED' },
  EXTEND: { ACCEPTED: 'ACCEPTED' },
  DECIDE: { ACCEPTED: 'DECIDED' },
  REQUEST_REVIEW: { DECIDED: 'IN_REVIEW' },
  ANSWER_REVIEW: { IN_REVIEW: 'REVIEWED' },
  REQUEST_SECOND_REVIEW: { REVIEWED: 'IN_SECOND_REVIEW' },
  ANSWER_SECOND_REVIEW: { IN_SECOND_REVIEW: 'CLOSED' },
  // The petitioner rates an answer once there is one (art 21); a later
  // rating (after a review) replaces the earlier one.
  RATE: Object.fromEntries(ANSWERED.map((s) => [s, s])),
};

export function nextStatus(step: PetitionStep, current: PetitionStatus, caseCode: string): PetitionStatus {
  return transition(TRANSITIONS, step, current, `petition ${caseCode}`);
}

/** The centre's normalised status of a petition. */
export function summaryStatus(status: PetitionStatus): MatterStatus {
  switch (status) {
    case 'REGISTERED':
      return 'OPEN';
    case 'FORWARDED':
    case 'ACCEPTED':
    case 'IN_REVIEW':
    case 'IN_SECOND_REVIEW':
      return 'IN_PROGRESS';
    case 'NOT_ACCEPTED':
      return 'REFUSED';
    case 'DIVERTED':
      return 'TRANSFERRED';
    case 'DECIDED':
    case 'REVIEWED':
    case 'CLOSED':
      return 'RESOLVED';
  }
}

/**
 * When the petition ended here, from its status: an answer (decision,
 * review, second review) ends it until the petitioner asks for a review,
 * which reopens it (records.ts).
 */
export function closedAtOf(p: {
  status: PetitionStatus;
  acceptanceNoticeAt: string | null;
  divertedAt: string | null;
  decidedAt: string | null;
  reviewDecidedAt: string | null;
  secondReviewDecidedAt: string | null;
}): string | null {
  switch (p.status) {
    case 'NOT_ACCEPTED':
      return p.acceptanceNoticeAt;
    case 'DIVERTED':
      return p.divertedAt;
    case 'DECIDED':
      return p.decidedAt;
    case 'REVIEWED':
      return p.reviewDecidedAt;
    case 'CLOSED':
      return p.secondReviewDecidedAt;
    default:
      return null;
  }
}
