import type { PartyRecord, PoliceIncidentRecord } from '../../subgraphs/shared/world/records.ts';
import { ROADS } from '../geo/placeNames.ts';
import { buildCourtCase } from '../matters/buildCourtCase.ts';
import { buildDispute } from '../matters/buildDispute.ts';
import { buildMediation } from '../matters/buildMediation.ts';
import { buildPoliceIncident } from '../matters/buildPoliceIncident.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, linkOne, setOrigin, type Mutable } from '../matters/Draft.ts';
import { agentParty, asRole, companyParty, outsiderParty, personParty, pickOther } from '../matters/parties.ts';
import { makeQuarrel } from '../matters/Quarrel.ts';
import { decisionDays } from '../standalone/standaloneCourtCases.ts';
import { nextOfficeTime, officeTime } from '../time/officeHours.ts';
import { journeyStart, step, type JourneyDraft } from './Journey.ts';

/**
 * A road accident: 110 → the traffic police determine liability and send
 * the compensation dispute to the centre → the traffic-accident mediation
 * committee fails to bring driver, victim and insurer together → lawsuit
 * against the driver and the insurer.
 */
export function trafficAccident(world: CountyWorld): JourneyDraft {
  const { rng, staff, unitPrefix, county } = world;
  const q = makeQuarrel(world, { category: 'TRAFFIC' });
  // The other driver: a resident, or someone from elsewhere (with or without an ID number on file).
  const residentDriver = 'person' in q.b && rng.chance(0.7) ? q.b.person : null;
  const driver: PartyRecord = residentDriver !== null ? personParty(world, residentDriver, 'THIRD_PARTY') : outsiderParty(world, 'THIRD_PARTY', rng.chance(0.8), 'MALE');
  const persons = residentDriver !== null ? [q.a, residentDriver] : [q.a];
  const j: JourneyDraft = { kind: 'TRAFFIC_ACCIDENT', persons, drafts: [], complete: false };
  const victim = personParty(world, q.a, 'VICTIM', true);
  const insurer = companyParty(rng.pick(world.institutions.insurers), 'RESPONDENT');
  const amount = rng.between(80, 1500) * 100;
  const place = `${q.town.town.name}${rng.pick(ROADS)}与${rng.pick(ROADS)}交叉路口`;
  const witness = rng.chance(0.3) ? [personParty(world, pickOther(world, q.town, q.a), 'WITNESS')] : [];

  const police = buildPoliceIncident(world, {
    town: q.town,
    channel: 'CALL_110',
    incidentCategory: 'TRAFFIC_ACCIDENT',
    category: 'TRAFFIC',
    title: `${q.a.name}在${place}被车辆撞伤`,
    report: `在${place}被${driver.name}驾驶的小型轿车撞倒受伤，已送医救治`,
    reporterName: q.a.name,
    place,
    parties: [victim, driver, ...witness],
    receivedAt: journeyStart(world, 200),
    disposition: 'TRANSFERRED_TO_CENTER',
    traffic: true,
  });
  if (!step(j, police)) return j;
  const policeClosed = closedMinute(police);
  if (policeClosed === null) return j;

  // Liability is determined within about ten days; then the compensation dispute goes to the centre.
  const ticketOpened = officeTime(rng, policeClosed, rng.between(3, 12));
  const mediationOpened = nextOfficeTime(rng, ticketOpened);
  const failedAt = officeTime(rng, mediationOpened, rng.chance(0.9) ? rng.between(5, 17) : rng.between(19, 25));
  const applicant = asRole(victim, 'APPLICANT');
  const respondents = [asRole(driver, 'RESPONDENT'), insurer];
  const committee = `${unitPrefix}道路交通事故纠纷人民调解委员会`;
  const ticket = buildDispute(world, {
    quarrel: { ...q, title: `${q.a.name}与${driver.name}交通事故损害赔偿纠纷`, detail: `${q.a.name}在${place}被${driver.name}驾驶的车辆撞伤，交警认定${driver.name}负主要责任，双方就赔偿数额分歧较大` },
    channel: 'POLICE_110',
    tier: 'COUNTY',
    severity: 'MAJOR',
    parties: [applicant, ...respondents],
    openedAt: ticketOpened,
    outcome: 'TRANSFER',
    outcomeAt: failedAt + 30 + rng.int(200),
    transferTo: county.basicCourt,
    unit: committee,
  });
  if (!step(j, ticket)) return j;
  setOrigin(ticket, police);
  const incident = police.record as Mutable<PoliceIncidentRecord>;
  police.refs.push({ target: ticket, set: (code) => (incident.centerCaseCode = code) });

  const mediation = buildMediation(world, {
    division: q.town.town.code,
    category: 'TRAFFIC',
    title: `${q.a.name}与${driver.name}交通事故损害赔偿纠纷调解`,
    parties: [applicant, ...respondents],
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

  const procedure = amount > 100_000 ? 'ORDINARY' : 'SIMPLIFIED';
  const lawsuit = buildCourtCase(world, {
    division: q.town.town.code,
    category: 'TRAFFIC',
    title: `${q.a.name}诉${driver.name}、${insurer.name}机动车交通事故责任纠纷`,
    cause: '机动车交通事故责任纠纷',
    procedure,
    parties: [asRole(victim, 'PLAINTIFF'), asRole(driver, 'DEFENDANT'), asRole(insurer, 'DEFENDANT'), ...(rng.chance(0.5) ? [agentParty(rng.pick(staff.lawyers))] : [])],
    claimAmount: amount,
    receivedAt: officeTime(rng, ticketClosed, rng.between(3, 30)),
    filingDays: rng.between(0, 6),
    decisionDays: decisionDays(rng, procedure),
    outcome: rng.chance(0.5) ? 'MEDIATED' : 'JUDGMENT',
  });
  if (!step(j, lawsuit)) return j;
  setOrigin(lawsuit, ticket);
  linkOne(lawsuit, mediation, 'SAME_FACTS');
  j.complete = closedMinute(lawsuit) !== null;
  return j;
}
