import { DAY_MS } from '../../shared/clock.ts';
import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { preparedStatement } from '../../shared/store/preparedStatement.ts';

export type RiskKind = 'MULTI_AGENCY' | 'REPEAT_PETITION' | 'ESCALATION' | 'OVERDUE_UNIT';

/** One early warning, with the matters behind it. */
export interface RiskAlertRow {
  id: string;
  kind: RiskKind;
  personId: string | null;
  unit: string | null;
  caseCodes: string[];
  /** For MULTI_AGENCY: the agencies involved. */
  agencies: string[];
}

export interface RiskRules {
  /** How far back a person's matters count (days). */
  windowDays: number;
  /** Distinct agencies in the window that raise MULTI_AGENCY. */
  minAgencies: number;
}

export const DEFAULT_RISK_RULES: RiskRules = { windowDays: 180, minAgencies: 3 };

const KIND_ORDER: RiskKind[] = ['MULTI_AGENCY', 'REPEAT_PETITION', 'ESCALATION', 'OVERDUE_UNIT'];

/** The alerts' order: by kind, then id. A cursor is an id; ids start with their kind. */
export function compareAlertIds(a: string, b: string): number {
  const kindA = KIND_ORDER.indexOf(a.split(':')[0] as RiskKind);
  const kindB = KIND_ORDER.indexOf(b.split(':')[0] as RiskKind);
  return kindA - kindB || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Risk early warning (风险预警) computed from the registry and the tickets:
 * people whose matters pile up across agencies, repeat petitions on the
 * same facts, escalations, and units with overdue tickets.
 */
export function createRiskStore(db: Db) {
  // The area's condition (`visible`) is made per request: its text depends on how many codes it has.
  const multiAgency = (visible: string) => `
    SELECT p.person_id AS personId, json_group_array(DISTINCT m.case_code) AS codes, json_group_array(DISTINCT m.agency) AS agencies
      FROM matter_party p JOIN matter m ON m.case_code = p.case_code
     WHERE m.opened_at >= @since AND ${visible}
     GROUP BY p.person_id HAVING count(DISTINCT m.agency) >= @minAgencies`;
  const flagged = (visible: string) => `
    SELECT p.person_id AS personId, json_group_array(DISTINCT m.case_code) AS codes
      FROM matter m JOIN matter_party p ON p.case_code = m.case_code
     WHERE m.opened_at >= @since AND ${visible}
       AND EXISTS (SELECT 1 FROM json_each(m.flags) WHERE value = @flag)
     GROUP BY p.person_id`;
  const overdueUnits = (visible: string) => `
    SELECT assigned_unit AS unit, json_group_array(case_code) AS codes FROM (
      SELECT assigned_unit, case_code FROM dispute
       WHERE closed_at IS NULL AND due_at < @now AND assigned_unit IS NOT NULL AND ${visible}
       ORDER BY case_code)
     GROUP BY assigned_unit`;

  return {
    /**
     * Every alert over the matters of `area` (the division asked for, cut
     * to the user's jurisdiction: Jurisdiction.within), in a stable order
     * (kind, then id). Only matters in the area count, so an alert says
     * nothing about matters the user may not see.
     */
    alerts(area: Jurisdiction, now: Date, rules: RiskRules): RiskAlertRow[] {
      const since = new Date(now.getTime() - rules.windowDays * DAY_MS).toISOString();
      const inMatters = area.where('m.division');
      const inTickets = area.where('division');
      const out: RiskAlertRow[] = [];
      const sorted = (json: string) => (JSON.parse(json) as string[]).sort();
      const people = preparedStatement(db, multiAgency(inMatters.sql)).all({ since, minAgencies: rules.minAgencies, ...inMatters.params });
      for (const r of people as { personId: string; codes: string; agencies: string }[]) {
        out.push({ id: `MULTI_AGENCY:${r.personId}`, kind: 'MULTI_AGENCY', personId: r.personId, unit: null, caseCodes: sorted(r.codes), agencies: sorted(r.agencies) });
      }
      for (const [kind, flag] of [['REPEAT_PETITION', 'REPEAT_PETITION'], ['ESCALATION', 'ESCALATED']] as const) {
        for (const r of preparedStatement(db, flagged(inMatters.sql)).all({ since, flag, ...inMatters.params }) as { personId: string; codes: string }[]) {
          out.push({ id: `${kind}:${r.personId}`, kind, personId: r.personId, unit: null, caseCodes: sorted(r.codes), agencies: [] });
        }
      }
      for (const r of preparedStatement(db, overdueUnits(inTickets.sql)).all({ now: now.toISOString(), ...inTickets.params }) as { unit: string; codes: string }[]) {
        out.push({ id: `OVERDUE_UNIT:${r.unit}`, kind: 'OVERDUE_UNIT', personId: null, unit: r.unit, caseCodes: sorted(r.codes), agencies: [] });
      }
      return out.sort((a, b) => compareAlertIds(a.id, b.id));
    },
  };
}

export type RiskStore = ReturnType<typeof createRiskStore>;
