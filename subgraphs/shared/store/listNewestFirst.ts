import { keysetPage, type KeysetPage } from '../paging/keysetPage.ts';
import type { ListFilter } from './ListFilter.ts';
import type { Db } from './openDatabase.ts';
import { preparedStatement as prepared } from './preparedStatement.ts';
import { limitClause } from './sqlLimit.ts';

export interface NewestFirstList {
  /** The table, with the alias `columns` and `orderBy` use, if any: `dispute`, `petition p`. */
  from: string;
  columns: string;
  /** The time column and the case-code column, the order and the keyset. */
  orderBy: readonly [time: string, code: string];
}

/**
 * One page of an agency's matters matching the filter, newest first, as
 * `toRow` makes them, and the total for the filter. The next page starts
 * after the last (time, case code) seen (keyset): no OFFSET, so a deep page
 * costs what the first does, and the case code orders matters received in
 * the same minute.
 */
export function listNewestFirst<Row>(
  db: Db,
  list: NewestFirstList,
  filter: Pick<ListFilter, 'where' | 'params'>,
  page: { limit: number; after: [string, string] | null },
  toRow: (raw: Record<string, unknown>) => Row,
): KeysetPage<Row> {
  const { limit, after } = page;
  const [time, code] = list.orderBy;
  const base = filter.where.length > 0 ? `WHERE ${filter.where.join(' AND ')}` : '';
  const totalCount = prepared(db, `SELECT count(*) FROM ${list.from} ${base}`).pluck().get(filter.params) as number;
  const keyset = after ? `${base ? `${base} AND` : 'WHERE'} (${time}, ${code}) < (@afterTime, @afterCode)` : base;
  // One row more than the page (whether a next page exists), the number in the text (sqlLimit.ts).
  const rows = prepared(db, `SELECT ${list.columns} FROM ${list.from} ${keyset} ORDER BY ${time} DESC, ${code} DESC ${limitClause(limit + 1)}`).all({
    ...filter.params,
    ...(after ? { afterTime: after[0], afterCode: after[1] } : {}),
  }) as Record<string, unknown>[];
  return keysetPage(rows, limit, totalCount, toRow);
}
