// A hand-built petitions world small enough that every right answer is
// known: five petitions of the people in the tiny grid world, one of them
// closed by a second review, one overdue, one accusation, one collective
// claim diverted to court, and one repeat.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../../subgraphs/shared/identity/idNumber.ts';
import type { PartyRecord, PetitionRecord, PetitionsFileRecord } from '../../subgraphs/shared/world/records.ts';
import { ID } from './tinyGridWorld.ts';

export { ID };

/** Two of the six workers of the collective claim have ID numbers. */
export const WORKER = {
  wang: makeIdNumber('420923', '1980-04-01', 211),
  zhao: makeIdNumber('420923', '1978-11-12', 402),
};

export const XF = {
  /** Claim closed by a second review; origin the centre's ticket ZZ-000003. */
  closed: '420923-XF-2026-000001',
  /** Suggestion accepted 2026-08-20, handling due 2026-10-19: overdue. */
  overdue: '420923-XF-2026-000002',
  /** Accusation by 刘敏 (COMPLAINANT) against 李强, forwarded 2026-10-12: notice due 2026-10-27, overdue. */
  accusation: '420923-XF-2026-000003',
  /** Collective claim of six workers, diverted to court (follow-up FY-000010). */
  diverted: '420923-XF-2026-000004',
  /** Repeat of `overdue` (same facts), registered 2026-10-20. */
  repeat: '420923-XF-2026-000005',
};

export const COURT_FOLLOW_UP = '420923-FY-2026-000010';
export const GRID_ORIGIN = '420923-ZZ-2026-000003';

const person = (role: PartyRecord['role'], name: string, idNumber: string | null, phone: string | null = null): PartyRecord => ({
  role,
  kind: 'PERSON',
  name,
  idNumber,
  phone,
  creditCode: null,
  firm: null,
});

function petition(over: Partial<PetitionRecord> & Pick<PetitionRecord, 'caseCode' | 'registeredAt' | 'status' | 'summaryStatus'>): PetitionRecord {
  return {
    t: 'petition',
    title: '反映问题',
    category: 'OTHER',
    division: '420923100',
    openedAt: over.registeredAt,
    dueAt: null,
    closedAt: null,
    parties: [],
    origin: null,
    links: [],
    kind: 'CLAIM',
    channel: 'VISIT',
    subject: '反映问题',
    content: '信访内容',
    respondentUnit: null,
    handlingUnit: '城关镇人民政府',
    factsKey: `facts-${over.caseCode}`,
    repeatOf: null,
    forwardedAt: null,
    acceptanceNoticeAt: null,
    accepted: null,
    notAcceptedReason: null,
    divertedTo: null,
    handlingDueAt: null,
    extension: null,
    decidedAt: null,
    decision: null,
    rating: null,
    review: null,
    secondReview: null,
    ...over,
  };
}

export const TINY_PETITIONS: PetitionsFileRecord[] = [
  { t: 'header', format: 1, synthetic: true, file: 'petitions.ndjson', seed: 0, people: 4, asOf: '2026-11-01' },
  petition({
    caseCode: XF.closed,
    title: '张伟反映征地补偿款问题',
    category: 'LAND_HOMESTEAD',
    subject: '反映征地补偿款未足额发放问题',
    content: '城关镇征地补偿款少发 2 万元',
    respondentUnit: '城关镇人民政府',
    parties: [person('PETITIONER', '张伟', ID.zhang, '13800001234')],
    origin: GRID_ORIGIN,
    links: [{ caseCode: GRID_ORIGIN, reason: 'ORIGIN' }],
    factsKey: 'world-facts-land-zhang',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    registeredAt: '2026-03-02T09:00:00+08:00',
    forwardedAt: '2026-03-05T09:00:00+08:00',
    acceptanceNoticeAt: '2026-03-10T09:00:00+08:00',
    accepted: true,
    handlingDueAt: '2026-05-09T09:00:00+08:00',
    decidedAt: '2026-04-20T10:00:00+08:00',
    decision: { outcome: 'PARTLY_SUPPORTED', text: '补发差额部分' },
    rating: 'DISSATISFIED',
    review: { requestedAt: '2026-05-10T10:00:00+08:00', body: '云梦县人民政府', decidedAt: '2026-06-01T10:00:00+08:00', outcome: 'UPHELD' },
    secondReview: { requestedAt: '2026-06-20T10:00:00+08:00', body: '孝感市人民政府', decidedAt: '2026-07-10T10:00:00+08:00', outcome: 'UPHELD' },
    dueAt: '2026-07-20T10:00:00+08:00',
    closedAt: '2026-07-10T10:00:00+08:00',
  }),
  petition({
    caseCode: XF.overdue,
    kind: 'SUGGESTION',
    channel: 'LETTER',
    title: '建议修缮张湾村排水沟',
    category: 'NEIGHBOUR',
    division: '420923101',
    subject: '建议修缮张湾村排水沟',
    content: '雨季排水不畅',
    respondentUnit: '义堂镇人民政府',
    handlingUnit: '义堂镇人民政府',
    parties: [person('PETITIONER', '李强', ID.li, '13700009999')],
    factsKey: 'world-facts-drain-li',
    status: 'ACCEPTED',
    summaryStatus: 'IN_PROGRESS',
    registeredAt: '2026-08-10T10:00:00+08:00',
    forwardedAt: '2026-08-15T10:00:00+08:00',
    acceptanceNoticeAt: '2026-08-20T10:00:00+08:00',
    accepted: true,
    handlingDueAt: '2026-10-19T10:00:00+08:00',
    dueAt: '2026-10-19T10:00:00+08:00',
  }),
  petition({
    caseCode: XF.accusation,
    kind: 'ACCUSATION',
    channel: 'ONLINE',
    title: '检举村干部侵占集体资金',
    category: 'OTHER',
    division: '420923101',
    subject: '检举村干部侵占集体资金',
    content: '村委会账目不公开',
    respondentUnit: '义堂镇张湾村村民委员会',
    handlingUnit: '义堂镇纪委',
    parties: [person('COMPLAINANT', '刘敏', ID.wife, '13800005678'), person('RESPONDENT', '李强', ID.li)],
    status: 'FORWARDED',
    summaryStatus: 'IN_PROGRESS',
    registeredAt: '2026-10-10T09:00:00+08:00',
    forwardedAt: '2026-10-12T09:00:00+08:00',
    dueAt: '2026-10-27T09:00:00+08:00',
  }),
  petition({
    caseCode: XF.diverted,
    title: '六名工人讨要工资',
    category: 'LABOUR_WAGE',
    subject: '讨要拖欠工资',
    content: '某建筑公司拖欠六名工人工资共 12 万元',
    respondentUnit: '某建筑公司',
    parties: [
      person('PETITIONER', '王军', WORKER.wang),
      person('PETITIONER', '赵明', WORKER.zhao),
      person('PETITIONER', '孙力', null),
      person('PETITIONER', '周强', null),
      person('PETITIONER', '吴刚', null),
      person('PETITIONER', '郑伟', null),
      { role: 'RESPONDENT', kind: 'ORGANIZATION', name: '某建筑公司', idNumber: null, phone: null, creditCode: '91420923MA4KXXXX1X', firm: null },
    ],
    links: [{ caseCode: COURT_FOLLOW_UP, reason: 'FOLLOW_UP' }],
    status: 'DIVERTED',
    summaryStatus: 'TRANSFERRED',
    divertedTo: 'COURT',
    registeredAt: '2026-09-01T09:00:00+08:00',
    forwardedAt: '2026-09-03T09:00:00+08:00',
    dueAt: '2026-09-16T09:00:00+08:00',
    closedAt: '2026-09-03T09:00:00+08:00',
  }),
  petition({
    caseCode: XF.repeat,
    kind: 'SUGGESTION',
    channel: 'VISIT',
    title: '再次建议修缮张湾村排水沟',
    category: 'NEIGHBOUR',
    division: '420923101',
    subject: '建议修缮张湾村排水沟',
    content: '至今未修',
    respondentUnit: '义堂镇人民政府',
    parties: [person('PETITIONER', '李强', ID.li, '13700009999')],
    factsKey: 'world-facts-drain-li',
    repeatOf: XF.overdue,
    links: [{ caseCode: XF.overdue, reason: 'SAME_FACTS' }],
    status: 'REGISTERED',
    summaryStatus: 'OPEN',
    registeredAt: '2026-10-20T09:00:00+08:00',
    dueAt: '2026-11-04T09:00:00+08:00',
  }),
];

/** Writes the tiny world's petitions file under `<dir>/world/`. */
export function writeTinyPetitionsWorld(dataDir: string): void {
  mkdirSync(join(dataDir, 'world'), { recursive: true });
  writeFileSync(join(dataDir, 'world', 'petitions.ndjson'), TINY_PETITIONS.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
