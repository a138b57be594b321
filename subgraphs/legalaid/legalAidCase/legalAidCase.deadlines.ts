import { DAY_MS } from '../../shared/clock.ts';

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

/** China Standard Time: limits are counted on local dates. */
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * End of the local (UTC+8) day `days` after `from`. A limit in days starts
 * counting the day after the event (民法典 art 201) and runs to the end of
 * its last day, so 7 days from Monday 09:00 end next Monday 23:59:59.
 */
export function endOfLocalDayAfter(from: Date | string, days: number): Date {
  const local = new Date(new Date(from).getTime() + CST_OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 23, 59, 59);
  return new Date(end - CST_OFFSET_MS);
}

const iso = (d: Date) => d.toISOString();

export const decisionDueAt = (appliedAt: string) => iso(endOfLocalDayAfter(appliedAt, LIMITS.decisionDays));
export const assignmentDueAt = (decidedAt: string) => iso(endOfLocalDayAfter(decidedAt, LIMITS.assignmentDays));
export const confirmationDeadline = (signedAt: string) => iso(endOfLocalDayAfter(signedAt, LIMITS.confirmationDays));
export const acceptanceDueAt = (appliedAt: string) => iso(endOfLocalDayAfter(appliedAt, LIMITS.acceptanceDays));
export const awardDueAt = (acceptedAt: string) => iso(endOfLocalDayAfter(acceptedAt, LIMITS.awardDays));
/** The award deadline moved by an extension; whole local days, so an end of day stays one. */
export const extendedAwardDueAt = (dueAt: string, days: number) => iso(endOfLocalDayAfter(dueAt, days));

/** Art 44: provisional aid only when the limitation deadline is under 7 days away. */
export function provisionalAidAllowed(limitationDeadline: string, now: Date): boolean {
  return Date.parse(limitationDeadline) - now.getTime() < LIMITS.provisionalWithinDays * DAY_MS;
}

/** Overdue = a deadline applies and the matter ended after it, or is still open past it. */
export function isOverdue(dueAt: string | null, closedAt: string | null, now: Date): boolean {
  return dueAt !== null && (closedAt ? Date.parse(closedAt) : now.getTime()) > Date.parse(dueAt);
}

/** People's mediation: the local limit (default 30 days); labour mediation 15 (art 14). */
export function mediationDueAt(appliedAt: string, labour: boolean, mediationDays: number): string {
  return iso(endOfLocalDayAfter(appliedAt, labour ? LIMITS.labourMediationDays : mediationDays));
}
