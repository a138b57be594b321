import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PartyRole } from '../../shared/schema/enums.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { LegalAidKind, LegalAidStatus } from './legalAidCase.enums.ts';

@InputType('LegalAidPartyInput', { description: '登记的当事人' })
export class LegalAidPartyInput {
  @Field(() => PartyRole, { description: '身份（申请人、被申请人、代理人等）' })
  role!: PartyRole;

  @Field(() => String, { description: '姓名或单位名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '身份证号码（自然人，可不填）' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码（单位当事人，如用人单位）' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: '代理人所在律师事务所或机构' })
  firm?: string | null;
}

/** What every new case states: what it is about, where, and who (a base, never in the schema itself). */
@InputType('LegalAidCaseBaseInput')
export abstract class CaseBaseInput {
  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => MatterCategory, { description: '纠纷类别' })
  category!: DisputeCategory;

  @Field(() => ID, { description: '发生地乡镇（街道）区划代码，9 位' })
  division!: string;

  @Field(() => [LegalAidPartyInput], { description: '当事人' })
  parties!: LegalAidPartyInput[];

  @Field(() => ID, { nullable: true, description: '来源事项的案件编码（任一机构，如综治中心工单、调解不成的调解事项）' })
  origin?: string | null;
}

@InputType('LegalAidApplicationInput', { description: '法律援助申请（法律援助法第四十一条至第四十四条）' })
export class LegalAidApplicationInput extends CaseBaseInput {
  @Field(() => String, { description: '法律援助机构，如 云梦县法律援助中心' })
  organization!: string;

  @Field(() => String, { description: '申请援助的事项，如 劳动争议仲裁代理' })
  matter!: string;

  @Field(() => Boolean, { nullable: true, description: '农民工请求支付劳动报酬：免予经济困难审查（第四十二条），类别须为劳动争议和欠薪' })
  migrantWorkerWageClaim?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '申请先行提供法律援助（第四十四条）：时效或期限届满不足七日，须同时填写 limitationDeadline' })
  provisional?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '诉讼时效或法定期限的届满时间' })
  limitationDeadline?: string | null;

  @Field(() => Float, { nullable: true, description: '家庭月收入（元），经济困难审查用，与 householdSize 同时填写' })
  monthlyIncomeYuan?: number | null;

  @Field(() => Int, { nullable: true, description: '家庭人口数' })
  householdSize?: number | null;
}

@InputType('LegalAidLawyerInput', { description: '指派的律师' })
export class LegalAidLawyerInput {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { description: '律师事务所' })
  firm!: string;

  @Field(() => String, { description: '律师执业证号，17 位数字' })
  licenceNumber!: string;
}

@InputType('LegalAidMediationInput', { description: '人民调解申请' })
export class LegalAidMediationInput extends CaseBaseInput {
  @Field(() => String, { description: '人民调解委员会，如 义堂镇张湾村人民调解委员会' })
  committee!: string;

  @Field(() => String, { description: '调解员' })
  mediator!: string;

  @Field(() => Boolean, { nullable: true, description: '是否劳动争议调解（十五日未达成协议可申请仲裁，劳动争议调解仲裁法第十四条）；默认按类别判断' })
  labour?: boolean | null;
}

@InputType('LegalAidArbitrationInput', { description: '劳动人事争议仲裁申请' })
export class LegalAidArbitrationInput extends CaseBaseInput {
  @Field(() => String, { description: '仲裁委员会，如 云梦县劳动人事争议仲裁委员会' })
  commission!: string;
}

@InputType('LegalAidConsultationInput', { description: '法律咨询登记' })
export class LegalAidConsultationInput {
  @Field(() => String, { nullable: true, description: '标题，默认取咨询问题开头' })
  title?: string | null;

  @Field(() => MatterCategory, { description: '纠纷类别' })
  category!: DisputeCategory;

  @Field(() => ID, { description: '乡镇（街道）区划代码，9 位' })
  division!: string;

  @Field(() => String, { description: '接待机构，如 云梦县公共法律服务中心' })
  organization!: string;

  @Field(() => [LegalAidPartyInput], { nullable: true, description: '咨询人' })
  parties?: LegalAidPartyInput[] | null;

  @Field(() => String, { description: '咨询问题' })
  question!: string;

  @Field(() => String, { nullable: true, description: '当场答复的内容；不填则待答复' })
  answer?: string | null;
}

@InputType('LegalAidCaseFilter', { description: '司法行政事项筛选条件' })
export class LegalAidCaseFilterInput {
  @Field(() => ID, { nullable: true, description: '区划代码（县或乡镇）' })
  division?: string | null;

  @Field(() => LegalAidKind, { nullable: true, description: '事项类别' })
  kind?: LegalAidKind | null;

  @Field(() => LegalAidStatus, { nullable: true, description: '状态' })
  status?: LegalAidStatus | null;

  @Field(() => String, { nullable: true, description: '办理机构（法律援助中心、调解委员会、仲裁委员会）' })
  organization?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看超期未办结的事项' })
  overdueOnly?: boolean | null;
}
