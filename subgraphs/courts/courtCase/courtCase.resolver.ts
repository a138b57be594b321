import { Arg, Ctx, Directive, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { typenameOfCaseCode } from '../../shared/codes/caseCode.ts';
import { formatCourtCaseNumber, parseCourtCaseNumber } from '../../shared/codes/courtCaseNumber.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { divisionName } from '../../shared/identity/divisions.ts';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { type Connection, toConnection } from '../../shared/paging/toConnection.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { matterRef, type MatterRef } from '../../shared/schema/matterReferences.ts';
import { Party, partyOf } from '../../shared/schema/Party.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { isOverdue } from '../../shared/time/isOverdue.ts';
import type { CourtsContext } from '../context.ts';
import { Matter } from '../matter/matter.type.ts';
import { appealDeadline, latestAllowedDueAt } from './courtCase.deadlines.ts';
import { CourtCaseStatus, CourtOutcome, CourtProcedure } from './courtCase.enums.ts';
import type { CourtCaseRow, CourtCaseSummary } from './courtCase.store.ts';
import { Court, CourtCase, CourtCaseConnection, CourtCaseFilter, CourtCaseStepRecord, CourtHearing, CourtLimitExtension } from './courtCase.type.ts';
import { CONNECTION_LIST_SIZE, listSize } from '../../shared/schema/cost.ts';

/** The root value of a CourtCase: its key; fields load the row through the request's loader. */
export const courtCaseRef = (caseCode: string): MatterRef => ({ __typename: 'CourtCase', caseCode });

async function row(c: MatterRef, ctx: CourtsContext): Promise<CourtCaseRow> {
  const found = await ctx.loaders.courtCase.load(c.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no court case ${c.caseCode}`);
  return found;
}

/** The fields a list or a person's view shows: no need for the whole row. */
async function summary(c: MatterRef, ctx: CourtsContext): Promise<CourtCaseSummary> {
  const found = await ctx.loaders.courtCaseSummary.load(c.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no court case ${c.caseCode}`);
  return found;
}

/** A reference to one of this court system's cases, or null when it is not here. */
async function ownCase(caseCode: string | null, ctx: CourtsContext): Promise<MatterRef | null> {
  return caseCode && (await ctx.loaders.courtCase.load(caseCode)) ? courtCaseRef(caseCode) : null;
}

@Resolver(() => CourtCase)
export class CourtCaseResolver {
  @Query(() => CourtCase, { nullable: true, description: '按案件编码查询法院案件' })
  async courtCase(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: CourtsContext): Promise<MatterRef | null> {
    return ownCase(caseCode.trim(), ctx);
  }

  @Query(() => CourtCase, { nullable: true, description: '按案号查询法院案件，全角（）与半角 () 括号均可，如 （2026）鄂0923民初12号' })
  async courtCaseByNumber(@Arg('caseNumber', () => String) caseNumber: string, @Ctx() ctx: CourtsContext): Promise<MatterRef | null> {
    const parsed = parseCourtCaseNumber(caseNumber);
    if (!parsed.ok) {
      throw userError(ErrorCode.BAD_USER_INPUT, `invalid case number: ${parsed.message}`, { argumentName: 'caseNumber', reason: parsed.reason });
    }
    // Stored as courts print them (full-width); the parsed form finds either spelling.
    const code = ctx.cases.byCaseNumber(formatCourtCaseNumber(parsed.value));
    // Through the loader: a case outside the jurisdiction is as unknown as a number never given.
    return code ? ownCase(code, ctx) : null;
  }

  @Query(() => CourtCaseConnection, { description: '法院案件列表，按收案时间由新到旧' })
  @Directive(CONNECTION_LIST_SIZE)
  courtCases(
    @Ctx() ctx: CourtsContext,
    @Arg('filter', () => CourtCaseFilter, { nullable: true }) filter?: CourtCaseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): Connection<MatterRef> {
    const page = ctx.cases.list(
      { ...filter, overdueAt: filter?.overdueOnly ? ctx.clock.now().toISOString() : null },
      ctx.jurisdiction,
      pageSize(first),
      decodeAfter(after),
    );
    for (const r of page.rows) ctx.loaders.courtCase.prime(r.caseCode, r);
    return toConnection(page, (r) => [r.receivedAt, r.caseCode], (r) => courtCaseRef(r.caseCode));
  }

  @FieldResolver(() => String, { nullable: true, description: '案号，如 （2026）鄂0923民初12号；立案时编立，收案待立案和不予立案的为空（诉前调解收案即编号）' })
  async caseNumber(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).caseNumber;
  }

  @FieldResolver(() => Court, { description: '承办法院：一审、诉前调解、司法确认和执行为纠纷发生地基层人民法院，二审为中级人民法院' })
  async court(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<Court> {
    const r = await row(c, ctx);
    return { code: r.courtCode, name: r.courtName, level: r.courtLevel };
  }

  @FieldResolver(() => CourtProcedure, { description: '程序' })
  async procedure(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).procedure;
  }

  @FieldResolver(() => String, { description: '案由，如 追索劳动报酬纠纷' })
  async causeOfAction(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).causeOfAction;
  }

  @FieldResolver(() => Float, { nullable: true, description: '标的额（元）；非金钱给付为空' })
  async claimAmount(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).claimAmount;
  }

  @FieldResolver(() => MatterCategory, { description: '纠纷类别' })
  async category(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).category;
  }

  @FieldResolver(() => String, { description: '标题' })
  async title(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).title;
  }

  @FieldResolver(() => ID, { description: '纠纷发生地乡镇（街道）区划代码' })
  async division(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).division;
  }

  @FieldResolver(() => String, { nullable: true, description: '纠纷发生地乡镇（街道）名称' })
  async divisionName(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return divisionName((await summary(c, ctx)).division) ?? null;
  }

  @FieldResolver(() => CourtCaseStatus, { description: '案件状态' })
  async status(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).status;
  }

  @FieldResolver(() => [Party], { description: '诉讼参加人及其诉讼地位' })
  @Directive(listSize({ assumedSize: 5 }))
  async parties(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<Party[]> {
    const parties = await ctx.loaders.parties.load(c.caseCode);
    return parties.map(partyOf);
  }

  @FieldResolver(() => String, { nullable: true, description: '承办法官' })
  async judge(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).judge;
  }

  @FieldResolver(() => DateTimeScalar, { description: '收案时间' })
  async receivedAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).receivedAt;
  }

  @FieldResolver(() => DateTimeScalar, { description: '立案审查期限：收案后 7 日内决定是否立案（民事诉讼法第 126 条）' })
  async filingDueAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).filingDueAt;
  }

  @FieldResolver(() => Boolean, { description: '立案审查是否超期：逾期仍未决定，或立案、不予立案晚于期限' })
  async filingOverdue(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    const r = await row(c, ctx);
    const decidedAt = r.filedAt ?? (r.status === 'NOT_FILED' ? r.closedAt : null);
    return isOverdue(r.filingDueAt, decidedAt, ctx.clock.now());
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '立案时间' })
  async filedAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).filedAt;
  }

  @FieldResolver(() => [CourtHearing], { description: '开庭与调解安排，按时间先后' })
  @Directive(listSize({ assumedSize: 5 }))
  async hearings(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<CourtHearing[]> {
    return ctx.loaders.hearings.load(c.caseCode);
  }

  @FieldResolver(() => [CourtLimitExtension], { description: '经批准的期限延长' })
  @Directive(listSize({ assumedSize: 3 }))
  async limitExtensions(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<CourtLimitExtension[]> {
    return ctx.loaders.extensions.load(c.caseCode);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '当前期限：立案前为立案审查期限；立案后为程序审理（办理）期限加上已批准的延长' })
  async dueAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).dueAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '本院批准延长后期限最多可到的时间；法律未规定延长总限的程序为空' })
  async latestAllowedDueAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    const r = await row(c, ctx);
    return r.filedAt ? (latestAllowedDueAt(r.procedure, r.filedAt)?.toISOString() ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: '是否超期：已过期限仍未结案，或结案晚于期限' })
  async overdue(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    const r = await row(c, ctx);
    return isOverdue(r.dueAt, r.closedAt, ctx.clock.now());
  }

  @FieldResolver(() => CourtOutcome, { nullable: true, description: '结案方式' })
  async outcome(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).outcome;
  }

  @FieldResolver(() => String, { nullable: true, description: '结案说明（判决主文摘要、调解协议内容等）' })
  async outcomeNote(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).outcomeNote;
  }

  @FieldResolver(() => String, { nullable: true, description: '不予立案的理由' })
  async refusalReason(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).refusalReason;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '结案时间（不予立案时为裁定时间）' })
  async closedAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await summary(c, ctx)).closedAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '上诉期限：适用简易或普通程序的一审判决后 15 日（民事诉讼法第 171 条，按判决日计算）；不能上诉的为空' })
  async appealDeadline(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    const r = await row(c, ctx);
    const appealable = r.status === 'CLOSED' && r.outcome === 'JUDGMENT' && (r.procedure === 'SIMPLIFIED' || r.procedure === 'ORDINARY');
    return appealable ? appealDeadline(r.closedAt!).toISOString() : null;
  }

  @FieldResolver(() => CourtCase, { nullable: true, description: '二审案件：所上诉的一审案件' })
  async appealOf(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return ownCase((await row(c, ctx)).appealOf, ctx);
  }

  @FieldResolver(() => CourtCase, { nullable: true, description: '一审案件：对其判决提起上诉后的二审案件' })
  async appealedAs(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return ownCase((await row(c, ctx)).appealedAs, ctx);
  }

  @FieldResolver(() => CourtCase, { nullable: true, description: '执行案件：执行依据所在的案件' })
  async enforces(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return ownCase((await row(c, ctx)).enforces, ctx);
  }

  @FieldResolver(() => [CourtCase], { description: '以本案裁判文书为执行依据的执行案件' })
  @Directive(listSize({ assumedSize: 3 }))
  async enforcedBy(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<MatterRef[]> {
    const codes = await ctx.loaders.enforcements.load(c.caseCode);
    const rows = await ctx.loaders.courtCase.loadMany(codes);
    return codes.filter((_, i) => rows[i] && !(rows[i] instanceof Error)).map(courtCaseRef);
  }

  @FieldResolver(() => Matter, { nullable: true, description: '来源事项（任一机构，如综治中心工单、诉前调解、人民调解）' })
  async origin(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<MatterRef | null> {
    const origin = (await row(c, ctx)).origin;
    if (!origin) return null;
    // Our own case only when the user may see it; another agency's owner applies its own check.
    return typenameOfCaseCode(origin) === 'CourtCase' ? ownCase(origin, ctx) : matterRef(origin);
  }

  @FieldResolver(() => Matter, { nullable: true, description: '司法确认：所确认调解协议所在的人民调解案件（司法行政）' })
  async confirms(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<MatterRef | null> {
    const confirms = (await row(c, ctx)).confirms;
    return confirms ? matterRef(confirms) : null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '司法确认：申请中载明的调解协议签订（生效）时间' })
  async agreementSignedAt(@Root() c: MatterRef, @Ctx() ctx: CourtsContext) {
    return (await row(c, ctx)).agreementSignedAt;
  }

  @FieldResolver(() => [CourtCaseStepRecord], { description: '流程记录' })
  async steps(@Root() c: MatterRef, @Ctx() ctx: CourtsContext): Promise<CourtCaseStepRecord[]> {
    return ctx.loaders.steps.load(c.caseCode);
  }
}
