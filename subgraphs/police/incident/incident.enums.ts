import { registerEnumType } from 'type-graphql';

// The value sets are the world records' (records.ts), so an imported incident
// and one received here have the same codes.

export const PoliceChannel = { CALL_110: 'CALL_110', WALK_IN: 'WALK_IN', TRANSFER_12345: 'TRANSFER_12345' } as const;
export type PoliceChannel = (typeof PoliceChannel)[keyof typeof PoliceChannel];
registerEnumType(PoliceChannel, {
  name: 'PoliceChannel',
  description: '接警渠道',
  valuesConfig: {
    CALL_110: { description: '110 报警电话' },
    WALK_IN: { description: '群众到派出所报案' },
    TRANSFER_12345: { description: '12345 热线转来' },
  },
});

export const PoliceCategory = {
  DISPUTE: 'DISPUTE',
  TRAFFIC_ACCIDENT: 'TRAFFIC_ACCIDENT',
  THEFT: 'THEFT',
  FRAUD: 'FRAUD',
  ASSAULT: 'ASSAULT',
  DOMESTIC_VIOLENCE: 'DOMESTIC_VIOLENCE',
  PUBLIC_ORDER: 'PUBLIC_ORDER',
  ASSISTANCE: 'ASSISTANCE',
  OTHER: 'OTHER',
} as const;
export type PoliceCategory = (typeof PoliceCategory)[keyof typeof PoliceCategory];
registerEnumType(PoliceCategory, {
  name: 'PoliceCategory',
  description: '警情类别',
  valuesConfig: {
    DISPUTE: { description: '纠纷' },
    TRAFFIC_ACCIDENT: { description: '交通事故' },
    THEFT: { description: '盗窃' },
    FRAUD: { description: '诈骗' },
    ASSAULT: { description: '殴打他人、故意伤害' },
    DOMESTIC_VIOLENCE: { description: '家庭暴力' },
    PUBLIC_ORDER: { description: '扰乱公共秩序' },
    ASSISTANCE: { description: '求助' },
    OTHER: { description: '其他' },
  },
});

export const PoliceDisposition = {
  MEDIATED_ON_SITE: 'MEDIATED_ON_SITE',
  TRANSFERRED_TO_CENTER: 'TRANSFERRED_TO_CENTER',
  ADMINISTRATIVE_CASE: 'ADMINISTRATIVE_CASE',
  CRIMINAL_CASE: 'CRIMINAL_CASE',
  NO_ACTION: 'NO_ACTION',
} as const;
export type PoliceDisposition = (typeof PoliceDisposition)[keyof typeof PoliceDisposition];
registerEnumType(PoliceDisposition, {
  name: 'PoliceDisposition',
  description: '处置结果',
  valuesConfig: {
    MEDIATED_ON_SITE: { description: '现场调解化解' },
    TRANSFERRED_TO_CENTER: { description: '非警务纠纷，移交综治中心调处' },
    ADMINISTRATIVE_CASE: { description: '受理为行政（治安）案件' },
    CRIMINAL_CASE: { description: '移交立为刑事案件' },
    NO_ACTION: { description: '已当场处置，无需进一步处理' },
  },
});

/** Where an incident is in 接警 → 派警 → 到场 → 处置 → 反馈 → 结警. */
export const PoliceIncidentStatus = {
  RECEIVED: 'RECEIVED',
  DISPATCHED: 'DISPATCHED',
  ON_SCENE: 'ON_SCENE',
  HANDLED: 'HANDLED',
  REPORTED_BACK: 'REPORTED_BACK',
  CLOSED: 'CLOSED',
} as const;
export type PoliceIncidentStatus = (typeof PoliceIncidentStatus)[keyof typeof PoliceIncidentStatus];
registerEnumType(PoliceIncidentStatus, {
  name: 'PoliceIncidentStatus',
  description: '警情状态',
  valuesConfig: {
    RECEIVED: { description: '已接警，待派警' },
    DISPATCHED: { description: '已派警，民警在途' },
    ON_SCENE: { description: '民警已到场' },
    HANDLED: { description: '已处置，待反馈' },
    REPORTED_BACK: { description: '已反馈，待结警' },
    CLOSED: { description: '已结警' },
  },
});

export const PoliceStep = {
  RECEIVE: 'RECEIVE',
  DISPATCH: 'DISPATCH',
  ARRIVE: 'ARRIVE',
  HANDLE: 'HANDLE',
  REPORT_BACK: 'REPORT_BACK',
  CLOSE: 'CLOSE',
} as const;
export type PoliceStep = (typeof PoliceStep)[keyof typeof PoliceStep];
registerEnumType(PoliceStep, {
  name: 'PoliceStep',
  description: '警情处理环节',
  valuesConfig: {
    RECEIVE: { description: '接警' },
    DISPATCH: { description: '派警' },
    ARRIVE: { description: '到场' },
    HANDLE: { description: '处置' },
    REPORT_BACK: { description: '反馈' },
    CLOSE: { description: '结警' },
  },
});
