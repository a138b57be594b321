import { describe, expect, it } from 'vitest';
import { decodeAfter, decodeCursor } from '../../../../../subgraphs/shared/paging/cursor.ts';
import { keysetPage } from '../../../../../subgraphs/shared/paging/keysetPage.ts';
import { toConnection } from '../../../../../subgraphs/shared/paging/toConnection.ts';

const rows = [
  { at: '2026-11-03T01:00:00.000Z', code: 'C' },
  { at: '2026-11-02T01:00:00.000Z', code: 'B' },
  { at: '2026-11-01T01:00:00.000Z', code: 'A' },
];

describe('keyset pages and connections', () => {
  it('keeps `limit` rows; the extra one read only says a next page exists', () => {
    expect(keysetPage(rows, 2, 7)).toEqual({ rows: rows.slice(0, 2), hasNextPage: true, totalCount: 7 });
    expect(keysetPage(rows, 3, 3)).toEqual({ rows, hasNextPage: false, totalCount: 3 });
    expect(keysetPage(rows, 2, 3, (r) => r.code)).toEqual({ rows: ['C', 'B'], hasNextPage: true, totalCount: 3 });
  });

  it('ends a page with the cursor of its last row, which `after` reads back', () => {
    const connection = toConnection(keysetPage(rows, 2, 3), (r) => [r.at, r.code], (r) => ({ caseCode: r.code }));
    expect(connection.nodes).toEqual([{ caseCode: 'C' }, { caseCode: 'B' }]);
    expect(connection.totalCount).toBe(3);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeAfter(connection.pageInfo.endCursor)).toEqual(['2026-11-02T01:00:00.000Z', 'B']);
    expect(decodeCursor(connection.pageInfo.endCursor!, 2)).toEqual(['2026-11-02T01:00:00.000Z', 'B']);
  });

  it('has no cursor on an empty page, and no `after` means the first page', () => {
    expect(toConnection(keysetPage([], 20, 0), (r: { id: string }) => [r.id], (r) => r).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(decodeAfter(null)).toBeNull();
    expect(decodeAfter(undefined)).toBeNull();
  });
});
