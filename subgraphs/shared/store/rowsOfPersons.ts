import type { Jurisdiction } from '../security/Jurisdiction.ts';
import { groupInKeyOrder } from './inKeyOrder.ts';
import { keyedRows, type KeyedRows } from './objectRows.ts';
import type { Db } from './openDatabase.ts';

const statementsOf = new WeakMap<Db, Map<string, KeyedRows<string, unknown>>>();

/**
 * Each person's rows (their cases, whole) that the user may see, in the
 * statement's order, read by one statement for all the persons: `sql`
 * takes the jurisdiction's condition (`jurisdiction.where(column)`) and
 * returns the person's id as its first column, then the row's; it binds
 * `@persons`, the ids as JSON (each once), and the jurisdiction's
 * parameters. The statement is prepared once per text: the text depends
 * only on how many ranges the jurisdiction has.
 */
export function rowsOfPersons<Row>(
  db: Db,
  sql: (visible: string) => string,
  column: string,
  personIds: readonly string[],
  jurisdiction: Jurisdiction,
): Row[][] {
  const visible = jurisdiction.where(column);
  const text = sql(visible.sql);
  let statements = statementsOf.get(db);
  if (!statements) statementsOf.set(db, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = keyedRows(db.prepare<unknown[]>(text))));
  const persons = JSON.stringify(personIds.length > 1 ? [...new Set(personIds)] : personIds);
  const rows = statement.all({ persons, ...visible.params }) as [string, Row][];
  return groupInKeyOrder(personIds, rows, (r) => r[0]).map((list) => list.map((r) => r[1]));
}
