/** One page of a list read by keyset: its rows, whether more follow, and the total for the same filter. */
export interface KeysetPage<Row> {
  rows: Row[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * The page from rows read with `LIMIT limit + 1`: the extra row only tells
 * that a next page exists, so no second query has to ask. `toRow` converts
 * the rows kept (not the extra one).
 */
export function keysetPage<Row>(fetched: Row[], limit: number, totalCount: number): KeysetPage<Row>;
export function keysetPage<Raw, Row>(fetched: Raw[], limit: number, totalCount: number, toRow: (raw: Raw) => Row): KeysetPage<Row>;
export function keysetPage(fetched: unknown[], limit: number, totalCount: number, toRow?: (raw: unknown) => unknown): KeysetPage<unknown> {
  const rows = fetched.slice(0, limit);
  return { rows: toRow ? rows.map((r) => toRow(r)) : rows, hasNextPage: fetched.length > limit, totalCount };
}
