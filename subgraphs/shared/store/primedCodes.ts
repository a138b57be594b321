import type DataLoader from 'dataloader';

/**
 * Each list's case codes, every row primed into the request's loader of
 * cases by code: a person's cases are read whole by one statement, and the
 * fields asked of them then load nothing more. The rows must be ones the
 * loader would give (the same columns, the same jurisdiction).
 */
export function primedCodes<Row extends { caseCode: string }>(loader: DataLoader<string, Row | undefined>, lists: readonly Row[][]): string[][] {
  return lists.map((list) =>
    list.map((row) => {
      loader.prime(row.caseCode, row);
      return row.caseCode;
    }),
  );
}
