import type { Jurisdiction, SqlCondition } from '../security/Jurisdiction.ts';
import { groupInKeyOrder } from './inKeyOrder.ts';
import { keyedRows, type KeyedRows } from './objectRows.ts';
import type { Db } from './openDatabase.ts';

type Sql = (visible: string) => string;

interface Statements {
  /** By SQL text: users whose jurisdictions have as many ranges share one. */
  byText: Map<string, KeyedRows<string, unknown>>;
  /** By the statement's SQL function and the jurisdiction's condition object (`where` gives the same one every time). */
  byCondition: WeakMap<Sql, WeakMap<SqlCondition, KeyedRows<string, unknown>>>;
}

const statementsOf = new WeakMap<Db, Statements>();

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
  sql: Sql,
  column: string,
  personIds: readonly string[],
  jurisdiction: Jurisdiction,
): Row[][] {
  const visible = jurisdiction.where(column);
  const persons = JSON.stringify(personIds.length > 1 ? [...new Set(personIds)] : personIds);
  const rows = statementFor(db, sql, visible).all({ persons, ...visible.params }) as [string, Row][];
  return groupInKeyOrder(personIds, rows, (r) => r[0]).map((list) => list.map((r) => r[1]));
}

function statementFor(db: Db, sql: Sql, visible: SqlCondition): KeyedRows<string, unknown> {
  let statements = statementsOf.get(db);
  if (!statements) statementsOf.set(db, (statements = { byText: new Map(), byCondition: new WeakMap() }));
  let byCondition = statements.byCondition.get(sql);
  if (!byCondition) statements.byCondition.set(sql, (byCondition = new WeakMap()));
  let statement = byCondition.get(visible);
  if (!statement) {
    const text = sql(visible.sql);
    statement = statements.byText.get(text);
    if (!statement) statements.byText.set(text, (statement = keyedRows(db.prepare<unknown[]>(text))));
    byCondition.set(visible, statement);
  }
  return statement;
}
