// A hand-built police world small enough that every right answer is known:
// five incidents in two counties, at every stage, with each disposition that
// matters to the centre. People are the tiny grid world's, plus an outsider.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../../subgraphs/shared/identity/idNumber.ts';
import type { PartyRecord, PoliceFileRecord, PoliceIncidentRecord } from '../../subgraphs/shared/world/records.ts';
import { ID } from './tinyGridWorld.ts';

export const POLICE_ID = {
  ...ID,
  /** From Wuhan Jiang'an, not in the Yunmeng register. */
  outsider: makeIdNumber('420102', '1992-04-11', 37),
};

const party = (role: PartyRecord['role'], name: string, idNumber: string | null): PartyRecord => ({
  role,
  kind: 'PERSON',
  name,
  idNumber,
  phone: null,
  creditCode: null,
  firm: null,
});

const CHENGGUAN = '云梦县公安局城关派出所';
const YITANG = '云梦县公安局义堂派出所';

function incident(over: Partial<PoliceIncidentRecord> & Pick<PoliceIncidentRecord, 'caseCode' | 'incidentNumber' | 'receivedAt' | 'status'>): PoliceIncidentRecord {
  return {
    t: 'incident',
    title: '张伟报警称与李强发生排水纠纷',
    category: 'NEIGHBOUR',
    division: '420923100',
    openedAt: over.receivedAt,
    dueAt: null,
    closedAt: null,
    summaryStatus: 'OPEN',
    parties: [party('REPORTER', '张伟', ID.zhang)],
    origin: null,
    links: [],
    channel: 'CALL_110',
    incidentCategory: 'DISPUTE',
    place: '城关镇东方社区建设路 1 号',
    dispatchedAt: null,
    arrivedAt: null,
    handledAt: null,
    reportedBackAt: null,
    disposition: null,
    centerCaseCode: null,
    station: CHENGGUAN,
    officer: { name: '赵军', badgeNumber: '310123' },
    narrative: '张伟拨打110报警称：邻居李强堵塞排水沟，双方发生争执。',
    ...over,
  };
}

export const INCIDENT = {
  /** Mediated on site and closed; the neighbour is a suspect, the wife a witness. */
  mediated: '420923-GA-2026-000001',
  /** Handed to the centre's ticket 420923-ZZ-2026-000003 and closed. */
  transferred: '420923-GA-2026-000002',
  /** A theft in 义堂镇, officers on scene; the suspect is from outside the county. */
  onScene: '420923-GA-2026-000003',
  /** A 12345 transfer just received. */
  received: '420923-GA-2026-000004',
  /** A traffic accident in Wuhan Jiang'an, closed with no further action. */
  jiangan: '420102-GA-2026-000001',
} as const;

export const TINY_POLICE: PoliceFileRecord[] = [
  { t: 'header', format: 1, synthetic: true, file: 'police.ndjson', seed: 0, people: 5, asOf: '2026-11-01' },
  incident({
    caseCode: INCIDENT.mediated,
    incidentNumber: 'J420923202610010001',
    receivedAt: '2026-10-01T20:00:00+08:00',
    dispatchedAt: '2026-10-01T20:02:00+08:00',
    arrivedAt: '2026-10-01T20:15:00+08:00',
    handledAt: '2026-10-01T20:50:00+08:00',
    reportedBackAt: '2026-10-01T21:10:00+08:00',
    closedAt: '2026-10-01T21:30:00+08:00',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    disposition: 'MEDIATED_ON_SITE',
    parties: [party('REPORTER', '张伟', ID.zhang), party('SUSPECT', '李强', ID.li), party('WITNESS', '刘敏', ID.wife)],
    narrative: '2026年10月01日20:00，张伟拨打110报警称：邻居李强堵塞排水沟，双方发生争执。民警赵军于20:15到达现场，经现场调解，双方达成和解。',
  }),
  incident({
    caseCode: INCIDENT.transferred,
    incidentNumber: 'J420923202610010002',
    title: '张伟报警称与王五发生借款纠纷',
    category: 'CONTRACT_DEBT',
    receivedAt: '2026-10-01T22:00:00+08:00',
    dispatchedAt: '2026-10-01T22:03:00+08:00',
    arrivedAt: '2026-10-01T22:20:00+08:00',
    handledAt: '2026-10-01T23:00:00+08:00',
    reportedBackAt: '2026-10-01T23:20:00+08:00',
    closedAt: '2026-10-01T23:40:00+08:00',
    status: 'CLOSED',
    summaryStatus: 'TRANSFERRED',
    disposition: 'TRANSFERRED_TO_CENTER',
    centerCaseCode: '420923-ZZ-2026-000003',
    links: [{ caseCode: '420923-ZZ-2026-000003', reason: 'FOLLOW_UP' }],
    parties: [party('REPORTER', '张伟', ID.zhang), party('THIRD_PARTY', '王五', null)],
  }),
  incident({
    caseCode: INCIDENT.onScene,
    incidentNumber: 'J420923202610250001',
    title: '李强报称电动车被盗',
    category: 'OTHER',
    incidentCategory: 'THEFT',
    channel: 'WALK_IN',
    division: '420923101',
    place: '义堂镇集贸市场',
    station: YITANG,
    officer: { name: '孙涛', badgeNumber: '310456' },
    receivedAt: '2026-10-25T10:00:00+08:00',
    dispatchedAt: '2026-10-25T10:05:00+08:00',
    arrivedAt: '2026-10-25T10:40:00+08:00',
    status: 'ON_SCENE',
    summaryStatus: 'IN_PROGRESS',
    parties: [party('VICTIM', '李强', ID.li), party('SUSPECT', '周某', POLICE_ID.outsider)],
    narrative: '李强到所报案称：停放的电动车被盗。',
  }),
  incident({
    caseCode: INCIDENT.received,
    incidentNumber: 'J420923202610310001',
    title: '刘敏求助：老人走失',
    category: 'OTHER',
    incidentCategory: 'ASSISTANCE',
    channel: 'TRANSFER_12345',
    receivedAt: '2026-10-31T18:00:00+08:00',
    status: 'RECEIVED',
    summaryStatus: 'OPEN',
    parties: [party('REPORTER', '刘敏', ID.wife)],
    narrative: '刘敏经12345热线转来诉求称：家中老人走失。',
  }),
  incident({
    caseCode: INCIDENT.jiangan,
    incidentNumber: 'J420102202610200001',
    title: '周某报警称在后湖大道发生交通事故',
    category: 'TRAFFIC',
    incidentCategory: 'TRAFFIC_ACCIDENT',
    division: '420102017',
    place: '后湖大道与百步亭路交叉路口',
    station: '武汉市公安局江岸区分局交通警察大队',
    officer: { name: '钱峰', badgeNumber: '120789' },
    receivedAt: '2026-10-20T08:00:00+08:00',
    dispatchedAt: '2026-10-20T08:01:00+08:00',
    arrivedAt: '2026-10-20T08:09:00+08:00',
    handledAt: '2026-10-20T08:40:00+08:00',
    reportedBackAt: '2026-10-20T08:55:00+08:00',
    closedAt: '2026-10-20T09:10:00+08:00',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    disposition: 'NO_ACTION',
    parties: [party('REPORTER', '周某', POLICE_ID.outsider), party('THIRD_PARTY', '张伟', ID.zhang)],
  }),
];

/** Writes the tiny world's police file under `<dir>/world/`. */
export function writeTinyPoliceWorld(dataDir: string): void {
  mkdirSync(join(dataDir, 'world'), { recursive: true });
  writeFileSync(join(dataDir, 'world', 'police.ndjson'), TINY_POLICE.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
