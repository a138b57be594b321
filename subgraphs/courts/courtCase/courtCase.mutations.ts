import { Arg, Ctx, Directive, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { policy } from '../../shared/schema/scopes.ts';
import { forgetChangedCase } from '../../shared/server/forgetChangedCase.ts';
import type { CourtsContext } from '../context.ts';
import { appealCourtCase } from './appealCourtCase.ts';
import { applyForEnforcement } from './applyForEnforcement.ts';
import { closeCourtCase, extendCourtCaseLimit, fileCourtCase, receiveCourtCase, refuseCourtCaseFiling, scheduleHearing } from './courtCase.commands.ts';
import { CourtHearingKind, CourtLimitApproval, CourtOutcome, CourtProcedure } from './courtCase.enums.ts';
import { courtCaseRef } from './courtCase.resolver.ts';
import { CourtAppealInput, CourtCase, CourtCaseReceiptInput, CourtEnforcementInput } from './courtCase.type.ts';

/**
 * After a step, this request's loaders must not answer from before it. An
 * appeal or an enforcement also changes the case it refers to, so every
 * loader forgets everything.
 */
function changed(ctx: CourtsContext, caseCode: string): MatterRef {
  forgetChangedCase(caseCode, [], Object.values(ctx.loaders));
  return courtCaseRef(caseCode);
}

/** The case cycle is the court's own work. */
const COURTS_ONLY = policy(['agency:COURTS']);

/** The case cycle. Each step records who (the signed-in user) and when. */
@Resolver(() => CourtCase)
export class CourtCaseMutationResolver {
  @Mutation(() => CourtCase, { description: '收案登记（起诉、诉前调解、司法确认申请）。idempotencyKey 相同的重复提交只生成一个案件' })
  @Directive(COURTS_ONLY)
  receiveCourtCase(
    @Arg('input', () => CourtCaseReceiptInput) input: CourtCaseReceiptInput,
    @Arg('idempotencyKey', () => String, { description: '幂等键：同一次收案重试时保持不变' }) idempotencyKey: string,
    @Ctx() ctx: CourtsContext,
  ): MatterRef {
    return changed(ctx, receiveCourtCase(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => CourtCase, { description: '立案：编立案号，开始计算审理（办理）期限；可在立案时确定一审适用的程序' })
  @Directive(COURTS_ONLY)
  fileCourtCase(
    @Arg('caseCode', () => ID) caseCode: string,
    @Ctx() ctx: CourtsContext,
    @Arg('judge', () => String, { nullable: true, description: '承办法官' }) judge?: string | null,
    @Arg('procedure', () => CourtProcedure, { nullable: true, description: '一审适用的程序（小额诉讼、简易、普通）' }) procedure?: CourtProcedure | null,
  ): MatterRef {
    fileCourtCase(ctx, ctx.actor, caseCode, { judge, procedure });
    return changed(ctx, caseCode);
  }

  @Mutation(() => CourtCase, { description: '不予立案（裁定不予受理），须写明理由' })
  @Directive(COURTS_ONLY)
  refuseCourtCaseFiling(@Arg('caseCode', () => ID) caseCode: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: CourtsContext): MatterRef {
    refuseCourtCaseFiling(ctx, ctx.actor, caseCode, reason);
    return changed(ctx, caseCode);
  }

  @Mutation(() => CourtCase, { description: '排期开庭或调解；普通程序和二审开庭须提前 3 日通知（第 139 条）' })
  @Directive(COURTS_ONLY)
  scheduleHearing(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('at', () => DateTimeScalar, { description: '开庭（调解）时间' }) at: string,
    @Arg('kind', () => CourtHearingKind) kind: CourtHearingKind,
    @Arg('place', () => String, { description: '地点' }) place: string,
    @Ctx() ctx: CourtsContext,
  ): MatterRef {
    scheduleHearing(ctx, ctx.actor, caseCode, { at, kind, place });
    return changed(ctx, caseCode);
  }

  @Mutation(() => CourtCase, { description: '延长审理（办理）期限，须在期限届满前批准；超过法律允许的延长总限时拒绝（RULE_VIOLATION）' })
  @Directive(COURTS_ONLY)
  extendCourtCaseLimit(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('days', () => Int, { description: '延长天数' }) days: number,
    @Arg('reason', () => String, { description: '延长理由' }) reason: string,
    @Ctx() ctx: CourtsContext,
    @Arg('approval', () => CourtLimitApproval, { nullable: true, description: '批准方式，默认本院院长批准（诉前调解为当事人同意）' }) approval?: CourtLimitApproval | null,
  ): MatterRef {
    extendCourtCaseLimit(ctx, ctx.actor, caseCode, { days, reason, approval });
    return changed(ctx, caseCode);
  }

  @Mutation(() => CourtCase, { description: '结案，结案方式须与程序相符' })
  @Directive(COURTS_ONLY)
  closeCourtCase(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('outcome', () => CourtOutcome) outcome: CourtOutcome,
    @Ctx() ctx: CourtsContext,
    @Arg('note', () => String, { nullable: true, description: '结案说明' }) note?: string | null,
  ): MatterRef {
    closeCourtCase(ctx, ctx.actor, caseCode, outcome, note);
    return changed(ctx, caseCode);
  }

  @Mutation(() => CourtCase, { description: '对一审判决提起上诉：在中级人民法院生成二审案件（待立案），与一审案件双向关联；返回二审案件' })
  @Directive(COURTS_ONLY)
  appealCourtCase(@Arg('input', () => CourtAppealInput) input: CourtAppealInput, @Ctx() ctx: CourtsContext): MatterRef {
    return changed(ctx, appealCourtCase(ctx, ctx.actor, input));
  }

  @Mutation(() => CourtCase, { description: '申请执行已生效的判决书、调解书或司法确认裁定：在第一审人民法院生成执行案件（待立案）；返回执行案件' })
  @Directive(COURTS_ONLY)
  applyForEnforcement(@Arg('input', () => CourtEnforcementInput) input: CourtEnforcementInput, @Ctx() ctx: CourtsContext): MatterRef {
    return changed(ctx, applyForEnforcement(ctx, ctx.actor, input));
  }
}
