import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { AGENCIES } from '../../shared/codes/agency.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { decodeCursor, pageSize } from '../../shared/paging/cursor.ts';
import { toConnection } from '../../shared/paging/toConnection.ts';
import { policy } from '../../shared/schema/scopes.ts';
import type { GridContext } from '../context.ts';
import { matterRef } from '../registry/matter.resolver.ts';
import { compareAlertIds, type RiskAlertRow } from './risk.store.ts';
import { RiskAlert, RiskAlertConnection } from './risk.type.ts';
import { CONNECTION_LIST_SIZE, cost } from '../../shared/schema/cost.ts';

const AGENCY_NAMES: Record<string, string> = { GRID: '综治中心', PETITIONS: '信访', POLICE: '公安', COURTS: '法院', LEGAL_AID: '司法行政' };

function reasons(alert: RiskAlertRow, windowDays: number): string[] {
  switch (alert.kind) {
    case 'MULTI_AGENCY':
      return [`近 ${windowDays} 天内有 ${alert.caseCodes.length} 件事项，涉及 ${alert.agencies.length} 个机构：${AGENCIES.filter((a) => alert.agencies.includes(a)).map((a) => AGENCY_NAMES[a]).join('、')}`];
    case 'REPEAT_PETITION':
      return [`同一事实重复信访，共 ${alert.caseCodes.length} 件相关事项`];
    case 'ESCALATION':
      return [`${alert.caseCodes.length} 件事项经提级办理，矛盾有升级趋势`];
    case 'OVERDUE_UNIT':
      return [`${alert.unit ?? ''}有 ${alert.caseCodes.length} 张工单超期未办结`];
  }
}

@Resolver(() => RiskAlert)
export class RiskResolver {
  @Query(() => RiskAlertConnection, { description: '辖区内的风险预警，每条说明原因及依据的事项（只计所查区划与本人辖区重合部分的事项）' })
  @Directive(policy(['agency:GRID'], ['role:supervisor']))
  @Directive(CONNECTION_LIST_SIZE)
  @Directive(cost(20))
  riskAlerts(
    @Arg('division', () => ID, { description: '区划代码（市、县或乡镇）' }) division: string,
    @Ctx() ctx: GridContext,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): RiskAlertConnection {
    if (!/^\d{6}(\d{3})?$/.test(division)) throw userError(ErrorCode.BAD_USER_INPUT, 'division must be a 6- or 9-digit division code', { argumentName: 'division' });
    const limit = pageSize(first);
    const afterId = after ? (decodeCursor(after, 1)[0] as string) : null;
    const all = ctx.risk.alerts(ctx.jurisdiction.within(division), ctx.clock.now(), ctx.riskRules);
    // Keyset: the first alert after the cursor, even if the cursor's own alert is gone.
    const found = afterId === null ? 0 : all.findIndex((a) => compareAlertIds(a.id, afterId) > 0);
    const start = found === -1 ? all.length : found;
    const page = { rows: all.slice(start, start + limit), hasNextPage: start + limit < all.length, totalCount: all.length };
    return toConnection(
      page,
      (a) => [a.id],
      (a) => ({
        id: a.id,
        kind: a.kind,
        person: a.personId ? { id: a.personId } : null,
        unit: a.unit,
        reasons: reasons(a, ctx.riskRules.windowDays),
        matters: a.caseCodes.map((code) => matterRef(code)),
      }),
    );
  }
}
