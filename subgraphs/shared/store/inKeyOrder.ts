// What a DataLoader batch function must answer: one entry per key, in the
// order of the keys, whatever order one `json_each` query read the rows in.

/** One row per key, undefined where a key has none. */
export function inKeyOrder<Row, Key>(keys: readonly Key[], rows: readonly Row[], keyOf: (row: Row) => Key): (Row | undefined)[] {
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k));
}

/** Every key's rows, possibly none, each list in the order read. */
export function groupInKeyOrder<Row, Key>(keys: readonly Key[], rows: readonly Row[], keyOf: (row: Row) => Key): Row[][] {
  const byKey = new Map<Key, Row[]>(keys.map((k) => [k, []]));
  for (const r of rows) byKey.get(keyOf(r))?.push(r);
  return keys.map((k) => byKey.get(k)!);
}

/** A case's child rows (parties, steps, …) read for many cases at once, without the case code they were read with. */
export function groupByCaseCode<Row extends { caseCode: string }>(codes: readonly string[], rows: readonly Row[]): Omit<Row, 'caseCode'>[][] {
  return groupInKeyOrder(codes, rows, (r) => r.caseCode).map((list) => list.map(({ caseCode: _caseCode, ...rest }) => rest));
}

/** Each person's case codes, from (person, case) rows already in the order wanted (newest first). */
export function caseCodesByPerson(personIds: readonly string[], rows: readonly { personId: string; caseCode: string }[]): string[][] {
  return groupInKeyOrder(personIds, rows, (r) => r.personId).map((list) => list.map((r) => r.caseCode));
}
