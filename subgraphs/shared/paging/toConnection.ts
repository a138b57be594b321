import { encodeCursor } from './cursor.ts';
import type { KeysetPage } from './keysetPage.ts';
import type { PageInfo } from './PageInfo.ts';

/** What every `…Connection` type of the schema holds. */
export interface Connection<Node> {
  nodes: Node[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A page as a connection. `endCursor` encodes the sort key of the page's
 * last row (what the store's keyset condition continues after), so the
 * next page starts right after it even if rows were added meanwhile.
 */
export function toConnection<Row, Node>(
  page: KeysetPage<Row>,
  sortKey: (row: Row) => readonly (string | number)[],
  toNode: (row: Row) => Node,
): Connection<Node> {
  const last = page.rows.at(-1);
  return {
    nodes: page.rows.map((r) => toNode(r)),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(sortKey(last)) : null },
    totalCount: page.totalCount,
  };
}
