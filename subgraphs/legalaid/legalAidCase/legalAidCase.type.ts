import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { requiresScope, Scope } from '../../shared/schema/scopes.ts';
import { Matter } from '../matter/matter.type.ts';
import {
  LegalAidDecision,
  LegalAidLinkReason,
  LegalAidMeansTestResult,
  LegalAidMediationResult,
  LegalAidStep,
} from './legalAidCase.enums.ts';

/**
 * A matter of the justice bureau's legal-services system. Fields come from
 * `LegalAidCaseResolver`; the kind's own part is in `legalAid`, `mediation`,
 * `arbitration` or `consultation` (exactly one is set).
 */
@ObjectType('LegalAidCase', { implements: Matter, description: '司法行政事项：法律援助、人民调解、法律咨询、劳动人事争议仲裁（一案一码，机构代码 SF）' })
@Directive('@key(fields: "caseCode")')
export class LegalAidCase extends Matter {}

@ObjectType('LegalAidLawyer', { description: '指派的律师' })
export class LegalAidLawyer {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { description: '律师事务所' })
  firm!: string;

  @Field(() => String, { description: '律师执业证号' })
  licenceNumber!: string;
}

@ObjectType('LegalAidApplication', { description: '法律援助申请与审查（法律援助法第四十一条至第四十四条）' })
export class LegalAidApplication {
  @Field(() => String, { description: '申请援助的事项' })
  matter!: string;

  @Field(() => DateTimeScalar, { description: '审查决定期限：申请之日起七日（第四十三条）' })
  decisionDueAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '作出决定的时间' })
  decidedAt!: string | null;

  @Field(() => LegalAidDecision, { nullable: true, description: '审查决定；未决定为空' })
  decision!: LegalAidDecision | null;

  @Field(() => String, { nullable: true, description: '不予援助的书面理由' })
  refusalReason!: string | null;

  @Field(() => Boolean, { description: '是否先行提供法律援助（第四十四条：时效或期限届满不足七日）' })
  provisional!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: '申请人陈述的诉讼时效或法定期限届满时间' })
  limitationDeadline!: string | null;

  @Field(() => Boolean, { description: '是否免予经济困难审查（农民工请求支付劳动报酬，第四十二条）' })
  meansTestWaived!: boolean;

  @Field(() => Float, { nullable: true, description: '家庭月收入（元）。敏感个人信息（财产状况），需 legalaid:finance 权限；历史导入事项为空' })
  @Directive(requiresScope(Scope.LEGAL_AID_FINANCE))
  monthlyIncomeYuan!: number | null;

  @Field(() => Int, { nullable: true, description: '家庭人口数。需 legalaid:finance 权限' })
  @Directive(requiresScope(Scope.LEGAL_AID_FINANCE))
  householdSize!: number | null;

  @Field(() => LegalAidMeansTestResult, { nullable: true, description: '经济困难审查结果。需 legalaid:finance 权限；未审查为空' })
  @Directive(requiresScope(Scope.LEGAL_AID_FINANCE))
  meansTestResult!: LegalAidMeansTestResult | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '指派律师期限：决定给予援助之日起三日（第四十三条）' })
  assignmentDueAt!: string | null;

  @Field(() => LegalAidLawyer, { nullable: true, description: '指派的律师' })
  lawyer!: LegalAidLawyer | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '指派律师的时间（先行提供时早于决定）' })
  assignedAt!: string | null;
}

@ObjectType('LegalAidMediationAgreement', { description: '人民调解协议（自签订之日起生效）' })
export class LegalAidMediationAgreement {
  @Field(() => DateTimeScalar, { description: '签订时间' })
  signedAt!: string;

  @Field(() => String, { description: '协议内容' })
  terms!: string;

  @Field(() => Float, { nullable: true, description: '协议金额（元）' })
  amountYuan!: number | null;

  @Field(() => DateTimeScalar, { description: '申请司法确认的最后期限：协议生效之日起三十日（人民调解法第三十三条）' })
  confirmationDeadline!: string;

  @Field(() => Boolean, { description: '现在是否仍可申请司法确认：尚未确认且未过期限' })
  confirmationWindowOpen!: boolean;
}

@ObjectType('LegalAidMediation', { description: '人民调解（人民调解法）' })
export class LegalAidMediation {
  @Field(() => String, { description: '人民调解委员会' })
  committee!: string;

  @Field(() => String, { description: '调解员' })
  mediator!: string;

  @Field(() => Boolean, { description: '是否劳动争议调解（十五日未达成协议可申请仲裁）' })
  labour!: boolean;

  @Field(() => DateTimeScalar, { description: '调解期限（劳动争议十五日，其他按本地规则）' })
  mediationDueAt!: string;

  @Field(() => LegalAidMediationResult, { nullable: true, description: '调解结果；调解中为空' })
  result!: LegalAidMediationResult | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '调解不成的时间' })
  failedAt!: string | null;

  @Field(() => String, { nullable: true, description: '调解不成的原因' })
  failureReason!: string | null;

  @Field(() => LegalAidMediationAgreement, { nullable: true, description: '调解协议' })
  agreement!: LegalAidMediationAgreement | null;

  @Field(() => Matter, { nullable: true, description: '确认该调解协议的法院司法确认案件（民特）' })
  confirmedBy!: Matter | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '登记司法确认的时间' })
  confirmedAt!: string | null;
}

@ObjectType('LegalAidArbitrationAward', { description: '仲裁裁决' })
export class LegalAidArbitrationAward {
  @Field(() => DateTimeScalar, { description: '裁决时间' })
  at!: string;

  @Field(() => String, { description: '裁决内容' })
  text!: string;

  @Field(() => Float, { nullable: true, description: '裁决金额（元）' })
  amountYuan!: number | null;
}

@ObjectType('LegalAidArbitration', { description: '劳动人事争议仲裁（劳动争议调解仲裁法第二十九条、第四十三条）' })
export class LegalAidArbitration {
  @Field(() => String, { description: '仲裁委员会' })
  commission!: string;

  @Field(() => String, { nullable: true, description: '仲裁员；受理后指定' })
  arbitrator!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '受理期限：收到申请之日起五日' })
  acceptanceDueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '受理时间' })
  acceptedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '裁决期限：受理之日起四十五日，加延期' })
  awardDueAt!: string | null;

  @Field(() => Int, { description: '已延长的天数（合计不超过十五日）' })
  extensionDays!: number;

  @Field(() => String, { nullable: true, description: '延期理由' })
  extensionReason!: string | null;

  @Field(() => LegalAidArbitrationAward, { nullable: true, description: '仲裁裁决' })
  award!: LegalAidArbitrationAward | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '撤回申请的时间' })
  withdrawnAt!: string | null;

  @Field(() => String, { nullable: true, description: '撤回理由' })
  withdrawalReason!: string | null;
}

@ObjectType('LegalAidConsultation', { description: '法律咨询' })
export class LegalAidConsultation {
  @Field(() => String, { description: '咨询问题' })
  question!: string;

  @Field(() => String, { nullable: true, description: '答复；待答复为空' })
  answer!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '答复时间' })
  answeredAt!: string | null;
}

@ObjectType('LegalAidStepRecord', { description: '办理记录（谁在何时做了哪一步）' })
export class LegalAidStepRecord {
  @Field(() => LegalAidStep, { description: '环节' })
  step!: LegalAidStep;

  @Field(() => DateTimeScalar, { description: '时间' })
  at!: string;

  @Field(() => String, { description: '经办人姓名（历史导入事项为办理机构）' })
  actor!: string;

  @Field(() => String, { nullable: true, description: '经办人账号（登录用户标识）；导入的历史记录为空' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: '说明' })
  note!: string | null;
}

@ObjectType('LegalAidCaseLink', { description: '与其他事项的关联' })
export class LegalAidCaseLink {
  @Field(() => LegalAidLinkReason, { description: '关联关系：本事项是对方的……' })
  reason!: LegalAidLinkReason;

  @Field(() => Matter, { nullable: true, description: '关联的事项（由所属机构解析）；不在本人辖区内的为空' })
  matter!: Matter | null;
}

@ObjectType('LegalAidCaseConnection', { description: '司法行政事项列表（分页）' })
export class LegalAidCaseConnection {
  @Field(() => [LegalAidCase], { description: '本页事项' })
  nodes!: LegalAidCase[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}
