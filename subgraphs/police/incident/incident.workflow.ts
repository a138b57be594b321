import type { MatterStatus } from '../../shared/feed/matterEvent.ts';
import { transition } from '../../shared/workflow/transition.ts';
import type { PoliceDisposition, PoliceIncidentStatus, PoliceStep } from './incident.enums.ts';

/**
 * 接警 → 派警 → 到场 → 处置 → 反馈 → 结警 as a table: each step is allowed
 * from exactly one status, so the stage times are set in order. Anything
 * else is refused with INVALID_TRANSITION, naming the step and the status.
 */
const TRANSITIONS: Record<PoliceStep, Partial<Record<PoliceIncidentStatus, PoliceIncidentStatus>>> = {
  RECEIVE: {},
  DISPATCH: { RECEIVED: 'DISPATCHED' },
  ARRIVE: { DISPATCHED: 'ON_SCENE' },
  HANDLE: { ON_SCENE: 'HANDLED' },
  REPORT_BACK: { HANDLED: 'REPORTED_BACK' },
  CLOSE: { REPORTED_BACK: 'CLOSED' },
};

export function nextStatus(step: PoliceStep, current: PoliceIncidentStatus, caseCode: string): PoliceIncidentStatus {
  return transition(TRANSITIONS, step, current, `incident ${caseCode}`);
}

/**
 * How a closed incident counts at the centre: settled on the spot or needing
 * nothing more is RESOLVED; handed to the centre or opened as a case is
 * TRANSFERRED (the matter goes on elsewhere).
 */
const CLOSED_AS: Record<PoliceDisposition, MatterStatus> = {
  MEDIATED_ON_SITE: 'RESOLVED',
  NO_ACTION: 'RESOLVED',
  TRANSFERRED_TO_CENTER: 'TRANSFERRED',
  ADMINISTRATIVE_CASE: 'TRANSFERRED',
  CRIMINAL_CASE: 'TRANSFERRED',
};

/** The centre's normalised status (records.ts): OPEN until dispatched, IN_PROGRESS until 结警. */
export function summaryStatus(status: PoliceIncidentStatus, disposition: PoliceDisposition | null): MatterStatus {
  switch (status) {
    case 'RECEIVED':
      return 'OPEN';
    case 'CLOSED':
      return disposition ? CLOSED_AS[disposition] : 'RESOLVED';
    default:
      return 'IN_PROGRESS';
  }
}
