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
  /** The verified user of the gateway's signed context. */
  user: UserContext;
  /** What the user may see: every read below filters by it. */
  jurisdiction: Jurisdiction;
  /** Who acts: recorded on every step. */
  actor: Actor;
};

/**
 * Loaders live for one request: each batches a tick's keys into one SQL
 * query. A petition outside the user's jurisdiction loads as undefined,
 * like an unknown one; a person's petitions are filtered in SQL, and come
 * whole: each is primed as the petition of its code (the person view needs
 * no second statement). Parties and steps are reached only through a
 * visible petition.
 */
function createLoaders(services: PetitionsServices, jurisdiction: Jurisdiction) {
  const { petitions } = services;
  const petition = new DataLoader(async (codes: readonly string[]) => jurisdiction.visible(petitions.load(codes)));
  return {
    petition,
    parties: new DataLoader(async (codes: readonly string[]) => petitions.parties(codes)),
    events: new DataLoader(async (codes: readonly string[]) => petitions.events(codes)),
    petitionsOfPerson: new DataLoader(async (ids: readonly string[]) => primedCodes(petition, petitions.ofPersons(ids, jurisdiction))),
    accusationsOfPerson: new DataLoader(async (ids: readonly string[]) => primedCodes(petition, petitions.accusationsOfPersons(ids, jurisdiction))),
  };
}

export function createPetitionsContext(services: PetitionsServices, user: UserContext): PetitionsContext {
  const jurisdiction = Jurisdiction.of(user.jurisdiction);
  return requestContext(services, { user, jurisdiction, actor: actorOf(user, jurisdiction), loaders: createLoaders(services, jurisdiction) });
}
