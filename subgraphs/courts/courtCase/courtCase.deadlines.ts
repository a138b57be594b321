import { DAY_MS } from '../../shared/clock.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { endOfLocalDay, type Span } from '../../shared/time/chinaTime.ts';
import type { CourtLimitApproval, CourtProcedure } from './courtCase.enums.ts';

/**
 * The time limits of 民事诉讼法 (2023) as the court system computes them.
 *
 * Counting: the day something happens is not counted (art 85: 期间开始的时和日
 * 不计算在期间内), so a limit of N days from a filing on 3 March runs to the
 * end of 3 March + N in China local time (UTC+8). A limit in months ends on
 * the same-numbered day of the last month, or that month's last day when it
 * has no such day (民法典 art 202): one month from 31 January ends on 28 or
 * 29 February. A limit runs to 23:59:59 local of its last day. Statutory
 * holidays at the end of a period (art 85, third paragraph) are not shifted:
 * the calendar of holidays is not in this system.
 */
export interface ProcedureLimit {
  /** From filing (立案之日起). */
  limit: Span;
  /** Where the rule comes from, for error messages and descriptions. */
  source: string;
  /** Who may approve an extension; the first is the default. Empty: no extension. */
  approvals: readonly CourtLimitApproval[];
  /**
   * The most the extensions approved by the court president (or by consent)
   * may add in total; null where the law sets no total. Extensions approved
   * by a higher court (ORDINARY only) are not counted against it.
   */
  cap: Span | null;
}

/**
 * Limits by procedure. Where the law allows an extension "in special
 * circumstances, approved by the president of the court" without a total
 * (second instance, art 183; special procedure, art 187; enforcement), the
 * extension is allowed and recorded, and no total is enforced.
 */
export const PROCEDURE_LIMITS: Readonly<Record<CourtProcedure, ProcedureLimit>> = {
  // Court-referred pre-suit mediation: 30 days, longer only if the parties agree.
  PRE_SUIT_MEDIATION: { limit: { days: 30 }, source: '诉前调解 30 日', approvals: ['PARTIES_CONSENT'], cap: null },
  JUDICIAL_CONFIRMATION: { limit: { days: 30 }, source: '民事诉讼法第 187 条', approvals: ['COURT_PRESIDENT'], cap: null },
  SMALL_CLAIMS: { limit: { months: 2 }, source: '民事诉讼法第 168 条', approvals: ['COURT_PRESIDENT'], cap: { months: 1 } },
  SIMPLIFIED: { limit: { months: 3 }, source: '民事诉讼法第 164 条', approvals: ['COURT_PRESIDENT'], cap: { months: 1 } },
  ORDINARY: { limit: { months: 6 }, source: '民事诉讼法第 152 条', approvals: ['COURT_PRESIDENT', 'HIGHER_COURT'], cap: { months: 6 } },
  SECOND_INSTANCE: { limit: { months: 3 }, source: '民事诉讼法第 183 条', approvals: ['COURT_PRESIDENT'], cap: null },
  // 最高人民法院《关于人民法院办理执行案件若干期限的规定》: 6 months from filing.
  ENFORCEMENT: { limit: { months: 6 }, source: '执行案件 6 个月执结', approvals: ['COURT_PRESIDENT'], cap: null },
};

/** Filing (立案) is decided within 7 days of receipt (art 126). */
export const FILING_DECISION_DAYS = 7;
/** An appeal against a judgment within 15 days (art 171), counted from the judgment here. */
export const APPEAL_DAYS = 15;
/** Judicial confirmation is applied for within 30 days of the agreement taking effect (人民调解法 art 33; 民事诉讼法 art 205). */
export const CONFIRMATION_APPLICATION_DAYS = 30;
/** Parties are summoned to a trial at least 3 days ahead (art 139). */
export const TRIAL_NOTICE_DAYS = 3;
/** The longest single extension accepted, as a guard against typing errors. */
export const MAX_EXTENSION_DAYS = 366;

/** End (23:59:59 local) of the last day of `span` counted from the local day of `from`, months as art 202 counts them. */
export function endOfSpan(from: Date | string, span: Span): Date {
  return endOfLocalDay(from, span);
}

const addSpans = (a: Span, b: Span): Span => ({ months: (a.months ?? 0) + (b.months ?? 0), days: (a.days ?? 0) + (b.days ?? 0) });

export function filingDueAt(receivedAt: Date | string): Date {
  return endOfSpan(receivedAt, { days: FILING_DECISION_DAYS });
}

export function appealDeadline(judgmentAt: Date | string): Date {
  return endOfSpan(judgmentAt, { days: APPEAL_DAYS });
}

export function confirmationApplicationDeadline(agreementSignedAt: Date | string): Date {
  return endOfSpan(agreementSignedAt, { days: CONFIRMATION_APPLICATION_DAYS });
}

/** The limit of a filed case: the procedure's limit from filing plus every approved extension. */
export function limitDueAt(procedure: CourtProcedure, filedAt: Date | string, extensionDays: number): Date {
  return new Date(endOfSpan(filedAt, PROCEDURE_LIMITS[procedure].limit).getTime() + extensionDays * DAY_MS);
}

/** The latest the limit can reach by the court's own approvals; null where the law sets no total. */
export function latestAllowedDueAt(procedure: CourtProcedure, filedAt: Date | string): Date | null {
  const rule = PROCEDURE_LIMITS[procedure];
  return rule.cap ? endOfSpan(filedAt, addSpans(rule.limit, rule.cap)) : null;
}

export interface ExtensionRequest {
  procedure: CourtProcedure;
  filedAt: string;
  /** The limit in force now. */
  dueAt: string;
  /** Extensions already approved. */
  granted: readonly { days: number; approval: CourtLimitApproval }[];
  days: number;
  approval: CourtLimitApproval;
  now: Date;
}

/**
 * Checks an extension against the procedure's rule and returns the new
 * limit. Refused with RULE_VIOLATION (extensions name the rule): a
 * procedure whose limit cannot be extended that way, an extension approved
 * after the limit ran out, or one that would take the court's own
 * extensions past the total the law allows.
 */
export function extendedDueAt(request: ExtensionRequest): Date {
  const { procedure, days, approval, now } = request;
  const rule = PROCEDURE_LIMITS[procedure];
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    throw userError(ErrorCode.BAD_USER_INPUT, `days must be a whole number from 1 to ${MAX_EXTENSION_DAYS}, got ${days}`, { argumentName: 'days' });
  }
  if (!rule.approvals.includes(approval)) {
    throw userError(ErrorCode.RULE_VIOLATION, `a ${procedure} limit is extended with ${rule.approvals.join(' or ')}, not ${approval} (${rule.source})`, {
      rule: 'EXTENSION_APPROVAL',
      allowed: rule.approvals,
    });
  }
  if (now.getTime() > Date.parse(request.dueAt)) {
    throw userError(ErrorCode.RULE_VIOLATION, `the limit ran out at ${request.dueAt}: an extension must be approved before it expires`, {
      rule: 'LIMIT_EXPIRED',
      dueAt: request.dueAt,
    });
  }
  const total = request.granted.reduce((sum, e) => sum + e.days, 0) + days;
  if (rule.cap && approval !== 'HIGHER_COURT') {
    const own = request.granted.filter((e) => e.approval !== 'HIGHER_COURT').reduce((sum, e) => sum + e.days, 0);
    const latest = latestAllowedDueAt(procedure, request.filedAt)!;
    const base = limitDueAt(procedure, request.filedAt, 0);
    const maxDays = Math.floor((latest.getTime() - base.getTime()) / DAY_MS) - own;
    if (days > maxDays) {
      const further = rule.approvals.includes('HIGHER_COURT') ? '; a further extension needs HIGHER_COURT approval' : '';
      throw userError(ErrorCode.RULE_VIOLATION, `${procedure} allows extensions up to ${latest.toISOString()} in total (${rule.source}): at most ${Math.max(0, maxDays)} more days${further}`, {
        rule: 'EXTENSION_CAP',
        maxDays: Math.max(0, maxDays),
      });
    }
  }
  return limitDueAt(procedure, request.filedAt, total);
}
