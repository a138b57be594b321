import type { CellRecord, HouseholdRecord, PersonRecord } from '../../subgraphs/shared/world/records.ts';
import type { CountyInfo, TownInfo } from '../geo/counties.ts';
import { OUTSIDE_DIVISIONS } from '../geo/outsideDivisions.ts';
import { COMMUNITY_WORDS, GROUP_NUMERALS, ROADS, VILLAGE_PREFIXES, VILLAGE_SUFFIXES } from '../geo/placeNames.ts';
import { givenName } from '../names/givenName.ts';
import { personName } from '../names/personName.ts';
import type { Rng } from '../random/Rng.ts';
import { formatDay } from '../time/clock.ts';
import { householdMembers, type MemberPlan } from './householdMembers.ts';
import type { IdAllocator } from './IdAllocator.ts';
import type { PersonRef } from './PersonRef.ts';
import type { PhoneAllocator } from './PhoneAllocator.ts';
import { specialTags } from './specialTags.ts';
import type { CellInfo, TownPool } from './TownPool.ts';

export interface TownInput {
  readonly rng: Rng;
  readonly county: CountyInfo;
  readonly town: TownInfo;
  readonly townIndex: number;
  /** Residents to create in this town. */
  readonly people: number;
  readonly ids: IdAllocator;
  readonly phones: PhoneAllocator;
  readonly asOfDay: number;
  /** Receives each grid record, already serialised. */
  readonly emit: (line: string) => void;
}

export interface TownCounts {
  people: number;
  households: number;
  cells: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const YEAR_DAYS = 365.2425;

/**
 * Creates one town's villages/communities, grid cells, households and
 * residents, writes them to the grid file as it goes (cell, then each
 * household followed by its members) and returns the pool the matter
 * generator draws parties from.
 */
export function generateTown(input: TownInput, counts: TownCounts): TownPool {
  const { rng, county, town, asOfDay, emit } = input;
  const pool: TownPool = { town, index: input.townIndex, adults: [], couples: [], parentChild: [], cells: [] };
  const urbanTown = town.kind === 'STREET' || county.urban;
  const usedVillageNames = new Set<string>();
  let communities = 0;
  let villages = 0;
  let remaining = input.people;

  while (remaining > 0) {
    // A sub-district is all communities; a town mostly villages around a seat.
    const community = town.kind === 'STREET' || (town.kind === 'TOWN' && rng.chance(0.3)) || (town.kind === 'TOWNSHIP' && rng.chance(0.1));
    let villageName: string;
    do {
      villageName = community
        ? `${rng.pick(COMMUNITY_WORDS)}社区`
        : `${rng.pick(VILLAGE_PREFIXES)}${rng.pick(VILLAGE_SUFFIXES)}村`;
    } while (usedVillageNames.has(villageName) && usedVillageNames.size < 400);
    usedVillageNames.add(villageName);
    const villageCode = `${town.code}${pad(community ? ++communities : 200 + ++villages, 3)}`;
    const roads = [rng.pick(ROADS), rng.pick(ROADS)];
    const cellsHere = community ? rng.between(2, 5) : rng.between(1, 3);

    for (let c = 1; c <= cellsHere && remaining > 0; c++) {
      const code = `${villageCode}-${pad(c, 2)}`;
      const cell: CellRecord = {
        t: 'cell',
        code,
        name: `${town.name}${villageName}第${c}网格`,
        division: town.code,
        villageCode,
        villageName,
        villageKind: community ? 'COMMUNITY' : 'VILLAGE',
        workerName: personName(rng, rng.chance(0.6) ? 'FEMALE' : 'MALE', rng.between(1975, 1998)),
        workerPhone: input.phones.next(),
      };
      emit(JSON.stringify(cell));
      counts.cells++;
      const cellInfo: CellInfo = { code, villageName, villageKind: cell.villageKind, workerName: cell.workerName };
      pool.cells.push(cellInfo);

      const households = rng.between(150, 350);
      for (let h = 1; h <= households && remaining > 0; h++) {
        const householdId = `${code}-${pad(h, 4)}`;
        const address = community
          ? `${county.addressPrefix}${town.name}${villageName}${rng.pick(roads)}${rng.between(1, 300)}号${rng.between(1, 30)}栋${rng.between(1, 4)}单元${rng.between(1, 18)}0${rng.between(1, 4)}室`
          : `${county.addressPrefix}${town.name}${villageName}${rng.pick(GROUP_NUMERALS)}组${rng.between(1, 80)}号`;
        const plan = householdMembers(rng, urbanTown);
        const members = plan.members.slice(0, remaining);
        const migrant = rng.chance(county.migrantShare);
        const division = migrant ? rng.pick(OUTSIDE_DIVISIONS) : county.code;
        const leftBehind = plan.kind === 'LEFT_BEHIND' || (!urbanTown && (plan.kind === 'SINGLE_ELDER' || plan.kind === 'ELDER_COUPLE'));

        const refs: PersonRef[] = [];
        for (const m of members) {
          refs.push(makePerson(input, m, division, migrant, code, address));
        }
        const head = refs[0] as PersonRef;
        const household: HouseholdRecord = { t: 'household', id: householdId, cell: code, division: town.code, address, head: head.idNumber };
        emit(JSON.stringify(household));
        counts.households++;

        members.forEach((m, i) => {
          const ref = refs[i] as PersonRef;
          const age = Math.floor((asOfDay - ref.birthDay) / YEAR_DAYS);
          const person: PersonRecord = {
            t: 'person',
            idNumber: ref.idNumber,
            name: ref.name,
            gender: ref.gender,
            birthDate: formatDay(ref.birthDay),
            phone: ref.phone,
            address,
            division: town.code,
            cell: code,
            household: householdId,
            relation: m.relation,
            tags: specialTags(rng, age, ref.gender, leftBehind, !urbanTown),
          };
          emit(JSON.stringify(person));
          counts.people++;
          if (age >= 20 && age <= 80) pool.adults.push(ref);
        });
        remaining -= members.length;

        // Relationships journeys need (family disputes, support claims).
        members.forEach((m, i) => {
          if (m.gender === 'MALE' && m.spouse > i && m.spouse < refs.length) {
            const wife = refs[m.spouse] as PersonRef;
            const husband = refs[i] as PersonRef;
            if (asOfDay - wife.birthDay >= 20 * YEAR_DAYS) pool.couples.push([husband, wife]);
          }
        });
        const parent = members.findIndex((m) => m.relation === 'PARENT');
        if (parent >= 0 && asOfDay - (refs[parent] as PersonRef).birthDay >= 65 * YEAR_DAYS) {
          pool.parentChild.push([refs[parent] as PersonRef, head]);
        }
      }
    }
  }
  return pool;
}

function makePerson(input: TownInput, m: MemberPlan, division: string, migrant: boolean, cell: string, address: string): PersonRef {
  const { rng, asOfDay } = input;
  let birthDay = asOfDay - Math.floor(m.age * YEAR_DAYS) - 1 - rng.int(365);
  let idNumber = input.ids.allocate(division, birthDay, m.gender);
  // A full day (500 people of one sex born that day in one division) moves the birthday.
  while (idNumber === null) {
    birthDay -= 1;
    idNumber = input.ids.allocate(division, birthDay, m.gender);
  }
  const age = m.age;
  const hasPhone = age >= 12 && (age < 80 || rng.chance(0.6));
  return {
    idNumber,
    name: m.surname + givenName(rng, m.gender, 1970 + Math.floor((birthDay + 0.5) / YEAR_DAYS)),
    gender: m.gender,
    birthDay,
    phone: hasPhone ? input.phones.next() : null,
    town: input.townIndex,
    cell,
    address,
    migrant,
  };
}
