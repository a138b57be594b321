import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { DisputeStore } from './dispute/dispute.store.ts';
import type { DueDateRules } from './dispute/dueDateRules.ts';
import type { PersonStore } from './person/person.store.ts';
import type { RiskRules, RiskStore } from './risk/risk.store.ts';
import type { StatsStore } from './stats/stats.store.ts';
import type { RegistryStore } from './registry/registry.store.ts';

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
  /** Who is asking: recorded on every workflow step. */
  actor: string;
};

/** Loaders live for one request: each batches a tick's keys into one SQL query. */
function createLoaders(services: GridServices) {
  const { persons, registry, disputes } = services;
  return {
    person: new DataLoader(async (ids: readonly string[]) => persons.load(ids)),
    members: new DataLoader(async (ids: readonly string[]) => persons.members(ids)),
    cell: new DataLoader(async (codes: readonly string[]) => persons.loadCells(codes)),
    household: new DataLoader(async (ids: readonly string[]) => persons.loadHouseholds(ids)),
    matter: new DataLoader(async (codes: readonly string[]) => registry.load(codes)),
    related: new DataLoader(async (codes: readonly string[]) => registry.related(codes)),
    dispute: new DataLoader(async (codes: readonly string[]) => disputes.load(codes)),
    disputeParties: new DataLoader(async (codes: readonly string[]) => disputes.parties(codes)),
    disputeEvents: new DataLoader(async (codes: readonly string[]) => disputes.events(codes)),
    disputesOfPerson: new DataLoader(async (ids: readonly string[]) => disputes.ofPersons(ids)),
  };
}

export function createGridContext(services: GridServices, actor: string): GridContext {
  return { ...services, actor, loaders: createLoaders(services) };
}
