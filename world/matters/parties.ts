import type { Gender, LawyerRecord, PartyRecord, PartyRole } from '../../subgraphs/shared/world/records.ts';
import { OUTSIDE_DIVISIONS } from '../geo/outsideDivisions.ts';
import { personName } from '../names/personName.ts';
import type { Company } from '../org/companies.ts';
import type { PersonRef } from '../population/PersonRef.ts';
import type { TownPool } from '../population/TownPool.ts';
import { dayOfDate } from '../time/clock.ts';
import type { CountyWorld } from './CountyWorld.ts';

/** Share of person parties recorded with a name and phone only (DOMAIN.md: some parties have no ID number). */
const WITHOUT_ID = 0.04;

/** A town chosen with probability proportional to its adults. */
export function pickTown(world: CountyWorld): TownPool {
  const w = world.townWeights;
  const x = world.rng.next() * (w[w.length - 1] as number);
  let i = 0;
  while (i < w.length - 1 && (w[i] as number) <= x) i++;
  return world.pools[i] as TownPool;
}

/** A random adult of the town (or of the county when the town has none) matching `accept`, if any in a few tries. */
export function pickAdult(world: CountyWorld, town: TownPool, accept?: (p: PersonRef) => boolean): PersonRef {
  const { rng } = world;
  for (let attempt = 0; attempt < 40; attempt++) {
    const pool = town.adults.length > 0 && attempt < 30 ? town : pickTown(world);
    if (pool.adults.length === 0) continue;
    const p = rng.pick(pool.adults);
    if (accept === undefined || accept(p)) return p;
  }
  // Tiny worlds: settle for anyone.
  for (const pool of world.pools) if (pool.adults.length > 0) return rng.pick(pool.adults);
  throw new Error(`county ${world.county.code} has no adults`);
}

/** A different adult from `not`, preferring the same town. */
export function pickOther(world: CountyWorld, town: TownPool, not: PersonRef, accept?: (p: PersonRef) => boolean): PersonRef {
  return pickAdult(world, town, (p) => p !== not && (accept === undefined || accept(p)));
}

/** Age in whole years at instant `t` (world minutes). */
export function ageAt(p: PersonRef, t: number): number {
  return Math.floor((t / 1440 - p.birthDay) / 365.2425);
}

/**
 * A resident as a party. Unless `keepId`, about 4% are recorded with name
 * and phone only, as a window clerk does when someone will not give a number.
 */
export function personParty(world: CountyWorld, p: PersonRef, role: PartyRole, keepId = false): PartyRecord {
  const withoutId = !keepId && world.rng.chance(WITHOUT_ID);
  return {
    role,
    kind: 'PERSON',
    name: p.name,
    idNumber: withoutId ? null : p.idNumber,
    phone: withoutId ? (p.phone ?? world.phones.next()) : p.phone,
    creditCode: null,
    firm: null,
  };
}

/**
 * Someone who is not in the county's register (a driver passing through, a
 * worker from another province): with an ID number issued elsewhere when
 * `withId`, else name and phone only.
 */
export function outsiderParty(world: CountyWorld, role: PartyRole, withId: boolean, gender?: Gender): PartyRecord {
  const { rng } = world;
  const sex: Gender = gender ?? (rng.chance(0.7) ? 'MALE' : 'FEMALE');
  const birthYear = rng.between(1965, 2000);
  let idNumber: string | null = null;
  if (withId) {
    const division = rng.pick(OUTSIDE_DIVISIONS);
    let day = dayOfDate(`${birthYear}-01-01`) + rng.int(365);
    while (idNumber === null) idNumber = world.ids.allocate(division, day++, sex);
  }
  return {
    role,
    kind: 'PERSON',
    name: personName(rng, sex, birthYear),
    idNumber,
    phone: world.phones.next(),
    creditCode: null,
    firm: null,
  };
}

export function companyParty(c: Company, role: PartyRole): PartyRecord {
  return { role, kind: 'ORGANIZATION', name: c.name, idNumber: null, phone: c.phone, creditCode: c.creditCode, firm: null };
}

/** A village or residents' committee as a party (land and public-facility disputes). */
export function committeeParty(world: CountyWorld, town: TownPool, role: PartyRole): PartyRecord {
  const cell = town.cells.length > 0 ? world.rng.pick(town.cells) : null;
  const village = cell?.villageName ?? `${town.town.shortName}村`;
  const name = `${town.town.name}${village}${village.endsWith('社区') ? '居民委员会' : '村民委员会'}`;
  return { role, kind: 'ORGANIZATION', name, idNumber: null, phone: null, creditCode: null, firm: null };
}

export function agentParty(lawyer: LawyerRecord): PartyRecord {
  return { role: 'AGENT', kind: 'PERSON', name: lawyer.name, idNumber: null, phone: null, creditCode: null, firm: lawyer.firm };
}

/** The same party under another role (a matter moving to another agency). */
export function asRole(p: PartyRecord, role: PartyRole): PartyRecord {
  return { ...p, role };
}
