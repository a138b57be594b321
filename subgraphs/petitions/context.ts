import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { PetitionStore } from './petition/petition.store.ts';

/** What the petitions subgraph's resolvers and commands get. */
export interface PetitionsServices {
  db: Db;
  clock: Clock;
  tokenize: PersonTokenizer;
  petitions: PetitionStore;
  allocator: CaseCodeAllocator;
  /** Tells the outbox relay that a change was committed (deliver now, not at the next tick). */
  notifyFeed: () => void;
}

export type PetitionsContext = PetitionsServices & {
  loaders: ReturnType<typeof createLoaders>;
  /** Who is asking: recorded on every step. */
  actor: string;
};

/** Loaders live for one request: each batches a tick's keys into one SQL query. */
function createLoaders(services: PetitionsServices) {
  const { petitions } = services;
  return {
    petition: new DataLoader(async (codes: readonly string[]) => petitions.load(codes)),
    parties: new DataLoader(async (codes: readonly string[]) => petitions.parties(codes)),
    events: new DataLoader(async (codes: readonly string[]) => petitions.events(codes)),
    petitionsOfPerson: new DataLoader(async (ids: readonly string[]) => petitions.ofPersons(ids)),
    accusationsOfPerson: new DataLoader(async (ids: readonly string[]) => petitions.accusationsOfPersons(ids)),
  };
}

export function createPetitionsContext(services: PetitionsServices, actor: string): PetitionsContext {
  return { ...services, actor, loaders: createLoaders(services) };
}
