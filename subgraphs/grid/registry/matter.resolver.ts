import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agencyOfCode } from '../../shared/codes/agency.ts';
import { parseCaseCode, typenameOfCaseCode } from '../../shared/codes/caseCode.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { Agency as AgencyEnum, type Agency } from '../../shared/schema/enums.ts';
import { policy } from '../../shared/schema/scopes.ts';
import { isOverdue } from '../../shared/time/isOverdue.ts';
import type { GridContext } from '../context.ts';
import { Matter, type MatterRef, MatterSummary } from './matter.type.ts';
import type { MatterSummaryRow } from './registry.store.ts';

/** A registry row as the GraphQL summary; `overdue` is judged at request time. */
export function toSummary(row: MatterSummaryRow, now: Date): MatterSummary {
  return {
    title: row.title,
    category: row.category,
    status: row.status,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    dueAt: row.dueAt,
    overdue: isOverdue(row.dueAt, row.closedAt, now),
  };
}

export function matterRef(caseCode: string, row?: MatterSummaryRow): MatterRef {
  return { __typename: typenameOfCaseCode(caseCode) ?? 'Dispute', caseCode, row };
}

@Resolver(() => Matter)
export class MatterResolver {
  @Query(() => Matter, { nullable: true, description: '按案件编码查询任一机构的事项' })
  async matter(@Arg('caseCode', () => ID) caseCode: string, @Ctx() ctx: GridContext): Promise<MatterRef | null> {
    const parsed = parseCaseCode(caseCode);
    if (!parsed.ok) throw userError(ErrorCode.BAD_USER_INPUT, `invalid case code: ${parsed.message}`, { argumentName: 'caseCode', reason: parsed.reason });
    const row = await ctx.loaders.matter.load(caseCode);
    return row ? matterRef(caseCode) : null;
  }

  @Mutation(() => [Matter], { description: '登记两个事项之间的关联（需说明理由），返回这两个事项；两个事项都须在辖区内' })
  @Directive(policy(['agency:GRID']))
  async linkMatters(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('reason', () => String, { description: '关联理由' }) reason: string,
    @Ctx() ctx: GridContext,
  ): Promise<MatterRef[]> {
    if (!reason.trim()) throw userError(ErrorCode.BAD_USER_INPUT, 'a link needs a reason', { argumentName: 'reason' });
    if (from === to) throw userError(ErrorCode.BAD_USER_INPUT, 'a matter cannot be linked to itself');
    // A matter outside the jurisdiction is as unknown as one not registered.
    const rows = ctx.jurisdiction.visible(ctx.registry.load([from, to]));
    rows.forEach((row, i) => {
      if (!row) throw userError(ErrorCode.NOT_FOUND, `matter ${[from, to][i]} is not in the registry`);
    });
    ctx.registry.link(from, to, reason);
    ctx.loaders.related.clear(from).clear(to);
    return [matterRef(from), matterRef(to)];
  }

  @FieldResolver(() => AgencyEnum)
  agency(@Root() matter: MatterRef): Agency {
    // Every code that reaches here was parsed on the way in.
    return agencyOfCode(matter.caseCode.split('-')[1] ?? '')!;
  }

  @FieldResolver(() => MatterSummary)
  summary(@Root() matter: MatterRef, @Ctx() ctx: GridContext): MatterSummary | Promise<MatterSummary> {
    if (matter.row) return toSummary(matter.row, ctx.clock.now());
    return ctx.loaders.matter.load(matter.caseCode).then((row) => {
      if (!row) throw userError(ErrorCode.NOT_FOUND, `matter ${matter.caseCode} is not in the registry`);
      return toSummary(row, ctx.clock.now());
    });
  }

  @FieldResolver(() => [Matter])
  async related(@Root() matter: MatterRef, @Ctx() ctx: GridContext): Promise<MatterRef[]> {
    const codes = await ctx.loaders.related.load(matter.caseCode);
    return codes.map((code) => matterRef(code));
  }
}
