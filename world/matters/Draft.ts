import type { Agency } from '../../subgraphs/shared/codes/agency.ts';
import type { CourtCaseTypeCode } from '../../subgraphs/shared/codes/courtCaseNumber.ts';
import type { LinkReason, MatterRecord } from '../../subgraphs/shared/world/records.ts';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A matter before its case code exists. Codes are numbered in order of
 * opening per county, agency and year, which is only known once the whole
 * county's matters are generated; until then matters point at each other as
 * objects, and `refs` fill the typed fields (origin, appealOf, ...) and
 * `links` the link list once every code is assigned.
 */
export interface Draft {
  readonly agency: Agency;
  readonly record: Mutable<MatterRecord>;
  /** Opening instant (world minutes), the numbering order. */
  readonly opened: number;
  /** Division part of the case code (the county, or the city for appeals). */
  readonly codeDivision: string;
  /** Creation order inside the county, to break ties deterministically. */
  readonly order: number;
  readonly links: { readonly target: Draft; readonly reason: LinkReason }[];
  readonly refs: { readonly target: Draft; readonly set: (caseCode: string) => void }[];
  /** Courts: how to number the 案号 once filed (null: never filed). */
  courtNumber: { readonly courtCode: string; readonly typeCode: CourtCaseTypeCode; readonly at: number } | null;
}

/** Records a link on `from` only (the other side does not know). */
export function linkOne(from: Draft, to: Draft, reason: LinkReason): void {
  from.links.push({ target: to, reason });
}

/** Records a link on both sides, each with its own direction's reason. */
export function linkBoth(a: Draft, b: Draft, aToB: LinkReason, bToA: LinkReason): void {
  a.links.push({ target: b, reason: aToB });
  b.links.push({ target: a, reason: bToA });
}

/** Sets a typed field of `from` to `target`'s case code once it is known, and links ORIGIN/FOLLOW_UP both ways. */
export function setOrigin(from: Draft, origin: Draft): void {
  from.refs.push({ target: origin, set: (code) => (from.record.origin = code) });
  linkBoth(from, origin, 'ORIGIN', 'FOLLOW_UP');
}

/** Parses a record timestamp back to world minutes. */
export function minuteOf(iso: string): number {
  return Date.parse(iso) / 60000;
}

/** When a drafted matter closed, in world minutes; null while open at the as-of date. */
export function closedMinute(d: Draft): number | null {
  return d.record.closedAt === null ? null : minuteOf(d.record.closedAt);
}
