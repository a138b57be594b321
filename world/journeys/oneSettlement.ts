import type { PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { buildArbitration } from '../matters/buildArbitration.ts';
import { buildCourtCase } from '../matters/buildCourtCase.ts';
import { buildDispute } from '../matters/buildDispute.ts';
import { buildPetition } from '../matters/buildPetition.ts';
import { buildPoliceIncident } from '../matters/buildPoliceIncident.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, linkBoth, linkOne, setOrigin, type Draft } from '../matters/Draft.ts';
import { agentParty, asRole, companyParty, personParty } from '../matters/parties.ts';
import { makeQuarrel } from '../matters/Quarrel.ts';
import { TOPICS } from '../matters/topics.ts';
import { dayOf } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';
import { journeyStart, step, type JourneyDraft } from './Journey.ts';

/**
 * 一案解三结, as the seed article tells it: a worker and a company fight on
 * several fronts at once (an award already under challenge in court, a
 * second arbitration, a petition about the delay). The centre takes the
 * petition up as a county-level ticket and the court holds a circuit trial
 * at the centre; one mediated settlement closes the lawsuit, and with it
 * the arbitration (withdrawn) and the petition, in three agencies. The
 * centre records the three as settled together. It began with a 110 call
 * the police answered by pointing the worker to arbitration, so the
 * worker has matters in all five agencies.
 */
export function oneSettlement(world: CountyWorld): JourneyDraft {
  const { rng, staff, unitPrefix, county } = world;
  const factories = world.companiesBySector.FACTORY;
  const employer = rng.pick(factories.length > 0 ? factories : world.companies);
  const q = makeQuarrel(world, { category: 'LABOUR_WAGE', b: { org: companyParty(employer, 'RESPONDENT') }, ...(TOPICS.LABOUR_WAGE[0] ? { topic: TOPICS.LABOUR_WAGE[0] } : {}) });
  const j: JourneyDraft = { kind: 'ONE_SETTLEMENT_THREE_MATTERS', persons: [q.a], drafts: [], complete: false };
  const worker = personParty(world, q.a, 'APPLICANT', true);
  const company: PartyRecord = 'org' in q.b ? q.b.org : personParty(world, q.b.person, 'RESPONDENT');
  const agent = agentParty(rng.pick(staff.lawyers));
  const amount = q.amount ?? rng.between(100, 600) * 100;
  const arbitrationUnit = `${unitPrefix}劳动人事争议仲裁委员会`;

  // The 110 call when the wages did not come: a matter for arbitration, not the police.
  const police = buildPoliceIncident(world, {
    town: q.town,
    channel: 'CALL_110',
    incidentCategory: 'DISPUTE',
    category: 'LABOUR_WAGE',
    title: `${q.a.name}报警称被${q.bName}拖欠工资`,
    report: `在${q.bName}工作，被拖欠工资${amount}元，多次讨要未果`,
    reporterName: q.a.name,
    place: `${q.town.town.name}${q.bName}厂区`,
    parties: [asRole(worker, 'REPORTER'), asRole(company, 'THIRD_PARTY')],
    receivedAt: journeyStart(world, 230),
    disposition: 'NO_ACTION',
    action: '经了解属劳动争议，已告知其向劳动人事争议仲裁委员会申请仲裁',
  });
  if (!step(j, police)) return j;
  const policeClosed = closedMinute(police);
  if (policeClosed === null) return j;

  // The first front: an award on unpaid wages...
  const firstAward = buildArbitration(world, {
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.a.name}与${q.bName}劳动争议仲裁`,
    parties: [worker, agent, asRole(company, 'RESPONDENT')],
    appliedAt: officeTime(rng, policeClosed, rng.between(3, 15)),
    organization: arbitrationUnit,
    acceptDays: rng.between(1, 5),
    awardDays: rng.between(25, 44),
    awardText: `裁决${q.bName}支付${q.a.name}工资${amount}元`,
    amountYuan: amount,
  });
  if (!step(j, firstAward)) return j;
  const awardAt = closedMinute(firstAward);
  if (awardAt === null) return j;

  // ...which the company challenges in court. Its outcome is the settlement, planned below.
  const lawsuitReceived = officeTime(rng, awardAt, rng.between(5, 14));
  const arbitration2Applied = officeTime(rng, lawsuitReceived, rng.between(5, 20));
  const petitionRegistered = officeTime(rng, arbitration2Applied, rng.between(3, 15));
  const forwardDays = rng.between(1, 7);
  const noticeDays = rng.between(1, 7);
  const ticketOpened = officeTime(rng, petitionRegistered, forwardDays + noticeDays + rng.between(2, 5));
  const settlement = officeTime(rng, ticketOpened, rng.between(5, 15));

  const lawsuit = buildCourtCase(world, {
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.bName}诉${q.a.name}追索劳动报酬纠纷`,
    cause: '追索劳动报酬纠纷',
    procedure: 'SIMPLIFIED',
    parties: [asRole(company, 'PLAINTIFF'), asRole(worker, 'DEFENDANT'), agent],
    claimAmount: amount,
    receivedAt: lawsuitReceived,
    filingDays: rng.between(0, 5),
    decisionDays: 0,
    decidedAt: settlement,
    outcome: 'MEDIATED',
    circuitTrial: true,
  });
  if (!step(j, lawsuit)) return j;
  setOrigin(lawsuit, firstAward);
  const settled = closedMinute(lawsuit);

  // The second front: severance pay, in arbitration when the settlement comes.
  const arbitration2 = buildArbitration(world, {
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.a.name}与${q.bName}经济补偿金争议仲裁`,
    parties: [worker, agent, asRole(company, 'RESPONDENT')],
    appliedAt: arbitration2Applied,
    organization: arbitrationUnit,
    acceptDays: rng.between(1, 5),
    awardDays: 44,
    awardText: '',
    amountYuan: null,
    withdrawAt: settlement + 60 + rng.int(180),
  });
  if (!step(j, arbitration2)) return j;

  // The third front: a petition about the drawn-out dispute.
  const petition = buildPetition(world, {
    kind: 'CLAIM',
    channel: 'VISIT',
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.a.name}反映${q.bName}拖欠工资长期未解决问题`,
    subject: '反映拖欠工资长期未解决问题',
    content: `${q.a.name}反映：${q.told}，仲裁和诉讼程序反复，问题长期得不到解决，${q.ask}。`,
    parties: [asRole(worker, 'PETITIONER')],
    respondentUnit: q.bName,
    handlingUnit: `${unitPrefix}人力资源和社会保障局`,
    factsKey: `F-${county.code}-${++world.counters.facts}`,
    registeredAt: petitionRegistered,
    forwardDays,
    noticeDays,
    result: 'DECIDED',
    // Answered the day after the settlement. Office times keep whole-day offsets,
    // so the acceptance notice falls exactly forwardDays + noticeDays after registration.
    handlingDays: dayOf(settlement) + 1 - (dayOf(petitionRegistered) + forwardDays + noticeDays),
    decision: { outcome: 'SUPPORTED', text: '经综治中心联合调处，双方已达成调解协议，信访人诉求已得到解决' },
    rating: 'SATISFIED',
  });
  if (!step(j, petition)) return j;

  // The centre's ticket that brought the fronts together.
  const ticket = buildDispute(world, {
    quarrel: q,
    channel: 'PETITION_TRANSFER',
    tier: 'COUNTY',
    severity: 'MAJOR',
    parties: [worker, asRole(company, 'RESPONDENT')],
    openedAt: ticketOpened,
    outcome: 'RESOLVE',
    outcomeAt: settlement + 30 + rng.int(170),
    resolution: '经县综治中心组织巡回审判，一揽子化解仲裁、诉讼、信访三起关联案件，双方达成调解协议',
    unit: `${unitPrefix}综治中心`,
  });
  if (!step(j, ticket)) return j;
  setOrigin(ticket, petition);
  // The centre sees the 110 record through the police platform link; the police do not see the ticket.
  linkOne(ticket, police, 'SAME_FACTS');
  linkOne(ticket, lawsuit, 'SAME_FACTS');
  linkOne(ticket, arbitration2, 'SAME_FACTS');

  if (settled === null) return j;
  // The settlement in the lawsuit closed the other two.
  linkBoth(lawsuit, arbitration2, 'SETTLES', 'SETTLED_BY');
  linkBoth(lawsuit, petition, 'SETTLES', 'SETTLED_BY');
  const recorded = settled + 120 + rng.int(240);
  if (recorded < world.asOf) {
    const by = rng.pick(staff.centre);
    const trio: Draft[] = [lawsuit, arbitration2, petition];
    for (let x = 0; x < trio.length; x++) {
      for (let y = x + 1; y < trio.length; y++) {
        world.centreLinks.push({ from: trio[x] as Draft, to: trio[y] as Draft, reason: 'SETTLED_TOGETHER', at: recorded, by });
      }
    }
  }
  j.complete = [lawsuit, arbitration2, petition, ticket].every((d) => closedMinute(d) !== null);
  return j;
}

