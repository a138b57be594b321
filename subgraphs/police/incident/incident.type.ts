import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { PartyRole } from '../../shared/schema/enums.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { Matter } from '../matter.type.ts';
import { PoliceCategory, PoliceChannel, PoliceIncidentStatus, PoliceStep } from './incident.enums.ts';

@ObjectType('PoliceIncident', {
  implements: Matter,
  description: '110 警情',
})
@Directive('@key(fields: "caseCode")')
export class PoliceIncident extends Matter {}

@ObjectType('PoliceOfficer', { description: '出警民警' })
export class PoliceOfficer {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { description: '警号' })
  badgeNumber!: string;
}

@ObjectType('PoliceIncidentStepRecord', { description: '警情处理记录（谁在何时完成了哪一环节）' })
export class PoliceIncidentStepRecord {
  @Field(() => PoliceStep, { description: '环节' })
  step!: PoliceStep;

  @Field(() => DateTimeScalar, { description: '时间' })
  at!: string;

  @Field(() => String, { nullable: true, description: '经办人（姓名；导入的历史警情无此记录）' })
  actor!: string | null;

  @Field(() => String, { nullable: true, description: '经办人账号（登录用户标识）；导入的历史记录为空' })
  actorId!: string | null;
}

@ObjectType('PoliceIncidentConnection', { description: '警情列表（分页）' })
export class PoliceIncidentConnection {
  @Field(() => [PoliceIncident], { description: '本页警情' })
  nodes!: PoliceIncident[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}

@InputType('PolicePartyInput', { description: '警情涉及的人员' })
export class PolicePartyInput {
  @Field(() => PartyRole, { description: '身份：报警人、受害人、违法犯罪嫌疑人、证人或其他涉事人员' })
  role!: PartyRole;

  @Field(() => String, { description: '姓名或单位名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '身份证号码（可不填）' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;
}

@InputType('PoliceIncidentInput', { description: '接警登记' })
export class PoliceIncidentInput {
  @Field(() => PoliceChannel, { description: '接警渠道' })
  channel!: PoliceChannel;

  @Field(() => PoliceCategory, { description: '警情类别' })
  category!: PoliceCategory;

  @Field(() => MatterCategory, { nullable: true, description: '纠纷类别（综治中心统一分类）；不填时按警情类别推定' })
  matterCategory?: DisputeCategory | null;

  @Field(() => String, { description: '警情摘要，如“张伟报称邻居堵塞排水沟引发争执”' })
  title!: string;

  @Field(() => String, { description: '报警内容（简要案情，仅公安可见）' })
  narrative!: string;

  @Field(() => String, { description: '发案地点' })
  place!: string;

  @Field(() => ID, { description: '发案地乡镇（街道）区划代码，9 位' })
  division!: string;

  @Field(() => String, { description: '管辖单位（派出所、交警大队）' })
  station!: string;

  @Field(() => [PolicePartyInput], { description: '涉及人员（至少一人，通常为报警人）' })
  parties!: PolicePartyInput[];
}

@InputType('PoliceOfficerInput', { description: '出警民警' })
export class PoliceOfficerInput {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { description: '警号，6 位数字' })
  badgeNumber!: string;
}

@InputType('PoliceIncidentFilter', { description: '警情筛选条件' })
export class PoliceIncidentFilter {
  @Field(() => ID, { nullable: true, description: '区划代码（县或乡镇）' })
  division?: string | null;

  @Field(() => String, { nullable: true, description: '管辖单位（派出所、交警大队）' })
  station?: string | null;

  @Field(() => PoliceIncidentStatus, { nullable: true, description: '警情状态' })
  status?: PoliceIncidentStatus | null;

  @Field(() => PoliceCategory, { nullable: true, description: '警情类别' })
  category?: PoliceCategory | null;
}
