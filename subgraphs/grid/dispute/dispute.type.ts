import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { PartyRole } from '../../shared/schema/enums.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { Matter } from '../registry/matter.type.ts';
import { DisputeStatus, DisputeStep, IntakeChannel, Severity, Tier } from './dispute.enums.ts';

@ObjectType('DisputeStepRecord', { description: '工单流转记录（谁在何时做了哪一步）' })
export class DisputeStepRecord {
  @Field(() => DisputeStep, { description: '环节' })
  step!: DisputeStep;

  @Field(() => DateTimeScalar, { description: '时间' })
  at!: string;

  @Field(() => String, { description: '经办人（姓名）' })
  actor!: string;

  @Field(() => String, { nullable: true, description: '经办人账号（登录用户标识）；导入的历史记录为空' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: '经办单位（派单时为接收单位）' })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: '说明' })
  note!: string | null;
}

@ObjectType('Dispute', { implements: Matter, description: '综治中心矛盾纠纷工单（一窗受理、派单、接单、督办、评单、核单）' })
@Directive('@key(fields: "caseCode")')
export class Dispute extends Matter {}

@ObjectType('DisputeConnection', { description: '工单列表（分页）' })
export class DisputeConnection {
  @Field(() => [Dispute], { description: '本页工单' })
  nodes!: Dispute[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}

@InputType('DisputePartyInput', { description: '登记的当事人' })
export class DisputePartyInput {
  @Field(() => PartyRole, { description: '身份（申请人、被申请人等）' })
  role!: PartyRole;

  @Field(() => String, { description: '姓名或单位名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '身份证号码（可不填）' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;
}

@InputType('DisputeIntakeInput', { description: '窗口受理登记' })
export class DisputeIntakeInput {
  @Field(() => IntakeChannel, { description: '受理渠道' })
  channel!: IntakeChannel;

  @Field(() => MatterCategory, { description: '纠纷类别' })
  category!: DisputeCategory;

  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => String, { description: '纠纷情况' })
  description!: string;

  @Field(() => [DisputePartyInput], { description: '当事人（至少一人）' })
  parties!: DisputePartyInput[];

  @Field(() => Severity, { description: '纠纷程度，决定办理期限' })
  severity!: Severity;

  @Field(() => Tier, { nullable: true, description: '办理层级，默认村（社区）' })
  tier?: Tier | null;

  @Field(() => ID, { description: '发生地乡镇（街道）区划代码，9 位' })
  division!: string;

  @Field(() => ID, { nullable: true, description: '来源事项的案件编码（如 110 警情、信访件）' })
  origin?: string | null;
}

@InputType('DisputeFilter', { description: '工单筛选条件' })
export class DisputeFilter {
  @Field(() => ID, { nullable: true, description: '区划代码（县或乡镇）' })
  division?: string | null;

  @Field(() => DisputeStatus, { nullable: true, description: '工单状态' })
  status?: DisputeStatus | null;

  @Field(() => String, { nullable: true, description: '承办单位' })
  assignedUnit?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看超期未办结的工单' })
  overdueOnly?: boolean | null;
}
