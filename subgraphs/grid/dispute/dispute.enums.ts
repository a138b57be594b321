import { registerEnumType } from 'type-graphql';

export const IntakeChannel = {
  WALK_IN: 'WALK_IN',
  HOTLINE_12345: 'HOTLINE_12345',
  POLICE_110: 'POLICE_110',
  GRID_PATROL: 'GRID_PATROL',
  PETITION_TRANSFER: 'PETITION_TRANSFER',
  ONLINE: 'ONLINE',
} as const;
export type IntakeChannel = (typeof IntakeChannel)[keyof typeof IntakeChannel];
registerEnumType(IntakeChannel, {
  name: 'IntakeChannel',
  description: '受理渠道',
  valuesConfig: {
    WALK_IN: { description: '窗口来访（无差别受理窗口）' },
    HOTLINE_12345: { description: '12345 热线转办' },
    POLICE_110: { description: '110 警情移交' },
    GRID_PATROL: { description: '网格员巡查上报' },
    PETITION_TRANSFER: { description: '信访转办' },
    ONLINE: { description: '网上受理' },
  },
});

export const Tier = { VILLAGE: 'VILLAGE', TOWN: 'TOWN', COUNTY: 'COUNTY' } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];
registerEnumType(Tier, {
  name: 'Tier',
  description: '办理层级',
  valuesConfig: { VILLAGE: { description: '村（社区）' }, TOWN: { description: '乡镇（街道）' }, COUNTY: { description: '县（市、区）' } },
});

export const Severity = { ORDINARY: 'ORDINARY', MAJOR: 'MAJOR' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];
registerEnumType(Severity, {
  name: 'Severity',
  description: '纠纷程度',
  valuesConfig: { ORDINARY: { description: '一般性矛盾纠纷' }, MAJOR: { description: '较大矛盾纠纷' } },
});

/** Where a ticket is in the cycle (派单 → 接单 → 督办 → 办结 → 评单 → 核单). */
export const DisputeStatus = {
  REGISTERED: 'REGISTERED',
  DISPATCHED: 'DISPATCHED',
  ACCEPTED: 'ACCEPTED',
  RESOLVED: 'RESOLVED',
  UNRESOLVED: 'UNRESOLVED',
  TRANSFERRED: 'TRANSFERRED',
  EVALUATED: 'EVALUATED',
  VERIFIED: 'VERIFIED',
} as const;
export type DisputeStatus = (typeof DisputeStatus)[keyof typeof DisputeStatus];
registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: '工单状态',
  valuesConfig: {
    REGISTERED: { description: '已登记，待派单' },
    DISPATCHED: { description: '已派单，待接单' },
    ACCEPTED: { description: '已接单，办理中' },
    RESOLVED: { description: '已化解办结，待回访评价' },
    UNRESOLVED: { description: '调解不成，待回访评价或移交' },
    TRANSFERRED: { description: '已移交诉讼或其他机构，待回访评价' },
    EVALUATED: { description: '已回访评价，待核单' },
    VERIFIED: { description: '已核单，归档' },
  },
});

export const DisputeStep = {
  INTAKE: 'INTAKE',
  DISPATCH: 'DISPATCH',
  ACCEPT: 'ACCEPT',
  SUPERVISE: 'SUPERVISE',
  ESCALATE: 'ESCALATE',
  RESOLVE: 'RESOLVE',
  FAIL: 'FAIL',
  TRANSFER: 'TRANSFER',
  EVALUATE: 'EVALUATE',
  VERIFY: 'VERIFY',
} as const;
export type DisputeStep = (typeof DisputeStep)[keyof typeof DisputeStep];
registerEnumType(DisputeStep, {
  name: 'DisputeStep',
  description: '工单环节',
  valuesConfig: {
    INTAKE: { description: '受理登记' },
    DISPATCH: { description: '派单' },
    ACCEPT: { description: '接单' },
    SUPERVISE: { description: '督办' },
    ESCALATE: { description: '提级办理' },
    RESOLVE: { description: '化解办结' },
    FAIL: { description: '调解不成' },
    TRANSFER: { description: '移交诉讼或其他机构' },
    EVALUATE: { description: '回访评单' },
    VERIFY: { description: '核单' },
  },
});
