import type { Db } from './openDatabase.ts';

type Statement = ReturnType<Db['prepare']>;
const statementsOf = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for this SQL text, prepared once per database. For SQL made
 * per request (a list's filter combination, a user's jurisdiction ranges):
 * there are few distinct texts, each used again and again.
 */
export function preparedStatement(db: Db, sql: string): Statement {
  let statements = statementsOf.get(db);
  if (!statements) statementsOf.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
