import type { DisputeCategory } from '../../subgraphs/shared/world/records.ts';

/** Who the other side of a dispute of this topic usually is. */
export type Against = 'PERSON' | 'NEIGHBOUR' | 'SPOUSE' | 'CHILD' | 'EMPLOYER' | 'PROPERTY' | 'SELLER' | 'HOSPITAL' | 'COMMITTEE' | 'LENDER';

/**
 * A kind of quarrel within a category, with the Chinese wording every agency
 * uses for it. In `detail` and `ask`, {A} is the applicant, {B} the other
 * side and {amount} a sum in yuan.
 */
export interface Topic {
  /** Used in titles: 张伟与李强{short}纠纷. */
  readonly short: string;
  readonly detail: string;
  readonly ask: string;
  /** 案由 when it reaches a court. */
  readonly cause: string;
  readonly against: Against;
  /** Sum at stake in yuan, or null. */
  readonly amount: readonly [number, number] | null;
}

const t = (short: string, against: Against, cause: string, detail: string, ask: string, amount: readonly [number, number] | null = null): Topic => ({
  short, detail, ask, cause, against, amount,
});

export const TOPICS: Readonly<Record<DisputeCategory, readonly Topic[]>> = {
  NEIGHBOUR: [
    t('排水', 'NEIGHBOUR', '相邻关系纠纷', '{B}在房屋西侧修建排水沟，雨水排入{A}院内，导致墙体受潮开裂', '要求{B}改道排水并赔偿损失'),
    t('通行', 'NEIGHBOUR', '相邻关系纠纷', '{B}在两家之间的公共通道上堆放建材，阻碍{A}家人车通行', '要求{B}清除障碍、恢复通行'),
    t('漏水', 'NEIGHBOUR', '相邻关系纠纷', '{B}家卫生间防水层损坏，持续向{A}家渗水，天花板发霉脱落', '要求{B}维修防水并赔偿装修损失{amount}元', [2000, 15000]),
    t('采光', 'NEIGHBOUR', '相邻关系纠纷', '{B}加盖房屋，遮挡{A}住宅采光', '要求{B}拆除加盖部分'),
    t('噪音', 'NEIGHBOUR', '相邻关系纠纷', '{B}夜间在家中从事加工作业，噪音严重影响{A}一家休息', '要求{B}停止夜间作业'),
    t('饲养犬只', 'NEIGHBOUR', '饲养动物损害责任纠纷', '{B}饲养的犬只多次咬死{A}家鸡鸭并惊吓老人小孩', '要求{B}拴养犬只并赔偿损失{amount}元', [300, 3000]),
    t('围墙', 'NEIGHBOUR', '相邻关系纠纷', '两家共用院墙倒塌，{A}与{B}对修缮费用分担意见不一', '要求{B}按比例分担修缮费用{amount}元', [1500, 8000]),
  ],
  MARRIAGE_FAMILY: [
    t('离婚', 'SPOUSE', '离婚纠纷', '{A}与{B}婚后长期分居、感情不和，因子女抚养和财产分割发生争执', '要求与{B}离婚并依法分割夫妻共同财产'),
    t('赡养', 'CHILD', '赡养纠纷', '{A}年老体弱，{B}未按约定支付赡养费、不履行照料义务', '要求{B}每月支付赡养费{amount}元', [300, 1500]),
    t('抚养费', 'SPOUSE', '抚养纠纷', '{A}与{B}离婚后，{B}未按时支付子女抚养费', '要求{B}支付拖欠的抚养费{amount}元', [3000, 30000]),
    t('遗产继承', 'PERSON', '法定继承纠纷', '父母去世后，{A}与{B}对老宅和存款的分配意见不一', '要求依法分割遗产'),
    t('家庭矛盾', 'SPOUSE', '婚姻家庭纠纷', '{A}与{B}因家务分担和照顾老人问题长期争吵，矛盾激化', '请求调解家庭矛盾'),
  ],
  CONTRACT_DEBT: [
    t('民间借贷', 'PERSON', '民间借贷纠纷', '{B}向{A}借款{amount}元，约定一年内归还，到期后多次催要无果', '要求{B}归还借款及利息', [5000, 200000]),
    t('货款', 'PERSON', '买卖合同纠纷', '{B}向{A}购买建材，尚欠货款{amount}元未付', '要求{B}支付剩余货款', [3000, 80000]),
    t('房屋租赁', 'PERSON', '房屋租赁合同纠纷', '{B}租住{A}的房屋，拖欠租金{amount}元', '要求{B}支付租金并腾退房屋', [2000, 20000]),
    t('装修合同', 'PERSON', '装饰装修合同纠纷', '{B}承包{A}家装修工程，完工后墙面开裂、地砖空鼓，{A}拒付尾款', '要求{B}返工或减少价款{amount}元', [3000, 30000]),
    t('借款担保', 'LENDER', '金融借款合同纠纷', '{A}为亲戚贷款提供担保，借款人逾期后{B}要求{A}承担还款责任', '对担保责任范围有异议，请求协商还款方案'),
  ],
  LABOUR_WAGE: [
    t('欠薪', 'EMPLOYER', '追索劳动报酬纠纷', '{A}在{B}务工期间被拖欠工资{amount}元，多次讨要无果', '要求{B}支付拖欠的工资', [6000, 60000]),
    t('工伤待遇', 'EMPLOYER', '劳动争议', '{A}在{B}工作期间受伤，{B}拒绝支付工伤待遇', '要求{B}支付医疗费和停工留薪期工资{amount}元', [10000, 80000]),
    t('解除劳动合同', 'EMPLOYER', '劳动争议', '{A}被{B}辞退，未获任何经济补偿', '要求{B}支付经济补偿金{amount}元', [8000, 50000]),
    t('社会保险', 'EMPLOYER', '劳动争议', '{A}在{B}工作三年，{B}一直未为其缴纳社会保险', '要求{B}补缴社会保险'),
  ],
  LAND_HOMESTEAD: [
    t('宅基地', 'NEIGHBOUR', '宅基地使用权纠纷', '{A}建房时与{B}对宅基地界址存在争议，双方多次发生口角', '要求确认宅基地界址'),
    t('土地承包', 'PERSON', '土地承包经营权纠纷', '{A}的承包地被{B}占用耕种多年', '要求{B}返还承包地'),
    t('征地补偿', 'COMMITTEE', '侵害集体经济组织成员权益纠纷', '{A}对{B}制定的征地补偿款分配方案有异议，认为少分了补偿款', '要求足额发放补偿款{amount}元', [10000, 120000]),
    t('土地流转', 'PERSON', '土地承包经营权出租合同纠纷', '{B}流转{A}家土地种植，未按约定支付流转费', '要求{B}支付流转费{amount}元', [1000, 12000]),
  ],
  INJURY_COMPENSATION: [
    t('人身损害', 'PERSON', '生命权、身体权、健康权纠纷', '{A}与{B}因琐事发生口角，{A}被{B}推倒致手臂骨折', '要求{B}赔偿医药费、误工费等{amount}元', [3000, 40000]),
    t('摔伤赔偿', 'SELLER', '违反安全保障义务责任纠纷', '{A}在{B}经营场所内因地面湿滑摔倒受伤', '要求{B}赔偿医疗费和误工费{amount}元', [2000, 30000]),
    t('帮工受伤', 'PERSON', '义务帮工人受害责任纠纷', '{A}帮{B}建房时从脚手架上摔下受伤', '要求{B}赔偿医疗费{amount}元', [5000, 60000]),
  ],
  TRAFFIC: [
    t('交通事故', 'PERSON', '机动车交通事故责任纠纷', '{A}驾驶电动车与{B}驾驶的小型轿车发生碰撞，{A}受伤、车辆受损', '要求{B}及保险公司赔偿医疗费和车辆维修费{amount}元', [3000, 80000]),
    t('交通事故', 'PERSON', '机动车交通事故责任纠纷', '{A}步行经过路口时被{B}驾驶的货车撞伤', '要求赔偿医疗费、误工费、护理费等{amount}元', [10000, 200000]),
  ],
  PROPERTY_MANAGEMENT: [
    t('物业费', 'PROPERTY', '物业服务合同纠纷', '{A}认为{B}服务不到位、小区卫生差，拒交物业费两年', '要求{B}改善服务后再协商缴费'),
    t('停车收费', 'PROPERTY', '物业服务合同纠纷', '{B}调整小区停车收费标准，{A}等业主不满', '要求{B}公开收费依据并暂缓调价'),
    t('电梯维修', 'PROPERTY', '物业服务合同纠纷', '{A}所住单元电梯长期故障，{B}未及时维修', '要求{B}限期维修电梯'),
  ],
  MEDICAL: [
    t('医疗损害', 'HOSPITAL', '医疗损害责任纠纷', '{A}在{B}手术后出现并发症，认为{B}诊疗存在过错', '要求{B}赔偿{amount}元', [20000, 300000]),
    t('医疗费用', 'HOSPITAL', '医疗服务合同纠纷', '{A}对在{B}的住院费用清单有异议，认为存在重复收费', '要求{B}核查并退还多收费用'),
  ],
  CONSUMER: [
    t('商品质量', 'SELLER', '买卖合同纠纷', '{A}在{B}购买的空调使用一周即出现故障，{B}拒绝退换', '要求{B}退货退款{amount}元', [1500, 9000]),
    t('预付卡', 'SELLER', '服务合同纠纷', '{A}在{B}办理的预付卡无法继续消费，{B}拒不退款', '要求{B}退还余额{amount}元', [800, 6000]),
    t('购车', 'SELLER', '买卖合同纠纷', '{A}从{B}购买的二手车被发现隐瞒重大事故', '要求{B}退车并赔偿{amount}元', [10000, 60000]),
  ],
  OTHER: [
    t('公共设施', 'COMMITTEE', '其他纠纷', '{A}因道路、路灯等公共设施的维护和使用问题与{B}产生分歧', '请求协调解决'),
    t('财产损害', 'PERSON', '财产损害赔偿纠纷', '{B}施工时损坏{A}家围墙和菜地', '要求{B}修复或赔偿{amount}元', [500, 8000]),
  ],
};

/** Category mix of DOMAIN.md (Hubei mediation statistics), in percent. */
export const RURAL_MIX: ReadonlyArray<readonly [DisputeCategory, number]> = [
  ['NEIGHBOUR', 24], ['MARRIAGE_FAMILY', 17], ['CONTRACT_DEBT', 11], ['LABOUR_WAGE', 10], ['LAND_HOMESTEAD', 9],
  ['INJURY_COMPENSATION', 6], ['TRAFFIC', 5], ['PROPERTY_MANAGEMENT', 5], ['MEDICAL', 4], ['CONSUMER', 3], ['OTHER', 6],
];

/** Urban districts: more property, consumer and labour disputes, almost no land. */
export const URBAN_MIX: ReadonlyArray<readonly [DisputeCategory, number]> = [
  ['NEIGHBOUR', 20], ['MARRIAGE_FAMILY', 14], ['CONTRACT_DEBT', 11], ['LABOUR_WAGE', 14], ['LAND_HOMESTEAD', 2],
  ['INJURY_COMPENSATION', 6], ['TRAFFIC', 6], ['PROPERTY_MANAGEMENT', 12], ['MEDICAL', 5], ['CONSUMER', 6], ['OTHER', 4],
];
