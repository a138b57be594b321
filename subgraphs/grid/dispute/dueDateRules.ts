import type { Severity, Tier } from './dispute.enums.ts';

/**
 * How long a ticket may take. Local rules, not law (DOMAIN.md): Hubei
 * centres close ordinary disputes within 3 days and larger ones within 20;
 * a ticket escalated to a tier gets that tier's limit (village the same day,
 * town one month, county three months) from the escalation. Configurable per
 * jurisdiction with GRID_DUE_RULES (JSON of this shape).
 */
export interface DueDateRules {
  /** Days from intake, by severity. */
  severityDays: Record<Severity, number>;
  /** Limit from escalation to a tier: days, or months (calendar). */
  tierLimit: Record<Tier, { days?: number; months?: number }>;
}

export const DEFAULT_DUE_DATE_RULES: DueDateRules = {
  severityDays: { ORDINARY: 3, MAJOR: 20 },
  tierLimit: { VILLAGE: { days: 0 }, TOWN: { months: 1 }, COUNTY: { months: 3 } },
};

/** China Standard Time: "the same day" and "3 days" are counted on local dates. */
const CST_OFFSET_MS = 8 * 3_600_000;

/** End of the local (UTC+8) day `days` after `from`: a limit runs to the end of its last day. */
function endOfDayAfter(from: Date, days: number, months = 0): Date {
  const local = new Date(from.getTime() + CST_OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months, local.getUTCDate() + days, 23, 59, 59);
  return new Date(end - CST_OFFSET_MS);
}

export function dueOnIntake(rules: DueDateRules, severity: Severity, openedAt: Date): Date {
  return endOfDayAfter(openedAt, rules.severityDays[severity]);
}

export function dueOnEscalation(rules: DueDateRules, tier: Tier, escalatedAt: Date): Date {
  const limit = rules.tierLimit[tier];
  return endOfDayAfter(escalatedAt, limit.days ?? 0, limit.months ?? 0);
}

/** Reads GRID_DUE_RULES over the defaults; a malformed value is an error at start. */
export function parseDueDateRules(json: string | undefined): DueDateRules {
  if (!json) return DEFAULT_DUE_DATE_RULES;
  const given = JSON.parse(json) as Partial<DueDateRules>;
  const rules: DueDateRules = {
    severityDays: { ...DEFAULT_DUE_DATE_RULES.severityDays, ...given.severityDays },
    tierLimit: { ...DEFAULT_DUE_DATE_RULES.tierLimit, ...given.tierLimit },
  };
  for (const d of Object.values(rules.severityDays)) if (!Number.isInteger(d) || d < 0) throw new Error('GRID_DUE_RULES: severityDays must be whole days >= 0');
  return rules;
}

