import DataLoader from 'dataloader';

/**
 * A request's loader of case summaries (the columns a list or a person's
 * view shows) beside its loader of whole rows, whose cache it reads: a
 * summary of a case whose whole row is loaded, or asked for before this
 * batch goes, is taken from that row; the rest are read in one statement
 * of the summary's columns (`loadSummaries`: one per key, in key order,
 * undefined where the user may not see the case, as the whole loader).
 *
 * Reading a case's few card columns instead of its whole row is most of
 * the cost of a person's slice (legal aid: 57 columns, courts: 28): the
 * fields a view asks for most read the summary, the rest the whole row.
 */
export function summaryLoader<Summary, Row extends Summary>(
  wholeRows: ReadonlyMap<string, Promise<Row | undefined>>,
  loadSummaries: (codes: readonly string[]) => (Summary | undefined)[],
): DataLoader<string, Summary | undefined> {
  return new DataLoader<string, Summary | undefined>(async (codes) => {
    const toRead = codes.filter((code) => !wholeRows.has(code));
    const read = toRead.length > 0 ? loadSummaries(toRead) : [];
    const summaries = new Map<string, Summary | undefined>(toRead.map((code, i) => [code, read[i]]));
    return Promise.all(codes.map((code) => (summaries.has(code) ? summaries.get(code) : wholeRows.get(code))));
  });
}
