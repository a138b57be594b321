import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { CaseNumberAllocator } from './courtCase/caseNumberAllocator.ts';
import type { CourtCaseStore } from './courtCase/courtCase.store.ts';

/** What the courts' resolvers get: the store, the clock, the allocators and this request's loaders. */
export interface CourtsServices {
  db: Db;
  clock: Clock;
  tokenize: PersonTokenizer;
  cases: CourtCaseStore;
  allocator: CaseCodeAllocator;
  caseNumbers: CaseNumberAllocator;
  /** Tells the outbox relay a change was committed (a no-op without a relay). */
  notify: () => void;
}

export type CourtsContext = CourtsServices & {
  loaders: ReturnType<typeof createLoaders>;
  /** Who is asking: recorded on every step. */
  actor: string;
};

/** Loaders live for one request: each batches a tick's keys into one SQL query. */
function createLoaders(services: CourtsServices) {
  const { cases } = services;
  return {
    courtCase: new DataLoader(async (codes: readonly string[]) => cases.load(codes)),
    parties: new DataLoader(async (codes: readonly string[]) => cases.parties(codes)),
    hearings: new DataLoader(async (codes: readonly string[]) => cases.hearings(codes)),
    extensions: new DataLoader(async (codes: readonly string[]) => cases.extensions(codes)),
    steps: new DataLoader(async (codes: readonly string[]) => cases.steps(codes)),
    enforcements: new DataLoader(async (codes: readonly string[]) => cases.enforcements(codes)),
    casesOfPerson: new DataLoader(async (ids: readonly string[]) => cases.ofPersons(ids)),
  };
}

export function createCourtsContext(services: CourtsServices, actor: string): CourtsContext {
  return { ...services, actor, loaders: createLoaders(services) };
}
