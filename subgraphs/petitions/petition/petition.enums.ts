import { registerEnumType } from 'type-graphql';

/** 信访事项的类型 (信访工作条例 arts 29–31). */
export const PetitionKind = { SUGGESTION: 'SUGGESTION', ACCUSATION: 'ACCUSATION', CLAIM: 'CLAIM' } as const;
export type PetitionKind = (typeof PetitionKind)[keyof typeof PetitionKind];
registerEnumType(PetitionKind, {
  name: 'PetitionKind',
  description: '信访事项类型（《信访工作条例》第二十九条至第三十一条）',
  valuesConfig: {
    SUGGESTION: { description: '建议意见类' },
    ACCUSATION: { description: '检举控告类（控告人身份保密）' },
    CLAIM: { description: '申诉求决类' },
  },
});

export const PetitionChannel = { LETTER: 'LETTER', VISIT: 'VISIT', ONLINE: 'ONLINE', PHONE: 'PHONE' } as const;
export type PetitionChannel = (typeof PetitionChannel)[keyof typeof PetitionChannel];
registerEnumType(PetitionChannel, {
  name: 'PetitionChannel',
  description: '信访形式',
  valuesConfig: { LETTER: { description: '来信' }, VISIT: { description: '来访' }, ONLINE: { description: '网上信访' }, PHONE: { description: '电话' } },
});

/**
 * Where a petition is: REGISTERED → FORWARDED → ACCEPTED → DECIDED →
 * IN_REVIEW → REVIEWED → IN_SECOND_REVIEW → CLOSED; NOT_ACCEPTED and
 * DIVERTED end early (the world contract's PetitionStatus, value for value).
 */
export const PetitionStatus = {
  REGISTERED: 'REGISTERED',
  FORWARDED: 'FORWARDED',
  ACCEPTED: 'ACCEPTED',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  DIVERTED: 'DIVERTED',
  DECIDED: 'DECIDED',
  IN_REVIEW: 'IN_REVIEW',
  REVIEWED: 'REVIEWED',
  IN_SECOND_REVIEW: 'IN_SECOND_REVIEW',
  CLOSED: 'CLOSED',
} as const;
export type PetitionStatus = (typeof PetitionStatus)[keyof typeof PetitionStatus];
registerEnumType(PetitionStatus, {
  name: 'PetitionStatus',
  description: '信访事项办理状态',
  valuesConfig: {
    REGISTERED: { description: '已登记，待转送、交办（15 日内）' },
    FORWARDED: { description: '已转送、交办，待书面告知是否受理（15 日内）' },
    ACCEPTED: { description: '已受理，办理中（60 日内，可延长一次不超过 30 日）' },
    NOT_ACCEPTED: { description: '不予受理（已书面告知理由）' },
    DIVERTED: { description: '已导入诉讼、仲裁或综治中心调处等法定途径' },
    DECIDED: { description: '已出具书面处理意见（30 日内可申请复查）' },
    IN_REVIEW: { description: '复查中（30 日内答复）' },
    REVIEWED: { description: '已出具复查意见（30 日内可申请复核）' },
    IN_SECOND_REVIEW: { description: '复核中（30 日内答复）' },
    CLOSED: { description: '复核终结：同一事实和理由不再受理' },
  },
});

export const ForwardMode = { FORWARD: 'FORWARD', ASSIGN: 'ASSIGN' } as const;
export type ForwardMode = (typeof ForwardMode)[keyof typeof ForwardMode];
registerEnumType(ForwardMode, {
  name: 'ForwardMode',
  description: '转送或交办（《信访工作条例》第二十二条）',
  valuesConfig: { FORWARD: { description: '转送有权处理的机关、单位' }, ASSIGN: { description: '交办下级机关、单位' } },
});

export const DiversionTarget = { CENTRE: 'CENTRE', COURT: 'COURT', ARBITRATION: 'ARBITRATION' } as const;
export type DiversionTarget = (typeof DiversionTarget)[keyof typeof DiversionTarget];
registerEnumType(DiversionTarget, {
  name: 'DiversionTarget',
  description: '申诉求决类事项导入的法定途径（《信访工作条例》第二十八条、第三十一条）',
  valuesConfig: {
    CENTRE: { description: '综治中心（矛盾纠纷多元化解）' },
    COURT: { description: '人民法院（诉讼）' },
    ARBITRATION: { description: '仲裁（含劳动人事争议仲裁）' },
  },
});

export const PetitionDecisionOutcome = { SUPPORTED: 'SUPPORTED', PARTLY_SUPPORTED: 'PARTLY_SUPPORTED', NOT_SUPPORTED: 'NOT_SUPPORTED' } as const;
export type PetitionDecisionOutcome = (typeof PetitionDecisionOutcome)[keyof typeof PetitionDecisionOutcome];
registerEnumType(PetitionDecisionOutcome, {
  name: 'PetitionDecisionOutcome',
  description: '书面处理意见的结论（《信访工作条例》第三十二条）',
  valuesConfig: { SUPPORTED: { description: '予以支持' }, PARTLY_SUPPORTED: { description: '部分支持' }, NOT_SUPPORTED: { description: '不予支持' } },
});

export const PetitionReviewOutcome = { UPHELD: 'UPHELD', REVISED: 'REVISED' } as const;
export type PetitionReviewOutcome = (typeof PetitionReviewOutcome)[keyof typeof PetitionReviewOutcome];
registerEnumType(PetitionReviewOutcome, {
  name: 'PetitionReviewOutcome',
  description: '复查、复核的结论',
  valuesConfig: { UPHELD: { description: '维持原处理意见' }, REVISED: { description: '撤销或者变更原处理意见' } },
});

export const PetitionStep = {
  REGISTER: 'REGISTER',
  FORWARD: 'FORWARD',
  ACCEPT: 'ACCEPT',
  NOT_ACCEPT: 'NOT_ACCEPT',
  DIVERT: 'DIVERT',
  EXTEND: 'EXTEND',
  DECIDE: 'DECIDE',
  REQUEST_REVIEW: 'REQUEST_REVIEW',
  ANSWER_REVIEW: 'ANSWER_REVIEW',
  REQUEST_SECOND_REVIEW: 'REQUEST_SECOND_REVIEW',
  ANSWER_SECOND_REVIEW: 'ANSWER_SECOND_REVIEW',
  RATE: 'RATE',
} as const;
export type PetitionStep = (typeof PetitionStep)[keyof typeof PetitionStep];
registerEnumType(PetitionStep, {
  name: 'PetitionStep',
  description: '信访办理环节',
  valuesConfig: {
    REGISTER: { description: '登记' },
    FORWARD: { description: '转送、交办' },
    ACCEPT: { description: '告知受理' },
    NOT_ACCEPT: { description: '告知不予受理' },
    DIVERT: { description: '导入法定途径' },
    EXTEND: { description: '延长办理期限' },
    DECIDE: { description: '出具书面处理意见' },
    REQUEST_REVIEW: { description: '申请复查' },
    ANSWER_REVIEW: { description: '出具复查意见' },
    REQUEST_SECOND_REVIEW: { description: '申请复核' },
    ANSWER_SECOND_REVIEW: { description: '出具复核意见（终结）' },
    RATE: { description: '信访人评价' },
  },
});
