import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import { type Actor, actorOf } from '../shared/security/Actor.ts';
import { Jurisdiction } from '../shared/security/Jurisdiction.ts';
import type { UserContext } from '../shared/security/userContext.ts';
import { requestContext } from '../shared/server/requestContext.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { DisputeStore } from './dispute/dispute.store.ts';
import type { DueDateRules } from './dispute/dueDateRules.ts';
import type { PersonStore } from './person/person.store.ts';
import type { RiskRules, RiskStore } from './risk/risk.store.ts';
import type { StatsStore } from './stats/stats.store.ts';
import type { MatterSummaryRow, RegistryStore } from './registry/registry.store.ts';

/** What the grid's resolvers get: stores, the clock, and this request's loaders. */
export interface GridServices {
  db: Db;
  clock: Clock;
  tokenize: PersonTokenizer;
  persons: PersonStore;
  registry: RegistryStore;
  disputes: DisputeStore;
  allocator: CaseCodeAllocator;
  dueRules: DueDateRules;
  risk: RiskStore;
  riskRules: RiskRules;
  stats: StatsStore;
}

export type GridContext = GridServices & {
  loaders: ReturnType<typeof createLoaders>;
  /** The verified user of the gateway's signed context. */
  user: UserContext;
  /** What the user may see: every read below filters by it. */
  jurisdiction: Jurisdiction;
  /** Who acts: recorded on every workflow step. */
  actor: Actor;
};

/**
 * Loaders live for one request: each batches a tick's keys into one SQL
 * query. They answer only what the user may see: a person or matter
 * outside the jurisdiction loads as undefined, exactly like an unknown one,
 * so every resolver built on them (root fields, entity references, fields
 * of a Person another agency names) treats it as absent; lists filter in
 * SQL. Rows reached only through a visible row (a ticket's parties and
 * steps, a person's cell and household) need no check of their own.
 */
function createLoaders(services: GridServices, jurisdiction: Jurisdiction) {
  const { persons, registry, disputes } = services;
  return {
    person: new DataLoader(async (ids: readonly string[]) => jurisdiction.visible(persons.load(ids))),
    members: new DataLoader(async (ids: readonly string[]) => persons.members(ids, jurisdiction)),
    cell: new DataLoader(async (codes: readonly string[]) => persons.loadCells(codes)),
    household: new DataLoader(async (ids: readonly string[]) => persons.loadHouseholds(ids)),
    // Answers what a summary needs; the timeline primes it with its page.
    matter: new DataLoader<string, MatterSummaryRow | undefined>(async (codes) => jurisdiction.visible(registry.load(codes))),
    related: new DataLoader(async (codes: readonly string[]) => registry.related(codes, jurisdiction)),
    dispute: new DataLoader(async (codes: readonly string[]) => jurisdiction.visible(disputes.load(codes))),
    disputeParties: new DataLoader(async (codes: readonly string[]) => disputes.parties(codes)),
    disputeEvents: new DataLoader(async (codes: readonly string[]) => disputes.events(codes)),
    disputesOfPerson: new DataLoader(async (ids: readonly string[]) => disputes.ofPersons(ids, jurisdiction)),
  };
}

export function createGridContext(services: GridServices, user: UserContext): GridContext {
  const jurisdiction = Jurisdiction.of(user.jurisdiction);
  return requestContext(services, { user, jurisdiction, actor: actorOf(user, jurisdiction), loaders: createLoaders(services, jurisdiction) });
}
