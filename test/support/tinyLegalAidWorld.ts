// A hand-built legal-services world small enough that every right answer is
// known: one case of each kind plus a lapsed labour mediation and an old
// agreement whose confirmation window has closed. People come from the tiny
// grid world, so tokens match across the two.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LegalAidCaseRecord, LegalAidFileRecord, PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { ID } from './tinyGridWorld.ts';

export { ID };

const party = (role: PartyRecord['role'], name: string, idNumber: string | null, kind: PartyRecord['kind'] = 'PERSON'): PartyRecord => ({
  role,
  kind,
  name,
  idNumber,
  phone: null,
  creditCode: kind === 'ORGANIZATION' ? '91420923MA4F000001' : null,
  firm: null,
});

const EMPLOYER = party('RESPONDENT', '云梦县某建材有限公司', null, 'ORGANIZATION');

function legalAidCase(over: Partial<LegalAidCaseRecord> & Pick<LegalAidCaseRecord, 'caseCode' | 'kind' | 'status' | 'appliedAt'>): LegalAidCaseRecord {
  return {
    t: 'legalAidCase',
    title: '张伟追索劳动报酬',
    category: 'LABOUR_WAGE',
    division: '420923100',
    openedAt: over.appliedAt,
    dueAt: null,
    closedAt: null,
    summaryStatus: 'IN_PROGRESS',
    parties: [party('APPLICANT', '张伟', ID.zhang), EMPLOYER],
    origin: null,
    links: [],
    organization: '云梦县法律援助中心',
    legalAid: null,
    mediation: null,
    arbitration: null,
    consultation: null,
    ...over,
  };
}

export const CODES = {
  legalAid: '420923-SF-2026-000001',
  oldAgreement: '420923-SF-2026-000002',
  arbitration: '420923-SF-2026-000003',
  consultation: '420923-SF-2026-000004',
  lapsedLabourMediation: '420923-SF-2026-000005',
} as const;

export const TINY_LEGAL_AID: LegalAidFileRecord[] = [
  { t: 'header', format: 1, synthetic: true, file: 'legalaid.ndjson', seed: 0, people: 4, asOf: '2026-11-01' },
  // Granted and represented: no deadline any more; arose from the centre's ticket 000003.
  legalAidCase({
    caseCode: CODES.legalAid,
    kind: 'LEGAL_AID',
    status: 'LAWYER_ASSIGNED',
    appliedAt: '2026-10-11T09:00:00+08:00',
    origin: '420923-ZZ-2026-000003',
    links: [{ caseCode: '420923-ZZ-2026-000003', reason: 'ORIGIN' }],
    legalAid: {
      matter: '劳动争议仲裁代理',
      decisionDueAt: '2026-10-18T09:00:00+08:00',
      decidedAt: '2026-10-13T10:00:00+08:00',
      decision: 'GRANTED',
      refusalReason: null,
      provisional: false,
      meansTestWaived: true,
      lawyer: { name: '周律', firm: '湖北云梦律师事务所', licenceNumber: '14209201810123456' },
      assignedAt: '2026-10-14T10:00:00+08:00',
    },
  }),
  // An agreement signed in August: its 30-day confirmation window closed in September.
  legalAidCase({
    caseCode: CODES.oldAgreement,
    kind: 'MEDIATION',
    status: 'AGREEMENT_SIGNED',
    title: '李强与邻居宅基地纠纷调解',
    category: 'LAND_HOMESTEAD',
    division: '420923101',
    parties: [party('APPLICANT', '李强', ID.li), party('RESPONDENT', '王五', null)],
    appliedAt: '2026-08-01T09:00:00+08:00',
    dueAt: '2026-08-31T09:00:00+08:00',
    closedAt: '2026-08-10T15:00:00+08:00',
    summaryStatus: 'RESOLVED',
    organization: '义堂镇张湾村人民调解委员会',
    mediation: {
      committee: '义堂镇张湾村人民调解委员会',
      mediator: '陈刚',
      result: 'AGREEMENT',
      failedAt: null,
      agreement: { signedAt: '2026-08-10T15:00:00+08:00', terms: '以界桩为准，王五拆除越界围墙', amountYuan: null, confirmationDeadline: '2026-09-09T15:00:00+08:00' },
      confirmedBy: null,
    },
  }),
  // Accepted on 10-20: the award is due 45 days later.
  legalAidCase({
    caseCode: CODES.arbitration,
    kind: 'LABOUR_ARBITRATION',
    status: 'ARBITRATING',
    title: '张伟与某建材公司劳动报酬争议仲裁',
    appliedAt: '2026-10-18T09:00:00+08:00',
    dueAt: '2026-12-04T10:00:00+08:00',
    organization: '云梦县劳动人事争议仲裁委员会',
    arbitration: {
      commission: '云梦县劳动人事争议仲裁委员会',
      arbitrator: '孙仲',
      acceptedAt: '2026-10-20T10:00:00+08:00',
      awardDueAt: '2026-12-04T10:00:00+08:00',
      extensionDays: 0,
      award: null,
      withdrawnAt: null,
    },
  }),
  legalAidCase({
    caseCode: CODES.consultation,
    kind: 'CONSULTATION',
    status: 'ANSWERED',
    title: '法律咨询：离婚财产分割',
    category: 'MARRIAGE_FAMILY',
    parties: [party('APPLICANT', '刘敏', ID.wife)],
    appliedAt: '2026-10-05T10:00:00+08:00',
    closedAt: '2026-10-05T10:30:00+08:00',
    summaryStatus: 'RESOLVED',
    organization: '云梦县公共法律服务中心',
    consultation: { question: '离婚时婚前房产如何分割？', answer: '婚前个人财产原则上归个人所有。' },
  }),
  // A labour mediation opened 10-01: its 15 days ran out on 10-16 without agreement.
  legalAidCase({
    caseCode: CODES.lapsedLabourMediation,
    kind: 'MEDIATION',
    status: 'MEDIATING',
    title: '刘敏追讨工资调解',
    parties: [party('APPLICANT', '刘敏', ID.wife), EMPLOYER],
    appliedAt: '2026-10-01T09:00:00+08:00',
    dueAt: '2026-10-16T09:00:00+08:00',
    organization: '城关镇劳动争议调解委员会',
    mediation: { committee: '城关镇劳动争议调解委员会', mediator: '吴磊', result: null, failedAt: null, agreement: null, confirmedBy: null },
  }),
];

/** Writes the tiny world's legal-aid file under `<dir>/world/`. */
export function writeTinyLegalAidWorld(dataDir: string): void {
  mkdirSync(join(dataDir, 'world'), { recursive: true });
  writeFileSync(join(dataDir, 'world', 'legalaid.ndjson'), TINY_LEGAL_AID.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
