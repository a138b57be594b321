import { endOfLocalDay } from '../../shared/time/chinaTime.ts';
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

/** The end of the local day `severityDays` after intake: "3 days" are counted on local dates. */
export function dueOnIntake(rules: DueDateRules, severity: Severity, openedAt: Date): Date {
  return endOfLocalDay(openedAt, { days: rules.severityDays[severity] });
}

/**
 * The tier's limit from the escalation. A limit in months rolls over a short
 * month (one month from 31 January ends on 3 March), as grid has always
 * counted it: these are local rules, and moving them to the civil code's
 * month (民法典 art 202: 28 February) is for the rules' owners to decide.
 */
export function dueOnEscalation(rules: DueDateRules, tier: Tier, escalatedAt: Date): Date {
  const limit = rules.tierLimit[tier];
  return endOfLocalDay(escalatedAt, { months: limit.months ?? 0, days: limit.days ?? 0 }, { shortMonth: 'rollOver' });
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

