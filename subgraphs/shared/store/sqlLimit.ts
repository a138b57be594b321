/**
 * A LIMIT clause with its number written into the statement's text, never
 * bound as a parameter.
 *
 * SQLite (3.53, as better-sqlite3 bundles it) reads the value bound to a
 * `LIMIT @limit` parameter while it plans the statement (`computeLimitRegisters`
 * → `sqlite3ExprIsInteger`), and marks that parameter so that binding it again
 * expires the plan: every run of such a statement was parsed, planned and
 * compiled anew (`sqlite3Reprepare`), the person view's timeline page on every
 * request. With the number in the text a statement is prepared once per page
 * size (a page holds 1–100 rows: at most 101 texts per shape of list), and its
 * plan is the one SQLite chose before, which it made with the bound number.
 */
export function limitClause(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`a LIMIT must be a whole number of rows, not ${rows}`);
  return `LIMIT ${rows}`;
}
