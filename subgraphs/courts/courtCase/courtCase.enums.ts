import { registerEnumType } from 'type-graphql';
import type { CourtOutcome as CourtOutcomeRecord, CourtProcedure as CourtProcedureRecord, CourtStatus } from '../../shared/world/records.ts';

// Values equal the world records' (records.ts), so an imported case and a
// case made here carry the same codes; the `satisfies` clauses keep them in step.

export const CourtProcedure = {
  PRE_SUIT_MEDIATION: 'PRE_SUIT_MEDIATION',
  JUDICIAL_CONFIRMATION: 'JUDICIAL_CONFIRMATION',
  SMALL_CLAIMS: 'SMALL_CLAIMS',
  SIMPLIFIED: 'SIMPLIFIED',
  ORDINARY: 'ORDINARY',
  SECOND_INSTANCE: 'SECOND_INSTANCE',
  ENFORCEMENT: 'ENFORCEMENT',
} as const satisfies Record<CourtProcedureRecord, CourtProcedureRecord>;
export type CourtProcedure = (typeof CourtProcedure)[keyof typeof CourtProcedure];
registerEnumType(CourtProcedure, {
  name: 'CourtProcedure',
  description: '审理（办理）程序，决定案号类型代字和审理期限',
  valuesConfig: {
    PRE_SUIT_MEDIATION: { description: '诉前调解（民诉前调），30 日，经当事人同意可以延长' },
    JUDICIAL_CONFIRMATION: { description: '司法确认调解协议（民特，特别程序），立案之日起 30 日（民事诉讼法第 187 条）' },
    SMALL_CLAIMS: { description: '小额诉讼程序（民初），2 个月，可延长 1 个月，一审终审（第 165、168 条）' },
    SIMPLIFIED: { description: '简易程序（民初），3 个月，可延长 1 个月（第 164 条）' },
    ORDINARY: { description: '普通程序（民初），6 个月，院长批准可延长 6 个月，再延长报上级法院批准（第 152 条）' },
    SECOND_INSTANCE: { description: '第二审程序（民终），3 个月，特殊情况院长批准可延长（第 183 条）' },
    ENFORCEMENT: { description: '执行（执），立案之日起 6 个月内执结，特殊情况院长批准可延长' },
  },
});

export const CourtCaseStatus = {
  RECEIVED: 'RECEIVED',
  FILED: 'FILED',
  CLOSED: 'CLOSED',
  NOT_FILED: 'NOT_FILED',
} as const satisfies Record<CourtStatus, CourtStatus>;
export type CourtCaseStatus = (typeof CourtCaseStatus)[keyof typeof CourtCaseStatus];
registerEnumType(CourtCaseStatus, {
  name: 'CourtCaseStatus',
  description: '案件状态：收案 → 立案 → 结案；不予立案',
  valuesConfig: {
    RECEIVED: { description: '已收案，待审查立案（7 日内决定，民事诉讼法第 126 条）' },
    FILED: { description: '已立案，审理（办理）中' },
    CLOSED: { description: '已结案' },
    NOT_FILED: { description: '不予立案' },
  },
});

export const CourtOutcome = {
  JUDGMENT: 'JUDGMENT',
  MEDIATED: 'MEDIATED',
  WITHDRAWN: 'WITHDRAWN',
  CONFIRMED: 'CONFIRMED',
  NOT_CONFIRMED: 'NOT_CONFIRMED',
  MEDIATION_FAILED: 'MEDIATION_FAILED',
  ENFORCED: 'ENFORCED',
  TERMINATED: 'TERMINATED',
} as const satisfies Record<CourtOutcomeRecord, CourtOutcomeRecord>;
export type CourtOutcome = (typeof CourtOutcome)[keyof typeof CourtOutcome];
registerEnumType(CourtOutcome, {
  name: 'CourtOutcome',
  description: '结案方式',
  valuesConfig: {
    JUDGMENT: { description: '判决' },
    MEDIATED: { description: '调解结案（调解书、诉前调解达成协议）' },
    WITHDRAWN: { description: '撤诉、撤回申请或撤回上诉' },
    CONFIRMED: { description: '裁定调解协议有效（司法确认）' },
    NOT_CONFIRMED: { description: '裁定驳回司法确认申请' },
    MEDIATION_FAILED: { description: '诉前调解不成，可转立案诉讼' },
    ENFORCED: { description: '执行完毕' },
    TERMINATED: { description: '终结本次执行程序（无可供执行财产）' },
  },
});

export const CourtLevel = { BASIC: 'BASIC', INTERMEDIATE: 'INTERMEDIATE' } as const;
export type CourtLevel = (typeof CourtLevel)[keyof typeof CourtLevel];
registerEnumType(CourtLevel, {
  name: 'CourtLevel',
  description: '法院层级',
  valuesConfig: { BASIC: { description: '基层人民法院' }, INTERMEDIATE: { description: '中级人民法院' } },
});

export const CourtHearingKind = { MEDIATION: 'MEDIATION', PRE_TRIAL: 'PRE_TRIAL', TRIAL: 'TRIAL', CIRCUIT_TRIAL: 'CIRCUIT_TRIAL' } as const;
export type CourtHearingKind = (typeof CourtHearingKind)[keyof typeof CourtHearingKind];
registerEnumType(CourtHearingKind, {
  name: 'CourtHearingKind',
  description: '庭审或调解安排的类型',
  valuesConfig: {
    MEDIATION: { description: '调解' },
    PRE_TRIAL: { description: '庭前会议（证据交换）' },
    TRIAL: { description: '开庭审理' },
    CIRCUIT_TRIAL: { description: '巡回审判（如在综治中心、人民法庭以外的审判点开庭）' },
  },
});

export const CourtLimitApproval = { COURT_PRESIDENT: 'COURT_PRESIDENT', HIGHER_COURT: 'HIGHER_COURT', PARTIES_CONSENT: 'PARTIES_CONSENT' } as const;
export type CourtLimitApproval = (typeof CourtLimitApproval)[keyof typeof CourtLimitApproval];
registerEnumType(CourtLimitApproval, {
  name: 'CourtLimitApproval',
  description: '延长期限的批准方式',
  valuesConfig: {
    COURT_PRESIDENT: { description: '本院院长批准' },
    HIGHER_COURT: { description: '报请上级人民法院批准（普通程序延长 6 个月后仍需延长的）' },
    PARTIES_CONSENT: { description: '当事人同意（诉前调解）' },
  },
});

export const CourtPartyKind = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION' } as const;
export type CourtPartyKind = (typeof CourtPartyKind)[keyof typeof CourtPartyKind];
registerEnumType(CourtPartyKind, {
  name: 'CourtPartyKind',
  description: '当事人类别',
  valuesConfig: { PERSON: { description: '自然人' }, ORGANIZATION: { description: '法人或其他组织' } },
});

/** Every recorded step of a case: who (the signed-in user) did what, when. */
export const CourtCaseStep = {
  RECEIVE: 'RECEIVE',
  FILE: 'FILE',
  REFUSE_FILING: 'REFUSE_FILING',
  SCHEDULE_HEARING: 'SCHEDULE_HEARING',
  EXTEND_LIMIT: 'EXTEND_LIMIT',
  CLOSE: 'CLOSE',
  APPEALED: 'APPEALED',
  ENFORCEMENT_APPLIED: 'ENFORCEMENT_APPLIED',
} as const;
export type CourtCaseStep = (typeof CourtCaseStep)[keyof typeof CourtCaseStep];
registerEnumType(CourtCaseStep, {
  name: 'CourtCaseStep',
  description: '案件流程节点',
  valuesConfig: {
    RECEIVE: { description: '收案（起诉、申请或上诉材料接收）' },
    FILE: { description: '立案并编立案号' },
    REFUSE_FILING: { description: '裁定不予受理（不予立案）' },
    SCHEDULE_HEARING: { description: '排期开庭或调解' },
    EXTEND_LIMIT: { description: '延长审理（办理）期限' },
    CLOSE: { description: '结案' },
    APPEALED: { description: '当事人提起上诉（记录在一审案件上）' },
    ENFORCEMENT_APPLIED: { description: '当事人申请执行（记录在执行依据案件上）' },
  },
});
