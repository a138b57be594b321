import type { Db } from '../../subgraphs/shared/store/openDatabase.ts';

/** The SQL texts the database prepares from now on (better-sqlite3's own prepare, watched). */
export function preparedTexts(db: Db): string[] {
  const texts: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    texts.push(sql);
    return prepare(sql);
  }) as Db['prepare'];
  return texts;
}
