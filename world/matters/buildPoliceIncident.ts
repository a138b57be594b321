import type {
  DisputeCategory,
  MatterStatus,
  PartyRecord,
  PoliceCategory,
  PoliceChannel,
  PoliceDisposition,
  PoliceIncidentRecord,
  PoliceStatus,
} from '../../subgraphs/shared/world/records.ts';
import type { TownPool } from '../population/TownPool.ts';
import { dayOf, formatDay, formatMaybe, formatTime } from '../time/clock.ts';
import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft, Mutable } from './Draft.ts';

export interface PolicePlan {
  readonly town: TownPool;
  readonly channel: PoliceChannel;
  readonly incidentCategory: PoliceCategory;
  readonly category: DisputeCategory;
  readonly title: string;
  /** What the caller reported (one sentence, no final 。). */
  readonly report: string;
  readonly reporterName: string;
  readonly place: string;
  readonly parties: readonly PartyRecord[];
  readonly receivedAt: number;
  readonly disposition: PoliceDisposition;
  /** Traffic accidents go to the traffic brigade, not the town station. */
  readonly traffic?: boolean;
  /** What the officer did, when the disposition's standard wording does not fit. */
  readonly action?: string;
}

const ACTION: Readonly<Record<PoliceDisposition, string>> = {
  MEDIATED_ON_SITE: '经现场调解，双方达成和解，当场履行完毕',
  TRANSFERRED_TO_CENTER: '经初步调解双方分歧较大，属民事纠纷，已告知双方并移交综治中心调处',
  ADMINISTRATIVE_CASE: '经初步调查，相关行为涉嫌违反治安管理处罚法，已受案调查',
  CRIMINAL_CASE: '经初步调查，案件涉嫌刑事犯罪，已移交刑侦部门立案侦查',
  NO_ACTION: '经核实，已当场处置完毕，报警人无其他诉求',
};

const SUMMARY: Readonly<Record<PoliceDisposition, MatterStatus>> = {
  MEDIATED_ON_SITE: 'RESOLVED',
  TRANSFERRED_TO_CENTER: 'TRANSFERRED',
  ADMINISTRATIVE_CASE: 'TRANSFERRED',
  CRIMINAL_CASE: 'TRANSFERRED',
  NO_ACTION: 'RESOLVED',
};

const hhmm = (t: number): string => formatTime(t).slice(11, 16);

/**
 * A 110 incident from call to closure, cut at the as-of date. Police work
 * in minutes: dispatch within a few minutes, arrival within half an hour,
 * closure the same day unless a case is opened.
 */
export function buildPoliceIncident(world: CountyWorld, plan: PolicePlan): Draft | null {
  const { rng, asOf, staff, county } = world;
  const seen = (t: number): number | null => (t < asOf ? t : null);
  const rural = plan.town.town.kind !== 'STREET' && !county.urban;
  const received = plan.receivedAt;
  const dispatched = received + 1 + rng.int(4);
  const arrived = dispatched + (rural ? 10 + rng.int(30) : 5 + rng.int(18));
  const handled = arrived + 20 + rng.int(160);
  const reportedBack = handled + 10 + rng.int(50);
  const casework = plan.disposition === 'ADMINISTRATIVE_CASE' || plan.disposition === 'CRIMINAL_CASE';
  const closed = reportedBack + (casework ? 1440 + rng.int(2 * 1440) : 10 + rng.int(230));

  const times: [number, PoliceStatus][] = [
    [received, 'RECEIVED'],
    [dispatched, 'DISPATCHED'],
    [arrived, 'ON_SCENE'],
    [handled, 'HANDLED'],
    [reportedBack, 'REPORTED_BACK'],
    [closed, 'CLOSED'],
  ];
  let status: PoliceStatus = 'RECEIVED';
  for (const [t, s] of times) if (t < asOf) status = s;
  const isClosed = status === 'CLOSED';
  const isHandled = handled < asOf;

  const officer = plan.traffic ? rng.pick(staff.traffic) : rng.pick(staff.officers[plan.town.index] ?? staff.traffic);
  const station = plan.traffic ? `${county.policeBureau}交通警察大队` : `${county.policeBureau}${plan.town.town.shortName}派出所`;
  const when = `${formatDay(dayOf(received)).replace(/^(\d+)-(\d+)-(\d+)$/u, '$1年$2月$3日')}${hhmm(received)}`;
  const narrative =
    `${when}，${plan.reporterName}${plan.channel === 'WALK_IN' ? '到所报案称' : plan.channel === 'TRANSFER_12345' ? '经12345热线转来诉求称' : '拨打110报警称'}：${plan.report}。` +
    `民警${officer.name}于${hhmm(arrived)}到达现场，${plan.action ?? ACTION[plan.disposition]}。`;

  const record: Mutable<PoliceIncidentRecord> = {
    t: 'incident',
    caseCode: '',
    title: plan.title,
    category: plan.category,
    division: plan.town.town.code,
    openedAt: formatTime(received),
    dueAt: null,
    closedAt: isClosed ? formatTime(closed) : null,
    summaryStatus: isClosed ? SUMMARY[plan.disposition] : status === 'RECEIVED' ? 'OPEN' : 'IN_PROGRESS',
    parties: plan.parties,
    origin: null,
    links: [],
    incidentNumber: '',
    channel: plan.channel,
    incidentCategory: plan.incidentCategory,
    place: plan.place,
    status,
    receivedAt: formatTime(received),
    dispatchedAt: formatMaybe(seen(dispatched)),
    arrivedAt: formatMaybe(seen(arrived)),
    handledAt: formatMaybe(seen(handled)),
    reportedBackAt: formatMaybe(seen(reportedBack)),
    disposition: isHandled ? plan.disposition : null,
    centerCaseCode: null,
    station,
    officer,
    narrative: isHandled ? narrative : narrative.slice(0, narrative.indexOf('。') + 1),
  };
  return addDraft(world, 'POLICE', record, received);
}

