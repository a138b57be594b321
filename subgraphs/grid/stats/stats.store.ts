import type { Jurisdiction } from '../../shared/security/Jurisdiction.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import { preparedStatement } from '../../shared/store/preparedStatement.ts';

export interface StatsRow {
  accepted: number;
  closed: number;
  closedOnTime: number;
  resolved: number;
  evaluated: number;
  satisfied: number;
  byTier: { tier: string; resolved: number }[];
  byCategory: { category: string; accepted: number; resolved: number }[];
  overdueNow: number;
}

/**
 * The figures centres report, over the tickets opened in [from, to) in an
 * area (the division asked for, cut to the user's jurisdiction:
 * Jurisdiction.within): tickets outside it are not counted at all.
 */
export function createStatsStore(db: Db) {
  // The area's condition (`area`) is made per request: its text depends on how many codes it has.
  const totals = (area: string) => `
    SELECT count(*) AS accepted,
           count(closed_at) AS closed,
           sum(closed_at IS NOT NULL AND closed_at <= due_at) AS closedOnTime,
           sum(outcome = 'RESOLVED') AS resolved,
           count(satisfaction) AS evaluated,
           sum(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied
      FROM dispute WHERE ${area} AND opened_at >= @from AND opened_at < @to`;
  const byTier = (area: string) => `
    SELECT tier, count(*) AS resolved FROM dispute
     WHERE ${area} AND opened_at >= @from AND opened_at < @to AND outcome = 'RESOLVED'
     GROUP BY tier`;
  const byCategory = (area: string) => `
    SELECT category, count(*) AS accepted, sum(outcome = 'RESOLVED') AS resolved FROM dispute
     WHERE ${area} AND opened_at >= @from AND opened_at < @to
     GROUP BY category ORDER BY accepted DESC, category`;
  const overdue = (area: string) => `SELECT count(*) FROM dispute WHERE closed_at IS NULL AND due_at < @now AND ${area}`;

  return {
    stats(area: Jurisdiction, from: string, to: string, now: Date): StatsRow {
      const inArea = area.where('division');
      const params = { from, to, ...inArea.params };
      const t = preparedStatement(db, totals(inArea.sql)).get(params) as Record<string, number | null>;
      return {
        accepted: t.accepted ?? 0,
        closed: t.closed ?? 0,
        closedOnTime: t.closedOnTime ?? 0,
        resolved: t.resolved ?? 0,
        evaluated: t.evaluated ?? 0,
        satisfied: t.satisfied ?? 0,
        byTier: preparedStatement(db, byTier(inArea.sql)).all(params) as StatsRow['byTier'],
        byCategory: preparedStatement(db, byCategory(inArea.sql)).all(params) as StatsRow['byCategory'],
        overdueNow: preparedStatement(db, overdue(inArea.sql)).pluck().get({ now: now.toISOString(), ...inArea.params }) as number,
      };
    },
  };
}

export type StatsStore = ReturnType<typeof createStatsStore>;
