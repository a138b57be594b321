import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { Matter } from '../matter.type.ts';
import {
  DiversionTarget,
  ForwardMode,
  PetitionChannel,
  PetitionDecisionOutcome,
  PetitionKind,
  PetitionReviewOutcome,
  PetitionStatus,
  PetitionStep,
} from './petition.enums.ts';

/**
 * A petition (信访事项). Root values are loaded rows (petition.store.ts),
 * so the plain fields below read straight from them; parties, deadlines and
 * references are field resolvers (petition.resolver.ts). No field is named
 * `agency`, `summary` or `related`: those come from the centre's registry.
 */
@ObjectType('Petition', { implements: Matter, description: '信访事项（《信访工作条例》）：登记、转送交办、受理告知、办理、书面答复、复查、复核' })
@Directive('@key(fields: "caseCode")')
export class Petition extends Matter {
  @Field(() => PetitionKind, { description: '信访事项类型' })
  kind!: PetitionKind;

  @Field(() => PetitionChannel, { description: '信访形式' })
  channel!: PetitionChannel;

  @Field(() => MatterCategory, { description: '矛盾纠纷类别' })
  category!: DisputeCategory;

  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => String, { description: '信访事由，如“反映征地补偿款未足额发放问题”' })
  subject!: string;

  @Field(() => String, { description: '信访内容' })
  content!: string;

  @Field(() => ID, { description: '事发地乡镇（街道）区划代码，9 位' })
  division!: string;

  @Field(() => String, { nullable: true, description: '被反映单位（检举控告类为被控告人所在单位）' })
  respondentUnit!: string | null;

  @Field(() => String, { nullable: true, description: '承办单位（转送、交办后）' })
  handlingUnit!: string | null;

  @Field(() => ForwardMode, { nullable: true, description: '转送或交办' })
  forwardMode!: ForwardMode | null;

  @Field(() => PetitionStatus, { description: '办理状态' })
  status!: PetitionStatus;

  @Field(() => String, { description: '同一事实标识：同一事实的信访事项相同，用于重复信访统计；复核终结后同一事实不再受理' })
  factsKey!: string;

  @Field(() => Int, { description: '此前就同一事实登记的信访事项数（0 为首次信访）' })
  repeatCount!: number;

  @Field(() => Int, { description: '信访人人数（含身份保密的控告人）' })
  petitionerCount!: number;

  @Field(() => DateTimeScalar, { description: '登记时间' })
  registeredAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '转送、交办时间' })
  forwardedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '书面告知受理或不予受理的时间' })
  acceptanceNoticeAt!: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否受理；尚未告知时为空' })
  accepted!: boolean | null;

  @Field(() => String, { nullable: true, description: '不予受理的理由' })
  notAcceptedReason!: string | null;

  @Field(() => Satisfaction, { nullable: true, description: '信访人对答复的评价' })
  rating!: Satisfaction | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '当前环节的办理期限（已结束的为其最后环节的期限）' })
  dueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间（答复、不予受理或导入法定途径）；申请复查、复核后重新办理时为空' })
  closedAt!: string | null;
}

@ObjectType('PetitionDeadlines', { description: '各环节期限（按北京时间计至期限最后一日 23:59:59）；尚未到达的环节为空' })
export class PetitionDeadlines {
  @Field(() => DateTimeScalar, { description: '转送、交办期限：登记后 15 日（第二十二条）' })
  forwardDueAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '书面告知是否受理的期限：转送、交办后 15 日（第二十三条）' })
  acceptanceNoticeDueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结期限：受理后 60 日，加延长的日数（第三十四条）' })
  handlingDueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '信访人申请复查的截止时间：书面答复后 30 日（第三十五条）' })
  reviewRequestDeadline!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '复查答复期限：申请后 30 日' })
  reviewDueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '信访人申请复核的截止时间：复查意见后 30 日（第三十六条）' })
  secondReviewRequestDeadline!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '复核答复期限：申请后 30 日' })
  secondReviewDueAt!: string | null;
}

@ObjectType('PetitionExtension', { description: '延长办理期限（只能一次，不超过 30 日，须说明理由）' })
export class PetitionExtension {
  @Field(() => DateTimeScalar, { description: '批准时间' })
  grantedAt!: string;

  @Field(() => Int, { description: '延长日数' })
  days!: number;

  @Field(() => String, { description: '延期理由（告知信访人）' })
  reason!: string;
}

@ObjectType('PetitionDecision', { description: '书面处理意见' })
export class PetitionDecision {
  @Field(() => DateTimeScalar, { description: '出具时间' })
  decidedAt!: string;

  @Field(() => PetitionDecisionOutcome, { description: '结论' })
  outcome!: PetitionDecisionOutcome;

  @Field(() => String, { description: '处理意见全文' })
  text!: string;
}

@ObjectType('PetitionDiversion', { description: '导入诉讼、仲裁或综治中心调处等法定途径' })
export class PetitionDiversion {
  @Field(() => DiversionTarget, { description: '导入途径' })
  to!: DiversionTarget;

  @Field(() => DateTimeScalar, { description: '导入时间' })
  at!: string;

  @Field(() => String, { nullable: true, description: '理由' })
  reason!: string | null;

  @Field(() => Matter, { nullable: true, description: '承接的事项（如综治中心工单、法院案件）' })
  followUp!: MatterRef | null;
}

@ObjectType('PetitionReview', { description: '复查或复核' })
export class PetitionReview {
  @Field(() => DateTimeScalar, { description: '申请时间' })
  requestedAt!: string;

  @Field(() => String, { description: '复查（复核）机关' })
  body!: string;

  @Field(() => DateTimeScalar, { description: '答复期限：申请后 30 日' })
  dueAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '答复时间；尚未答复时为空' })
  decidedAt!: string | null;

  @Field(() => PetitionReviewOutcome, { nullable: true, description: '结论' })
  outcome!: PetitionReviewOutcome | null;

  @Field(() => String, { nullable: true, description: '意见全文' })
  text!: string | null;
}

@ObjectType('PetitionStepRecord', { description: '办理记录（谁在何时办理了哪一环节）' })
export class PetitionStepRecord {
  @Field(() => PetitionStep, { description: '环节' })
  step!: PetitionStep;

  @Field(() => DateTimeScalar, { description: '时间' })
  at!: string;

  @Field(() => String, { description: '经办人（姓名）' })
  actor!: string;

  @Field(() => String, { nullable: true, description: '经办人账号（登录用户标识）；导入的历史记录为空' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: '说明' })
  note!: string | null;
}

@ObjectType('PetitionConnection', { description: '信访事项列表（分页）' })
export class PetitionConnection {
  @Field(() => [Petition], { description: '本页信访事项' })
  nodes!: Petition[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}

@InputType('PetitionPartyInput', { description: '登记的信访人或被反映人' })
export class PetitionPartyInput {
  @Field(() => String, { description: '姓名或单位名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '身份证号码（可不填）' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否为单位（默认否）' })
  organization?: boolean | null;
}

@InputType('PetitionRegistrationInput', { description: '信访事项登记' })
export class PetitionRegistrationInput {
  @Field(() => PetitionKind, { description: '信访事项类型；检举控告类的信访人登记为身份保密的控告人' })
  kind!: PetitionKind;

  @Field(() => PetitionChannel, { description: '信访形式' })
  channel!: PetitionChannel;

  @Field(() => MatterCategory, { description: '矛盾纠纷类别' })
  category!: DisputeCategory;

  @Field(() => String, { description: '信访事由' })
  subject!: string;

  @Field(() => String, { nullable: true, description: '标题（报综治中心索引，检举控告类不得写入控告人信息）；默认为信访事由' })
  title?: string | null;

  @Field(() => String, { description: '信访内容' })
  content!: string;

  @Field(() => [PetitionPartyInput], { description: '信访人（至少一人；五人以上为集体访）' })
  petitioners!: PetitionPartyInput[];

  @Field(() => [PetitionPartyInput], { nullable: true, description: '被反映人、被控告人' })
  respondents?: PetitionPartyInput[] | null;

  @Field(() => String, { nullable: true, description: '被反映单位' })
  respondentUnit?: string | null;

  @Field(() => ID, { description: '事发地乡镇（街道）区划代码，9 位' })
  division!: string;

  @Field(() => ID, { nullable: true, description: '来源事项的案件编码（如综治中心工单、110 警情）' })
  origin?: string | null;

  @Field(() => ID, { nullable: true, description: '与之属同一事实的信访事项的案件编码。不填时按信访人（身份证号码，无号码的按姓名）、被反映单位和信访事由（忽略空格、标点及“关于”“反映”“问题”等套语）识别同一事实' })
  sameFactsAs?: string | null;
}

@InputType('PetitionFilter', { description: '信访事项筛选条件' })
export class PetitionFilter {
  @Field(() => ID, { nullable: true, description: '区划代码（县或乡镇）' })
  division?: string | null;

  @Field(() => PetitionStatus, { nullable: true, description: '办理状态' })
  status?: PetitionStatus | null;

  @Field(() => PetitionKind, { nullable: true, description: '信访事项类型' })
  kind?: PetitionKind | null;

  @Field(() => String, { nullable: true, description: '承办单位' })
  handlingUnit?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看超期未办结的信访事项' })
  overdueOnly?: boolean | null;
}
