import type {
  DisputeCategory,
  MatterStatus,
  PartyRecord,
  PetitionChannel,
  PetitionDecisionOutcome,
  PetitionKind,
  PetitionRecord,
  PetitionReview,
  PetitionStatus,
  Satisfaction,
} from '../../subgraphs/shared/world/records.ts';
import { DAY, formatMaybe, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft, Mutable } from './Draft.ts';

export interface ReviewPlan {
  /** Days after the answer under review (≤ 30 on time). */
  readonly requestDays: number;
  /** Days to answer (≤ 30 on time). */
  readonly decideDays: number;
  readonly outcome: 'UPHELD' | 'REVISED';
  readonly body: string;
}

export interface PetitionPlan {
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly division: string;
  readonly category: DisputeCategory;
  readonly title: string;
  readonly subject: string;
  readonly content: string;
  readonly parties: readonly PartyRecord[];
  readonly respondentUnit: string | null;
  readonly handlingUnit: string;
  readonly factsKey: string;
  readonly registeredAt: number;
  readonly forwardDays: number;
  readonly noticeDays: number;
  readonly result: 'DECIDED' | 'NOT_ACCEPTED' | 'DIVERTED';
  readonly notAcceptedReason?: string;
  readonly divertedTo?: 'CENTRE' | 'COURT' | 'ARBITRATION';
  /** Days from the acceptance notice to the written decision. */
  readonly handlingDays: number;
  readonly extension?: { readonly days: number; readonly reason: string };
  readonly decision?: { readonly outcome: PetitionDecisionOutcome; readonly text: string };
  readonly rating?: Satisfaction;
  readonly review?: ReviewPlan;
  readonly secondReview?: ReviewPlan;
}

/**
 * A petition through the steps of 信访工作条例, cut at the as-of date.
 * Status, dueAt and closedAt follow from how far it got (records.ts).
 */
export function buildPetition(world: CountyWorld, plan: PetitionPlan): Draft | null {
  const { rng, asOf } = world;
  const seen = (t: number): number | null => (t < asOf ? t : null);

  const registered = plan.registeredAt;
  const forwardedPlan = officeTime(rng, registered, plan.forwardDays);
  const forwarded = seen(forwardedPlan);
  const noticePlan = officeTime(rng, forwardedPlan, plan.noticeDays);
  const notice = plan.result === 'DIVERTED' ? null : seen(noticePlan);

  let status: PetitionStatus = 'REGISTERED';
  let summary: MatterStatus = 'OPEN';
  let dueAt = registered + 15 * DAY;
  let closedAt: number | null = null;
  let handlingDue: number | null = null;
  let extension: PetitionRecord['extension'] = null;
  let decided: number | null = null;
  let review: PetitionReview | null = null;
  let secondReview: PetitionReview | null = null;

  if (forwarded !== null) {
    status = 'FORWARDED';
    summary = 'IN_PROGRESS';
    dueAt = forwarded + 15 * DAY;
    if (plan.result === 'DIVERTED') {
      status = 'DIVERTED';
      summary = 'TRANSFERRED';
      dueAt = registered + 15 * DAY;
      closedAt = forwarded;
    }
  }
  if (notice !== null && plan.result === 'NOT_ACCEPTED') {
    status = 'NOT_ACCEPTED';
    summary = 'REFUSED';
    closedAt = notice;
  } else if (notice !== null) {
    status = 'ACCEPTED';
    handlingDue = notice + (60 + (plan.extension?.days ?? 0)) * DAY;
    dueAt = handlingDue;
    const decidedPlan = officeTime(rng, notice, plan.handlingDays);
    if (plan.extension !== undefined) {
      // Extension asked for shortly before the 60 days run out (art 34).
      const grantedAt = Math.min(notice + (50 + rng.int(8)) * DAY, decidedPlan - 60);
      if (grantedAt < asOf) extension = { grantedAt: formatTime(grantedAt), days: plan.extension.days, reason: plan.extension.reason };
      else dueAt = notice + 60 * DAY;
    }
    decided = seen(decidedPlan);
    if (decided !== null) {
      status = 'DECIDED';
      summary = 'RESOLVED';
      closedAt = decided;
      const reviews: [ReviewPlan | undefined, PetitionStatus, PetitionStatus][] = [
        [plan.review, 'IN_REVIEW', 'REVIEWED'],
        [plan.secondReview, 'IN_SECOND_REVIEW', 'CLOSED'],
      ];
      let answered = decided;
      for (const [r, pending, done] of reviews) {
        if (r === undefined) break;
        const requested = seen(officeTime(rng, answered, r.requestDays));
        if (requested === null) break;
        const decidedAt = seen(officeTime(rng, requested, r.decideDays));
        const entry: PetitionReview = { requestedAt: formatTime(requested), body: r.body, decidedAt: formatMaybe(decidedAt), outcome: decidedAt === null ? null : r.outcome };
        if (pending === 'IN_REVIEW') review = entry;
        else secondReview = entry;
        dueAt = requested + 30 * DAY;
        if (decidedAt === null) {
          status = pending;
          summary = 'IN_PROGRESS';
          closedAt = null;
          break;
        }
        status = done;
        summary = 'RESOLVED';
        closedAt = decidedAt;
        answered = decidedAt;
      }
    }
  }

  const record: Mutable<PetitionRecord> = {
    t: 'petition',
    caseCode: '',
    title: plan.title,
    category: plan.category,
    division: plan.division,
    openedAt: formatTime(registered),
    dueAt: formatTime(dueAt),
    closedAt: formatMaybe(closedAt),
    summaryStatus: summary,
    parties: plan.parties,
    origin: null,
    links: [],
    kind: plan.kind,
    channel: plan.channel,
    subject: plan.subject,
    content: plan.content,
    respondentUnit: plan.respondentUnit,
    handlingUnit: plan.handlingUnit,
    factsKey: plan.factsKey,
    repeatOf: null,
    status,
    registeredAt: formatTime(registered),
    forwardedAt: formatMaybe(forwarded),
    acceptanceNoticeAt: formatMaybe(notice),
    accepted: notice === null ? null : plan.result !== 'NOT_ACCEPTED',
    notAcceptedReason: notice !== null && plan.result === 'NOT_ACCEPTED' ? (plan.notAcceptedReason ?? '不属于信访事项受理范围') : null,
    divertedTo: forwarded !== null && plan.result === 'DIVERTED' ? (plan.divertedTo ?? 'CENTRE') : null,
    handlingDueAt: formatMaybe(handlingDue),
    extension,
    decidedAt: formatMaybe(decided),
    decision: decided === null ? null : (plan.decision ?? { outcome: 'NOT_SUPPORTED', text: '经调查核实，诉求缺乏事实和政策依据，不予支持' }),
    rating: decided === null ? null : (plan.rating ?? null),
    review,
    secondReview,
  };
  return addDraft(world, 'PETITIONS', record, registered);
}
