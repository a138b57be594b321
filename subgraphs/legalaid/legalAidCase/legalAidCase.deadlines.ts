import { DAY_MS } from '../../shared/clock.ts';
import { endOfLocalDay } from '../../shared/time/chinaTime.ts';

/**
 * The statutory time limits of the legal-services system (DOMAIN.md):
 * - 法律援助法 art 43: decide an application within 7 days, assign a lawyer
 *   within 3 days of granting;
 * - art 44: provisional aid (lawyer before the decision) when a limitation
 *   period or procedural deadline ends in under 7 days;
 * - 人民调解法 art 33: apply for judicial confirmation within 30 days of the
 *   agreement taking effect;
 * - 劳动争议调解仲裁法 art 14: labour mediation without agreement after 15
 *   days may go to arbitration; art 29: arbitration accepted (or refused)
 *   within 5 days; art 43: award within 45 days of acceptance, one
 *   extension of at most 15 days.
 * People's mediation in general has no statutory limit; the 30 days are
 * practice (local rule, `LegalAidRules.mediationDays`).
 */
export const LIMITS = {
  decisionDays: 7,
  assignmentDays: 3,
  provisionalWithinDays: 7,
  labourMediationDays: 15,
  confirmationDays: 30,
  acceptanceDays: 5,
  awardDays: 45,
  maxExtensionDays: 15,
} as const;

/**
 * The end of the local (UTC+8) day `days` after `from`, as UTC ISO. A limit
 * in days starts counting the day after the event (民法典 art 201) and runs
 * to the end of its last day, so 7 days from Monday 09:00 end next Monday
 * 23:59:59.
 */
const endOfDayAfter = (from: string, days: number): string => endOfLocalDay(from, { days }).toISOString();

export const decisionDueAt = (appliedAt: string) => endOfDayAfter(appliedAt, LIMITS.decisionDays);
export const assignmentDueAt = (decidedAt: string) => endOfDayAfter(decidedAt, LIMITS.assignmentDays);
export const confirmationDeadline = (signedAt: string) => endOfDayAfter(signedAt, LIMITS.confirmationDays);
export const acceptanceDueAt = (appliedAt: string) => endOfDayAfter(appliedAt, LIMITS.acceptanceDays);
export const awardDueAt = (acceptedAt: string) => endOfDayAfter(acceptedAt, LIMITS.awardDays);
/** The award deadline moved by an extension; whole local days, so an end of day stays one. */
export const extendedAwardDueAt = (dueAt: string, days: number) => endOfDayAfter(dueAt, days);

/** Art 44: provisional aid only when the limitation deadline is under 7 days away. */
export function provisionalAidAllowed(limitationDeadline: string, now: Date): boolean {
  return Date.parse(limitationDeadline) - now.getTime() < LIMITS.provisionalWithinDays * DAY_MS;
}

/** People's mediation: the local limit (default 30 days); labour mediation 15 (art 14). */
export function mediationDueAt(appliedAt: string, labour: boolean, mediationDays: number): string {
  return endOfDayAfter(appliedAt, labour ? LIMITS.labourMediationDays : mediationDays);
}
