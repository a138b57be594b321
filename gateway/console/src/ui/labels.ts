import { ENUM_DESCRIPTIONS } from '../gql/enumDescriptions.ts';
import type { Agency } from '../gql/graphql.ts';

type EnumName = keyof typeof ENUM_DESCRIPTIONS;

/** The schema's description of an enum value (the subgraphs document every value in Chinese). */
export function describe(enumName: EnumName, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const values = ENUM_DESCRIPTIONS[enumName] as Record<string, string>;
  return values[value] ?? value;
}

/**
 * A short label: the description without its explanation in brackets; for
 * statuses and procedures, only its first clause (已登记，待派单 → 已登记),
 * the rest being what comes next rather than what it is.
 */
export function label(enumName: EnumName, value: string | null | undefined): string {
  const text = describe(enumName, value);
  let short = text.replace(/（[^）]*）/g, '').replace(/\([^)]*\)/g, '').trim();
  if (enumName.endsWith('Status') || enumName === 'CourtProcedure') short = short.split('，')[0]!.trim();
  return short || text;
}

export const AGENCY_NAMES: Record<Agency, string> = {
  GRID: '综治中心',
  PETITIONS: '信访',
  POLICE: '公安',
  COURTS: '法院',
  LEGAL_AID: '司法行政',
};

export const AGENCY_ORDER: readonly Agency[] = ['GRID', 'PETITIONS', 'POLICE', 'COURTS', 'LEGAL_AID'];

const AGENCY_BY_CODE: Record<string, Agency> = { ZZ: 'GRID', XF: 'PETITIONS', GA: 'POLICE', FY: 'COURTS', SF: 'LEGAL_AID' };

/** The agency that owns a case code (its agency part: ZZ, XF, GA, FY, SF). */
export function agencyOfCaseCode(caseCode: string): Agency | undefined {
  return AGENCY_BY_CODE[caseCode.split('-')[1] ?? ''];
}

export function agencyName(agency: string | null | undefined): string {
  return agency && agency in AGENCY_NAMES ? AGENCY_NAMES[agency as Agency] : '—';
}

export const ROLE_NAMES: Record<string, string> = {
  case_handler: '窗口受理员',
  grid_worker: '网格员',
  petitions_officer: '信访干部',
  police_officer: '民警',
  court_clerk: '法院书记员',
  legal_aid_officer: '法律援助工作人员',
  supervisor: '督导',
  auditor: '个人信息访问审计员',
};

export const SCOPE_NAMES: Record<string, string> = {
  'person:id_number': '完整身份证号码',
  'person:phone': '完整手机号码',
  'person:special_population': '特殊人群标签',
  'police:restricted': '公安内部信息（嫌疑人、案情）',
  'petitions:accuser': '控告人身份',
  'legalaid:finance': '经济困难审查信息',
};

export const GENDER_NAMES: Record<string, string> = { MALE: '男', FEMALE: '女' };
