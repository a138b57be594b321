import { ErrorCode, userError } from '../../shared/errors.ts';
import type { MatterStatus } from '../../shared/feed/matterEvent.ts';
import { transition } from '../../shared/workflow/transition.ts';
import { type DisputeStatus, type DisputeStep, Tier } from './dispute.enums.ts';

/**
 * The ticket cycle as a table: which step each status allows and where it
 * leads. Anything else is refused with INVALID_TRANSITION, naming both.
 */
const TRANSITIONS: Record<DisputeStep, Partial<Record<DisputeStatus, DisputeStatus>>> = {
  INTAKE: {},
  DISPATCH: { REGISTERED: 'DISPATCHED' },
  ACCEPT: { DISPATCHED: 'ACCEPTED' },
  // Supervision (督办) records pressure on a ticket being handled; no state change.
  SUPERVISE: { DISPATCHED: 'DISPATCHED', ACCEPTED: 'ACCEPTED' },
  // Escalation hands the ticket to the next tier, which dispatches it anew.
  ESCALATE: { REGISTERED: 'REGISTERED', DISPATCHED: 'REGISTERED', ACCEPTED: 'REGISTERED' },
  RESOLVE: { ACCEPTED: 'RESOLVED' },
  FAIL: { ACCEPTED: 'UNRESOLVED' },
  // A failed mediation may still be handed on (e.g. to litigation).
  TRANSFER: { ACCEPTED: 'TRANSFERRED', UNRESOLVED: 'TRANSFERRED' },
  EVALUATE: { RESOLVED: 'EVALUATED', UNRESOLVED: 'EVALUATED', TRANSFERRED: 'EVALUATED' },
  VERIFY: { EVALUATED: 'VERIFIED' },
};

export function nextStatus(step: DisputeStep, current: DisputeStatus, caseCode: string): DisputeStatus {
  return transition(TRANSITIONS, step, current, `ticket ${caseCode}`);
}

const TIER_ORDER: Tier[] = [Tier.VILLAGE, Tier.TOWN, Tier.COUNTY];

/** The tier above `tier`, or an error at the top. */
export function higherTier(tier: Tier, caseCode: string): Tier {
  const next = TIER_ORDER[TIER_ORDER.indexOf(tier) + 1];
  if (!next) throw userError(ErrorCode.INVALID_TRANSITION, `ticket ${caseCode} is already handled at county level`, { step: 'ESCALATE', tier });
  return next;
}

/** How a ticket ended (办结): the status its closing step set. */
export type DisputeOutcome = 'RESOLVED' | 'UNRESOLVED' | 'TRANSFERRED';

/** The centre's normalised status of a ticket. */
export function summaryStatus(status: DisputeStatus, outcome: DisputeOutcome | null): MatterStatus {
  switch (status) {
    case 'REGISTERED':
      return 'OPEN';
    case 'DISPATCHED':
    case 'ACCEPTED':
      return 'IN_PROGRESS';
    case 'RESOLVED':
    case 'UNRESOLVED':
    case 'TRANSFERRED':
      return status;
    case 'EVALUATED':
    case 'VERIFIED':
      return outcome ?? 'RESOLVED';
  }
}
