import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { parseCaseCode } from '../../shared/codes/caseCode.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { divisionName } from '../../shared/identity/divisions.ts';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { type Connection, toConnection } from '../../shared/paging/toConnection.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { type MatterRef, matterRef } from '../../shared/schema/matterReferences.ts';
import { Party, partyOf } from '../../shared/schema/Party.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { Scope, policy, requiresScope } from '../../shared/schema/scopes.ts';
import { forgetChangedCase } from '../../shared/server/forgetChangedCase.ts';
import type { PoliceContext } from '../context.ts';
import { Matter } from '../matter.type.ts';
import {
  arriveAtIncident,
  closeIncident,
  dispatchIncident,
  handleIncident,
  receiveIncident,
  reportBackIncident,
} from './incident.commands.ts';
import { PoliceCategory, PoliceChannel, PoliceDisposition, PoliceIncidentStatus } from './incident.enums.ts';
import { parseIncidentNumber } from './incidentNumber.ts';
import { minutesSince } from './incident.responseTimes.ts';
import type { IncidentRow, IncidentSummary } from './incident.store.ts';
import {
  PoliceIncident,
  PoliceIncidentConnection,
  PoliceIncidentFilter,
  PoliceIncidentInput,
  PoliceIncidentStepRecord,
  PoliceOfficer,
  PoliceOfficerInput,
} from './incident.type.ts';
import { CONNECTION_LIST_SIZE, listSize } from '../../shared/schema/cost.ts';

export const incidentRef = (caseCode: string): MatterRef => ({ __typename: 'PoliceIncident', caseCode });

/** Police work and police-only fields: the police's own (with the scope where one applies). */
export const POLICE_ONLY = policy(['agency:POLICE']);

async function row(i: MatterRef, ctx: PoliceContext): Promise<IncidentRow> {
  const found = await ctx.loaders.incident.load(i.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no police incident ${i.caseCode}`);
  return found;
}

/** The fields a list or a person's view shows: no need for the whole row. */
async function summary(i: MatterRef, ctx: PoliceContext): Promise<IncidentSummary> {
  const found = await ctx.loaders.incidentSummary.load(i.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no police incident ${i.caseCode}`);
  return found;
}

/** The changed incident as the answer, read afresh. */
function changed(ctx: PoliceContext, caseCode: string): MatterRef {
  const { incident, incidentSummary, steps, incidentByNumber, incidentsOfPerson, incidentsOfSuspect } = ctx.loaders;
  forgetChangedCase(caseCode, [incident, incidentSummary, steps], [incidentByNumber, incidentsOfPerson, incidentsOfSuspect]);
  return incidentRef(caseCode);
}

@Resolver(() => PoliceIncident)
export class IncidentResolver {
  @Query(() => PoliceIncident, { nullable: true, description: '按案件编码查询警情' })
  async policeIncident(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: PoliceContext): Promise<MatterRef | null> {
    const parsed = parseCaseCode(caseCode);
    if (!parsed.ok) throw userError(ErrorCode.BAD_USER_INPUT, `invalid case code: ${parsed.message}`, { argumentName: 'caseCode', reason: parsed.reason });
    return (await ctx.loaders.incident.load(caseCode)) ? incidentRef(caseCode) : null;
  }

  @Query(() => PoliceIncident, { nullable: true, description: '按接警单号查询警情，如 J420923202503160012' })
  async policeIncidentByNumber(@Arg('incidentNumber', () => String) incidentNumber: string, @Ctx() ctx: PoliceContext): Promise<MatterRef | null> {
    const parsed = parseIncidentNumber(incidentNumber);
    if (!parsed.ok) throw userError(ErrorCode.BAD_USER_INPUT, `invalid incident number: ${parsed.message}`, { argumentName: 'incidentNumber' });
    const found = await ctx.loaders.incidentByNumber.load(incidentNumber.trim());
    if (!found) return null;
    ctx.loaders.incident.prime(found.caseCode, found);
    return incidentRef(found.caseCode);
  }

  @Query(() => PoliceIncidentConnection, { description: '警情列表，按接警时间由新到旧' })
  @Directive(CONNECTION_LIST_SIZE)
  policeIncidents(
    @Ctx() ctx: PoliceContext,
    @Arg('filter', () => PoliceIncidentFilter, { nullable: true }) filter?: PoliceIncidentFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): Connection<MatterRef> {
    const page = ctx.incidents.list(filter ?? {}, ctx.jurisdiction, pageSize(first), decodeAfter(after));
    for (const r of page.rows) ctx.loaders.incident.prime(r.caseCode, r);
    return toConnection(page, (r) => [r.receivedAt, r.caseCode], (r) => incidentRef(r.caseCode));
  }

  @FieldResolver(() => String, { description: '接警单号' })
  async incidentNumber(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).incidentNumber;
  }

  @FieldResolver(() => PoliceChannel, { description: '接警渠道' })
  async channel(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).channel;
  }

  @FieldResolver(() => PoliceCategory, { description: '警情类别' })
  async category(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).category;
  }

  @FieldResolver(() => MatterCategory, { description: '纠纷类别（综治中心统一分类）' })
  async matterCategory(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).matterCategory;
  }

  @FieldResolver(() => String, { description: '警情摘要' })
  async title(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).title;
  }

  @FieldResolver(() => String, { description: '发案地点' })
  async place(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).place;
  }

  @FieldResolver(() => ID, { description: '发案地乡镇（街道）区划代码' })
  async division(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).division;
  }

  @FieldResolver(() => String, { nullable: true, description: '发案地乡镇（街道）名称' })
  async divisionName(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return divisionName((await summary(i, ctx)).division) ?? null;
  }

  @FieldResolver(() => String, { description: '管辖单位（派出所、交警大队）' })
  async station(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).station;
  }

  @FieldResolver(() => PoliceOfficer, { nullable: true, description: '出警民警（派警后）' })
  async officer(@Root() i: MatterRef, @Ctx() ctx: PoliceContext): Promise<PoliceOfficer | null> {
    const r = await row(i, ctx);
    return r.officerName && r.officerBadge ? { name: r.officerName, badgeNumber: r.officerBadge } : null;
  }

  @FieldResolver(() => PoliceIncidentStatus, { description: '警情状态' })
  async status(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).status;
  }

  @FieldResolver(() => DateTimeScalar, { description: '接警时间' })
  async receivedAt(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).receivedAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '派警时间' })
  async dispatchedAt(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).dispatchedAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '到场时间' })
  async arrivedAt(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).arrivedAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '处置时间' })
  async handledAt(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).handledAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '反馈时间' })
  async reportedBackAt(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).reportedBackAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '结警时间' })
  async closedAt(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await summary(i, ctx)).closedAt;
  }

  // Response times replace a deadline: 110 has no statutory limit.

  @FieldResolver(() => Int, { nullable: true, description: '接警至派警用时（分钟，四舍五入）；未派警时为空' })
  async minutesToDispatch(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    const r = await row(i, ctx);
    return minutesSince(r.receivedAt, r.dispatchedAt);
  }

  @FieldResolver(() => Int, { nullable: true, description: '接警至民警到场用时（分钟，到场时间）；未到场时为空' })
  async minutesToArrive(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    const r = await row(i, ctx);
    return minutesSince(r.receivedAt, r.arrivedAt);
  }

  @FieldResolver(() => Int, { nullable: true, description: '接警至处置完毕用时（分钟）' })
  async minutesToHandle(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    const r = await row(i, ctx);
    return minutesSince(r.receivedAt, r.handledAt);
  }

  @FieldResolver(() => Int, { nullable: true, description: '接警至反馈用时（分钟）' })
  async minutesToReportBack(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    const r = await row(i, ctx);
    return minutesSince(r.receivedAt, r.reportedBackAt);
  }

  @FieldResolver(() => Int, { nullable: true, description: '接警至结警用时（分钟）' })
  async minutesToClose(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    const r = await row(i, ctx);
    return minutesSince(r.receivedAt, r.closedAt);
  }

  @FieldResolver(() => PoliceDisposition, { nullable: true, description: '处置结果（处置后）' })
  async disposition(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).disposition;
  }

  @FieldResolver(() => Matter, { nullable: true, description: '移交综治中心调处时，中心的矛盾纠纷工单（由综治中心解析）' })
  async centerTicket(@Root() i: MatterRef, @Ctx() ctx: PoliceContext): Promise<MatterRef | null> {
    const code = (await row(i, ctx)).centerCaseCode;
    return code ? matterRef(code) : null;
  }

  @FieldResolver(() => [Party], { description: '涉及人员：报警人、受害人、证人及其他涉事人员（违法犯罪嫌疑人见 suspects）' })
  @Directive(listSize({ assumedSize: 5 }))
  async parties(@Root() i: MatterRef, @Ctx() ctx: PoliceContext): Promise<Party[]> {
    return (await ctx.loaders.parties.load(i.caseCode)).filter((p) => p.role !== 'SUSPECT').map(partyOf);
  }

  @FieldResolver(() => [Party], { nullable: true, description: '违法犯罪嫌疑人（仅公安可见，需 police:restricted 权限）' })
  @Directive(requiresScope(Scope.POLICE_RESTRICTED))
  @Directive(POLICE_ONLY)
  @Directive(listSize({ assumedSize: 5 }))
  async suspects(@Root() i: MatterRef, @Ctx() ctx: PoliceContext): Promise<Party[]> {
    return (await ctx.loaders.parties.load(i.caseCode)).filter((p) => p.role === 'SUSPECT').map(partyOf);
  }

  @FieldResolver(() => String, { nullable: true, description: '简要案情及处置、反馈情况（仅公安可见，需 police:restricted 权限）' })
  @Directive(requiresScope(Scope.POLICE_RESTRICTED))
  @Directive(POLICE_ONLY)
  async narrative(@Root() i: MatterRef, @Ctx() ctx: PoliceContext) {
    return (await row(i, ctx)).narrative;
  }

  @FieldResolver(() => [PoliceIncidentStepRecord], { description: '处理记录' })
  async steps(@Root() i: MatterRef, @Ctx() ctx: PoliceContext): Promise<PoliceIncidentStepRecord[]> {
    return ctx.loaders.steps.load(i.caseCode);
  }

  // 接警 → 派警 → 到场 → 处置 → 反馈 → 结警. Each step records who (the signed-in user) and when.

  @Mutation(() => PoliceIncident, { description: '接警登记：分配案件编码和当日接警单号。idempotencyKey 相同的重复提交只生成一条警情' })
  @Directive(POLICE_ONLY)
  receiveIncident(
    @Arg('input', () => PoliceIncidentInput) input: PoliceIncidentInput,
    @Arg('idempotencyKey', () => String, { description: '幂等键：同一次接警重试时保持不变' }) idempotencyKey: string,
    @Ctx() ctx: PoliceContext,
  ): MatterRef {
    return changed(ctx, receiveIncident(ctx, ctx.actor, input, idempotencyKey));
  }

  @Mutation(() => PoliceIncident, { description: '派警' })
  @Directive(POLICE_ONLY)
  dispatchIncident(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('officer', () => PoliceOfficerInput, { description: '出警民警' }) officer: PoliceOfficerInput,
    @Ctx() ctx: PoliceContext,
    @Arg('station', () => String, { nullable: true, description: '改派的管辖单位（不填则不变）' }) station?: string | null,
  ): MatterRef {
    dispatchIncident(ctx, ctx.actor, caseCode, officer, station);
    return changed(ctx, caseCode);
  }

  @Mutation(() => PoliceIncident, { description: '民警到场' })
  @Directive(POLICE_ONLY)
  arriveAtIncident(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: PoliceContext): MatterRef {
    arriveAtIncident(ctx, ctx.actor, caseCode);
    return changed(ctx, caseCode);
  }

  @Mutation(() => PoliceIncident, { description: '处置。移交综治中心（TRANSFERRED_TO_CENTER）时须填中心工单的案件编码（ZZ）' })
  @Directive(POLICE_ONLY)
  handleIncident(
    @Arg('caseCode', () => ID) caseCode: string,
    @Arg('disposition', () => PoliceDisposition) disposition: PoliceDisposition,
    @Arg('note', () => String, { description: '处置情况（记入仅公安可见的案情）' }) note: string,
    @Ctx() ctx: PoliceContext,
    @Arg('centerCaseCode', () => ID, { nullable: true, description: '综治中心工单的案件编码' }) centerCaseCode?: string | null,
  ): MatterRef {
    handleIncident(ctx, ctx.actor, caseCode, disposition, note, centerCaseCode);
    return changed(ctx, caseCode);
  }

  @Mutation(() => PoliceIncident, { description: '反馈处置结果' })
  @Directive(POLICE_ONLY)
  reportBackIncident(
    @Arg('caseCode', () => ID) caseCode: string,
    @Ctx() ctx: PoliceContext,
    @Arg('note', () => String, { nullable: true, description: '反馈情况（记入仅公安可见的案情）' }) note?: string | null,
  ): MatterRef {
    reportBackIncident(ctx, ctx.actor, caseCode, note);
    return changed(ctx, caseCode);
  }

  @Mutation(() => PoliceIncident, { description: '结警' })
  @Directive(POLICE_ONLY)
  closeIncident(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: PoliceContext): MatterRef {
    closeIncident(ctx, ctx.actor, caseCode);
    return changed(ctx, caseCode);
  }
}
