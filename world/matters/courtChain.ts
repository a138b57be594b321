import type { CourtCaseRecord, CourtOutcome, PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { DAY } from '../time/clock.ts';
import { buildCourtCase } from './buildCourtCase.ts';
import type { CountyWorld } from './CountyWorld.ts';
import { closedMinute, linkBoth, type Draft, type Mutable } from './Draft.ts';
import { asRole } from './parties.ts';

const court = (d: Draft): Mutable<CourtCaseRecord> => d.record as Mutable<CourtCaseRecord>;

/** The principal parties of a case (agents left out). */
function principals(d: Draft): PartyRecord[] {
  return d.record.parties.filter((p) => p.role !== 'AGENT');
}

/**
 * An appeal (民终) against a closed first-instance judgment, filed within the
 * 15 days of art 171 and heard by the intermediate court; both cases record
 * the other (appealOf / appealedAs). `appellantIndex` picks which principal
 * party appeals.
 */
export function appeal(
  world: CountyWorld,
  first: Draft,
  options: { appellantIndex: number; outcome: CourtOutcome; decisionDays: number; agents?: readonly PartyRecord[] },
): Draft | null {
  const { rng } = world;
  const decided = closedMinute(first);
  if (decided === null) return null;
  const parties = principals(first);
  const appellant = parties[options.appellantIndex % parties.length] as PartyRecord;
  const others = parties.filter((p) => p !== appellant);
  const r = court(first);
  const second = buildCourtCase(world, {
    division: r.division,
    category: r.category,
    title: `${appellant.name}与${others.map((p) => p.name).join('、')}${r.causeOfAction}二审`,
    cause: r.causeOfAction,
    procedure: 'SECOND_INSTANCE',
    parties: [asRole(appellant, 'APPELLANT'), ...others.map((p) => asRole(p, 'APPELLEE')), ...(options.agents ?? [])],
    claimAmount: r.claimAmount,
    receivedAt: decided + rng.between(5, 14) * DAY,
    // The file travels from the basic court to the intermediate court first.
    filingDays: rng.between(10, 30),
    decisionDays: options.decisionDays,
    outcome: options.outcome,
  });
  if (second === null) return null;
  second.refs.push({ target: first, set: (code) => (court(second).appealOf = code) });
  first.refs.push({ target: second, set: (code) => (court(first).appealedAs = code) });
  linkBoth(second, first, 'APPEAL_OF', 'APPEALED_AS');
  return second;
}

/**
 * Enforcement (执) of a closed judgment or mediation, applied for by the
 * winner some weeks after the payment period ran out; filed at the basic
 * court. `isApplicant` picks the creditor among the basis's principals
 * (the first principal when none matches).
 */
export function enforce(
  world: CountyWorld,
  basis: Draft,
  options: { isApplicant: (p: PartyRecord) => boolean; outcome: CourtOutcome; decisionDays: number; afterDays: number; agents?: readonly PartyRecord[] },
): Draft | null {
  const { rng } = world;
  const decided = closedMinute(basis);
  if (decided === null) return null;
  const parties = principals(basis);
  const applicant = parties.find(options.isApplicant) ?? (parties[0] as PartyRecord);
  const others = parties.filter((p) => p !== applicant);
  const r = court(basis);
  const enforcement = buildCourtCase(world, {
    division: r.division,
    category: r.category,
    title: `${applicant.name}申请执行${others.map((p) => p.name).join('、')}${r.causeOfAction}`,
    cause: r.causeOfAction,
    procedure: 'ENFORCEMENT',
    parties: [asRole(applicant, 'APPLICANT'), ...others.map((p) => asRole(p, 'RESPONDENT')), ...(options.agents ?? [])],
    claimAmount: r.claimAmount,
    receivedAt: decided + options.afterDays * DAY,
    filingDays: rng.between(1, 6),
    decisionDays: options.decisionDays,
    outcome: options.outcome,
  });
  if (enforcement === null) return null;
  enforcement.refs.push({ target: basis, set: (code) => (court(enforcement).enforces = code) });
  linkBoth(enforcement, basis, 'ENFORCES', 'ENFORCED_BY');
  return enforcement;
}
