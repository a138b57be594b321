import { divisionPrefix } from '../../shared/identity/divisions.ts';
import type { Db } from '../../shared/store/openDatabase.ts';

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

/** The figures centres report, over the tickets opened in [from, to) in a division. */
export function createStatsStore(db: Db) {
  const totals = db.prepare(`
    SELECT count(*) AS accepted,
           count(closed_at) AS closed,
           sum(closed_at IS NOT NULL AND closed_at <= due_at) AS closedOnTime,
           sum(outcome = 'RESOLVED') AS resolved,
           count(satisfaction) AS evaluated,
           sum(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied
      FROM dispute WHERE division LIKE @prefix || '%' AND opened_at >= @from AND opened_at < @to`);
  const byTier = db.prepare(`
    SELECT tier, count(*) AS resolved FROM dispute
     WHERE division LIKE @prefix || '%' AND opened_at >= @from AND opened_at < @to AND outcome = 'RESOLVED'
     GROUP BY tier`);
  const byCategory = db.prepare(`
    SELECT category, count(*) AS accepted, sum(outcome = 'RESOLVED') AS resolved FROM dispute
     WHERE division LIKE @prefix || '%' AND opened_at >= @from AND opened_at < @to
     GROUP BY category ORDER BY accepted DESC, category`);
  const overdue = db.prepare(`SELECT count(*) FROM dispute WHERE closed_at IS NULL AND due_at < @now AND division LIKE @prefix || '%'`).pluck();

  return {
    stats(division: string, from: string, to: string, now: Date): StatsRow {
      const params = { prefix: divisionPrefix(division), from, to };
      const t = totals.get(params) as Record<string, number | null>;
      return {
        accepted: t.accepted ?? 0,
        closed: t.closed ?? 0,
        closedOnTime: t.closedOnTime ?? 0,
        resolved: t.resolved ?? 0,
        evaluated: t.evaluated ?? 0,
        satisfied: t.satisfied ?? 0,
        byTier: byTier.all(params) as StatsRow['byTier'],
        byCategory: byCategory.all(params) as StatsRow['byCategory'],
        overdueNow: overdue.get({ now: now.toISOString(), prefix: params.prefix }) as number,
      };
    },
  };
}

export type StatsStore = ReturnType<typeof createStatsStore>;
