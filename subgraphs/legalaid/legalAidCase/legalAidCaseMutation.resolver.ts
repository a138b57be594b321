import { Arg, Ctx, Directive, Float, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { policy } from '../../shared/schema/scopes.ts';
import { forgetChangedCase } from '../../shared/server/forgetChangedCase.ts';
import type { LegalAidContext } from '../context.ts';
import { acceptArbitration, applyForArbitration, extendArbitration, issueArbitrationAward, withdrawArbitration } from './arbitration.commands.ts';
import { answerConsultation, recordConsultation } from './consultation.commands.ts';
import { applyForLegalAid, assignLawyer, concludeLegalAid, decideLegalAid } from './legalAid.commands.ts';
import {
  LegalAidApplicationInput,
  LegalAidArbitrationInput,
  LegalAidConsultationInput,
  LegalAidLawyerInput,
  LegalAidMediationInput,
} from './legalAidCase.inputs.ts';
import { legalAidCaseRef as ref } from './legalAidCase.resolver.ts';
import { LegalAidCase } from './legalAidCase.type.ts';
import { recordJudicialConfirmation, recordMediationAgreement, recordMediationFailure, startMediation } from './mediation.commands.ts';

const KEY = { description: '幂等键：同一次提交重试时保持不变，只生成一个事项' };

/** The justice bureau's own work. */
const LEGAL_AID_ONLY = policy(['agency:LEGAL_AID']);
/** Grid window staff take legal-aid applications too (一窗受理). */
const LEGAL_AID_OR_GRID = policy(['agency:LEGAL_AID'], ['agency:GRID']);
/** The court that confirmed the agreement may record its confirmation. */
const LEGAL_AID_OR_COURTS = policy(['agency:LEGAL_AID'], ['agency:COURTS']);

/**
 * The changed case as the answer, read afresh. Every loader is emptied, not
 * only the case's entries: a step may change another case too (a new
 * case's origin in this agency gets a FOLLOW_UP link and a new version).
 */
function changed(ctx: LegalAidContext, caseCode: string): MatterRef {
  forgetChangedCase(caseCode, [], Object.values(ctx.loaders));
  return ref(caseCode);
}

/** Every step of every kind; each records who (the signed-in user) and when (the clock). */
@Resolver(() => LegalAidCase)
export class LegalAidCaseMutationResolver {
  // Legal aid (法律援助法)

  @Mutation(() => LegalAidCase, { description: '法律援助申请登记；期限：七日内作出决定' })
  @Directive(LEGAL_AID_OR_GRID)
  applyForLegalAid(
    @Arg('input', () => LegalAidApplicationInput) input: LegalAidApplicationInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    return changed(ctx, applyForLegalAid(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => LegalAidCase, { description: '审查决定：给予或不予法律援助；不予援助须书面说明理由（reason）' })
  @Directive(LEGAL_AID_ONLY)
  decideLegalAid(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('granted', () => Boolean, { description: '是否给予法律援助' }) granted: boolean,
    @Ctx() ctx: LegalAidContext,
    @Arg('reason', () => String, { nullable: true, description: '理由；不予援助时必填' }) reason?: string | null,
  ): MatterRef {
    decideLegalAid(ctx, ctx.actor, caseCode, granted, reason);
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '指派律师：决定给予援助后三日内；先行提供法律援助的可在决定前指派' })
  @Directive(LEGAL_AID_ONLY)
  assignLawyer(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('lawyer', () => LegalAidLawyerInput) lawyer: LegalAidLawyerInput,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    assignLawyer(ctx, ctx.actor, caseCode, lawyer);
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '法律援助办结（代理结束）' })
  @Directive(LEGAL_AID_ONLY)
  concludeLegalAid(@Arg('caseCode', () => ID) caseCode: string, @Arg('result', () => String, { description: '办理结果' }) result: string, @Ctx() ctx: LegalAidContext): MatterRef {
    concludeLegalAid(ctx, ctx.actor, caseCode, result);
    return changed(ctx, caseCode);
  }

  // People's mediation (人民调解法)

  @Mutation(() => LegalAidCase, { description: '人民调解受理登记' })
  @Directive(LEGAL_AID_ONLY)
  startMediation(
    @Arg('input', () => LegalAidMediationInput) input: LegalAidMediationInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    return changed(ctx, startMediation(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => LegalAidCase, { description: '登记调解协议；自签订之日起三十日内可申请司法确认' })
  @Directive(LEGAL_AID_ONLY)
  recordMediationAgreement(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('terms', () => String, { description: '协议内容' }) terms: string,
    @Ctx() ctx: LegalAidContext,
    @Arg('amountYuan', () => Float, { nullable: true, description: '协议金额（元）' }) amountYuan?: number | null,
    @Arg('signedAt', () => DateTimeScalar, { nullable: true, description: '签订时间，默认当前时间' }) signedAt?: string | null,
  ): MatterRef {
    recordMediationAgreement(ctx, ctx.actor, caseCode, { terms, amountYuan, signedAt });
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '登记调解不成' })
  @Directive(LEGAL_AID_ONLY)
  recordMediationFailure(@Arg('caseCode', () => ID) caseCode: string, @Arg('reason', () => String, { description: '调解不成的原因' }) reason: string, @Ctx() ctx: LegalAidContext): MatterRef {
    recordMediationFailure(ctx, ctx.actor, caseCode, reason);
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '登记调解协议经人民法院司法确认；courtCaseCode 为法院案件编码（FY），超过三十日期限的不予登记' })
  @Directive(LEGAL_AID_OR_COURTS)
  recordJudicialConfirmation(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('courtCaseCode', () => ID, { description: '法院司法确认案件的案件编码' }) courtCaseCode: string,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    recordJudicialConfirmation(ctx, ctx.actor, caseCode, courtCaseCode);
    return changed(ctx, caseCode);
  }

  // Labour arbitration (劳动争议调解仲裁法)

  @Mutation(() => LegalAidCase, { description: '劳动人事争议仲裁申请；期限：五日内决定受理' })
  @Directive(LEGAL_AID_ONLY)
  applyForArbitration(
    @Arg('input', () => LegalAidArbitrationInput) input: LegalAidArbitrationInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    return changed(ctx, applyForArbitration(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => LegalAidCase, { description: '仲裁受理并指定仲裁员；期限：受理之日起四十五日内裁决' })
  @Directive(LEGAL_AID_ONLY)
  acceptArbitration(@Arg('caseCode', () => ID) caseCode: string, @Arg('arbitrator', () => String, { description: '仲裁员' }) arbitrator: string, @Ctx() ctx: LegalAidContext): MatterRef {
    acceptArbitration(ctx, ctx.actor, caseCode, arbitrator);
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '仲裁延期：须在期限届满前批准并说明理由，合计不超过十五日' })
  @Directive(LEGAL_AID_ONLY)
  extendArbitration(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('days', () => Int, { description: '延长天数' }) days: number,
    @Arg('reason', () => String, { description: '延期理由' }) reason: string,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    extendArbitration(ctx, ctx.actor, caseCode, days, reason);
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '作出仲裁裁决' })
  @Directive(LEGAL_AID_ONLY)
  issueArbitrationAward(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('text', () => String, { description: '裁决内容' }) text: string,
    @Ctx() ctx: LegalAidContext,
    @Arg('amountYuan', () => Float, { nullable: true, description: '裁决金额（元）' }) amountYuan?: number | null,
  ): MatterRef {
    issueArbitrationAward(ctx, ctx.actor, caseCode, text, amountYuan);
    return changed(ctx, caseCode);
  }

  @Mutation(() => LegalAidCase, { description: '撤回仲裁申请' })
  @Directive(LEGAL_AID_ONLY)
  withdrawArbitration(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: LegalAidContext, @Arg('reason', () => String, { nullable: true }) reason?: string | null): MatterRef {
    withdrawArbitration(ctx, ctx.actor, caseCode, reason);
    return changed(ctx, caseCode);
  }

  // Consultation

  @Mutation(() => LegalAidCase, { description: '法律咨询登记；填写答复即当场办结' })
  @Directive(LEGAL_AID_ONLY)
  recordConsultation(
    @Arg('input', () => LegalAidConsultationInput) input: LegalAidConsultationInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string,
    @Ctx() ctx: LegalAidContext,
  ): MatterRef {
    return changed(ctx, recordConsultation(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => LegalAidCase, { description: '答复法律咨询' })
  @Directive(LEGAL_AID_ONLY)
  answerConsultation(@Arg('caseCode', () => ID) caseCode: string, @Arg('answer', () => String, { description: '答复内容' }) answer: string, @Ctx() ctx: LegalAidContext): MatterRef {
    answerConsultation(ctx, ctx.actor, caseCode, answer);
    return changed(ctx, caseCode);
  }
}
