// What SQLite's planner does with the statements a subgraph ran: the hot
// paths (the person view, a timeline page, a matter, a search) must read
// through indexes, never walk a whole table or index, or their cost grows
// with the data. Without ANALYZE statistics (the stores have none) a plan
// does not depend on how many rows there are, so a tiny world shows the
// plans a million-person store gets.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { SubgraphHarness } from './subgraphApp.ts';

export interface TableScan {
  sql: string;
  /** The plan's SCAN lines that read a table (or one of its indexes) from end to end. */
  scans: string[];
}

/**
 * Each statement whose plan scans a table: `EXPLAIN QUERY PLAN` of the
 * statements as the subgraph ran them (better-sqlite3's verbose hook gives
 * them with their parameters filled in; long values are cut short, which
 * leaves the SQL valid for the planner). A SCAN of a table-valued function
 * (`json_each` of the keys), of a CTE or of a constant row is not one.
 */
export function tableScans(databaseFile: string, statements: readonly string[]): TableScan[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const found: TableScan[] = [];
    for (const sql of new Set(statements)) {
      if (!/^\s*(WITH|SELECT)\b/i.test(sql)) continue;
      // Aliases name a table in plans: `FROM matter m` shows as `SCAN m`.
      const names = new Set<string>();
      for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
        if (!tables.has(table!)) continue;
        names.add(table!);
        if (alias && !/^(WHERE|JOIN|ON|LEFT|INNER|CROSS|ORDER|GROUP|LIMIT|UNION|USING)$/i.test(alias)) names.add(alias);
      }
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
      const scans = plan.map((p) => p.detail).filter((d) => names.has(/^SCAN (\w+)/.exec(d)?.[1] ?? ''));
      if (scans.length > 0) found.push({ sql: sql.replace(/\s+/g, ' '), scans });
    }
    return found;
  } finally {
    db.close();
  }
}

/**
 * Runs one operation through the subgraph's HTTP door and expects it to
 * answer without errors and every statement it ran to read through
 * indexes; returns the data for the caller's own checks (that the path
 * really ran).
 */
export async function expectIndexedOnly<T = Record<string, any>>(
  subgraph: SubgraphHarness,
  query: string,
  variables?: Record<string, unknown>,
  user?: Parameters<SubgraphHarness['gql']>[2],
): Promise<T> {
  subgraph.statements.length = 0;
  const res = await subgraph.gql<T>(query, variables, user);
  expect(res.errors).toBeUndefined();
  expect(subgraph.statements.length).toBeGreaterThan(0);
  expect(tableScans(subgraph.databaseFile, subgraph.statements)).toEqual([]);
  return res.data as T;
}
