import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { typenameOfCaseCode } from '../../shared/codes/caseCode.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { divisionName } from '../../shared/identity/divisions.ts';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { type Connection, toConnection } from '../../shared/paging/toConnection.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { type MatterRef, matterRef } from '../../shared/schema/matterReferences.ts';
import { Party, partyOf } from '../../shared/schema/Party.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import { isOverdue } from '../../shared/time/isOverdue.ts';
import type { LegalAidContext } from '../context.ts';
import { Matter } from '../matter/matter.type.ts';
import { LegalAidKind, LegalAidStatus } from './legalAidCase.enums.ts';
import { LegalAidCaseFilterInput } from './legalAidCase.inputs.ts';
import type { LegalAidCaseRow, LegalAidCaseSummary } from './legalAidCase.store.ts';
import {
  LegalAidApplication,
  LegalAidArbitration,
  LegalAidCase,
  LegalAidCaseConnection,
  LegalAidCaseLink,
  LegalAidConsultation,
  LegalAidMediation,
  LegalAidStepRecord,
} from './legalAidCase.type.ts';
import { CONNECTION_LIST_SIZE, listSize } from '../../shared/schema/cost.ts';

export const legalAidCaseRef = (caseCode: string): MatterRef => ({ __typename: 'LegalAidCase', caseCode });

/**
 * A reference to a matter this case names: our own case only when the user
 * may see it (null otherwise, as for an unknown one); another agency's as
 * a key its owner resolves, applying its own jurisdiction check.
 */
async function referenceTo(caseCode: string, ctx: LegalAidContext): Promise<MatterRef | null> {
  if (typenameOfCaseCode(caseCode) !== 'LegalAidCase') return matterRef(caseCode);
  return (await ctx.loaders.legalAidCase.load(caseCode)) ? legalAidCaseRef(caseCode) : null;
}

/** The fields every kind has (a list's, a person's view's): no need for the whole row. */
async function summary(c: MatterRef, ctx: LegalAidContext): Promise<LegalAidCaseSummary> {
  const found = await ctx.loaders.legalAidCaseSummary.load(c.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no legal-services case ${c.caseCode}`);
  return found;
}

async function row(c: MatterRef, ctx: LegalAidContext): Promise<LegalAidCaseRow> {
  const found = await ctx.loaders.legalAidCase.load(c.caseCode);
  if (!found) throw userError(ErrorCode.NOT_FOUND, `no legal-services case ${c.caseCode}`);
  return found;
}

/** The kind's own part of a case, shaped for the schema (null for the other kinds). */
export function toApplication(r: LegalAidCaseRow): LegalAidApplication | null {
  if (r.kind !== 'LEGAL_AID') return null;
  return {
    matter: r.aidMatter ?? '',
    decisionDueAt: r.decisionDueAt!,
    decidedAt: r.decidedAt,
    decision: r.decision,
    refusalReason: r.refusalReason,
    provisional: r.provisional,
    limitationDeadline: r.limitationDeadline,
    meansTestWaived: r.meansTestWaived,
    monthlyIncomeYuan: r.monthlyIncomeYuan,
    householdSize: r.householdSize,
    meansTestResult: r.meansTestResult,
    assignmentDueAt: r.assignmentDueAt,
    lawyer: r.lawyerName ? { name: r.lawyerName, firm: r.lawyerFirm ?? '', licenceNumber: r.lawyerLicence ?? '' } : null,
    assignedAt: r.assignedAt,
  };
}

export function toMediation(r: LegalAidCaseRow, now: Date): LegalAidMediation | null {
  if (r.kind !== 'MEDIATION') return null;
  return {
    committee: r.committee ?? r.organization,
    mediator: r.mediator ?? '',
    labour: r.labourMediation,
    mediationDueAt: r.mediationDueAt!,
    result: r.mediationResult,
    failedAt: r.failedAt,
    failureReason: r.failureReason,
    agreement:
      r.agreementSignedAt && r.confirmationDeadline
        ? {
            signedAt: r.agreementSignedAt,
            terms: r.agreementTerms ?? '',
            amountYuan: r.agreementAmountYuan,
            confirmationDeadline: r.confirmationDeadline,
            confirmationWindowOpen: r.confirmedBy === null && now.getTime() <= Date.parse(r.confirmationDeadline),
          }
        : null,
    confirmedBy: r.confirmedBy ? (matterRef(r.confirmedBy) as unknown as Matter) : null,
    confirmedAt: r.confirmedAt,
  };
}

export function toArbitration(r: LegalAidCaseRow): LegalAidArbitration | null {
  if (r.kind !== 'LABOUR_ARBITRATION') return null;
  return {
    commission: r.commission ?? r.organization,
    arbitrator: r.arbitrator,
    acceptanceDueAt: r.acceptanceDueAt,
    acceptedAt: r.acceptedAt,
    awardDueAt: r.awardDueAt,
    extensionDays: r.extensionDays,
    extensionReason: r.extensionReason,
    award: r.awardAt ? { at: r.awardAt, text: r.awardText ?? '', amountYuan: r.awardAmountYuan } : null,
    withdrawnAt: r.withdrawnAt,
    withdrawalReason: r.withdrawalReason,
  };
}

export function toConsultation(r: LegalAidCaseRow): LegalAidConsultation | null {
  if (r.kind !== 'CONSULTATION') return null;
  return { question: r.question ?? '', answer: r.answer, answeredAt: r.answeredAt };
}

@Resolver(() => LegalAidCase)
export class LegalAidCaseResolver {
  @Query(() => LegalAidCase, { nullable: true, description: '按案件编码查询司法行政事项' })
  async legalAidCase(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: LegalAidContext): Promise<MatterRef | null> {
    return (await ctx.loaders.legalAidCase.load(caseCode.trim())) ? legalAidCaseRef(caseCode.trim()) : null;
  }

  @Query(() => LegalAidCaseConnection, { description: '司法行政事项列表，按申请时间由新到旧' })
  @Directive(CONNECTION_LIST_SIZE)
  legalAidCases(
    @Ctx() ctx: LegalAidContext,
    @Arg('filter', () => LegalAidCaseFilterInput, { nullable: true }) filter?: LegalAidCaseFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): Connection<MatterRef> {
    const page = ctx.cases.list(
      { ...filter, overdueAt: filter?.overdueOnly ? ctx.clock.now().toISOString() : null },
      ctx.jurisdiction,
      pageSize(first),
      decodeAfter(after),
    );
    for (const r of page.rows) ctx.loaders.legalAidCase.prime(r.caseCode, r);
    return toConnection(page, (r) => [r.appliedAt, r.caseCode], (r) => legalAidCaseRef(r.caseCode));
  }

  @FieldResolver(() => LegalAidKind, { description: '事项类别' })
  async kind(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).kind;
  }

  @FieldResolver(() => LegalAidStatus, { description: '状态' })
  async status(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).status;
  }

  @FieldResolver(() => String, { description: '标题' })
  async title(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).title;
  }

  @FieldResolver(() => MatterCategory, { description: '纠纷类别' })
  async category(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).category;
  }

  @FieldResolver(() => ID, { description: '发生地乡镇（街道）区划代码' })
  async division(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).division;
  }

  @FieldResolver(() => String, { nullable: true, description: '发生地乡镇（街道）名称' })
  async townName(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return divisionName((await summary(c, ctx)).division) ?? null;
  }

  @FieldResolver(() => String, { description: '办理机构：法律援助中心、人民调解委员会或仲裁委员会' })
  async organization(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).organization;
  }

  @FieldResolver(() => [Party], { description: '当事人' })
  @Directive(listSize({ assumedSize: 5 }))
  async parties(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext): Promise<Party[]> {
    const parties = await ctx.loaders.parties.load(c.caseCode);
    return parties.map(partyOf);
  }

  @FieldResolver(() => DateTimeScalar, { description: '申请（受理登记）时间' })
  async appliedAt(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).appliedAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '当前环节的办理期限；无法定期限时为空（如咨询、已指派律师的法律援助）' })
  async dueAt(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).dueAt;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '办结时间（不予援助、达成协议、调解不成、裁决、撤回、答复）' })
  async closedAt(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return (await summary(c, ctx)).closedAt;
  }

  @FieldResolver(() => Boolean, { description: '是否超期：已过期限仍未办结，或办结晚于期限' })
  async overdue(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    const r = await summary(c, ctx);
    return isOverdue(r.dueAt, r.closedAt, ctx.clock.now());
  }

  @FieldResolver(() => Matter, { nullable: true, description: '来源事项（任一机构，由所属机构解析）' })
  async origin(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext): Promise<MatterRef | null> {
    const origin = (await summary(c, ctx)).origin;
    return origin ? referenceTo(origin, ctx) : null;
  }

  @FieldResolver(() => [LegalAidCaseLink], { description: '本机构记录的关联事项（来源、后续事项、司法确认案件等）' })
  @Directive(listSize({ assumedSize: 5 }))
  async links(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext): Promise<LegalAidCaseLink[]> {
    const links = await ctx.loaders.links.load(c.caseCode);
    // One loader batch for all of them: a case outside the jurisdiction shows as a link to null.
    const matters = await Promise.all(links.map((l) => referenceTo(l.caseCode, ctx)));
    return links.map((l, i) => ({ reason: l.reason, matter: matters[i] as unknown as Matter | null }));
  }

  @FieldResolver(() => [LegalAidStepRecord], { description: '办理记录' })
  async steps(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext): Promise<LegalAidStepRecord[]> {
    return ctx.loaders.steps.load(c.caseCode);
  }

  @FieldResolver(() => LegalAidApplication, { nullable: true, description: '法律援助申请与审查（仅法律援助事项）' })
  async legalAid(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return toApplication(await row(c, ctx));
  }

  @FieldResolver(() => LegalAidMediation, { nullable: true, description: '人民调解（仅调解事项）' })
  async mediation(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return toMediation(await row(c, ctx), ctx.clock.now());
  }

  @FieldResolver(() => LegalAidArbitration, { nullable: true, description: '劳动人事争议仲裁（仅仲裁事项）' })
  async arbitration(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return toArbitration(await row(c, ctx));
  }

  @FieldResolver(() => LegalAidConsultation, { nullable: true, description: '法律咨询（仅咨询事项）' })
  async consultation(@Root() c: MatterRef, @Ctx() ctx: LegalAidContext) {
    return toConsultation(await row(c, ctx));
  }
}
