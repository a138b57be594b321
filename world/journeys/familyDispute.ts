import type { PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { buildCourtCase } from '../matters/buildCourtCase.ts';
import { buildDispute } from '../matters/buildDispute.ts';
import { buildLegalAid } from '../matters/buildLegalAid.ts';
import { buildMediation } from '../matters/buildMediation.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, minuteOf, setOrigin } from '../matters/Draft.ts';
import { agentParty, asRole, personParty } from '../matters/parties.ts';
import { makeQuarrel } from '../matters/Quarrel.ts';
import { TOPICS } from '../matters/topics.ts';
import { decisionDays } from '../standalone/standaloneCourtCases.ts';
import { nextOfficeTime, officeTime } from '../time/officeHours.ts';
import type { LegalAidCaseRecord } from '../../subgraphs/shared/world/records.ts';
import { endRepresentation, journeyStart, step, type JourneyDraft } from './Journey.ts';

/**
 * A family quarrel (divorce, or an elderly parent's support claim) found by
 * the grid → family mediation fails → the weaker party gets legal aid → the
 * court decides or mediates.
 */
export function familyDispute(world: CountyWorld): JourneyDraft {
  const { rng, staff, unitPrefix } = world;
  const topics = TOPICS.MARRIAGE_FAMILY;
  const topic = rng.chance(0.6) ? topics[0] : topics[1];
  const q = makeQuarrel(world, { category: 'MARRIAGE_FAMILY', ...(topic ? { topic } : {}) });
  const other = 'person' in q.b ? q.b.person : null;
  const j: JourneyDraft = { kind: 'FAMILY_DISPUTE', persons: other ? [q.a, other] : [q.a], drafts: [], complete: false };
  const a = personParty(world, q.a, 'APPLICANT', true);
  const b: PartyRecord = other ? personParty(world, other, 'RESPONDENT', true) : { ...(q.b as { org: PartyRecord }).org, role: 'RESPONDENT' };
  const cause = q.topic.cause;
  const committee = `${unitPrefix}婚姻家庭纠纷人民调解委员会`;

  const opened = journeyStart(world, 200);
  const mediationOpened = nextOfficeTime(rng, opened);
  const failedAt = officeTime(rng, mediationOpened, rng.between(3, 20));
  const ticket = buildDispute(world, {
    quarrel: q,
    channel: rng.chance(0.6) ? 'GRID_PATROL' : 'WALK_IN',
    tier: 'TOWN',
    severity: 'MAJOR',
    parties: [a, b],
    openedAt: opened,
    outcome: 'TRANSFER',
    outcomeAt: failedAt + 30 + rng.int(200),
    transferTo: `${unitPrefix}法律援助中心`,
    unit: committee,
  });
  if (!step(j, ticket)) return j;

  const mediation = buildMediation(world, {
    division: q.town.town.code,
    category: 'MARRIAGE_FAMILY',
    title: `${q.title}调解`,
    parties: [a, b],
    appliedAt: mediationOpened,
    organization: committee,
    mediator: rng.pick(staff.mediators[q.town.index] ?? staff.centre),
    days: 0,
    endAt: failedAt,
    result: 'FAILED',
    failedStatus: 'TRANSFERRED',
  });
  if (!step(j, mediation)) return j;
  setOrigin(mediation, ticket);
  const ticketClosed = closedMinute(ticket);
  if (ticketClosed === null) return j;

  const lawyer = rng.pick(staff.lawyers);
  const aid = buildLegalAid(world, {
    division: q.town.town.code,
    category: 'MARRIAGE_FAMILY',
    title: `${q.a.name}申请法律援助（${cause}）`,
    parties: [a, b],
    appliedAt: officeTime(rng, ticketClosed, rng.between(1, 10)),
    organization: `${unitPrefix}法律援助中心`,
    matter: `${cause}诉讼代理`,
    decisionDays: rng.between(1, 6),
    assignDays: rng.between(0, 3),
    provisional: false,
    meansTestWaived: false,
    lawyer,
    endsAt: null,
  });
  if (!step(j, aid)) return j;
  setOrigin(aid, ticket);
  const details = (aid.record as LegalAidCaseRecord).legalAid;
  if (details?.assignedAt == null) return j;

  const lawsuit = buildCourtCase(world, {
    division: q.town.town.code,
    category: 'MARRIAGE_FAMILY',
    title: `${q.a.name}诉${q.bName}${cause}`,
    cause,
    procedure: 'SIMPLIFIED',
    parties: [asRole(a, 'PLAINTIFF'), asRole(b, 'DEFENDANT'), agentParty(lawyer)],
    claimAmount: q.amount,
    receivedAt: officeTime(rng, minuteOf(details.assignedAt), rng.between(5, 20)),
    filingDays: rng.between(0, 6),
    decisionDays: decisionDays(rng, 'SIMPLIFIED'),
    outcome: rng.chance(0.5) ? 'MEDIATED' : 'JUDGMENT',
  });
  if (!step(j, lawsuit)) return j;
  setOrigin(lawsuit, aid);
  const closed = closedMinute(lawsuit);
  endRepresentation(world, aid, closed);
  j.complete = closed !== null;
  return j;
}
