/** What a request's DataLoader offers to forget. */
interface Forgetful {
  clear(key: string): unknown;
  clearAll(): unknown;
}

/**
 * After a mutation, the request's loaders must not answer from rows read
 * before it: a document may run several mutations one after the other, and
 * each answer shows the state after its own step. Loaders keyed by case code
 * forget the changed case; the `others` (lists by person, lookups by
 * number, …) forget everything, since the change may move the case into or
 * out of any of their entries.
 */
export function forgetChangedCase(caseCode: string, byCaseCode: readonly Forgetful[], others: readonly Forgetful[] = []): void {
  for (const loader of byCaseCode) loader.clear(caseCode);
  for (const loader of others) loader.clearAll();
}
