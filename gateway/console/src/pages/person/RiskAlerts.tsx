import { useMemo } from 'react';
import { isWithheld, otherErrors, unavailableAgencies, WITHHELD_CODE } from '../../api/partial.ts';
import type { PagedState } from '../../api/usePagedQuery.ts';
import type { ConsoleRiskAlertsQuery } from '../../gql/graphql.ts';
import { MatterLink } from '../../ui/Card.tsx';
import { label } from '../../ui/labels.ts';
import { Empty, FailureBox, Loading, Unavailable, Withheld } from '../../ui/Status.tsx';

type Alert = ConsoleRiskAlertsQuery['riskAlerts']['nodes'][number];

/**
 * The risk alerts that concern the person: raised on them (matters across
 * several agencies, repeat petitions, escalation), or on a unit with overdue
 * tickets among which is one of theirs. The schema lists alerts by division,
 * so the person's county is read and filtered here.
 */
export function RiskAlerts({ personId, matters, state }: { personId: string; matters: readonly { caseCode: string }[]; state: PagedState<Alert> }) {
  const mine = useMemo(() => {
    const codes = new Set(matters.map((m) => m.caseCode));
    return state.nodes.filter((a) => a.person?.id === personId || (!a.person && a.matters.some((m) => codes.has(m.caseCode))));
  }, [state.nodes, matters, personId]);

  return (
    <section className="panel risk-alerts" data-testid="risk-alerts">
      <h2>风险预警{state.totalCount !== null ? <span className="count">{mine.length} 条</span> : null}</h2>
      {state.loading ? <Loading what="风险预警" /> : null}
      {state.failure && state.failure.code !== WITHHELD_CODE ? <FailureBox failure={state.failure} /> : null}
      {unavailableAgencies(state.outcome).has('GRID') ? <Unavailable agency="GRID" /> : null}
      {state.failure?.code === WITHHELD_CODE || isWithheld(state.outcome, ['riskAlerts']) ? (
        <p data-testid="risk-alerts-withheld">
          <Withheld /> <span className="hint">您的权限不包括辖区风险预警。</span>
        </p>
      ) : null}
      {!state.loading && state.totalCount === null && otherErrors(state.outcome).length > 0 ? <Empty>无法获取此人所在辖区的风险预警。</Empty> : null}
      {!state.loading && state.totalCount !== null && mine.length === 0 ? <Empty>此人目前没有风险预警。</Empty> : null}
      <ul className="alerts">
        {mine.map((a) => (
          <li key={a.id} className={`alert alert-${a.kind}`} data-testid="risk-alert" data-kind={a.kind}>
            <strong>{label('RiskKind', a.kind)}</strong>
            {a.unit ? <span className="hint">（{a.unit}）</span> : null}
            <ul>
              {a.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <div className="alert-matters">
              依据事项：
              {a.matters.map((m, i) => (
                <span key={m.caseCode}>
                  {i > 0 ? '、' : ''}
                  <MatterLink matter={m} />
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {state.truncated ? <p className="hint">辖区预警较多，仅检索了前 {state.nodes.length} 条。</p> : null}
    </section>
  );
}
