import type { DisputeCategory, PartyRecord, PartyRole } from '../../subgraphs/shared/world/records.ts';
import type { Company, Sector } from '../org/companies.ts';
import type { PersonRef } from '../population/PersonRef.ts';
import type { CellInfo, TownPool } from '../population/TownPool.ts';
import { Weighted } from '../random/Weighted.ts';
import type { CountyWorld } from './CountyWorld.ts';
import { committeeParty, companyParty, pickAdult, pickOther, pickTown, personParty } from './parties.ts';
import { RURAL_MIX, TOPICS, URBAN_MIX, type Topic } from './topics.ts';

const RURAL = new Weighted(RURAL_MIX);
const URBAN = new Weighted(URBAN_MIX);

/** The other side of a quarrel: a resident or an organization. */
export type OtherSide = { readonly person: PersonRef } | { readonly org: PartyRecord };

/**
 * One real-world quarrel between people, before any agency records it: who,
 * where, about what, and the Chinese wording. Each agency's record of it is
 * built from the same quarrel, so a journey's matters tell one story.
 */
export interface Quarrel {
  readonly town: TownPool;
  readonly cell: CellInfo | null;
  readonly category: DisputeCategory;
  readonly topic: Topic;
  readonly a: PersonRef;
  readonly b: OtherSide;
  readonly bName: string;
  readonly amount: number | null;
  /** Filled-in sentence: what happened. */
  readonly detail: string;
  /** The same as the applicant tells it, the applicant written 其 (for 报称/反映 reports). */
  readonly told: string;
  /** Filled-in sentence: what the applicant asks for. */
  readonly ask: string;
  /** 张伟与李强排水纠纷 */
  readonly title: string;
}

export interface QuarrelOptions {
  readonly category?: DisputeCategory;
  readonly topic?: Topic;
  readonly town?: TownPool;
  readonly a?: PersonRef;
  readonly b?: OtherSide;
}

export function pickCategory(world: CountyWorld): DisputeCategory {
  return (world.county.urban ? URBAN : RURAL).pick(world.rng);
}

function companyOf(world: CountyWorld, sectors: readonly Sector[]): Company {
  const sector = world.rng.pick(sectors);
  const matching = world.companiesBySector[sector];
  return world.rng.pick(matching.length > 0 ? matching : world.companies);
}

export function makeQuarrel(world: CountyWorld, options: QuarrelOptions = {}): Quarrel {
  const { rng } = world;
  let category = options.category ?? pickCategory(world);
  // City districts have no farmland: land quarrels there are about housing.
  if (category === 'LAND_HOMESTEAD' && world.county.urban && options.topic === undefined) category = 'PROPERTY_MANAGEMENT';
  const topic = options.topic ?? rng.pick(TOPICS[category]);
  let town = options.town ?? (options.a ? (world.pools[options.a.town] as TownPool) : pickTown(world));
  let a = options.a;
  let b = options.b;

  if (b === undefined) {
    switch (topic.against) {
      case 'SPOUSE': {
        if (a === undefined && town.couples.length > 0) {
          const [husband, wife] = rng.pick(town.couples);
          // Wives file about two thirds of divorce and family applications.
          [a, b] = rng.chance(0.65) ? [wife, { person: husband }] : [husband, { person: wife }];
        }
        break;
      }
      case 'CHILD': {
        if (a === undefined && town.parentChild.length > 0) {
          const [parent, child] = rng.pick(town.parentChild);
          a = parent;
          b = { person: child };
        }
        break;
      }
      case 'EMPLOYER':
        b = { org: companyParty(companyOf(world, ['CONSTRUCTION', 'FACTORY', 'LOGISTICS', 'CATERING']), 'RESPONDENT') };
        break;
      case 'PROPERTY':
        b = { org: companyParty(companyOf(world, ['PROPERTY']), 'RESPONDENT') };
        break;
      case 'SELLER':
        b = { org: companyParty(companyOf(world, ['RETAIL', 'CATERING']), 'RESPONDENT') };
        break;
      case 'HOSPITAL':
        b = { org: companyParty(rng.pick(world.institutions.hospitals), 'RESPONDENT') };
        break;
      case 'LENDER': {
        const lenders = world.companiesBySector.LENDER;
        b = { org: companyParty(rng.chance(0.6) || lenders.length === 0 ? rng.pick(world.institutions.banks) : rng.pick(lenders), 'RESPONDENT') };
        break;
      }
      case 'COMMITTEE':
        b = { org: committeeParty(world, town, 'RESPONDENT') };
        break;
      default:
        break;
    }
  }
  a ??= pickAdult(world, town, topic.against === 'EMPLOYER' ? (p) => isWorkingAge(world, p) : undefined);
  town = world.pools[a.town] as TownPool;
  const first = a;
  b ??= { person: pickOther(world, town, first) };

  const cell = town.cells.find((c) => c.code === first.cell) ?? null;
  const bName = 'person' in b ? b.person.name : b.org.name;
  const amount = topic.amount === null ? null : rng.between(topic.amount[0] / 100, topic.amount[1] / 100) * 100;
  const fill = (s: string, aName = first.name): string =>
    s.replaceAll('{A}', aName).replaceAll('{B}', bName).replaceAll('{amount}', amount === null ? '' : String(amount));
  return {
    town,
    cell,
    category,
    topic,
    a: first,
    b,
    bName,
    amount,
    detail: fill(topic.detail),
    told: fill(topic.detail, '其'),
    ask: fill(topic.ask),
    title: `${first.name}与${bName}${topic.short}纠纷`,
  };
}

function isWorkingAge(world: CountyWorld, p: PersonRef): boolean {
  const age = (world.asOf / 1440 - p.birthDay) / 365.2425;
  return age >= 20 && age <= 58;
}

/** The applicant side of a quarrel as a party. */
export function sideA(world: CountyWorld, q: Quarrel, role: PartyRole, keepId = false): PartyRecord {
  return personParty(world, q.a, role, keepId);
}

/** The other side of a quarrel as a party. */
export function sideB(world: CountyWorld, q: Quarrel, role: PartyRole): PartyRecord {
  return 'person' in q.b ? personParty(world, q.b.person, role) : { ...q.b.org, role };
}
