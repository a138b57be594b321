import DataLoader from 'dataloader';
import type { Clock } from '../shared/clock.ts';
import type { CaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import { type Actor, actorOf } from '../shared/security/Actor.ts';
import { Jurisdiction } from '../shared/security/Jurisdiction.ts';
import type { UserContext } from '../shared/security/userContext.ts';
import { requestContext } from '../shared/server/requestContext.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import type { IncidentNumberAllocator } from './incident/incidentNumber.ts';
import type { IncidentRow, IncidentStore } from './incident/incident.store.ts';
import { primedCodes } from '../shared/store/primedCodes.ts';
import { summaryLoader } from '../shared/store/summaryLoader.ts';

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
  /** The verified user of the gateway's signed context. */
  user: UserContext;
  /** What the user may see: every read below filters by it. */
  jurisdiction: Jurisdiction;
  /** Who acts: recorded on every step of an incident. */
  actor: Actor;
};

/**
 * Loaders live for one request: each batches a tick's keys into one SQL
 * query. An incident outside the user's jurisdiction loads as undefined
 * (by code or by number), like an unknown one; a person's incidents are
 * filtered in SQL, and come as summaries: each is primed as the summary of
 * its code (the person view needs no second statement). An incident's
 * summary fields read `incidentSummary` (taken from the whole row when that
 * is loaded), the others the whole row. Parties and steps are reached only
 * through a visible incident.
 */
function createLoaders(services: PoliceServices, jurisdiction: Jurisdiction) {
  const { incidents } = services;
  const wholeRows = new Map<string, Promise<IncidentRow | undefined>>();
  const incident = new DataLoader(async (codes: readonly string[]) => jurisdiction.visible(incidents.load(codes)), { cacheMap: wholeRows });
  const incidentSummary = summaryLoader(wholeRows, (codes) => jurisdiction.visible(incidents.summaries(codes)));
  return {
    incident,
    incidentSummary,
    incidentByNumber: new DataLoader(async (numbers: readonly string[]) => jurisdiction.visible(incidents.loadByNumber(numbers))),
    parties: new DataLoader(async (codes: readonly string[]) => incidents.parties(codes)),
    steps: new DataLoader(async (codes: readonly string[]) => incidents.steps(codes)),
    incidentsOfPerson: new DataLoader(async (ids: readonly string[]) => primedCodes(incidentSummary, incidents.ofPersons(ids, jurisdiction))),
    incidentsOfSuspect: new DataLoader(async (ids: readonly string[]) => primedCodes(incidentSummary, incidents.ofSuspects(ids, jurisdiction))),
  };
}

export function createPoliceContext(services: PoliceServices, user: UserContext): PoliceContext {
  const jurisdiction = Jurisdiction.of(user.jurisdiction);
  return requestContext(services, { user, jurisdiction, actor: actorOf(user, jurisdiction), loaders: createLoaders(services, jurisdiction) });
}
