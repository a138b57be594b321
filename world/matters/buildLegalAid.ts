import type { LawyerRecord, LegalAidDetails } from '../../subgraphs/shared/world/records.ts';
import { DAY, formatMaybe, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft } from './Draft.ts';
import { legalAidBase, type LegalAidCommon } from './legalAidBase.ts';

export interface LegalAidPlan extends LegalAidCommon {
  readonly matter: string;
  /** Days to decide (≤ 7 on time, art 43). */
  readonly decisionDays: number;
  readonly refusalReason?: string;
  /** Days from decision to lawyer (≤ 3 on time). */
  readonly assignDays: number;
  readonly provisional: boolean;
  readonly meansTestWaived: boolean;
  readonly lawyer: LawyerRecord;
  /** When the representation ends (the matter closes); null: still running at the as-of date. */
  readonly endsAt: number | null;
}

/**
 * A legal aid application (法律援助法 arts 42-44): decision, lawyer,
 * representation; provisional aid assigns the lawyer first.
 */
export function buildLegalAid(world: CountyWorld, plan: LegalAidPlan): Draft | null {
  const { rng, asOf } = world;
  const seen = (t: number): number | null => (t < asOf ? t : null);
  const record = legalAidBase('LEGAL_AID', plan);
  const applied = plan.appliedAt;
  const refused = plan.refusalReason !== undefined;
  const decidedPlan = officeTime(rng, applied, plan.decisionDays);
  const assignedPlan = refused ? null : plan.provisional ? applied + 60 + rng.int(180) : officeTime(rng, decidedPlan, plan.assignDays);
  const decided = seen(decidedPlan);
  const assigned = assignedPlan === null ? null : seen(assignedPlan);
  const ends = plan.endsAt === null || refused ? null : seen(Math.max(plan.endsAt, (assignedPlan ?? decidedPlan) + 60, decidedPlan + 60));

  const details: LegalAidDetails = {
    matter: plan.matter,
    decisionDueAt: formatTime(applied + 7 * DAY),
    decidedAt: formatMaybe(decided),
    decision: decided === null ? null : refused ? 'REFUSED' : 'GRANTED',
    refusalReason: decided !== null && refused ? (plan.refusalReason ?? null) : null,
    provisional: plan.provisional,
    meansTestWaived: plan.meansTestWaived,
    lawyer: assigned === null ? null : plan.lawyer,
    assignedAt: formatMaybe(assigned),
  };
  record.legalAid = details;

  if (decided === null) {
    record.dueAt = formatTime(applied + 7 * DAY);
    record.status = assigned !== null ? 'LAWYER_ASSIGNED' : 'APPLIED';
    record.summaryStatus = assigned !== null ? 'IN_PROGRESS' : 'OPEN';
  } else if (refused) {
    record.dueAt = formatTime(applied + 7 * DAY);
    record.status = 'REFUSED';
    record.summaryStatus = 'REFUSED';
    record.closedAt = formatTime(decided);
  } else if (assigned === null) {
    record.dueAt = formatTime(decided + 3 * DAY);
    record.status = 'GRANTED';
    record.summaryStatus = 'IN_PROGRESS';
  } else {
    // Representation has no statutory limit once the lawyer is in place.
    record.dueAt = null;
    record.status = ends === null ? 'LAWYER_ASSIGNED' : 'CLOSED';
    record.summaryStatus = ends === null ? 'IN_PROGRESS' : 'RESOLVED';
    record.closedAt = formatMaybe(ends);
  }
  return addDraft(world, 'LEGAL_AID', record, applied);
}
