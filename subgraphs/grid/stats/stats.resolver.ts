import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { DAY_MS } from '../../shared/clock.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { DateScalar } from '../../shared/schema/scalars.ts';
import { localMidnight } from '../../shared/time/chinaTime.ts';
import type { GridContext } from '../context.ts';
import { Tier } from '../dispute/dispute.enums.ts';
import { CenterStats } from './stats.type.ts';
import { cost } from '../../shared/schema/cost.ts';

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

@Resolver(() => CenterStats)
export class StatsResolver {
  @Query(() => CenterStats, { description: '辖区工作统计：受理、化解率、办结率、满意率、各层级化解占比、分类别、当前超期（只计所查区划与本人辖区重合部分的工单）' })
  @Directive('@authenticated')
  @Directive(cost(50))
  centerStats(
    @Arg('division', () => ID, { description: '区划代码（市、县或乡镇）' }) division: string,
    @Arg('from', () => DateScalar, { description: '统计期起（含）' }) from: string,
    @Arg('to', () => DateScalar, { description: '统计期止（含）' }) to: string,
    @Ctx() ctx: GridContext,
  ): CenterStats {
    if (!/^\d{6}(\d{3})?$/.test(division)) throw userError(ErrorCode.BAD_USER_INPUT, 'division must be a 6- or 9-digit division code', { argumentName: 'division' });
    if (from > to) throw userError(ErrorCode.BAD_USER_INPUT, 'from must not be after to');
    // Periods are local (UTC+8) days: from the start of `from` to the end of `to`.
    const start = localMidnight(from).toISOString();
    const end = new Date(localMidnight(to).getTime() + DAY_MS).toISOString();
    const s = ctx.stats.stats(ctx.jurisdiction.within(division), start, end, ctx.clock.now());
    const tiers = [Tier.VILLAGE, Tier.TOWN, Tier.COUNTY].map((tier) => {
      const resolved = s.byTier.find((t) => t.tier === tier)?.resolved ?? 0;
      return { tier, resolved, share: rate(resolved, s.resolved) };
    });
    return {
      accepted: s.accepted,
      closed: s.closed,
      resolved: s.resolved,
      resolutionRate: rate(s.resolved, s.accepted),
      onTimeClosureRate: rate(s.closedOnTime, s.accepted),
      satisfactionRate: rate(s.satisfied, s.evaluated),
      byTier: tiers,
      byCategory: s.byCategory as CenterStats['byCategory'],
      overdueNow: s.overdueNow,
    };
  }
}
