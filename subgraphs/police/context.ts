import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { IncidentNumberAllocator } from './incident/incidentNumber.ts';
import type { IncidentStore } from './incident/incident.store.ts';

/** What the police resolvers get: stores, the clock, and this request's loaders. */
export interface PoliceServices {
  db: Db;
  clock: Clock;
  tokenize: PersonTokenizer;
  incidents: IncidentStore;
  allocator: CaseCodeAllocator;
  incidentNumbers: IncidentNumberAllocator;
  /** Wakes the outbox relay after a committed change (a no-op when it does not run). */
  notifyFeed: () => void;
}

export type PoliceContext = PoliceServices & {
  loaders: ReturnType<typeof createLoaders>;
  /** Who is asking: recorded on every step of an incident. */
  actor: string;
};

/** Loaders live for one request: each batches a tick's keys into one SQL query. */
function createLoaders(services: PoliceServices) {
  const { incidents } = services;
  return {
    incident: new DataLoader(async (codes: readonly string[]) => incidents.load(codes)),
    incidentByNumber: new DataLoader(async (numbers: readonly string[]) => incidents.loadByNumber(numbers)),
    parties: new DataLoader(async (codes: readonly string[]) => incidents.parties(codes)),
    steps: new DataLoader(async (codes: readonly string[]) => incidents.steps(codes)),
    incidentsOfPerson: new DataLoader(async (ids: readonly string[]) => incidents.ofPersons(ids)),
    incidentsOfSuspect: new DataLoader(async (ids: readonly string[]) => incidents.ofSuspects(ids)),
  };
}

export function createPoliceContext(services: PoliceServices, actor: string): PoliceContext {
  return { ...services, actor, loaders: createLoaders(services) };
}
