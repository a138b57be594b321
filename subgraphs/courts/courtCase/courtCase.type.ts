import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { PartyRole } from '../../shared/schema/enums.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { Matter } from '../matter/matter.type.ts';
import {
  CourtCaseStatus,
  CourtCaseStep,
  CourtHearingKind,
  CourtLevel,
  CourtLimitApproval,
  CourtPartyKind,
  CourtProcedure,
} from './courtCase.enums.ts';

@ObjectType('CourtCase', {
  implements: Matter,
  description: '法院案件（民事诉讼法 2023）：诉前调解、司法确认、小额诉讼、简易程序、普通程序、二审与执行。案件编码为一案一码，案号在立案时编立。',
})
@Directive('@key(fields: "caseCode")')
export class CourtCase extends Matter {}

@ObjectType('Court', { description: '人民法院' })
export class Court {
  @Field(() => ID, { description: '法院代字（案号中的法院代码），如 鄂0923、鄂09' })
  code!: string;

  @Field(() => String, { description: '法院名称，如 云梦县人民法院' })
  name!: string;

  @Field(() => CourtLevel, { description: '法院层级' })
  level!: CourtLevel;
}

@ObjectType('CourtHearing', { description: '开庭或调解安排' })
export class CourtHearing {
  @Field(() => DateTimeScalar, { description: '时间' })
  at!: string;

  @Field(() => CourtHearingKind, { description: '类型' })
  kind!: CourtHearingKind;

  @Field(() => String, { description: '地点（审判庭、人民法庭、巡回审判点）' })
  place!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '排期时间（导入的历史排期为空）' })
  scheduledAt!: string | null;
}

@ObjectType('CourtLimitExtension', { description: '经批准的期限延长' })
export class CourtLimitExtension {
  @Field(() => DateTimeScalar, { description: '批准时间' })
  approvedAt!: string;

  @Field(() => Int, { description: '延长天数' })
  days!: number;

  @Field(() => String, { description: '延长理由' })
  reason!: string;

  @Field(() => CourtLimitApproval, { description: '批准方式' })
  approval!: CourtLimitApproval;
}

@ObjectType('CourtCaseStepRecord', { description: '案件流程记录（谁在何时做了哪一步）' })
export class CourtCaseStepRecord {
  @Field(() => CourtCaseStep, { description: '节点' })
  step!: CourtCaseStep;

  @Field(() => DateTimeScalar, { description: '时间' })
  at!: string;

  @Field(() => String, { description: '经办人（姓名）' })
  actor!: string;

  @Field(() => String, { nullable: true, description: '经办人账号（登录用户标识）；导入的历史记录为空' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: '说明（如编立的案号、延长理由、结案说明）' })
  note!: string | null;
}

@ObjectType('CourtCaseConnection', { description: '法院案件列表（分页）' })
export class CourtCaseConnection {
  @Field(() => [CourtCase], { description: '本页案件' })
  nodes!: CourtCase[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}

@InputType('CourtPartyInput', { description: '诉讼参加人' })
export class CourtPartyInput {
  @Field(() => PartyRole, { description: '诉讼地位：一审原告、被告；二审上诉人、被上诉人；诉前调解、司法确认、执行为申请人、被申请人；第三人；代理人' })
  role!: PartyRole;

  @Field(() => CourtPartyKind, { nullable: true, description: '自然人或组织，默认自然人' })
  kind?: CourtPartyKind | null;

  @Field(() => String, { description: '姓名或单位名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '身份证号码（自然人，可不填）' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码（组织）' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: '代理人所在律师事务所或单位' })
  firm?: string | null;
}

@InputType('CourtCaseReceiptInput', { description: '收案登记（起诉、诉前调解或司法确认申请）。二审经上诉提起，执行经申请执行提起。' })
export class CourtCaseReceiptInput {
  @Field(() => CourtProcedure, { description: '程序：PRE_SUIT_MEDIATION、JUDICIAL_CONFIRMATION、SMALL_CLAIMS、SIMPLIFIED 或 ORDINARY' })
  procedure!: CourtProcedure;

  @Field(() => MatterCategory, { description: '纠纷类别' })
  category!: DisputeCategory;

  @Field(() => String, { description: '标题，如 张伟与李强民间借贷纠纷' })
  title!: string;

  @Field(() => String, { description: '案由，如 民间借贷纠纷' })
  causeOfAction!: string;

  @Field(() => Float, { nullable: true, description: '标的额（元）；小额诉讼必填' })
  claimAmount?: number | null;

  @Field(() => ID, { description: '纠纷发生地乡镇（街道）区划代码，9 位；决定管辖的基层人民法院' })
  division!: string;

  @Field(() => [CourtPartyInput], { description: '诉讼参加人' })
  parties!: CourtPartyInput[];

  @Field(() => ID, { nullable: true, description: '来源事项的案件编码（任一机构，如综治中心工单、调解案件）' })
  origin?: string | null;

  @Field(() => ID, { nullable: true, description: '司法确认：所确认的人民调解案件的案件编码（司法行政，SF）' })
  confirms?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '司法确认：调解协议签订（生效）时间；须在生效后 30 日内申请' })
  agreementSignedAt?: string | null;
}

@InputType('CourtAppealInput', { description: '对一审判决提起上诉（判决后 15 日内），由中级人民法院二审' })
export class CourtAppealInput {
  @Field(() => ID, { description: '一审案件的案件编码' })
  caseCode!: string;

  @Field(() => [CourtPartyInput], { description: '二审诉讼参加人：上诉人（至少一人）、被上诉人、第三人、代理人' })
  parties!: CourtPartyInput[];

  @Field(() => Float, { nullable: true, description: '上诉标的额（元），默认一审标的额' })
  claimAmount?: number | null;

  @Field(() => String, { nullable: true, description: '标题，默认 一审标题（二审）' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: '上诉请求' })
  note?: string | null;
}

@InputType('CourtEnforcementInput', { description: '申请执行已生效的判决书、调解书或司法确认裁定，由第一审人民法院执行' })
export class CourtEnforcementInput {
  @Field(() => ID, { description: '执行依据案件的案件编码' })
  caseCode!: string;

  @Field(() => [CourtPartyInput], { description: '申请执行人（APPLICANT）与被执行人（RESPONDENT）' })
  parties!: CourtPartyInput[];

  @Field(() => Float, { nullable: true, description: '申请执行标的额（元），默认依据案件标的额' })
  claimAmount?: number | null;

  @Field(() => String, { nullable: true, description: '标题，默认 依据案件标题（执行）' })
  title?: string | null;
}

@InputType('CourtCaseFilter', { description: '法院案件筛选条件' })
export class CourtCaseFilter {
  @Field(() => ID, { nullable: true, description: '纠纷发生地区划代码（市、县或乡镇）' })
  division?: string | null;

  @Field(() => ID, { nullable: true, description: '法院代字，如 鄂0923' })
  court?: string | null;

  @Field(() => CourtProcedure, { nullable: true, description: '程序' })
  procedure?: CourtProcedure | null;

  @Field(() => CourtCaseStatus, { nullable: true, description: '案件状态' })
  status?: CourtCaseStatus | null;

  @Field(() => Boolean, { nullable: true, description: '只看超过期限仍未结案的案件' })
  overdueOnly?: boolean | null;
}
