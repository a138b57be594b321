import type { LegalAidCaseRecord, PartyRecord, PoliceIncidentRecord } from '../../subgraphs/shared/world/records.ts';
import { ROADS } from '../geo/placeNames.ts';
import { buildArbitration } from '../matters/buildArbitration.ts';
import { buildCourtCase } from '../matters/buildCourtCase.ts';
import { buildDispute } from '../matters/buildDispute.ts';
import { buildLegalAid } from '../matters/buildLegalAid.ts';
import { buildPoliceIncident } from '../matters/buildPoliceIncident.ts';
import { appeal, enforce } from '../matters/courtChain.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, minuteOf, setOrigin, type Mutable } from '../matters/Draft.ts';
import { agentParty, asRole, companyParty, personParty } from '../matters/parties.ts';
import { makeQuarrel } from '../matters/Quarrel.ts';
import { TOPICS } from '../matters/topics.ts';
import { nextOfficeTime, officeTime } from '../time/officeHours.ts';
import { endRepresentation, journeyStart, step, type JourneyDraft } from './Journey.ts';

const WAGE_TOPIC = TOPICS.LABOUR_WAGE[0];

/**
 * 欠薪: a worker calls 110 → the police hand it to the centre → labour
 * mediation fails within 15 days → legal aid (no means test, art 42) →
 * labour arbitration → the employer sues against the award → appeal →
 * enforcement. About one in five ends after the first instance (nobody
 * appeals).
 */
export function wageArrears(world: CountyWorld): JourneyDraft {
  const { rng, staff, unitPrefix } = world;
  // Unpaid wages on a building site: the classic migrant-worker case.
  const builder = rng.pick(world.companiesBySector.CONSTRUCTION.length > 0 ? world.companiesBySector.CONSTRUCTION : world.companies);
  const q = makeQuarrel(world, { category: 'LABOUR_WAGE', b: { org: companyParty(builder, 'RESPONDENT') }, ...(WAGE_TOPIC ? { topic: WAGE_TOPIC } : {}) });
  const j: JourneyDraft = { kind: 'WAGE_ARREARS', persons: [q.a], drafts: [], complete: false };
  const worker = personParty(world, q.a, 'APPLICANT', true);
  const employer: PartyRecord = 'org' in q.b ? q.b.org : personParty(world, q.b.person, 'RESPONDENT');
  const lawyer = rng.pick(staff.lawyers);
  const amount = q.amount ?? rng.between(80, 600) * 100;
  const fullChain = rng.chance(0.8);

  // 1. The 110 call from the site.
  const site = `${q.town.town.name}${rng.pick(ROADS)}${employer.name}工地`;
  const police = buildPoliceIncident(world, {
    town: q.town,
    channel: 'CALL_110',
    incidentCategory: 'DISPUTE',
    category: 'LABOUR_WAGE',
    title: `${q.a.name}报警称被${q.bName}拖欠工资`,
    report: `在${q.bName}承建的工地务工，工程结束后被拖欠工资${amount}元，老板拒不支付`,
    reporterName: q.a.name,
    place: site,
    parties: [asRole(worker, 'REPORTER'), asRole(employer, 'THIRD_PARTY')],
    receivedAt: journeyStart(world, 420),
    disposition: 'TRANSFERRED_TO_CENTER',
  });
  if (!step(j, police)) return j;
  const policeClosed = closedMinute(police);
  if (policeClosed === null) return j;

  // 2. The centre's ticket: labour mediation, which fails.
  const ticketOpened = nextOfficeTime(rng, policeClosed);
  const ticket = buildDispute(world, {
    quarrel: q,
    channel: 'POLICE_110',
    tier: rng.chance(0.7) ? 'TOWN' : 'COUNTY',
    severity: 'MAJOR',
    parties: [worker, asRole(employer, 'RESPONDENT')],
    openedAt: ticketOpened,
    outcome: 'TRANSFER',
    outcomeAt: officeTime(rng, ticketOpened, rng.between(8, 15)),
    transferTo: `${unitPrefix}法律援助中心`,
    unit: `${unitPrefix}人力资源和社会保障局`,
  });
  if (!step(j, ticket)) return j;
  setOrigin(ticket, police);
  const incident = police.record as Mutable<PoliceIncidentRecord>;
  police.refs.push({ target: ticket, set: (code) => (incident.centerCaseCode = code) });
  const ticketClosed = closedMinute(ticket);
  if (ticketClosed === null) return j;

  // 3. Legal aid: wage claims of migrant workers skip the means test.
  const aid = buildLegalAid(world, {
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.a.name}申请法律援助（追索劳动报酬纠纷）`,
    parties: [worker, asRole(employer, 'RESPONDENT')],
    appliedAt: officeTime(rng, ticketClosed, rng.between(1, 5)),
    organization: `${unitPrefix}法律援助中心`,
    matter: '追索劳动报酬仲裁及诉讼代理',
    decisionDays: rng.chance(0.95) ? rng.between(1, 6) : rng.between(8, 10),
    assignDays: rng.between(0, 3),
    provisional: rng.chance(0.05),
    meansTestWaived: true,
    lawyer,
    endsAt: null,
  });
  if (!step(j, aid)) return j;
  setOrigin(aid, ticket);
  const details = (aid.record as LegalAidCaseRecord).legalAid;
  if (details?.assignedAt == null || details.decidedAt === null) return j;
  const represented = Math.max(minuteOf(details.assignedAt), minuteOf(details.decidedAt));
  const agent = agentParty(lawyer);

  // 4. Labour arbitration, hosted at the centre.
  const awarded = Math.round((amount * rng.between(85, 100)) / 10000) * 100;
  const arbitration = buildArbitration(world, {
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.a.name}与${q.bName}劳动争议仲裁`,
    parties: [worker, agent, asRole(employer, 'RESPONDENT')],
    appliedAt: officeTime(rng, represented, rng.between(3, 10)),
    organization: `${unitPrefix}劳动人事争议仲裁委员会`,
    acceptDays: rng.between(1, 5),
    awardDays: rng.chance(0.9) ? rng.between(25, 44) : rng.between(46, 58),
    awardText: `裁决${q.bName}于裁决书生效之日起十日内支付${q.a.name}拖欠工资${awarded}元`,
    amountYuan: awarded,
  });
  if (!step(j, arbitration)) return j;
  setOrigin(arbitration, aid);
  const awardAt = closedMinute(arbitration);
  if (awardAt === null) return j;

  // 5. The employer sues against the award within 15 days.
  const first = buildCourtCase(world, {
    division: q.town.town.code,
    category: 'LABOUR_WAGE',
    title: `${q.bName}诉${q.a.name}追索劳动报酬纠纷`,
    cause: '追索劳动报酬纠纷',
    procedure: 'SIMPLIFIED',
    parties: [asRole(employer, 'PLAINTIFF'), asRole(worker, 'DEFENDANT'), agent],
    claimAmount: awarded,
    receivedAt: officeTime(rng, awardAt, rng.between(5, 14)),
    filingDays: rng.between(0, 6),
    decisionDays: rng.between(40, 85),
    outcome: 'JUDGMENT',
  });
  if (!step(j, first)) return j;
  setOrigin(first, arbitration);
  if (!fullChain) {
    j.complete = closedMinute(first) !== null;
    endRepresentation(world, aid, closedMinute(first));
    return j;
  }

  // 6. The employer appeals to the intermediate court; the judgment is upheld.
  const second = appeal(world, first, { appellantIndex: 0, outcome: 'JUDGMENT', decisionDays: rng.between(30, 85), agents: [agent] });
  if (!step(j, second)) return j;
  const secondClosed = closedMinute(second);
  endRepresentation(world, aid, secondClosed);
  if (secondClosed === null) return j;

  // 7. The employer still does not pay: the worker applies for enforcement.
  const enforcement = enforce(world, second, {
    isApplicant: (p) => p.name === q.a.name,
    outcome: rng.chance(0.75) ? 'ENFORCED' : 'TERMINATED',
    decisionDays: rng.between(30, 150),
    afterDays: rng.between(20, 60),
  });
  if (!step(j, enforcement)) return j;
  j.complete = closedMinute(enforcement) !== null;
  return j;
}
