import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { Person } from '../../shared/schema/Person.ts';
import { Matter, type MatterRef } from '../registry/matter.type.ts';
import { listSize } from '../../shared/schema/cost.ts';

export const RiskKind = {
  MULTI_AGENCY: 'MULTI_AGENCY',
  REPEAT_PETITION: 'REPEAT_PETITION',
  ESCALATION: 'ESCALATION',
  OVERDUE_UNIT: 'OVERDUE_UNIT',
} as const;
registerEnumType(RiskKind, {
  name: 'RiskKind',
  description: '风险预警类型',
  valuesConfig: {
    MULTI_AGENCY: { description: '近期事项涉及三个及以上机构' },
    REPEAT_PETITION: { description: '同一事实重复信访' },
    ESCALATION: { description: '矛盾升级（提级办理）' },
    OVERDUE_UNIT: { description: '承办单位有超期工单' },
  },
});

@ObjectType('RiskAlert', { description: '风险预警及其原因' })
export class RiskAlert {
  @Field(() => ID, { description: '预警标识' })
  id!: string;

  @Field(() => RiskKind, { description: '类型' })
  kind!: keyof typeof RiskKind;

  @Field(() => Person, { nullable: true, description: '涉及的人员' })
  person!: Person | null;

  @Field(() => String, { nullable: true, description: '涉及的承办单位' })
  unit!: string | null;

  @Field(() => [String], { description: '预警原因' })
  reasons!: string[];

  @Field(() => [Matter], { description: '预警依据的事项' })
  @Directive(listSize({ assumedSize: 5 }))
  matters!: MatterRef[];
}

@ObjectType('RiskAlertConnection', { description: '风险预警列表（分页）' })
export class RiskAlertConnection {
  @Field(() => [RiskAlert])
  nodes!: RiskAlert[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '预警总数' })
  totalCount!: number;
}
