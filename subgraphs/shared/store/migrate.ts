import type { Db } from './openDatabase.ts';

/**
 * Applies the migrations not yet applied, in order, each in its own
 * transaction; `user_version` records how many have run. Migrations are only
 * ever appended to, never edited.
 */
export function migrate(db: Db, migrations: readonly string[]): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let i = applied; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
