import type { Statement as SqliteStatement } from 'better-sqlite3';
import type { SqlCondition } from '../security/Jurisdiction.ts';
import type { Db } from './openDatabase.ts';

/** Bound positionally (`run(a, b)`) or by name (`all({ a, b })`). */
type Statement = SqliteStatement<unknown[]>;
const statementsOf = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for this SQL text, prepared once per database. For SQL made
 * per request (a list's filter combination, a user's jurisdiction ranges):
 * there are few distinct texts, each used again and again; and for a fixed
 * statement of a function that has no store to prepare it in (the outbox's).
 */
export function preparedStatement(db: Db, sql: string): Statement {
  let statements = statementsOf.get(db);
  if (!statements) statementsOf.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
  return statement;
}

const byConditionOf = new WeakMap<Db, WeakMap<(condition: string) => string, WeakMap<SqlCondition, Statement>>>();

/**
 * `preparedStatement(db, sql(condition.sql))`, found again by the condition
 * object (a jurisdiction's `where` gives the same one every time) without
 * making the text again: a few hundred characters, hashed and compared on
 * every lookup by text. Statements of one text are still one statement.
 */
export function conditionStatement(db: Db, sql: (condition: string) => string, condition: SqlCondition): Statement {
  let bySql = byConditionOf.get(db);
  if (!bySql) byConditionOf.set(db, (bySql = new WeakMap()));
  let byCondition = bySql.get(sql);
  if (!byCondition) bySql.set(sql, (byCondition = new WeakMap()));
  let statement = byCondition.get(condition);
  if (!statement) byCondition.set(condition, (statement = preparedStatement(db, sql(condition.sql))));
  return statement;
}
