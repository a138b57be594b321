import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { typenameOfCaseCode } from '../../shared/codes/caseCode.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { divisionName } from '../../shared/identity/divisions.ts';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { toConnection } from '../../shared/paging/toConnection.ts';
import { Party, partyOf } from '../../shared/schema/Party.ts';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { Scope, policy, requiresScope } from '../../shared/schema/scopes.ts';
import { forgetChangedCase } from '../../shared/server/forgetChangedCase.ts';
import { isOverdue } from '../../shared/time/isOverdue.ts';
import type { PetitionsContext } from '../context.ts';
import { Matter } from '../matter.type.ts';
import {
  answerPetitionReview,
  answerPetitionSecondReview,
  decidePetition,
  divertPetition,
  extendPetitionHandling,
  forwardPetition,
  issueAcceptanceNotice,
  ratePetition,
  registerPetition,
  requestPetitionReview,
  requestPetitionSecondReview,
} from './petition.commands.ts';
import { petitionDeadlines, type PetitionDeadlineSet } from './petition.deadlines.ts';
import {
  DiversionTarget,
  ForwardMode,
  PetitionDecisionOutcome,
  PetitionReviewOutcome,
} from './petition.enums.ts';
import { COLLECTIVE_PETITIONERS } from './petition.feed.ts';
import type { PetitionRow } from './petition.store.ts';
import {
  Petition,
  PetitionConnection,
  PetitionDeadlines,
  PetitionDecision,
  PetitionDiversion,
  PetitionExtension,
  PetitionFilter,
  PetitionRegistrationInput,
  PetitionReview,
  PetitionStepRecord,
} from './petition.type.ts';
import { CONNECTION_LIST_SIZE, listSize } from '../../shared/schema/cost.ts';

/** The procedure is the petitions bureau's own work. */
const PETITIONS_ONLY = policy(['agency:PETITIONS']);

/** What an accuser looks like to someone without the accuser scope. */
export const ACCUSER_PLACEHOLDER = '控告人（身份保密）';

/**
 * A reference field's value: another agency's matter is a key-only
 * reference its owner resolves; a petition of ours is loaded here, because
 * this subgraph answers that petition's fields in the same fetch.
 */
async function matterValue(caseCode: string | null, ctx: PetitionsContext): Promise<MatterRef | (PetitionRow & MatterRef) | null> {
  if (!caseCode) return null;
  const typename = typenameOfCaseCode(caseCode);
  if (!typename) return null;
  if (typename !== 'Petition') return { __typename: typename, caseCode };
  const row = await ctx.loaders.petition.load(caseCode);
  return row ? { ...row, __typename: 'Petition' } : null;
}

/** The petition as it is after a change (the request's loader may hold the old row). */
async function fresh(ctx: PetitionsContext, caseCode: string): Promise<PetitionRow> {
  forgetChangedCase(caseCode, [ctx.loaders.petition, ctx.loaders.events]);
  const row = await ctx.loaders.petition.load(caseCode);
  if (!row) throw userError(ErrorCode.NOT_FOUND, `no petition ${caseCode}`);
  return row;
}

@Resolver(() => Petition)
export class PetitionResolver {
  @Query(() => Petition, { nullable: true, description: '按案件编码查询信访事项' })
  async petition(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: PetitionsContext): Promise<PetitionRow | null> {
    return (await ctx.loaders.petition.load(caseCode)) ?? null;
  }

  @Query(() => PetitionConnection, { description: '信访事项列表，按登记时间由新到旧' })
  @Directive(CONNECTION_LIST_SIZE)
  petitions(
    @Ctx() ctx: PetitionsContext,
    @Arg('filter', () => PetitionFilter, { nullable: true }) filter?: PetitionFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ) {
    const page = ctx.petitions.list(
      { ...filter, overdueAt: filter?.overdueOnly ? ctx.clock.now().toISOString() : null },
      ctx.jurisdiction,
      pageSize(first),
      decodeAfter(after),
    );
    for (const r of page.rows) ctx.loaders.petition.prime(r.caseCode, r);
    return toConnection(page, (r) => [r.registeredAt, r.caseCode], (r) => r);
  }

  @FieldResolver(() => String, { nullable: true, description: '事发地乡镇（街道）名称' })
  divisionName(@Root() p: PetitionRow): string | null {
    return divisionName(p.division) ?? null;
  }

  @FieldResolver(() => Boolean, { description: `是否集体访（信访人 ${COLLECTIVE_PETITIONERS} 人以上）` })
  collective(@Root() p: PetitionRow): boolean {
    return p.petitionerCount >= COLLECTIVE_PETITIONERS;
  }

  @FieldResolver(() => [Party], { description: `信访人。检举控告类的控告人身份保密，显示为“${ACCUSER_PLACEHOLDER}”，不关联人员` })
  @Directive(listSize({ assumedSize: 5 }))
  async petitioners(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext): Promise<Party[]> {
    const parties = await ctx.loaders.parties.load(p.caseCode);
    return parties.flatMap((x): Party[] => {
      if (x.role === 'PETITIONER') return [partyOf(x)];
      if (x.role === 'COMPLAINANT') return [{ role: 'COMPLAINANT', displayName: ACCUSER_PLACEHOLDER, person: null }];
      return [];
    });
  }

  @FieldResolver(() => [Party], { nullable: true, description: '控告人的真实身份（《信访工作条例》第三十条：不得泄露给被控告人；需 petitions:accuser 权限）' })
  @Directive(requiresScope(Scope.PETITION_ACCUSER))
  @Directive(listSize({ assumedSize: 5 }))
  async accusers(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext): Promise<Party[]> {
    return (await ctx.loaders.parties.load(p.caseCode)).filter((x) => x.role === 'COMPLAINANT').map(partyOf);
  }

  @FieldResolver(() => [Party], { description: '被反映人、被控告人' })
  @Directive(listSize({ assumedSize: 5 }))
  async respondents(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext): Promise<Party[]> {
    return (await ctx.loaders.parties.load(p.caseCode)).filter((x) => x.role !== 'PETITIONER' && x.role !== 'COMPLAINANT').map(partyOf);
  }

  @FieldResolver(() => Matter, { nullable: true, description: '来源事项（任一机构）' })
  origin(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext) {
    return matterValue(p.origin, ctx);
  }

  @FieldResolver(() => Matter, { nullable: true, description: '同一事实的首次信访事项（本件为重复信访时）' })
  repeatOf(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext) {
    return matterValue(p.repeatOf, ctx);
  }

  @FieldResolver(() => PetitionDeadlines, { description: '各环节期限' })
  deadlines(@Root() p: PetitionRow): PetitionDeadlineSet {
    return petitionDeadlines(p);
  }

  @FieldResolver(() => Boolean, { description: '是否超期：当前环节已过期限仍未办结，或办结晚于期限' })
  overdue(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext): boolean {
    return isOverdue(p.dueAt, p.closedAt, ctx.clock.now());
  }

  @FieldResolver(() => PetitionExtension, { nullable: true, description: '延长办理期限' })
  extension(@Root() p: PetitionRow): PetitionExtension | null {
    return p.extensionDays === null ? null : { grantedAt: p.extensionGrantedAt!, days: p.extensionDays, reason: p.extensionReason ?? '' };
  }

  @FieldResolver(() => PetitionDecision, { nullable: true, description: '书面处理意见' })
  decision(@Root() p: PetitionRow): PetitionDecision | null {
    return p.decidedAt === null ? null : { decidedAt: p.decidedAt, outcome: p.decisionOutcome!, text: p.decisionText ?? '' };
  }

  @FieldResolver(() => PetitionDiversion, { nullable: true, description: '导入法定途径' })
  async diversion(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext): Promise<PetitionDiversion | null> {
    if (!p.divertedTo || !p.divertedAt) return null;
    return { to: p.divertedTo, at: p.divertedAt, reason: p.divertReason, followUp: await matterValue(p.followUp, ctx) };
  }

  @FieldResolver(() => PetitionReview, { nullable: true, description: '复查' })
  review(@Root() p: PetitionRow): PetitionReview | null {
    if (!p.reviewRequestedAt) return null;
    return {
      requestedAt: p.reviewRequestedAt,
      body: p.reviewBody ?? '',
      dueAt: petitionDeadlines(p).reviewDueAt!,
      decidedAt: p.reviewDecidedAt,
      outcome: p.reviewOutcome,
      text: p.reviewText,
    };
  }

  @FieldResolver(() => PetitionReview, { nullable: true, description: '复核' })
  secondReview(@Root() p: PetitionRow): PetitionReview | null {
    if (!p.secondReviewRequestedAt) return null;
    return {
      requestedAt: p.secondReviewRequestedAt,
      body: p.secondReviewBody ?? '',
      dueAt: petitionDeadlines(p).secondReviewDueAt!,
      decidedAt: p.secondReviewDecidedAt,
      outcome: p.secondReviewOutcome,
      text: p.secondReviewText,
    };
  }

  @FieldResolver(() => [PetitionStepRecord], { description: '办理记录' })
  steps(@Root() p: PetitionRow, @Ctx() ctx: PetitionsContext): Promise<PetitionStepRecord[]> {
    return ctx.loaders.events.load(p.caseCode);
  }

  // The procedure. Each step records who (the signed-in user) and when.

  @Mutation(() => Petition, { description: '登记信访事项。idempotencyKey 相同的重复提交只登记一件；同一事实已复核终结的不再受理（ALREADY_CLOSED_FACTS）' })
  @Directive(PETITIONS_ONLY)
  async registerPetition(
    @Arg('input', () => PetitionRegistrationInput) input: PetitionRegistrationInput,
    @Arg('idempotencyKey', () => String, { description: '幂等键：同一次登记重试时保持不变' }) idempotencyKey: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionRow> {
    return fresh(ctx, registerPetition(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => Petition, { description: '转送、交办（登记后 15 日内）' })
  @Directive(PETITIONS_ONLY)
  async forwardPetition(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('unit', () => String, { description: '承办单位' }) unit: string,
    @Ctx() ctx: PetitionsContext,
    @Arg('mode', () => ForwardMode, { nullable: true, description: '转送或交办，默认转送' }) mode?: ForwardMode | null,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<PetitionRow> {
    forwardPetition(ctx, ctx.actor, caseCode, unit, mode ?? 'FORWARD', note ?? null);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '书面告知受理或不予受理（转送、交办后 15 日内）；不予受理须说明理由' })
  @Directive(PETITIONS_ONLY)
  async issueAcceptanceNotice(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('accepted', () => Boolean, { description: '是否受理' }) accepted: boolean,
    @Ctx() ctx: PetitionsContext,
    @Arg('reason', () => String, { nullable: true, description: '不予受理的理由（不予受理时必填）' }) reason?: string | null,
  ): Promise<PetitionRow> {
    issueAcceptanceNotice(ctx, ctx.actor, caseCode, accepted, reason ?? null);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '将申诉求决类事项导入诉讼、仲裁或综治中心调处；followUp 为承接事项的案件编码' })
  @Directive(PETITIONS_ONLY)
  async divertPetition(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('to', () => DiversionTarget, { description: '导入途径' }) to: DiversionTarget,
    @Arg('reason', () => String, { description: '理由' }) reason: string,
    @Ctx() ctx: PetitionsContext,
    @Arg('followUp', () => ID, { nullable: true, description: '承接事项的案件编码（如综治中心工单、法院案件）' }) followUp?: string | null,
  ): Promise<PetitionRow> {
    divertPetition(ctx, ctx.actor, caseCode, to, reason, followUp ?? null);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '延长办理期限：只能一次，不超过 30 日，须在期限届满前并说明理由' })
  @Directive(PETITIONS_ONLY)
  async extendPetitionHandling(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('days', () => Int, { description: '延长日数（1–30）' }) days: number,
    @Arg('reason', () => String, { description: '延期理由' }) reason: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionRow> {
    extendPetitionHandling(ctx, ctx.actor, caseCode, days, reason);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '出具书面处理意见' })
  @Directive(PETITIONS_ONLY)
  async decidePetition(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('outcome', () => PetitionDecisionOutcome, { description: '结论' }) outcome: PetitionDecisionOutcome,
    @Arg('text', () => String, { description: '处理意见全文' }) text: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionRow> {
    decidePetition(ctx, ctx.actor, caseCode, outcome, text);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '信访人申请复查（收到处理意见后 30 日内）' })
  @Directive(PETITIONS_ONLY)
  async requestPetitionReview(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('body', () => String, { description: '复查机关' }) body: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionRow> {
    requestPetitionReview(ctx, ctx.actor, caseCode, body);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '出具复查意见（申请后 30 日内）' })
  @Directive(PETITIONS_ONLY)
  async answerPetitionReview(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('outcome', () => PetitionReviewOutcome, { description: '结论' }) outcome: PetitionReviewOutcome,
    @Ctx() ctx: PetitionsContext,
    @Arg('text', () => String, { nullable: true, description: '复查意见全文' }) text?: string | null,
  ): Promise<PetitionRow> {
    answerPetitionReview(ctx, ctx.actor, caseCode, outcome, text ?? null);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '信访人申请复核（收到复查意见后 30 日内）' })
  @Directive(PETITIONS_ONLY)
  async requestPetitionSecondReview(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('body', () => String, { description: '复核机关' }) body: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionRow> {
    requestPetitionSecondReview(ctx, ctx.actor, caseCode, body);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '出具复核意见（申请后 30 日内）；复核后终结，同一事实和理由不再受理' })
  @Directive(PETITIONS_ONLY)
  async answerPetitionSecondReview(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('outcome', () => PetitionReviewOutcome, { description: '结论' }) outcome: PetitionReviewOutcome,
    @Ctx() ctx: PetitionsContext,
    @Arg('text', () => String, { nullable: true, description: '复核意见全文' }) text?: string | null,
  ): Promise<PetitionRow> {
    answerPetitionSecondReview(ctx, ctx.actor, caseCode, outcome, text ?? null);
    return fresh(ctx, caseCode);
  }

  @Mutation(() => Petition, { description: '记录信访人对答复的评价（出具处理意见后）' })
  @Directive(PETITIONS_ONLY)
  async ratePetition(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('rating', () => Satisfaction, { description: '满意度' }) rating: Satisfaction,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionRow> {
    ratePetition(ctx, ctx.actor, caseCode, rating);
    return fresh(ctx, caseCode);
  }
}
