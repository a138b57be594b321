import { registerEnumType } from 'type-graphql';
import { labels } from '../../shared/world/labels.ts';
import { LINK_REASONS, type LegalAidKind as KindValue, type LegalAidStatus as StatusValue, type LinkReason } from '../../shared/world/records.ts';

export const LegalAidKind = {
  LEGAL_AID: 'LEGAL_AID',
  MEDIATION: 'MEDIATION',
  CONSULTATION: 'CONSULTATION',
  LABOUR_ARBITRATION: 'LABOUR_ARBITRATION',
} as const satisfies Record<KindValue, KindValue>;
export type LegalAidKind = KindValue;
registerEnumType(LegalAidKind, {
  name: 'LegalAidKind',
  description: '司法行政事项类别',
  valuesConfig: {
    LEGAL_AID: { description: '法律援助（法律援助法）' },
    MEDIATION: { description: '人民调解（人民调解法）' },
    CONSULTATION: { description: '法律咨询' },
    LABOUR_ARBITRATION: { description: '劳动人事争议仲裁（在综治中心设庭）' },
  },
});

export const LegalAidStatus = {
  APPLIED: 'APPLIED',
  GRANTED: 'GRANTED',
  REFUSED: 'REFUSED',
  LAWYER_ASSIGNED: 'LAWYER_ASSIGNED',
  MEDIATING: 'MEDIATING',
  AGREEMENT_SIGNED: 'AGREEMENT_SIGNED',
  MEDIATION_FAILED: 'MEDIATION_FAILED',
  ARBITRATING: 'ARBITRATING',
  AWARDED: 'AWARDED',
  WITHDRAWN: 'WITHDRAWN',
  ANSWERED: 'ANSWERED',
  CLOSED: 'CLOSED',
} as const satisfies Record<StatusValue, StatusValue>;
export type LegalAidStatus = StatusValue;
registerEnumType(LegalAidStatus, {
  name: 'LegalAidStatus',
  description: '司法行政事项状态',
  valuesConfig: {
    APPLIED: { description: '已申请，待决定（法律援助）、待受理（仲裁）或待答复（咨询）' },
    GRANTED: { description: '决定给予法律援助，待指派律师' },
    REFUSED: { description: '决定不予法律援助（书面说明理由）' },
    LAWYER_ASSIGNED: { description: '已指派律师，代理中（先行提供法律援助时可早于决定）' },
    MEDIATING: { description: '调解中' },
    AGREEMENT_SIGNED: { description: '已达成调解协议' },
    MEDIATION_FAILED: { description: '调解不成' },
    ARBITRATING: { description: '仲裁委已受理，审理中' },
    AWARDED: { description: '已作出仲裁裁决' },
    WITHDRAWN: { description: '已撤回仲裁申请' },
    ANSWERED: { description: '咨询已答复' },
    CLOSED: { description: '法律援助事项已办结' },
  },
});

/** The steps a case goes through; each is recorded with who and when. */
export const LegalAidStep = {
  APPLY: 'APPLY',
  GRANT: 'GRANT',
  REFUSE: 'REFUSE',
  ASSIGN_LAWYER: 'ASSIGN_LAWYER',
  CONCLUDE: 'CONCLUDE',
  SIGN_AGREEMENT: 'SIGN_AGREEMENT',
  FAIL_MEDIATION: 'FAIL_MEDIATION',
  CONFIRM_AGREEMENT: 'CONFIRM_AGREEMENT',
  ACCEPT: 'ACCEPT',
  EXTEND: 'EXTEND',
  AWARD: 'AWARD',
  WITHDRAW: 'WITHDRAW',
  ANSWER: 'ANSWER',
  REFER: 'REFER',
} as const;
export type LegalAidStep = (typeof LegalAidStep)[keyof typeof LegalAidStep];
registerEnumType(LegalAidStep, {
  name: 'LegalAidStep',
  description: '司法行政事项的办理环节',
  valuesConfig: {
    APPLY: { description: '申请登记' },
    GRANT: { description: '决定给予法律援助' },
    REFUSE: { description: '决定不予法律援助' },
    ASSIGN_LAWYER: { description: '指派律师' },
    CONCLUDE: { description: '法律援助办结' },
    SIGN_AGREEMENT: { description: '达成调解协议' },
    FAIL_MEDIATION: { description: '调解不成' },
    CONFIRM_AGREEMENT: { description: '调解协议经人民法院司法确认' },
    ACCEPT: { description: '仲裁受理' },
    EXTEND: { description: '仲裁延期' },
    AWARD: { description: '作出仲裁裁决' },
    WITHDRAW: { description: '撤回仲裁申请' },
    ANSWER: { description: '咨询答复' },
    REFER: { description: '转入后续事项（如调解不成转仲裁、申请法律援助）' },
  },
});

export const LegalAidDecision = { GRANTED: 'GRANTED', REFUSED: 'REFUSED' } as const;
export type LegalAidDecision = (typeof LegalAidDecision)[keyof typeof LegalAidDecision];
registerEnumType(LegalAidDecision, {
  name: 'LegalAidDecision',
  description: '法律援助机构的审查决定（法律援助法第四十三条）',
  valuesConfig: { GRANTED: { description: '给予法律援助' }, REFUSED: { description: '不予法律援助' } },
});

export const LegalAidMediationResult = { AGREEMENT: 'AGREEMENT', FAILED: 'FAILED' } as const;
export type LegalAidMediationResult = (typeof LegalAidMediationResult)[keyof typeof LegalAidMediationResult];
registerEnumType(LegalAidMediationResult, {
  name: 'LegalAidMediationResult',
  description: '人民调解结果',
  valuesConfig: { AGREEMENT: { description: '达成调解协议' }, FAILED: { description: '调解不成' } },
});

export const LegalAidMeansTestResult = { PASSED: 'PASSED', FAILED: 'FAILED', WAIVED: 'WAIVED' } as const;
export type LegalAidMeansTestResult = (typeof LegalAidMeansTestResult)[keyof typeof LegalAidMeansTestResult];
registerEnumType(LegalAidMeansTestResult, {
  name: 'LegalAidMeansTestResult',
  description: '经济困难审查结果',
  valuesConfig: {
    PASSED: { description: '符合经济困难标准' },
    FAILED: { description: '不符合经济困难标准' },
    WAIVED: { description: '免予经济困难审查（如农民工请求支付劳动报酬，法律援助法第四十二条）' },
  },
});

export const LegalAidLinkReason = Object.fromEntries(LINK_REASONS.map((r) => [r, r])) as { [K in LinkReason]: K };
export type LegalAidLinkReason = LinkReason;
registerEnumType(LegalAidLinkReason, {
  name: 'LegalAidLinkReason',
  description: '与其他事项的关联关系',
  valuesConfig: Object.fromEntries(LINK_REASONS.map((r) => [r, { description: labels.linkReason[r] }])),
});
