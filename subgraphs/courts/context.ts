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
import type { CaseNumberAllocator } from './courtCase/caseNumberAllocator.ts';
import type { CourtCaseRow, CourtCaseStore } from './courtCase/courtCase.store.ts';

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
  /** The verified user of the gateway's signed context. */
  user: UserContext;
  /** What the user may see: every read below filters by it. */
  jurisdiction: Jurisdiction;
  /** Who acts: recorded on every step. */
  actor: Actor;
};

/**
 * Loaders live for one request: each batches a tick's keys into one SQL
 * query. A case outside the user's jurisdiction (the town where the
 * dispute arose) loads as undefined, like an unknown one; a person's cases
 * are filtered in SQL, and come as summaries: each is primed as the summary
 * of its code (the person view needs no second statement). A case's summary
 * fields read `courtCaseSummary` (taken from the whole row when that is
 * loaded), the others the whole row. Parties, hearings and steps are
 * reached only through a visible case.
 */
function createLoaders(services: CourtsServices, jurisdiction: Jurisdiction) {
  const { cases } = services;
  const wholeRows = new Map<string, Promise<CourtCaseRow | undefined>>();
  const courtCase = new DataLoader(async (codes: readonly string[]) => jurisdiction.visible(cases.load(codes)), { cacheMap: wholeRows });
  const courtCaseSummary = summaryLoader(wholeRows, (codes) => jurisdiction.visible(cases.summaries(codes)));
  return {
    courtCase,
    courtCaseSummary,
    parties: new DataLoader(async (codes: readonly string[]) => cases.parties(codes)),
    hearings: new DataLoader(async (codes: readonly string[]) => cases.hearings(codes)),
    extensions: new DataLoader(async (codes: readonly string[]) => cases.extensions(codes)),
    steps: new DataLoader(async (codes: readonly string[]) => cases.steps(codes)),
    enforcements: new DataLoader(async (codes: readonly string[]) => cases.enforcements(codes)),
    casesOfPerson: new DataLoader(async (ids: readonly string[]) => primedCodes(courtCaseSummary, cases.ofPersons(ids, jurisdiction))),
  };
}

export function createCourtsContext(services: CourtsServices, user: UserContext): CourtsContext {
  const jurisdiction = Jurisdiction.of(user.jurisdiction);
  return requestContext(services, { user, jurisdiction, actor: actorOf(user, jurisdiction), loaders: createLoaders(services, jurisdiction) });
}
