import type { MatterRecord } from '../../../subgraphs/shared/world/records.ts';

/**
 * The timestamps of a matter in the order its workflow takes them, for the
 * "dates in order" invariant (provisional legal aid assigns the lawyer
 * before the decision, so it is checked in that order).
 */
export function datesOf(m: MatterRecord): string[] {
  const out: (string | null | undefined)[] = [m.openedAt];
  switch (m.t) {
    case 'dispute':
      out.push(...m.events.map((e) => e.at));
      break;
    case 'petition':
      out.push(m.registeredAt, m.forwardedAt, m.acceptanceNoticeAt, m.extension?.grantedAt, m.decidedAt);
      out.push(m.review?.requestedAt, m.review?.decidedAt, m.secondReview?.requestedAt, m.secondReview?.decidedAt);
      break;
    case 'incident':
      out.push(m.receivedAt, m.dispatchedAt, m.arrivedAt, m.handledAt, m.reportedBackAt, m.closedAt);
      break;
    case 'courtCase':
      out.push(m.receivedAt, m.filedAt, ...m.hearings.map((h) => h.at), m.closedAt);
      break;
    case 'legalAidCase':
      out.push(m.appliedAt);
      if (m.legalAid !== null) {
        const a = m.legalAid;
        out.push(...(a.provisional ? [a.assignedAt, a.decidedAt] : [a.decidedAt, a.assignedAt]));
      }
      if (m.mediation !== null) out.push(m.mediation.failedAt ?? m.mediation.agreement?.signedAt);
      if (m.arbitration !== null) out.push(m.arbitration.acceptedAt, m.arbitration.award?.at ?? m.arbitration.withdrawnAt);
      out.push(m.closedAt);
      break;
  }
  return out.filter((d): d is string => typeof d === 'string');
}
