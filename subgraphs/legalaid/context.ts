import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import { type Actor, actorOf } from '../shared/security/Actor.ts';
import { Jurisdiction } from '../shared/security/Jurisdiction.ts';
import type { UserContext } from '../shared/security/userContext.ts';
import { requestContext } from '../shared/server/requestContext.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import { primedCodes } from '../shared/store/primedCodes.ts';
import { summaryLoader } from '../shared/store/summaryLoader.ts';
import type { LegalAidCaseRow, LegalAidCaseStore } from './legalAidCase/legalAidCase.store.ts';
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
  /** The verified user of the gateway's signed context. */
  user: UserContext;
  /** What the user may see: every read below filters by it. */
  jurisdiction: Jurisdiction;
  /** Who acts: recorded on every step. */
  actor: Actor;
};

/**
 * Loaders live for one request: each batches a tick's keys into one SQL
 * query. A case outside the user's jurisdiction loads as undefined, like an
 * unknown one; a person's cases are filtered in SQL, and come as summaries:
 * each is primed as the summary of its code (the person view needs no
 * second statement). A case's summary fields read `legalAidCaseSummary`
 * (taken from the whole row when that is loaded), the others the whole
 * row. Parties, links and steps are reached only through a visible case.
 */
function createLoaders(services: LegalAidServices, jurisdiction: Jurisdiction) {
  const { cases } = services;
  const wholeRows = new Map<string, Promise<LegalAidCaseRow | undefined>>();
  const legalAidCase = new DataLoader(async (codes: readonly string[]) => jurisdiction.visible(cases.load(codes)), { cacheMap: wholeRows });
  const legalAidCaseSummary = summaryLoader(wholeRows, (codes) => jurisdiction.visible(cases.summaries(codes)));
  return {
    legalAidCase,
    legalAidCaseSummary,
    parties: new DataLoader(async (codes: readonly string[]) => cases.parties(codes)),
    links: new DataLoader(async (codes: readonly string[]) => cases.links(codes)),
    steps: new DataLoader(async (codes: readonly string[]) => cases.events(codes)),
    casesOfPerson: new DataLoader(async (ids: readonly string[]) => primedCodes(legalAidCaseSummary, cases.ofPersons(ids, jurisdiction))),
  };
}

export function createLegalAidContext(services: LegalAidServices, user: UserContext): LegalAidContext {
  const jurisdiction = Jurisdiction.of(user.jurisdiction);
  return requestContext(services, { user, jurisdiction, actor: actorOf(user, jurisdiction), loaders: createLoaders(services, jurisdiction) });
}
