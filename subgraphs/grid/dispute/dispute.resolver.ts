import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { divisionName } from '../../shared/identity/divisions.ts';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { type Connection, toConnection } from '../../shared/paging/toConnection.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { Party, partyOf } from '../../shared/schema/Party.ts';
import { Person } from '../../shared/schema/Person.ts';
import { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { policy } from '../../shared/schema/scopes.ts';
import { forgetChangedCase } from '../../shared/server/forgetChangedCase.ts';
import { isOverdue } from '../../shared/time/isOverdue.ts';
import type { GridContext } from '../context.ts';
import { Division } from '../person/person.type.ts';
import type { MatterRef } from '../registry/matter.type.ts';
import { intakeDispute, applyStep } from './dispute.commands.ts';
import { DisputeStatus, IntakeChannel, Severity, Tier } from './dispute.enums.ts';
import type { DisputeRow } from './dispute.store.ts';
import { Dispute, DisputeConnection, DisputeFilter, DisputeIntakeInput, DisputeStepRecord } from './dispute.type.ts';
import { CONNECTION_LIST_SIZE, listSize } from '../../shared/schema/cost.ts';

const ref = (caseCode: string): MatterRef => ({ __typename: 'Dispute', caseCode });

/** The ticket cycle is the centre's own work. */
const GRID_ONLY = policy(['agency:GRID']);

/** The changed ticket as the answer, read afresh (the registry's row and links too: a step re-indexes the ticket). */
function changed(ctx: GridContext, caseCode: string): MatterRef {
  const { dispute, disputeParties, disputeEvents, matter, related, disputesOfPerson } = ctx.loaders;
  forgetChangedCase(caseCode, [dispute, disputeParties, disputeEvents, matter, related], [disputesOfPerson]);
  return ref(caseCode);
}

async function row(d: MatterRef, ctx: GridContext): Promise<DisputeRow> {
  const found = await ctx.loaders.dispute.load(d.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no dispute ticket ${d.caseCode}`);
  return found;
}

@Resolver(() => Dispute)
export class DisputeResolver {
  @Query(() => Dispute, { nullable: true, description: '按案件编码查询工单' })
  async dispute(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: GridContext): Promise<MatterRef | null> {
    return (await ctx.loaders.dispute.load(caseCode)) ? ref(caseCode) : null;
  }

  @Query(() => DisputeConnection, { description: '工单列表，按受理时间由新到旧' })
  @Directive(CONNECTION_LIST_SIZE)
  disputes(
    @Ctx() ctx: GridContext,
    @Arg('filter', () => DisputeFilter, { nullable: true }) filter?: DisputeFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): Connection<MatterRef> {
    const page = ctx.disputes.list(
      { ...filter, overdueAt: filter?.overdueOnly ? ctx.clock.now().toISOString() : null },
      ctx.jurisdiction,
      pageSize(first),
      decodeAfter(after),
    );
    for (const r of page.rows) ctx.loaders.dispute.prime(r.caseCode, r);
    return toConnection(page, (r) => [r.openedAt, r.caseCode], (r) => ref(r.caseCode));
  }

  @FieldResolver(() => IntakeChannel, { description: '受理渠道' })
  async channel(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).channel;
  }

  @FieldResolver(() => MatterCategory, { description: '纠纷类别' })
  async category(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).category;
  }

  @FieldResolver(() => String, { description: '标题' })
  async title(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).title;
  }

  @FieldResolver(() => String, { description: '纠纷情况' })
  async description(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).description;
  }

  @FieldResolver(() => [Party], { description: '当事人' })
  @Directive(listSize({ assumedSize: 5 }))
  async parties(@Root() d: MatterRef, @Ctx() ctx: GridContext): Promise<Party[]> {
    const parties = await ctx.loaders.disputeParties.load(d.caseCode);
    return parties.map(partyOf);
  }

  @FieldResolver(() => Tier, { description: '办理层级' })
  async tier(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).tier;
  }

  @FieldResolver(() => Severity, { description: '纠纷程度' })
  async severity(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).severity;
  }

  @FieldResolver(() => Division, { description: '发生地乡镇（街道）' })
  async town(@Root() d: MatterRef, @Ctx() ctx: GridContext): Promise<Division> {
    const r = await row(d, ctx);
    return { code: r.division, name: divisionName(r.division) ?? null };
  }

  @FieldResolver(() => String, { nullable: true, description: '承办单位' })
  async assignedUnit(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).assignedUnit;
  }

  @FieldResolver(() => DisputeStatus, { description: '工单状态' })
  async status(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).status;
  }

  @FieldResolver(() => String, { nullable: true, description: '化解结果' })
  async resolution(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).resolution;
  }

  @FieldResolver(() => Satisfaction, { nullable: true, description: '回访满意度' })
  async satisfaction(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).satisfaction;
  }

  @FieldResolver(() => DateTimeScalar, { description: '受理时间' })
  async openedAt(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).openedAt;
  }

  @FieldResolver(() => DateTimeScalar, { description: '办理期限' })
  async dueAt(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).dueAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '办结时间' })
  async closedAt(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    return (await row(d, ctx)).closedAt;
  }

  @FieldResolver(() => Boolean, { description: '是否超期' })
  async overdue(@Root() d: MatterRef, @Ctx() ctx: GridContext) {
    const r = await row(d, ctx);
    return isOverdue(r.dueAt, r.closedAt, ctx.clock.now());
  }

  @FieldResolver(() => [DisputeStepRecord], { description: '流转记录' })
  async steps(@Root() d: MatterRef, @Ctx() ctx: GridContext): Promise<DisputeStepRecord[]> {
    return ctx.loaders.disputeEvents.load(d.caseCode);
  }

  // The ticket cycle. Each step records who (the signed-in user) and when.

  @Mutation(() => Dispute, { description: '窗口受理登记。idempotencyKey 相同的重复提交只生成一张工单' })
  @Directive(GRID_ONLY)
  intakeDispute(
    @Arg('input', () => DisputeIntakeInput) input: DisputeIntakeInput,
    @Arg('idempotencyKey', () => String, { description: '幂等键：同一次受理重试时保持不变' }) idempotencyKey: string,
    @Ctx() ctx: GridContext,
  ): MatterRef {
    return changed(ctx, intakeDispute(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => Dispute, { description: '派单' })
  @Directive(GRID_ONLY)
  dispatchDispute(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('unit', () => String, { description: '承办单位' }) unit: string,
    @Ctx() ctx: GridContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): MatterRef {
    applyStep(ctx, ctx.actor, 'DISPATCH', { caseCode, unit, note });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '接单' })
  @Directive(GRID_ONLY)
  acceptDispute(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: GridContext, @Arg('note', () => String, { nullable: true }) note?: string | null): MatterRef {
    applyStep(ctx, ctx.actor, 'ACCEPT', { caseCode, note });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '督办' })
  @Directive(GRID_ONLY)
  superviseDispute(@Arg('caseCode', () => ID) caseCode: string, @Arg('note', () => String, { description: '督办意见' }) note: string, @Ctx() ctx: GridContext): MatterRef {
    applyStep(ctx, ctx.actor, 'SUPERVISE', { caseCode, note });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '提级办理（村→乡镇→县），按新层级重新派单并计算期限' })
  @Directive(GRID_ONLY)
  escalateDispute(@Arg('caseCode', () => ID) caseCode: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: GridContext): MatterRef {
    applyStep(ctx, ctx.actor, 'ESCALATE', { caseCode, note: reason });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '化解办结' })
  @Directive(GRID_ONLY)
  resolveDispute(@Arg('caseCode', () => ID) caseCode: string, @Arg('resolution', () => String, { description: '化解结果' }) resolution: string, @Ctx() ctx: GridContext): MatterRef {
    applyStep(ctx, ctx.actor, 'RESOLVE', { caseCode, note: resolution });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '调解不成' })
  @Directive(GRID_ONLY)
  failDispute(@Arg('caseCode', () => ID) caseCode: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: GridContext): MatterRef {
    applyStep(ctx, ctx.actor, 'FAIL', { caseCode, note: reason });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '转诉讼或移交其他机构；target 为接收事项的案件编码（如法院案件）' })
  @Directive(GRID_ONLY)
  transferDispute(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GridContext,
    @Arg('target', () => ID, { nullable: true }) target?: string | null,
  ): MatterRef {
    applyStep(ctx, ctx.actor, 'TRANSFER', { caseCode, note: reason, target });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '回访评单（满意度）' })
  @Directive(GRID_ONLY)
  evaluateDispute(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('satisfaction', () => Satisfaction) satisfaction: Satisfaction,
    @Ctx() ctx: GridContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): MatterRef {
    applyStep(ctx, ctx.actor, 'EVALUATE', { caseCode, satisfaction, note });
    return changed(ctx, caseCode);
  }

  @Mutation(() => Dispute, { description: '核单归档' })
  @Directive(GRID_ONLY)
  verifyDispute(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: GridContext, @Arg('note', () => String, { nullable: true }) note?: string | null): MatterRef {
    applyStep(ctx, ctx.actor, 'VERIFY', { caseCode, note });
    return changed(ctx, caseCode);
  }
}

@Resolver(() => Person)
export class PersonDisputesResolver {
  // Nullable: the gateway can still return the rest of the person if grid fails.
  @FieldResolver(() => [Dispute], { nullable: true, description: '此人作为当事人的综治中心工单（辖区内），新的在前' })
  @Directive(listSize({ assumedSize: 20 }))
  async disputes(@Root() person: Person, @Ctx() ctx: GridContext): Promise<MatterRef[]> {
    const rows = await ctx.loaders.disputesOfPerson.load(person.id);
    // The tickets' fields come from these rows: no second statement.
    for (const row of rows) ctx.loaders.dispute.prime(row.caseCode, row);
    return rows.map((row) => ref(row.caseCode));
  }
}
