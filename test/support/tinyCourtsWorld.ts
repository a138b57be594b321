// A hand-built courts world small enough that every right answer is known:
// Yunmeng's basic court (鄂0923) and Xiaogan's intermediate court (鄂09), one
// case at each stage, and one appeal → enforcement chain. The people are the
// tiny grid world's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourtCaseRecord, CourtsFileRecord, PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { ID } from './tinyGridWorld.ts';

export { ID };

const party = (role: PartyRecord['role'], name: string, idNumber: string | null): PartyRecord => ({
  role,
  kind: 'PERSON',
  name,
  idNumber,
  phone: null,
  creditCode: null,
  firm: null,
});

function courtCase(over: Partial<CourtCaseRecord> & Pick<CourtCaseRecord, 'caseCode' | 'procedure' | 'status' | 'receivedAt'>): CourtCaseRecord {
  return {
    t: 'courtCase',
    title: '张伟与李强民间借贷纠纷',
    category: 'CONTRACT_DEBT',
    division: '420923100',
    openedAt: over.receivedAt,
    dueAt: null,
    closedAt: null,
    summaryStatus: 'IN_PROGRESS',
    parties: [party('PLAINTIFF', '张伟', ID.zhang), party('DEFENDANT', '李强', ID.li)],
    origin: null,
    links: [],
    caseNumber: null,
    court: '云梦县人民法院',
    courtCode: '鄂0923',
    causeOfAction: '民间借贷纠纷',
    claimAmount: 50000,
    filedAt: null,
    judge: '陈法官',
    hearings: [],
    extensions: [],
    outcome: null,
    appealOf: null,
    appealedAs: null,
    confirms: null,
    enforces: null,
    ...over,
  };
}

export const CODES = {
  /** Ordinary, judgment on 2026-10-25: the appeal window is open until 2026-11-09. */
  judged: '420923-FY-2026-000001',
  /** Simplified, judgment on 2026-08-01: effective, appeal window long closed. */
  oldJudgment: '420923-FY-2026-000002',
  /** Small claims, judgment on 2026-10-28: single instance. */
  smallClaims: '420923-FY-2026-000003',
  /** Ordinary, filed 2026-06-01, one extension of 30 days. */
  pending: '420923-FY-2026-000004',
  /** Simplified, received 2026-10-20, not yet filed: the filing decision is overdue. */
  received: '420923-FY-2026-000005',
  /** Ordinary, judged 2026-03-10, appealed as `appeal`. */
  appealed: '420923-FY-2026-000006',
  /** Second instance of `appealed` at the intermediate court, judged 2026-06-20. */
  appeal: '420900-FY-2026-000001',
  /** Enforcement of `appeal`'s judgment, filed. */
  enforcement: '420923-FY-2026-000007',
  /** Judicial confirmation of a village mediation agreement, confirmed. */
  confirmation: '420923-FY-2026-000008',
  /** Pre-suit mediation, registered on receipt. */
  preSuit: '420923-FY-2026-000009',
  /** Filing refused. */
  refused: '420923-FY-2026-000010',
  /** The tiny grid world's ticket that went to court. */
  gridTicket: '420923-ZZ-2026-000003',
  /** The people's mediation case whose agreement `confirmation` confirms. */
  mediation: '420923-SF-2026-000002',
};

export const TINY_COURTS: CourtsFileRecord[] = [
  { t: 'header', format: 1, synthetic: true, file: 'courts.ndjson', seed: 0, people: 4, asOf: '2026-11-01' },
  courtCase({
    caseCode: CODES.judged,
    procedure: 'ORDINARY',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    receivedAt: '2026-10-10T09:00:00+08:00',
    filedAt: '2026-10-12T09:00:00+08:00',
    dueAt: '2027-04-12T23:59:59+08:00',
    closedAt: '2026-10-25T15:00:00+08:00',
    caseNumber: '（2026）鄂0923民初1号',
    outcome: 'JUDGMENT',
    hearings: [{ at: '2026-10-20T09:30:00+08:00', kind: 'TRIAL', place: '第三审判庭' }],
    origin: CODES.gridTicket,
    links: [{ caseCode: CODES.gridTicket, reason: 'ORIGIN' }],
  }),
  courtCase({
    caseCode: CODES.oldJudgment,
    procedure: 'SIMPLIFIED',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    title: '李强与张伟买卖合同纠纷',
    parties: [party('PLAINTIFF', '李强', ID.li), party('DEFENDANT', '张伟', ID.zhang)],
    receivedAt: '2026-06-01T09:00:00+08:00',
    filedAt: '2026-06-03T09:00:00+08:00',
    dueAt: '2026-09-03T23:59:59+08:00',
    closedAt: '2026-08-01T10:00:00+08:00',
    caseNumber: '（2026）鄂0923民初2号',
    outcome: 'JUDGMENT',
  }),
  courtCase({
    caseCode: CODES.smallClaims,
    procedure: 'SMALL_CLAIMS',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    claimAmount: 8000,
    receivedAt: '2026-09-20T09:00:00+08:00',
    filedAt: '2026-09-21T09:00:00+08:00',
    dueAt: '2026-11-21T23:59:59+08:00',
    closedAt: '2026-10-28T10:00:00+08:00',
    caseNumber: '（2026）鄂0923民初3号',
    outcome: 'JUDGMENT',
  }),
  courtCase({
    caseCode: CODES.pending,
    procedure: 'ORDINARY',
    status: 'FILED',
    title: '刘敏与李强房屋租赁合同纠纷',
    parties: [party('PLAINTIFF', '刘敏', ID.wife), party('DEFENDANT', '李强', ID.li), party('AGENT', '王律师', null)],
    receivedAt: '2026-05-28T09:00:00+08:00',
    filedAt: '2026-06-01T09:00:00+08:00',
    dueAt: '2026-12-31T23:59:59+08:00',
    caseNumber: '（2026）鄂0923民初4号',
    hearings: [
      { at: '2026-07-01T09:30:00+08:00', kind: 'PRE_TRIAL', place: '第一审判庭' },
      { at: '2026-09-01T09:30:00+08:00', kind: 'TRIAL', place: '第一审判庭' },
    ],
    extensions: [{ approvedAt: '2026-10-20T10:00:00+08:00', days: 30, reason: '案情复杂，需要延长审理期限' }],
  }),
  courtCase({
    caseCode: CODES.received,
    procedure: 'SIMPLIFIED',
    status: 'RECEIVED',
    division: '420923101',
    title: '李强与某建筑公司建设工程施工合同纠纷',
    parties: [party('PLAINTIFF', '李强', ID.li), { ...party('DEFENDANT', '某建筑公司', null), kind: 'ORGANIZATION', creditCode: '91420923MA4F000000' }],
    receivedAt: '2026-10-20T09:00:00+08:00',
    dueAt: '2026-10-27T09:00:00+08:00',
  }),
  courtCase({
    caseCode: CODES.appealed,
    procedure: 'ORDINARY',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    category: 'LABOUR_WAGE',
    title: '张伟与某建筑公司追索劳动报酬纠纷',
    causeOfAction: '追索劳动报酬纠纷',
    parties: [party('PLAINTIFF', '张伟', ID.zhang), { ...party('DEFENDANT', '某建筑公司', null), kind: 'ORGANIZATION' }],
    receivedAt: '2026-01-05T09:00:00+08:00',
    filedAt: '2026-01-06T09:00:00+08:00',
    dueAt: '2026-07-06T23:59:59+08:00',
    closedAt: '2026-03-10T10:00:00+08:00',
    caseNumber: '（2026）鄂0923民初5号',
    outcome: 'JUDGMENT',
    appealedAs: CODES.appeal,
    links: [{ caseCode: CODES.appeal, reason: 'APPEALED_AS' }],
  }),
  courtCase({
    caseCode: CODES.appeal,
    procedure: 'SECOND_INSTANCE',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    category: 'LABOUR_WAGE',
    title: '张伟与某建筑公司追索劳动报酬纠纷（二审）',
    causeOfAction: '追索劳动报酬纠纷',
    court: '孝感市中级人民法院',
    courtCode: '鄂09',
    judge: '周法官',
    parties: [{ ...party('APPELLANT', '某建筑公司', null), kind: 'ORGANIZATION' }, party('APPELLEE', '张伟', ID.zhang)],
    receivedAt: '2026-03-25T09:00:00+08:00',
    filedAt: '2026-03-28T09:00:00+08:00',
    dueAt: '2026-06-28T23:59:59+08:00',
    closedAt: '2026-06-20T10:00:00+08:00',
    caseNumber: '（2026）鄂09民终1号',
    outcome: 'JUDGMENT',
    appealOf: CODES.appealed,
    // The enforcement link is only on the enforcement's side: links are not guaranteed symmetric.
    links: [{ caseCode: CODES.appealed, reason: 'APPEAL_OF' }],
  }),
  courtCase({
    caseCode: CODES.enforcement,
    procedure: 'ENFORCEMENT',
    status: 'FILED',
    category: 'LABOUR_WAGE',
    title: '张伟申请执行某建筑公司追索劳动报酬纠纷',
    causeOfAction: '追索劳动报酬纠纷',
    parties: [party('APPLICANT', '张伟', ID.zhang), { ...party('RESPONDENT', '某建筑公司', null), kind: 'ORGANIZATION' }],
    receivedAt: '2026-07-08T09:00:00+08:00',
    filedAt: '2026-07-10T09:00:00+08:00',
    dueAt: '2027-01-10T23:59:59+08:00',
    caseNumber: '（2026）鄂0923执1号',
    enforces: CODES.appeal,
    links: [{ caseCode: CODES.appeal, reason: 'ENFORCES' }],
  }),
  courtCase({
    caseCode: CODES.confirmation,
    procedure: 'JUDICIAL_CONFIRMATION',
    status: 'CLOSED',
    summaryStatus: 'RESOLVED',
    category: 'NEIGHBOUR',
    title: '张伟与李强申请司法确认调解协议',
    causeOfAction: '申请司法确认调解协议',
    claimAmount: null,
    parties: [party('APPLICANT', '张伟', ID.zhang), party('APPLICANT', '李强', ID.li)],
    receivedAt: '2026-09-10T09:00:00+08:00',
    filedAt: '2026-09-10T10:00:00+08:00',
    dueAt: '2026-10-10T23:59:59+08:00',
    closedAt: '2026-09-20T10:00:00+08:00',
    caseNumber: '（2026）鄂0923民特1号',
    outcome: 'CONFIRMED',
    origin: '420923-ZZ-2026-000001',
    confirms: CODES.mediation,
    links: [
      { caseCode: '420923-ZZ-2026-000001', reason: 'ORIGIN' },
      { caseCode: CODES.mediation, reason: 'CONFIRMS' },
    ],
  }),
  courtCase({
    caseCode: CODES.preSuit,
    procedure: 'PRE_SUIT_MEDIATION',
    status: 'FILED',
    title: '刘敏与张伟物业服务合同纠纷',
    category: 'PROPERTY_MANAGEMENT',
    causeOfAction: '物业服务合同纠纷',
    parties: [party('APPLICANT', '刘敏', ID.wife), party('RESPONDENT', '张伟', ID.zhang)],
    receivedAt: '2026-10-30T09:00:00+08:00',
    filedAt: '2026-10-30T09:00:00+08:00',
    dueAt: '2026-11-29T23:59:59+08:00',
    caseNumber: '（2026）鄂0923民诉前调1号',
    hearings: [{ at: '2026-11-05T09:00:00+08:00', kind: 'MEDIATION', place: '诉讼服务中心调解室' }],
  }),
  courtCase({
    caseCode: CODES.refused,
    procedure: 'SIMPLIFIED',
    status: 'NOT_FILED',
    summaryStatus: 'REFUSED',
    receivedAt: '2026-09-01T09:00:00+08:00',
    dueAt: '2026-09-08T09:00:00+08:00',
    closedAt: '2026-09-05T09:00:00+08:00',
  }),
];

/** Writes the tiny world's courts file under `<dir>/world/`. */
export function writeTinyCourtsWorld(dataDir: string): void {
  mkdirSync(join(dataDir, 'world'), { recursive: true });
  writeFileSync(join(dataDir, 'world', 'courts.ndjson'), TINY_COURTS.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
