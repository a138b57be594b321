import { divisionRange } from '../identity/divisions.ts';
import type { Jurisdiction } from '../security/Jurisdiction.ts';

/**
 * The WHERE conditions of a list's filter (ANDed) and their named
 * parameters, criterion by criterion; a criterion not given adds nothing.
 */
export class ListFilter {
  readonly where: string[] = [];
  readonly params: Record<string, unknown> = {};

  /** Any condition with its parameters. */
  add(condition: string, params: Record<string, unknown>): this {
    this.where.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  /** `column = value`; the parameter is named after the column (without its table alias). */
  equals(column: string, value: string | null | undefined): this {
    if (!value) return this;
    const name = column.replace(/^\w+\./, '');
    return this.add(`${column} = @${name}`, { [name]: value });
  }

  /** The division and every division inside it: a range on the code's prefix, which an index on the column serves. */
  inDivision(column: string, code: string | null | undefined): this {
    if (!code) return this;
    return this.add(`${column} >= @division AND ${column} < @divisionEnd`, divisionRange(code));
  }

  /** Only rows the user may see: `column` (a division code) inside their jurisdiction. */
  within(column: string, jurisdiction: Jurisdiction): this {
    const { sql, params } = jurisdiction.where(column);
    return this.add(sql, params);
  }

  /** Still open and past its deadline at `at` (the matter's `closed_at` and `due_at`, behind `alias`). */
  overdueAt(at: string | null | undefined, alias = ''): this {
    if (!at) return this;
    return this.add(`${alias}closed_at IS NULL AND ${alias}due_at < @overdueAt`, { overdueAt: at });
  }
}
