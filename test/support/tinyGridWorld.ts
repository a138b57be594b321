// A hand-built grid world small enough that every right answer is known:
// three people in one household, a fourth in another town, and four tickets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../../subgraphs/shared/identity/idNumber.ts';
import type { DisputeRecord, GridFileRecord, PartyRecord } from '../../subgraphs/shared/world/records.ts';

export const ID = {
  /** DOMAIN.md's worked example: Yunmeng, male, born 1985-03-16. */
  zhang: '420923198503161235',
  wife: makeIdNumber('420923', '1987-07-02', 124),
  son: makeIdNumber('420923', '2012-05-20', 31),
  /** Lives in 义堂镇. */
  li: makeIdNumber('420923', '1970-01-09', 55),
};

const party = (role: PartyRecord['role'], name: string, idNumber: string | null, phone: string | null = null): PartyRecord => ({
  role,
  kind: 'PERSON',
  name,
  idNumber,
  phone,
  creditCode: null,
  firm: null,
});

function dispute(over: Partial<DisputeRecord> & Pick<DisputeRecord, 'caseCode' | 'openedAt' | 'status'>): DisputeRecord {
  return {
    t: 'dispute',
    title: '张伟与李强邻里排水纠纷',
    category: 'NEIGHBOUR',
    division: '420923100',
    dueAt: null,
    closedAt: null,
    summaryStatus: 'OPEN',
    parties: [party('APPLICANT', '张伟', ID.zhang, '13800001234'), party('RESPONDENT', '李强', ID.li)],
    origin: null,
    links: [],
    channel: 'WALK_IN',
    description: '排水沟堵塞引发争执',
    tier: 'VILLAGE',
    severity: 'ORDINARY',
    assignedUnit: '城关镇东方社区人民调解委员会',
    cell: '420923100001-01',
    events: [],
    satisfaction: null,
    ...over,
  };
}

export const TINY_GRID: GridFileRecord[] = [
  { t: 'header', format: 1, synthetic: true, file: 'grid.ndjson', seed: 0, people: 4, asOf: '2026-11-01' },
  {
    t: 'cell',
    code: '420923100001-01',
    name: '城关镇东方社区第1网格',
    division: '420923100',
    villageCode: '420923100001',
    villageName: '东方社区',
    villageKind: 'COMMUNITY',
    workerName: '王芳',
    workerPhone: '13900000001',
  },
  { t: 'household', id: '420923100001-01-0001', cell: '420923100001-01', division: '420923100', address: '城关镇东方社区建设路 1 号', head: ID.zhang },
  { t: 'person', idNumber: ID.zhang, name: '张伟', gender: 'MALE', birthDate: '1985-03-16', phone: '13800001234', address: '城关镇东方社区建设路 1 号', division: '420923100', cell: '420923100001-01', household: '420923100001-01-0001', relation: 'HEAD', tags: [] },
  { t: 'person', idNumber: ID.wife, name: '刘敏', gender: 'FEMALE', birthDate: '1987-07-02', phone: '13800005678', address: '城关镇东方社区建设路 1 号', division: '420923100', cell: '420923100001-01', household: '420923100001-01-0001', relation: 'SPOUSE', tags: [] },
  { t: 'person', idNumber: ID.son, name: '张小明', gender: 'MALE', birthDate: '2012-05-20', phone: null, address: '城关镇东方社区建设路 1 号', division: '420923100', cell: '420923100001-01', household: '420923100001-01-0001', relation: 'CHILD', tags: ['困境儿童'] },
  {
    t: 'cell',
    code: '420923101201-01',
    name: '义堂镇张湾村第1网格',
    division: '420923101',
    villageCode: '420923101201',
    villageName: '张湾村',
    villageKind: 'VILLAGE',
    workerName: '陈刚',
    workerPhone: '13900000002',
  },
  { t: 'household', id: '420923101201-01-0001', cell: '420923101201-01', division: '420923101', address: '义堂镇张湾村 8 组', head: ID.li },
  { t: 'person', idNumber: ID.li, name: '李强', gender: 'MALE', birthDate: '1970-01-09', phone: '13700009999', address: '义堂镇张湾村 8 组', division: '420923101', cell: '420923101201-01', household: '420923101201-01-0001', relation: 'HEAD', tags: [] },
  // Resolved at village level on time, satisfied, verified.
  dispute({
    caseCode: '420923-ZZ-2026-000001',
    openedAt: '2026-09-01T09:00:00+08:00',
    dueAt: '2026-09-04T23:59:59+08:00',
    closedAt: '2026-09-02T10:00:00+08:00',
    summaryStatus: 'RESOLVED',
    status: 'VERIFIED',
    satisfaction: 'SATISFIED',
    events: [
      { step: 'INTAKE', at: '2026-09-01T09:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null },
      { step: 'DISPATCH', at: '2026-09-01T09:30:00+08:00', by: '周洁', unit: '城关镇东方社区人民调解委员会', note: null },
      { step: 'ACCEPT', at: '2026-09-01T10:00:00+08:00', by: '吴磊', unit: '城关镇东方社区人民调解委员会', note: null },
      { step: 'RESOLVE', at: '2026-09-02T10:00:00+08:00', by: '吴磊', unit: '城关镇东方社区人民调解委员会', note: '双方达成协议' },
      { step: 'EVALUATE', at: '2026-09-05T10:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null, satisfaction: 'SATISFIED' },
      { step: 'VERIFY', at: '2026-09-06T10:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null },
    ],
  }),
  // Resolved late, at town level after escalation, basically satisfied.
  dispute({
    caseCode: '420923-ZZ-2026-000002',
    category: 'LAND_HOMESTEAD',
    title: '李强宅基地边界纠纷',
    division: '420923101',
    parties: [party('APPLICANT', '李强', ID.li), party('RESPONDENT', '某建筑公司', null)],
    openedAt: '2026-09-10T09:00:00+08:00',
    dueAt: '2026-09-13T23:59:59+08:00',
    closedAt: '2026-09-20T10:00:00+08:00',
    summaryStatus: 'RESOLVED',
    tier: 'TOWN',
    status: 'EVALUATED',
    satisfaction: 'BASICALLY_SATISFIED',
    assignedUnit: '义堂镇司法所',
    events: [
      { step: 'INTAKE', at: '2026-09-10T09:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null },
      { step: 'ESCALATE', at: '2026-09-12T09:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: '村级调解未果', tier: 'TOWN' },
      { step: 'DISPATCH', at: '2026-09-12T09:30:00+08:00', by: '周洁', unit: '义堂镇司法所', note: null },
      { step: 'ACCEPT', at: '2026-09-12T10:00:00+08:00', by: '陈刚', unit: '义堂镇司法所', note: null },
      { step: 'RESOLVE', at: '2026-09-20T10:00:00+08:00', by: '陈刚', unit: '义堂镇司法所', note: '重新勘界' },
      { step: 'EVALUATE', at: '2026-09-22T10:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null, satisfaction: 'BASICALLY_SATISFIED' },
    ],
  }),
  // Mediation failed, transferred to court, dissatisfied.
  dispute({
    caseCode: '420923-ZZ-2026-000003',
    category: 'CONTRACT_DEBT',
    title: '张伟追讨借款纠纷',
    openedAt: '2026-10-01T09:00:00+08:00',
    dueAt: '2026-10-21T23:59:59+08:00',
    closedAt: '2026-10-10T10:00:00+08:00',
    summaryStatus: 'TRANSFERRED',
    severity: 'MAJOR',
    status: 'EVALUATED',
    satisfaction: 'DISSATISFIED',
    events: [
      { step: 'INTAKE', at: '2026-10-01T09:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null },
      { step: 'DISPATCH', at: '2026-10-01T09:30:00+08:00', by: '周洁', unit: '城关镇东方社区人民调解委员会', note: null },
      { step: 'ACCEPT', at: '2026-10-01T10:00:00+08:00', by: '吴磊', unit: '城关镇东方社区人民调解委员会', note: null },
      { step: 'FAIL', at: '2026-10-08T10:00:00+08:00', by: '吴磊', unit: '城关镇东方社区人民调解委员会', note: '对方拒绝调解' },
      { step: 'TRANSFER', at: '2026-10-10T10:00:00+08:00', by: '吴磊', unit: '城关镇东方社区人民调解委员会', note: '引导诉讼' },
      { step: 'EVALUATE', at: '2026-10-12T10:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null, satisfaction: 'DISSATISFIED' },
    ],
  }),
  // Still open, accepted, due 2026-10-28: overdue from 2026-10-29 on.
  dispute({
    caseCode: '420923-ZZ-2026-000004',
    category: 'NEIGHBOUR',
    title: '刘敏噪音纠纷',
    parties: [party('APPLICANT', '刘敏', ID.wife)],
    openedAt: '2026-10-25T09:00:00+08:00',
    dueAt: '2026-10-28T23:59:59+08:00',
    summaryStatus: 'IN_PROGRESS',
    status: 'ACCEPTED',
    events: [
      { step: 'INTAKE', at: '2026-10-25T09:00:00+08:00', by: '周洁', unit: '云梦县综治中心', note: null },
      { step: 'DISPATCH', at: '2026-10-25T09:30:00+08:00', by: '周洁', unit: '城关镇东方社区人民调解委员会', note: null },
      { step: 'ACCEPT', at: '2026-10-25T10:00:00+08:00', by: '吴磊', unit: '城关镇东方社区人民调解委员会', note: null },
    ],
  }),
];

/** Writes the tiny world's grid file under `<dir>/world/`. */
export function writeTinyGridWorld(dataDir: string): void {
  mkdirSync(join(dataDir, 'world'), { recursive: true });
  writeFileSync(join(dataDir, 'world', 'grid.ndjson'), TINY_GRID.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
