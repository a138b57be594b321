import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { LegalAidCaseStore } from './legalAidCase/legalAidCase.store.ts';
import type { LegalAidRules } from './legalAidCase/legalAidRules.ts';

/** What the legal-services resolvers get: the store, the clock, the rules, and this request's loaders. */
export interface LegalAidServices {
  db: Db;
  clock: Clock;
  tokenize: PersonTokenizer;
  cases: LegalAidCaseStore;
  allocator: CaseCodeAllocator;
  rules: LegalAidRules;
  /** Tells the outbox relay a change committed (no-op when the relay is off). */
  notify: () => void;
}

export type LegalAidContext = LegalAidServices & {
  loaders: ReturnType<typeof createLoaders>;
  /** Who is asking: recorded on every step. */
  actor: string;
};

/** Loaders live for one request: each batches a tick's keys into one SQL query. */
function createLoaders(services: LegalAidServices) {
  const { cases } = services;
  return {
    legalAidCase: new DataLoader(async (codes: readonly string[]) => cases.load(codes)),
    parties: new DataLoader(async (codes: readonly string[]) => cases.parties(codes)),
    links: new DataLoader(async (codes: readonly string[]) => cases.links(codes)),
    steps: new DataLoader(async (codes: readonly string[]) => cases.events(codes)),
    casesOfPerson: new DataLoader(async (ids: readonly string[]) => cases.ofPersons(ids)),
  };
}

export function createLegalAidContext(services: LegalAidServices, actor: string): LegalAidContext {
  return { ...services, actor, loaders: createLoaders(services) };
}
