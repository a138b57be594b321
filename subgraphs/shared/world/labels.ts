/**
 * Chinese display labels for the code values of the world records
 * (records.ts), so every subgraph shows the same words to case handlers.
 */
import type { DisputeCategory, LinkReason, MatterStatus, PartyRole, Satisfaction } from './records.ts';

export const labels = {
  category: {
    NEIGHBOUR: '邻里纠纷',
    MARRIAGE_FAMILY: '婚姻家庭纠纷',
    CONTRACT_DEBT: '合同债务纠纷',
    LABOUR_WAGE: '劳动争议和欠薪',
    LAND_HOMESTEAD: '土地和宅基地纠纷',
    INJURY_COMPENSATION: '人身损害赔偿纠纷',
    TRAFFIC: '道路交通事故纠纷',
    PROPERTY_MANAGEMENT: '物业纠纷',
    MEDICAL: '医疗纠纷',
    CONSUMER: '消费纠纷',
    OTHER: '其他纠纷',
  } satisfies Record<DisputeCategory, string>,
  status: {
    OPEN: '待办',
    IN_PROGRESS: '办理中',
    RESOLVED: '已化解',
    UNRESOLVED: '未化解',
    TRANSFERRED: '已移交',
    REFUSED: '不予受理',
  } satisfies Record<MatterStatus, string>,
  linkReason: {
    ORIGIN: '来源事项',
    FOLLOW_UP: '后续事项',
    APPEAL_OF: '上诉所涉一审案件',
    APPEALED_AS: '上诉案件',
    ENFORCES: '执行依据',
    ENFORCED_BY: '执行案件',
    CONFIRMS: '确认的调解协议',
    CONFIRMED_BY: '司法确认案件',
    SETTLES: '一并化解的事项',
    SETTLED_BY: '化解本事项的调解',
    SETTLED_TOGETHER: '一案解三结关联事项',
    SAME_FACTS: '同一事实关联事项',
  } satisfies Record<LinkReason, string>,
  partyRole: {
    APPLICANT: '申请人',
    RESPONDENT: '被申请人',
    PETITIONER: '信访人',
    COMPLAINANT: '投诉人、控告人',
    REPORTER: '报警人',
    VICTIM: '受害人',
    SUSPECT: '违法犯罪嫌疑人',
    WITNESS: '证人',
    PLAINTIFF: '原告',
    DEFENDANT: '被告',
    APPELLANT: '上诉人',
    APPELLEE: '被上诉人',
    THIRD_PARTY: '第三人',
    AGENT: '代理人',
  } satisfies Record<PartyRole, string>,
  satisfaction: {
    SATISFIED: '满意',
    BASICALLY_SATISFIED: '基本满意',
    DISSATISFIED: '不满意',
  } satisfies Record<Satisfaction, string>,
} as const;
