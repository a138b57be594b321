import type {
  DisputeChannel,
  DisputeEvent,
  DisputeRecord,
  DisputeSeverity,
  DisputeStatus,
  DisputeStep,
  DisputeTier,
  MatterStatus,
  PartyRecord,
  Satisfaction,
} from '../../subgraphs/shared/world/records.ts';
import { DAY, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft, Mutable } from './Draft.ts';
import type { Quarrel } from './Quarrel.ts';
import { unitFor } from './units.ts';

export type DisputeOutcome = 'RESOLVE' | 'TRANSFER' | 'FAIL';

export interface DisputePlan {
  readonly quarrel: Quarrel;
  readonly channel: DisputeChannel;
  readonly tier: DisputeTier;
  readonly severity: DisputeSeverity;
  readonly parties: readonly PartyRecord[];
  readonly openedAt: number;
  readonly outcome: DisputeOutcome;
  /** When the outcome step happens (pushed after acceptance if earlier). */
  readonly outcomeAt: number;
  /** Escalate to this tier half way, if set. */
  readonly escalateTo?: DisputeTier;
  /** What the RESOLVE step says (the agreement reached). */
  readonly resolution?: string;
  /** Where a TRANSFER goes, e.g. 县法律援助中心. */
  readonly transferTo?: string;
  /** Unit to dispatch to instead of the tier's default. */
  readonly unit?: string;
}

const DUE_DAYS: Readonly<Record<DisputeSeverity, number>> = { ORDINARY: 3, MAJOR: 20 };

const STATUS_OF_STEP: Readonly<Record<DisputeStep, DisputeStatus>> = {
  INTAKE: 'REGISTERED',
  DISPATCH: 'DISPATCHED',
  ACCEPT: 'ACCEPTED',
  SUPERVISE: 'ACCEPTED',
  ESCALATE: 'ACCEPTED',
  RESOLVE: 'RESOLVED',
  FAIL: 'UNRESOLVED',
  TRANSFER: 'TRANSFERRED',
  EVALUATE: 'EVALUATED',
  VERIFY: 'VERIFIED',
};

/** Return-visit ratings: most satisfied (the centres report 95%+ satisfaction). */
function rating(world: CountyWorld): Satisfaction {
  const r = world.rng.next();
  return r < 0.82 ? 'SATISFIED' : r < 0.96 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED';
}

/**
 * A centre dispute ticket through the five-ticket cycle, cut at the as-of
 * date: intake → dispatch → accept → (supervise) → (escalate) → resolve |
 * fail (→ transfer) → evaluate → verify. Returns null when it opens after
 * the as-of date.
 */
export function buildDispute(world: CountyWorld, plan: DisputePlan): Draft | null {
  const { rng, staff, asOf } = world;
  if (plan.openedAt >= asOf) return null;
  const q = plan.quarrel;
  const events: DisputeEvent[] = [];
  let last = plan.openedAt - 1;
  let tier = plan.tier;
  let unit = plan.unit ?? unitFor(world, q, tier);
  const centreUnit = tier === 'COUNTY' ? `${world.unitPrefix}综治中心` : `${q.town.town.name}综治中心`;
  const clerk = rng.pick(staff.centre);
  const mediator = rng.pick(staff.mediators[q.town.index] ?? staff.centre);
  const push = (step: DisputeStep, at: number, by: string, u: string, note: string | null, extra?: Partial<DisputeEvent>): void => {
    const time = Math.max(at, last + 1);
    last = time;
    if (time < asOf) events.push({ step, at: formatTime(time), by, unit: u, note, ...extra });
  };

  const intakeBy = plan.channel === 'GRID_PATROL' && q.cell ? q.cell.workerName : clerk;
  push('INTAKE', plan.openedAt, intakeBy, centreUnit, null);
  push('DISPATCH', plan.openedAt + 5 + rng.int(85), clerk, unit, null);
  push('ACCEPT', last + 10 + rng.int(tier === 'VILLAGE' ? 120 : 360), mediator, unit, null);
  const accepted = last;
  const dueAt = plan.openedAt + DUE_DAYS[plan.severity] * DAY;
  let outcomeAt = Math.max(plan.outcomeAt, accepted + 30);

  // The county centre supervises tickets running close to their deadline.
  const supervisePoint = plan.openedAt + Math.floor((dueAt - plan.openedAt) * 0.7);
  if (outcomeAt > supervisePoint && supervisePoint > accepted) {
    push('SUPERVISE', supervisePoint, rng.pick(staff.centre), `${world.unitPrefix}综治中心`, '督办：请于期限内办结并反馈');
  }
  if (plan.escalateTo !== undefined && plan.escalateTo !== tier) {
    const at = last + Math.max(30, Math.floor((outcomeAt - last) / 2));
    outcomeAt = Math.max(outcomeAt, at + 60);
    if (at < asOf) {
      tier = plan.escalateTo;
      unit = unitFor(world, q, tier);
    }
    push('ESCALATE', at, rng.pick(staff.centre), unit, `矛盾较为复杂，提级至${tier === 'COUNTY' ? '县级' : '镇级'}办理`, { tier: plan.escalateTo });
  }

  // Mutated by mark(): an object, since TypeScript does not follow closure writes to locals.
  const end: { at: number | null; status: MatterStatus } = { at: null, status: 'IN_PROGRESS' };
  let satisfaction: Satisfaction | null = null;
  const mark = (t: number, status: MatterStatus): void => {
    if (t < asOf) {
      end.at = t;
      end.status = status;
    }
  };
  if (plan.outcome === 'RESOLVE') {
    push('RESOLVE', outcomeAt, mediator, unit, plan.resolution ?? '经调解，双方达成一致意见，纠纷化解');
    mark(last, 'RESOLVED');
    const s = rating(world);
    push('EVALUATE', officeTime(rng, last, rng.between(1, 5)), clerk, centreUnit, '回访当事人', { satisfaction: s });
    if (last < asOf) satisfaction = s;
    push('VERIFY', officeTime(rng, last, rng.between(0, 2)), rng.pick(staff.centre), `${world.unitPrefix}综治中心`, '核查属实，归档');
  } else {
    push('FAIL', outcomeAt, mediator, unit, '双方分歧较大，调解未成');
    mark(last, 'UNRESOLVED');
    if (plan.outcome === 'TRANSFER') {
      push('TRANSFER', last + 30 + rng.int(300), clerk, centreUnit, `移交${plan.transferTo ?? '有关部门'}依法处理`);
      mark(last, 'TRANSFERRED');
    } else {
      push('VERIFY', officeTime(rng, last, rng.between(1, 3)), rng.pick(staff.centre), `${world.unitPrefix}综治中心`, '已告知当事人通过诉讼等途径解决');
    }
  }
  if (events.length <= 2) end.status = 'OPEN';

  const lastEvent = events[events.length - 1] as DisputeEvent;
  const record: Mutable<DisputeRecord> = {
    t: 'dispute',
    caseCode: '',
    title: q.title,
    category: q.category,
    division: q.town.town.code,
    openedAt: formatTime(plan.openedAt),
    dueAt: formatTime(dueAt),
    closedAt: end.at === null ? null : formatTime(end.at),
    summaryStatus: end.status,
    parties: plan.parties,
    origin: null,
    links: [],
    channel: plan.channel,
    description: `${q.detail}。${q.a.name}${q.ask}，双方多次协商未果，请求调解处理。`,
    tier,
    severity: plan.severity,
    assignedUnit: unit,
    cell: q.cell?.code ?? null,
    status: STATUS_OF_STEP[lastEvent.step],
    events,
    satisfaction,
  };
  return addDraft(world, 'GRID', record, plan.openedAt);
}
