import type { Agency } from '../subgraphs/shared/codes/agency.ts';
import { AGENCIES } from '../subgraphs/shared/codes/agency.ts';
import type { CentreLinkRecord, JourneyKind, JourneyRecord } from '../subgraphs/shared/world/records.ts';
import { JOURNEY_KINDS } from '../subgraphs/shared/world/records.ts';
import { apportion } from './apportion.ts';
import type { CountyInfo } from './geo/counties.ts';
import { familyDispute } from './journeys/familyDispute.ts';
import { gridMediationConfirmation } from './journeys/gridMediationConfirmation.ts';
import type { JourneyDraft } from './journeys/Journey.ts';
import { oneSettlement } from './journeys/oneSettlement.ts';
import { petitionReview } from './journeys/petitionReview.ts';
import { trafficAccident } from './journeys/trafficAccident.ts';
import { wageArrears } from './journeys/wageArrears.ts';
import type { CountyWorld } from './matters/CountyWorld.ts';
import { makeCompanies, makeInstitutions, type Company, type Sector } from './org/companies.ts';
import { makeCountyStaff } from './org/CountyStaff.ts';
import { assignCodes } from './output/assignCodes.ts';
import type { NdjsonWriter } from './output/NdjsonWriter.ts';
import { generateTown, type TownCounts } from './population/generateTown.ts';
import type { IdAllocator } from './population/IdAllocator.ts';
import type { PhoneAllocator } from './population/PhoneAllocator.ts';
import type { TownPool } from './population/TownPool.ts';
import { Rng } from './random/Rng.ts';
import { standaloneCourtCases } from './standalone/standaloneCourtCases.ts';
import { standaloneDisputes } from './standalone/standaloneDisputes.ts';
import { standaloneIncidents } from './standalone/standaloneIncidents.ts';
import { standaloneLegalAid } from './standalone/standaloneLegalAid.ts';
import { standalonePetitions } from './standalone/standalonePetitions.ts';
import { dayOf, formatTime } from './time/clock.ts';
import { ANNUAL_RATES, URBAN_FACTOR, WINDOW_DAYS } from './volumes.ts';

const JOURNEYS: Readonly<Record<JourneyKind, (world: CountyWorld) => JourneyDraft>> = {
  WAGE_ARREARS: wageArrears,
  GRID_MEDIATION_CONFIRMATION: gridMediationConfirmation,
  PETITION_REVIEW: petitionReview,
  ONE_SETTLEMENT_THREE_MATTERS: oneSettlement,
  TRAFFIC_ACCIDENT: trafficAccident,
  FAMILY_DISPUTE: familyDispute,
};

export interface CountyInput {
  readonly seed: number;
  readonly county: CountyInfo;
  readonly people: number;
  readonly journeys: Readonly<Record<JourneyKind, number>>;
  readonly asOf: number;
  readonly windowStart: number;
  readonly ids: IdAllocator;
  readonly phones: PhoneAllocator;
  readonly writers: Readonly<Record<Agency, NdjsonWriter>>;
}

export interface CountyOutput {
  readonly matters: Record<Agency, number>;
  readonly centreLinks: number;
  /** Journeys of this county without their world-wide id. */
  readonly journeys: Omit<JourneyRecord, 'id'>[];
}

/**
 * One county: its residents (written to the grid file town by town), then
 * all its matters and journeys (kept in memory for the county only, because
 * case codes are numbered in order of opening), written agency by agency.
 */
export async function generateCounty(input: CountyInput, counts: TownCounts): Promise<CountyOutput> {
  const { seed, county, writers } = input;
  const grid = writers.GRID;
  const townPeople = apportion(input.people, county.towns.map((t) => t.weight));
  const pools: TownPool[] = [];
  for (const [index, town] of county.towns.entries()) {
    pools.push(
      generateTown(
        {
          rng: new Rng(`${seed}|people|${town.code}`),
          county,
          town,
          townIndex: index,
          people: townPeople[index] ?? 0,
          ids: input.ids,
          phones: input.phones,
          asOfDay: dayOf(input.asOf),
          emit: (line) => grid.line(line),
        },
        counts,
      ),
    );
    await grid.drain();
  }

  const rng = new Rng(`${seed}|matters|${county.code}`);
  const companies = makeCompanies(rng, county, Math.max(12, Math.round(input.people / 400)), input.phones);
  const bySector = (s: Sector): Company[] => companies.filter((c) => c.sector === s);
  let running = 0;
  const world: CountyWorld = {
    county,
    pools,
    companies,
    companiesBySector: {
      CONSTRUCTION: bySector('CONSTRUCTION'),
      FACTORY: bySector('FACTORY'),
      LOGISTICS: bySector('LOGISTICS'),
      CATERING: bySector('CATERING'),
      PROPERTY: bySector('PROPERTY'),
      RETAIL: bySector('RETAIL'),
      LENDER: bySector('LENDER'),
    },
    institutions: makeInstitutions(rng, county, input.phones),
    staff: makeCountyStaff(rng, county),
    rng,
    ids: input.ids,
    phones: input.phones,
    asOf: input.asOf,
    windowStart: input.windowStart,
    drafts: [],
    centreLinks: [],
    townWeights: pools.map((p) => (running += p.adults.length)),
    unitPrefix: county.name.endsWith('区') ? county.cityName + county.name : county.name,
    counters: { facts: 0 },
  };
  if (running === 0) return { matters: { GRID: 0, PETITIONS: 0, POLICE: 0, COURTS: 0, LEGAL_AID: 0 }, centreLinks: 0, journeys: [] };

  const journeys: JourneyDraft[] = [];
  for (const kind of JOURNEY_KINDS) {
    for (let i = 0; i < input.journeys[kind]; i++) journeys.push(JOURNEYS[kind](world));
  }

  const years = WINDOW_DAYS / 365;
  const scale = input.people * years;
  const urban = county.urban ? URBAN_FACTOR : 1;
  standaloneDisputes(world, rng.round(scale * ANNUAL_RATES.disputes * urban));
  standalonePetitions(world, rng.round(scale * ANNUAL_RATES.petitions));
  standaloneIncidents(world, rng.round(scale * ANNUAL_RATES.incidents * urban));
  standaloneCourtCases(world, rng.round(scale * ANNUAL_RATES.courtCases));
  standaloneLegalAid(world, rng.round(scale * ANNUAL_RATES.legalAid));

  assignCodes(world.drafts, county.code);

  const matters: Record<Agency, number> = { GRID: 0, PETITIONS: 0, POLICE: 0, COURTS: 0, LEGAL_AID: 0 };
  const sorted = [...world.drafts].sort((a, b) => (a.record.caseCode < b.record.caseCode ? -1 : a.record.caseCode > b.record.caseCode ? 1 : 0));
  for (const agency of AGENCIES) {
    const writer = writers[agency];
    for (const d of sorted) {
      if (d.agency !== agency) continue;
      writer.line(JSON.stringify(d.record));
      matters[agency]++;
    }
  }
  for (const l of world.centreLinks) {
    const link: CentreLinkRecord = { t: 'link', from: l.from.record.caseCode, to: l.to.record.caseCode, reason: l.reason, at: formatTime(l.at), by: l.by };
    grid.line(JSON.stringify(link));
  }
  await Promise.all(AGENCIES.map((a) => writers[a].drain()));

  return {
    matters,
    centreLinks: world.centreLinks.length,
    journeys: journeys
      .filter((j) => j.drafts.length > 0)
      .map((j) => ({
        kind: j.kind,
        county: county.code,
        persons: j.persons.map((p) => p.idNumber),
        caseCodes: j.drafts.map((d) => d.record.caseCode),
        complete: j.complete,
      })),
  };
}
