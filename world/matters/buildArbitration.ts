import { DAY, formatMaybe, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft } from './Draft.ts';
import { legalAidBase, type LegalAidCommon } from './legalAidBase.ts';

export interface ArbitrationPlan extends LegalAidCommon {
  /** Days to accept (≤ 5, art 29). */
  readonly acceptDays: number;
  /** Days from acceptance to award (≤ 45, or 60 with the extension, art 43). */
  readonly awardDays: number;
  readonly awardText: string;
  readonly amountYuan: number | null;
  /** Withdrawn this many days after acceptance instead of an award (settled elsewhere). */
  readonly withdrawAfterDays?: number;
  /** An exact withdrawal instant (overrides withdrawAfterDays). */
  readonly withdrawAt?: number;
}

/** Labour arbitration hosted at the centre (劳动争议调解仲裁法), cut at the as-of date. */
export function buildArbitration(world: CountyWorld, plan: ArbitrationPlan): Draft | null {
  const { rng, asOf, staff } = world;
  const seen = (t: number): number | null => (t < asOf ? t : null);
  const record = legalAidBase('LABOUR_ARBITRATION', plan);
  const applied = plan.appliedAt;
  const acceptedPlan = officeTime(rng, applied, plan.acceptDays);
  const extensionDays = plan.awardDays > 45 ? 15 : 0;
  const awardDue = acceptedPlan + (45 + extensionDays) * DAY;
  const withdrawPlan =
    plan.withdrawAt ?? (plan.withdrawAfterDays === undefined ? null : officeTime(rng, acceptedPlan, plan.withdrawAfterDays));
  const awardPlan = withdrawPlan === null ? officeTime(rng, acceptedPlan, plan.awardDays) : null;
  const accepted = seen(acceptedPlan);
  const withdrawn = withdrawPlan === null ? null : seen(Math.max(withdrawPlan, acceptedPlan + 1));
  const awarded = awardPlan === null ? null : seen(awardPlan);

  record.dueAt = formatTime(accepted === null ? applied + 5 * DAY : awardDue);
  record.status = awarded !== null ? 'AWARDED' : withdrawn !== null ? 'WITHDRAWN' : accepted !== null ? 'ARBITRATING' : 'APPLIED';
  record.summaryStatus = awarded !== null || withdrawn !== null ? 'RESOLVED' : accepted !== null ? 'IN_PROGRESS' : 'OPEN';
  record.closedAt = formatMaybe(awarded ?? withdrawn);
  record.arbitration = {
    commission: plan.organization,
    arbitrator: rng.pick(staff.arbitrators),
    acceptedAt: formatMaybe(accepted),
    awardDueAt: accepted === null ? null : formatTime(awardDue),
    extensionDays: accepted === null ? 0 : extensionDays,
    award: awarded === null ? null : { at: formatTime(awarded), text: plan.awardText, amountYuan: plan.amountYuan },
    withdrawnAt: formatMaybe(withdrawn),
  };
  return addDraft(world, 'LEGAL_AID', record, applied);
}
