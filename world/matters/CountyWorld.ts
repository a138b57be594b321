import type { Agency } from '../../subgraphs/shared/codes/agency.ts';
import type { LinkReason, MatterRecord } from '../../subgraphs/shared/world/records.ts';
import type { CountyInfo } from '../geo/counties.ts';
import type { Company, Institutions, Sector } from '../org/companies.ts';
import type { CountyStaff } from '../org/CountyStaff.ts';
import type { IdAllocator } from '../population/IdAllocator.ts';
import type { PhoneAllocator } from '../population/PhoneAllocator.ts';
import type { TownPool } from '../population/TownPool.ts';
import type { Rng } from '../random/Rng.ts';
import type { Draft, Mutable } from './Draft.ts';

/** A link the centre recorded itself (grid.ndjson `link` records). */
export interface CentreLinkDraft {
  readonly from: Draft;
  readonly to: Draft;
  readonly reason: LinkReason;
  readonly at: number;
  readonly by: string;
}

/** Everything the matter generators of one county share. */
export interface CountyWorld {
  readonly county: CountyInfo;
  readonly pools: readonly TownPool[];
  readonly companies: readonly Company[];
  readonly companiesBySector: Readonly<Record<Sector, readonly Company[]>>;
  readonly institutions: Institutions;
  readonly staff: CountyStaff;
  readonly rng: Rng;
  readonly ids: IdAllocator;
  readonly phones: PhoneAllocator;
  /** The as-of instant: nothing happens at or after it. */
  readonly asOf: number;
  /** First instant of the matter window. */
  readonly windowStart: number;
  readonly drafts: Draft[];
  readonly centreLinks: CentreLinkDraft[];
  /** Cumulative adult counts of the pools, for picking a town by population. */
  readonly townWeights: readonly number[];
  /** 武汉市江岸区 or 云梦县: the county as unit names use it. */
  readonly unitPrefix: string;
  /** Running numbers for opaque keys (petition facts keys). */
  readonly counters: { facts: number };
}

/**
 * Registers a matter if it opened before the as-of date; returns null for a
 * matter that would open later (journeys stop there).
 */
export function addDraft(
  world: CountyWorld,
  agency: Agency,
  record: Mutable<MatterRecord>,
  opened: number,
  codeDivision: string = world.county.code,
): Draft | null {
  if (opened >= world.asOf) return null;
  const draft: Draft = { agency, record, opened, codeDivision, order: world.drafts.length, links: [], refs: [], courtNumber: null };
  world.drafts.push(draft);
  return draft;
}
