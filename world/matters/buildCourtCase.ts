import type { CourtCaseTypeCode } from '../../subgraphs/shared/codes/courtCaseNumber.ts';
import type {
  CourtCaseRecord,
  CourtHearing,
  CourtOutcome,
  CourtProcedure,
  CourtStatus,
  DisputeCategory,
  MatterStatus,
  PartyRecord,
} from '../../subgraphs/shared/world/records.ts';
import { addMonths, DAY, formatMaybe, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft, Mutable } from './Draft.ts';

export interface CourtPlan {
  readonly division: string;
  readonly category: DisputeCategory;
  readonly title: string;
  readonly cause: string;
  readonly procedure: CourtProcedure;
  readonly parties: readonly PartyRecord[];
  readonly claimAmount: number | null;
  readonly receivedAt: number;
  /** Days from receipt to filing (≤ 7 on time, art 126). */
  readonly filingDays: number;
  /** Days from filing to the outcome. */
  readonly decisionDays: number;
  /** Exact instant of the outcome (overrides `decisionDays`), for journeys that must line up. */
  readonly decidedAt?: number;
  readonly outcome: CourtOutcome;
  /** Filing refused (rare). */
  readonly notFiled?: boolean;
  /** Hearings before the outcome; the last is a circuit trial when set. */
  readonly circuitTrial?: boolean;
}

/** Time limits by procedure (民事诉讼法 2023) in months, or days where the law counts days. */
const LIMIT: Readonly<Record<CourtProcedure, { months?: number; days?: number; extension: number }>> = {
  PRE_SUIT_MEDIATION: { days: 30, extension: 0 },
  JUDICIAL_CONFIRMATION: { days: 30, extension: 0 },
  SMALL_CLAIMS: { months: 2, extension: 30 },
  SIMPLIFIED: { months: 3, extension: 30 },
  ORDINARY: { months: 6, extension: 180 },
  SECOND_INSTANCE: { months: 3, extension: 90 },
  ENFORCEMENT: { months: 6, extension: 90 },
};

export const TYPE_CODE: Readonly<Record<CourtProcedure, CourtCaseTypeCode>> = {
  PRE_SUIT_MEDIATION: '民诉前调',
  JUDICIAL_CONFIRMATION: '民特',
  SMALL_CLAIMS: '民初',
  SIMPLIFIED: '民初',
  ORDINARY: '民初',
  SECOND_INSTANCE: '民终',
  ENFORCEMENT: '执',
};

const SUMMARY: Readonly<Record<CourtOutcome, MatterStatus>> = {
  JUDGMENT: 'RESOLVED',
  MEDIATED: 'RESOLVED',
  WITHDRAWN: 'RESOLVED',
  CONFIRMED: 'RESOLVED',
  NOT_CONFIRMED: 'UNRESOLVED',
  MEDIATION_FAILED: 'TRANSFERRED',
  ENFORCED: 'RESOLVED',
  TERMINATED: 'UNRESOLVED',
};

/** The limit's end counted from filing, before extensions. */
export function limitFrom(procedure: CourtProcedure, filed: number): number {
  const l = LIMIT[procedure];
  return l.months !== undefined ? addMonths(filed, l.months) : filed + (l.days ?? 30) * DAY;
}

/**
 * A court case from receipt to outcome, cut at the as-of date. Cases that
 * run past their limit get an approved extension (most) or run overdue.
 */
export function buildCourtCase(world: CountyWorld, plan: CourtPlan): Draft | null {
  const { rng, asOf, staff, county } = world;
  const seen = (t: number): number | null => (t < asOf ? t : null);
  const appeal = plan.procedure === 'SECOND_INSTANCE';
  const received = plan.receivedAt;
  // Pre-suit mediation is registered on receipt.
  const filedPlan = plan.procedure === 'PRE_SUIT_MEDIATION' ? received + 1 : officeTime(rng, received, plan.filingDays);
  const filed = plan.notFiled ? null : seen(filedPlan);
  const decidedPlan = Math.max(plan.decidedAt ?? officeTime(rng, filedPlan, Math.max(1, plan.decisionDays)), filedPlan + 60);
  const decided = plan.notFiled ? null : seen(decidedPlan);

  const limit = limitFrom(plan.procedure, filedPlan);
  const extensions: { approvedAt: string; days: number; reason: string }[] = [];
  let due = filed === null ? received + 7 * DAY : limit;
  const extra = LIMIT[plan.procedure].extension;
  // Most cases that need longer get the extension approved; a few just run late.
  if (filed !== null && decidedPlan > limit && extra > 0 && rng.chance(0.85)) {
    const approvedAt = limit - (3 + rng.int(5)) * DAY;
    if (approvedAt < asOf && approvedAt > filedPlan) {
      extensions.push({ approvedAt: formatTime(approvedAt), days: extra, reason: '案情复杂，需要延长审理期限' });
      due = limit + extra * DAY;
    }
  }

  const hearings: CourtHearing[] = [];
  if (filed !== null) {
    const span = decidedPlan - filedPlan;
    const count = plan.procedure === 'ENFORCEMENT' || plan.procedure === 'JUDICIAL_CONFIRMATION' ? 0 : plan.procedure === 'ORDINARY' ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const last = i === count - 1;
      // A circuit trial settles the case on the spot: the outcome follows it the same day.
      const at = plan.circuitTrial && last ? decidedPlan - 90 : filedPlan + Math.floor((span * (i + 1)) / (count + 1));
      const kind: CourtHearing['kind'] =
        plan.circuitTrial && last ? 'CIRCUIT_TRIAL' : plan.procedure === 'PRE_SUIT_MEDIATION' ? 'MEDIATION' : count === 2 && i === 0 ? 'PRE_TRIAL' : 'TRIAL';
      const place = kind === 'CIRCUIT_TRIAL' ? `${world.unitPrefix}综治中心巡回审判点` : kind === 'MEDIATION' ? '诉讼服务中心调解室' : `第${rng.between(1, 8)}审判庭`;
      if (at < asOf && at > filedPlan) hearings.push({ at: formatTime(at), kind, place });
    }
  }

  let status: CourtStatus = 'RECEIVED';
  let summary: MatterStatus = 'IN_PROGRESS';
  let closed: number | null = null;
  if (plan.notFiled) {
    const refusedAt = seen(filedPlan);
    if (refusedAt !== null) {
      status = 'NOT_FILED';
      summary = 'REFUSED';
      closed = refusedAt;
    }
  } else if (decided !== null) {
    status = 'CLOSED';
    summary = SUMMARY[plan.outcome];
    closed = decided;
  } else if (filed !== null) {
    status = 'FILED';
  }

  const court = appeal ? county.intermediateCourt : county.basicCourt;
  const courtCode = appeal ? county.intermediateCourtCode : county.basicCourtCode;
  const record: Mutable<CourtCaseRecord> = {
    t: 'courtCase',
    caseCode: '',
    title: plan.title,
    category: plan.category,
    division: plan.division,
    openedAt: formatTime(received),
    dueAt: formatTime(due),
    closedAt: formatMaybe(closed),
    summaryStatus: summary,
    parties: plan.parties,
    origin: null,
    links: [],
    caseNumber: null,
    court,
    courtCode,
    procedure: plan.procedure,
    causeOfAction: plan.cause,
    claimAmount: plan.claimAmount,
    status,
    receivedAt: formatTime(received),
    filedAt: formatMaybe(filed),
    judge: rng.pick(appeal ? staff.appealJudges : staff.judges),
    hearings,
    extensions,
    outcome: decided === null ? null : plan.outcome,
    appealOf: null,
    appealedAs: null,
    confirms: null,
    enforces: null,
  };
  const draft = addDraft(world, 'COURTS', record, received, appeal ? county.cityCode : county.code);
  if (draft !== null && filed !== null) draft.courtNumber = { courtCode, typeCode: TYPE_CODE[plan.procedure], at: filed };
  return draft;
}
