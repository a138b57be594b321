import type { DisputeChannel, DisputeSeverity, DisputeTier, PartyRecord, PoliceIncidentRecord } from '../../subgraphs/shared/world/records.ts';
import { buildCourtCase } from '../matters/buildCourtCase.ts';
import { buildDispute, type DisputeOutcome } from '../matters/buildDispute.ts';
import { buildPetition } from '../matters/buildPetition.ts';
import { buildPoliceIncident } from '../matters/buildPoliceIncident.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, setOrigin, type Draft, type Mutable } from '../matters/Draft.ts';
import { makeQuarrel, sideA, sideB, type Quarrel } from '../matters/Quarrel.ts';
import { asRole } from '../matters/parties.ts';
import { officeInWindow, mostlyOnTime } from '../matters/when.ts';
import { Weighted } from '../random/Weighted.ts';
import { DAY, HOUR } from '../time/clock.ts';
import { nextOfficeTime, officeTime } from '../time/officeHours.ts';

const CHANNELS = new Weighted<DisputeChannel>([
  ['WALK_IN', 36], ['GRID_PATROL', 26], ['HOTLINE_12345', 15], ['ONLINE', 12], ['POLICE_110', 8], ['PETITION_TRANSFER', 3],
]);
const TIERS = new Weighted<DisputeTier>([['VILLAGE', 55], ['TOWN', 33], ['COUNTY', 12]]);

/**
 * The centre's everyday tickets. Tickets that came from a 110 call or a
 * petition get that matter too (the 5-10% of disputes that involve more
 * than one agency), and a few failed ones go on to court.
 */
export function standaloneDisputes(world: CountyWorld, count: number): void {
  const { rng } = world;
  for (let i = 0; i < count; i++) everydayTicket(world, null);
  // A backlog: tickets opened in the last weeks that are past their deadline
  // and still open at the as-of date (what overdue alerts are for).
  const stuck = Math.max(2, rng.round(count * 0.012));
  for (let i = 0; i < stuck; i++) everydayTicket(world, officeTime(rng, world.asOf - rng.between(6, 46) * DAY, 1));
}

/** One ticket; `stuckSince` opens it then and leaves it unresolved at the as-of date. */
function everydayTicket(world: CountyWorld, stuckSince: number | null): void {
  const { rng } = world;
  const q = makeQuarrel(world);
  const channel = stuckSince === null ? CHANNELS.pick(rng) : 'WALK_IN';
  let tier = TIERS.pick(rng);
  if ((q.category === 'MEDICAL' || q.category === 'LABOUR_WAGE') && tier === 'VILLAGE') tier = 'TOWN';
  const severity: DisputeSeverity = rng.chance(tier === 'COUNTY' ? 0.5 : 0.1) ? 'MAJOR' : 'ORDINARY';
  const parties: PartyRecord[] = [sideA(world, q, 'APPLICANT'), sideB(world, q, 'RESPONDENT')];
  let opened = stuckSince ?? officeInWindow(world);
  let origin: Draft | null = null;

  if (channel === 'POLICE_110') {
    origin = buildPoliceIncident(world, {
      town: q.town,
      channel: 'CALL_110',
      incidentCategory: 'DISPUTE',
      category: q.category,
      title: `${q.a.name}报警称与${q.bName}发生${q.topic.short}纠纷`,
      report: q.told,
      reporterName: q.a.name,
      place: q.a.address,
      parties: [asRole(parties[0] as PartyRecord, 'REPORTER'), asRole(parties[1] as PartyRecord, 'THIRD_PARTY')],
      receivedAt: opened - rng.between(2 * HOUR, 30 * HOUR),
      disposition: 'TRANSFERRED_TO_CENTER',
    });
    const closed = origin === null ? null : closedMinute(origin);
    if (closed === null) return;
    opened = nextOfficeTime(rng, closed);
  } else if (channel === 'PETITION_TRANSFER') {
    const registeredAt = opened - rng.between(2, 10) * DAY;
    origin = buildPetition(world, {
      kind: 'CLAIM',
      channel: rng.pick(['VISIT', 'ONLINE', 'LETTER'] as const),
      division: q.town.town.code,
      category: q.category,
      title: `${q.a.name}反映${q.topic.short}问题`,
      subject: `反映${q.topic.short}问题`,
      content: `${q.a.name}反映：${q.told}，${q.ask}。`,
      parties: [asRole(parties[0] as PartyRecord, 'PETITIONER')],
      respondentUnit: 'org' in q.b ? q.b.org.name : null,
      handlingUnit: `${world.unitPrefix}综治中心`,
      factsKey: `F-${world.county.code}-${++world.counters.facts}`,
      registeredAt,
      forwardDays: rng.between(1, 8),
      noticeDays: 0,
      result: 'DIVERTED',
      divertedTo: 'CENTRE',
      handlingDays: 0,
    });
    const forwarded = origin === null ? null : closedMinute(origin);
    if (forwarded === null) return;
    opened = forwarded + 30 + rng.int(300);
  }

  const outcome: DisputeOutcome = rng.chance(0.95) ? 'RESOLVE' : rng.chance(0.6) ? 'TRANSFER' : 'FAIL';
  const dueDays = severity === 'MAJOR' ? 20 : 3;
  const days =
    severity === 'MAJOR'
      ? mostlyOnTime(rng, [2, dueDays - 1], [dueDays, dueDays + 15], 0.07)
      : tier === 'VILLAGE'
        ? mostlyOnTime(rng, [0, 1], [3, 7], 0.04)
        : mostlyOnTime(rng, [0, 2], [3, 8], 0.07);
  const outcomeAt = stuckSince === null ? officeTime(rng, opened, days) : world.asOf + rng.between(3, 30) * DAY;
  const ticket = buildDispute(world, {
    quarrel: q,
    channel,
    tier,
    severity,
    parties,
    openedAt: opened,
    outcome,
    outcomeAt,
    ...(rng.chance(0.05) && tier !== 'COUNTY' ? { escalateTo: tier === 'VILLAGE' ? 'TOWN' : 'COUNTY' } : {}),
    resolution: resolutionText(q),
    transferTo: world.county.basicCourt,
  });
  if (ticket === null) return;
  if (origin !== null) {
    setOrigin(ticket, origin);
    if (channel === 'POLICE_110') {
      const incident = origin.record as Mutable<PoliceIncidentRecord>;
      origin.refs.push({ target: ticket, set: (code) => (incident.centerCaseCode = code) });
    }
  }
  const closed = closedMinute(ticket);
  if (outcome === 'TRANSFER' && closed !== null && rng.chance(0.7)) {
    litigate(world, q, ticket, closed);
  }
}

/** A failed ticket the applicant takes to court. */
function litigate(world: CountyWorld, q: Quarrel, ticket: Draft, after: number): void {
  const { rng } = world;
  const court = buildCourtCase(world, {
    division: q.town.town.code,
    category: q.category,
    title: `${q.a.name}诉${q.bName}${q.topic.cause}`,
    cause: q.topic.cause,
    procedure: 'SIMPLIFIED',
    parties: [sideA(world, q, 'PLAINTIFF'), sideB(world, q, 'DEFENDANT')],
    claimAmount: q.amount,
    receivedAt: after + rng.between(2, 20) * DAY,
    filingDays: rng.between(0, 6),
    decisionDays: rng.between(30, 85),
    outcome: rng.chance(0.5) ? 'JUDGMENT' : 'MEDIATED',
  });
  if (court !== null) setOrigin(court, ticket);
}

/** What the mediator wrote when the ticket was resolved. */
export function resolutionText(q: Quarrel): string {
  if (q.amount !== null) {
    return `经调解，${q.bName}同意于一个月内支付${q.a.name}${Math.round((q.amount * 0.8) / 100) * 100}元，双方达成一致`;
  }
  if (q.ask.startsWith('要求')) {
    return `经调解，${q.bName}同意${q.ask.slice(2).replace(q.bName, '')}，双方达成一致`;
  }
  return '经调解，双方互谅互让，达成和解';
}
