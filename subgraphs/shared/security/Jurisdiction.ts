import { divisionPrefix } from '../identity/divisions.ts';

/** A division code a jurisdiction may name: province, city or county (6 digits), town (9), village (12). */
const JURISDICTION_CODE = /^\d{6}(?:\d{3}){0,2}$/;

/** An SQL condition with the named parameters it binds. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Each array of codes' jurisdiction (see `Jurisdiction.of`). */
const ofCodes = new WeakMap<readonly string[], Jurisdiction>();

/**
 * The divisions a user may see (DESIGN.md "Jurisdiction and defence in
 * depth"), from the jurisdiction codes of their signed context: a row is
 * visible when its division (a matter's 9-digit town, a person's town of
 * residence) starts with one of the codes' prefixes (`divisionPrefix`:
 * 420000 → 42, 420900 → 4209, 420923 → 420923, 420923100 → itself).
 *
 * Every subgraph asks the same two questions of it: `includes` for a row
 * already loaded by key, and `where` for a list, so that what a user may
 * not see is left out by the query itself and totals count only what they
 * see. Deny by default: no codes (or only malformed ones) see nothing.
 */
export class Jurisdiction {
  /** The smallest set of prefixes covering the codes, sorted: none inside another. */
  readonly prefixes: readonly string[];
  /** `where` of each parameter name and column asked so far: the same condition every time. */
  readonly #conditions = new Map<string, Map<string, SqlCondition>>();

  private constructor(prefixes: readonly string[]) {
    this.prefixes = prefixes;
  }

  /**
   * The jurisdiction of these codes; malformed codes are ignored (they cover
   * nothing). The same for the same array of codes: a verified user context
   * is remembered for its life, and every request it signs reuses its array
   * (treated as immutable, as the whole context is).
   */
  static of(codes: readonly string[]): Jurisdiction {
    let jurisdiction = ofCodes.get(codes);
    if (!jurisdiction) {
      const prefixes = codes.filter((c) => JURISDICTION_CODE.test(c)).map((c) => divisionPrefix(c));
      ofCodes.set(codes, (jurisdiction = new Jurisdiction(minimal(prefixes))));
    }
    return jurisdiction;
  }

  /** Sees nothing at all. */
  get isEmpty(): boolean {
    return this.prefixes.length === 0;
  }

  /** Whether a row of this division is visible; a row without a division is not. */
  includes(division: string | null | undefined): boolean {
    if (!division) return false;
    return this.prefixes.some((p) => division.startsWith(p));
  }

  /** Rows loaded by key, those the user may not see replaced by undefined: as if they did not exist. */
  visible<Row extends { division: string }>(rows: readonly (Row | undefined)[]): (Row | undefined)[] {
    return rows.map((r) => (r && this.includes(r.division) ? r : undefined));
  }

  /**
   * The part of this jurisdiction inside `division` (a 6- or 9-digit code
   * asked for, as in `centerStats(division:)`): the division itself where
   * the jurisdiction covers it, the jurisdiction's own divisions that lie
   * inside it, or nothing.
   */
  within(division: string): Jurisdiction {
    if (!JURISDICTION_CODE.test(division)) return new Jurisdiction([]);
    const asked = divisionPrefix(division);
    const kept = this.prefixes.flatMap((p) => (asked.startsWith(p) ? [asked] : p.startsWith(asked) ? [p] : []));
    return new Jurisdiction(minimal(kept));
  }

  /**
   * `column` lies within the jurisdiction, as an SQL condition: one range on
   * the code per prefix (`column >= prefix AND column < prefix || U+FFFF`,
   * which an index on the column serves, as `ListFilter.inDivision` does),
   * ORed. The parameters are named `<name>0`, `<name>0End`, ...; the text
   * depends only on the column and the number of prefixes, so a statement
   * prepared for it serves every user with as many codes. An empty
   * jurisdiction is `0` (false): nothing is visible.
   */
  where(column: string, name = 'jurisdiction'): SqlCondition {
    let byColumn = this.#conditions.get(name);
    if (!byColumn) this.#conditions.set(name, (byColumn = new Map()));
    let condition = byColumn.get(column);
    if (!condition) byColumn.set(column, (condition = this.#condition(column, name)));
    return condition;
  }

  #condition(column: string, name: string): SqlCondition {
    if (this.prefixes.length === 0) return Object.freeze({ sql: '0', params: Object.freeze({}) });
    const params: Record<string, string> = {};
    const ranges = this.prefixes.map((prefix, i) => {
      params[`${name}${i}`] = prefix;
      params[`${name}${i}End`] = `${prefix}\uffff`;
      return `(${column} >= @${name}${i} AND ${column} < @${name}${i}End)`;
    });
    return Object.freeze({ sql: ranges.length === 1 ? ranges[0]! : `(${ranges.join(' OR ')})`, params: Object.freeze(params) });
  }
}

/** Drops duplicates and prefixes inside another one (420923 inside 42). */
function minimal(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept.sort();
}
