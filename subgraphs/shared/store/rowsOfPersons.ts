import type { Jurisdiction, SqlCondition } from '../security/Jurisdiction.ts';
import { groupInKeyOrder } from './inKeyOrder.ts';
import { keyedRows, type KeyedRows } from './objectRows.ts';
import type { Db } from './openDatabase.ts';
import { conditionStatement } from './preparedStatement.ts';

/** Each prepared statement as it reads its rows (raw, then mapped): one wrapper per statement. */
const keyedOf = new WeakMap<object, KeyedRows<string, unknown>>();

/**
 * Each person's rows (their cases, whole) that the user may see, in the
 * statement's order, read by one statement for all the persons: `sql`
 * takes the jurisdiction's condition (`jurisdiction.where(column)`) and
 * returns the person's id as its first column, then the row's; it binds
 * `@persons`, the ids as JSON (each once), and the jurisdiction's
 * parameters. The statement is prepared once per text: the text depends
 * only on how many ranges the jurisdiction has. A request finds it by the
 * condition object, without making the text again (a few hundred
 * characters, hashed and compared on every lookup by text).
 */
export function rowsOfPersons<Row>(
  db: Db,
  sql: (visible: string) => string,
  column: string,
  personIds: readonly string[],
  jurisdiction: Jurisdiction,
): Row[][] {
  const visible = jurisdiction.where(column);
  const persons = JSON.stringify(personIds.length > 1 ? [...new Set(personIds)] : personIds);
  const rows = statementFor(db, sql, visible).all({ persons, ...visible.params }) as [string, Row][];
  return groupInKeyOrder(personIds, rows, (r) => r[0]).map((list) => list.map((r) => r[1]));
}

function statementFor(db: Db, sql: (visible: string) => string, visible: SqlCondition): KeyedRows<string, unknown> {
  // Found by the condition object, prepared once per text (conditionStatement);
  // these texts are rowsOfPersons' own, so reading them raw changes no one else's.
  const statement = conditionStatement(db, sql, visible);
  let keyed = keyedOf.get(statement);
  if (!keyed) keyedOf.set(statement, (keyed = keyedRows(statement)));
  return keyed;
}
