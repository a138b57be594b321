import type { MatterStatus } from '../../subgraphs/shared/world/records.ts';
import { DAY, formatMaybe, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft } from './Draft.ts';
import { legalAidBase, type LegalAidCommon } from './legalAidBase.ts';

export interface MediationPlan extends LegalAidCommon {
  readonly mediator: string;
  /** Days from application to agreement or failure. */
  readonly days: number;
  /** Exact instant of agreement or failure (overrides `days`), for journeys that must line up. */
  readonly endAt?: number;
  readonly result: 'AGREEMENT' | 'FAILED';
  readonly terms?: string;
  readonly amountYuan?: number | null;
  /** Labour mediation has 15 days (劳动争议调解仲裁法 art 14), others 30. */
  readonly labour?: boolean;
  /** Summary status of a failed mediation: TRANSFERRED when the quarrel goes on elsewhere. */
  readonly failedStatus?: MatterStatus;
}

/** People's mediation by a committee (人民调解法), cut at the as-of date. */
export function buildMediation(world: CountyWorld, plan: MediationPlan): Draft | null {
  const { rng, asOf } = world;
  const record = legalAidBase('MEDIATION', plan);
  const applied = plan.appliedAt;
  const endPlan = plan.endAt ?? (plan.days <= 0 ? applied + 60 + rng.int(240) : officeTime(rng, applied, plan.days));
  const end = endPlan < asOf ? endPlan : null;
  const agreed = end !== null && plan.result === 'AGREEMENT';

  record.dueAt = formatTime(applied + (plan.labour ? 15 : 30) * DAY);
  record.status = end === null ? 'MEDIATING' : agreed ? 'AGREEMENT_SIGNED' : 'MEDIATION_FAILED';
  record.summaryStatus = end === null ? 'IN_PROGRESS' : agreed ? 'RESOLVED' : (plan.failedStatus ?? 'UNRESOLVED');
  record.closedAt = formatMaybe(end);
  record.mediation = {
    committee: plan.organization,
    mediator: plan.mediator,
    result: end === null ? null : plan.result,
    failedAt: end !== null && !agreed ? formatTime(end) : null,
    agreement:
      agreed && end !== null
        ? {
            signedAt: formatTime(end),
            terms: plan.terms ?? '双方自愿达成调解协议，互谅互让，纠纷就此了结',
            amountYuan: plan.amountYuan ?? null,
            confirmationDeadline: formatTime(end + 30 * DAY),
          }
        : null,
    confirmedBy: null,
  };
  return addDraft(world, 'LEGAL_AID', record, applied);
}
