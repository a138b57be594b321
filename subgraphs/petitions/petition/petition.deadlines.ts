import { endOfLocalDay } from '../../shared/time/chinaTime.ts';
import type { PetitionStatus } from './petition.enums.ts';

/**
 * Time limits of 信访工作条例 (2022), in calendar days. Law, not local
 * practice, so not configurable: forward or assign within 15 days (art
 * 22); written acceptance notice within 15 days of receipt (art 23);
 * handle within 60 days of acceptance, extendable once by at most 30 with
 * reasons (art 34); review (复查) and second review (复核) each requested
 * within 30 days of the answer and answered within 30 (arts 35–36).
 */
export const PETITION_LIMITS = {
  forwardDays: 15,
  acceptanceNoticeDays: 15,
  handlingDays: 60,
  maxExtensionDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
} as const;

/**
 * The end (23:59:59 local) of the local day `days` after `from`, as UTC ISO:
 * a limit of "15 days" from 09:00 on the 1st runs to the end of the 16th.
 */
export function endOfLocalDayAfter(from: string, days: number): string {
  return endOfLocalDay(from, { days }).toISOString();
}

/** The step times a petition's deadlines follow from (UTC ISO strings). */
export interface PetitionTimes {
  status: PetitionStatus;
  registeredAt: string;
  forwardedAt: string | null;
  acceptanceNoticeAt: string | null;
  accepted: boolean | null;
  divertedAt: string | null;
  extensionDays: number | null;
  decidedAt: string | null;
  reviewRequestedAt: string | null;
  reviewDecidedAt: string | null;
  secondReviewRequestedAt: string | null;
}

/** Every stage's deadline; null for a stage not reached. */
export interface PetitionDeadlineSet {
  /** registeredAt + 15 (art 22). */
  forwardDueAt: string;
  /** forwardedAt + 15 (art 23). */
  acceptanceNoticeDueAt: string | null;
  /** acceptanceNoticeAt + 60 + the extension (art 34); only when accepted. */
  handlingDueAt: string | null;
  /** decidedAt + 30: the petitioner's last day to ask for a review (art 35). */
  reviewRequestDeadline: string | null;
  /** reviewRequestedAt + 30. */
  reviewDueAt: string | null;
  /** reviewDecidedAt + 30: the last day to ask for a second review (art 36). */
  secondReviewRequestDeadline: string | null;
  /** secondReviewRequestedAt + 30. */
  secondReviewDueAt: string | null;
}

const after = (from: string | null, days: number): string | null => (from ? endOfLocalDayAfter(from, days) : null);

export function petitionDeadlines(t: PetitionTimes): PetitionDeadlineSet {
  const L = PETITION_LIMITS;
  return {
    forwardDueAt: endOfLocalDayAfter(t.registeredAt, L.forwardDays),
    acceptanceNoticeDueAt: after(t.forwardedAt, L.acceptanceNoticeDays),
    handlingDueAt: t.accepted ? after(t.acceptanceNoticeAt, L.handlingDays + (t.extensionDays ?? 0)) : null,
    reviewRequestDeadline: after(t.decidedAt, L.reviewRequestDays),
    reviewDueAt: after(t.reviewRequestedAt, L.reviewAnswerDays),
    secondReviewRequestDeadline: after(t.reviewDecidedAt, L.reviewRequestDays),
    secondReviewDueAt: after(t.secondReviewRequestedAt, L.reviewAnswerDays),
  };
}

/**
 * The deadline of the stage a petition is in (`dueAt`), or for one that has
 * ended the deadline its last step fell under, so `overdue` says whether
 * that step came late. The petitioner's own request windows are not the
 * agency's deadlines and never make a petition overdue.
 */
export function stageDueAt(t: PetitionTimes): string | null {
  const d = petitionDeadlines(t);
  switch (t.status) {
    case 'REGISTERED':
      return d.forwardDueAt;
    case 'FORWARDED':
    case 'NOT_ACCEPTED':
      return d.acceptanceNoticeDueAt;
    case 'DIVERTED':
      // Diverted when forwarding, or later instead of an acceptance notice.
      return t.forwardedAt && t.divertedAt && t.forwardedAt < t.divertedAt ? d.acceptanceNoticeDueAt : d.forwardDueAt;
    case 'ACCEPTED':
    case 'DECIDED':
      return d.handlingDueAt;
    case 'IN_REVIEW':
    case 'REVIEWED':
      return d.reviewDueAt;
    case 'IN_SECOND_REVIEW':
    case 'CLOSED':
      return d.secondReviewDueAt;
  }
}
