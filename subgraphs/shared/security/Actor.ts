import { Jurisdiction } from './Jurisdiction.ts';
import type { UserContext } from './userContext.ts';

/**
 * The verified user acting in a request, as commands need them: who to
 * record on each step they take, and where they may act (a matter outside
 * the jurisdiction is NOT_FOUND to them, a new one there is FORBIDDEN).
 */
export interface Actor {
  /** The user's id (the signed context's `sub`): stable where names are not (张伟 is common). */
  readonly id: string;
  /** The user's name, as steps show it. */
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
}

/** The actor of a verified user context. */
export function actorOf(user: UserContext, jurisdiction: Jurisdiction = Jurisdiction.of(user.jurisdiction)): Actor {
  return { id: user.userId, name: user.name, jurisdiction };
}

/** The columns a step records about who took it. */
export function recordedBy(actor: Actor): { actor: string; actorId: string } {
  return { actor: actor.name, actorId: actor.id };
}
