import { useMemo, useState } from 'react';
import { matterHref } from '../../app/router.ts';
import { unavailableAgencies } from '../../api/partial.ts';
import type { PagedState } from '../../api/usePagedQuery.ts';
import type { Agency, ConsolePersonTimelineQuery } from '../../gql/graphql.ts';
import { formatDate } from '../../ui/format.ts';
import { AGENCY_NAMES, AGENCY_ORDER, label } from '../../ui/labels.ts';
import { AgencyBadge, Due, Empty, FailureBox, Loading, Unavailable } from '../../ui/Status.tsx';

export type TimelineMatter = NonNullable<NonNullable<ConsolePersonTimelineQuery['person']>['timeline']>['nodes'][number];

/** Every matter of the person across the five agencies, newest first, with overdue and near-deadline marked. */
export function Timeline({ state }: { state: PagedState<TimelineMatter> }) {
  const [only, setOnly] = useState<Agency | null>(null);
  const sorted = useMemo(() => [...state.nodes].sort((a, b) => b.summary.openedAt.localeCompare(a.summary.openedAt)), [state.nodes]);
  const counts = useMemo(() => {
    const c = new Map<Agency, number>();
    for (const m of sorted) c.set(m.agency, (c.get(m.agency) ?? 0) + 1);
    return c;
  }, [sorted]);
  const shown = only ? sorted.filter((m) => m.agency === only) : sorted;

  return (
    <section className="panel timeline" data-testid="timeline">
      <h2>
        一人一档 · 全部事项
        {state.totalCount !== null ? (
          <span className="count" data-testid="timeline-total" data-total={state.totalCount} data-agencies={counts.size}>
            共 {state.totalCount} 件，涉及 {counts.size} 个机构
          </span>
        ) : null}
      </h2>
      {state.loading && sorted.length === 0 ? <Loading what="事项" /> : null}
      {state.failure ? <FailureBox failure={state.failure} /> : null}
      {unavailableAgencies(state.outcome).has('GRID') ? <Unavailable agency="GRID" /> : null}
      {sorted.length > 0 ? (
        <>
          <div className="chips">
            <button type="button" className={only === null ? 'chip active' : 'chip'} onClick={() => setOnly(null)}>
              全部（{sorted.length}）
            </button>
            {AGENCY_ORDER.filter((a) => counts.has(a)).map((a) => (
              <button key={a} type="button" className={only === a ? 'chip active' : 'chip'} onClick={() => setOnly(a)} data-testid={`timeline-filter-${a}`}>
                {AGENCY_NAMES[a]}（{counts.get(a)}）
              </button>
            ))}
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>受理日期</th>
                <th>机构</th>
                <th>案件编码</th>
                <th>标题</th>
                <th>状态</th>
                <th>办理期限</th>
                <th>关联</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.caseCode} data-testid="timeline-row" data-agency={m.agency} data-case-code={m.caseCode} className={`deadline-row`}>
                  <td>{formatDate(m.summary.openedAt)}</td>
                  <td>
                    <AgencyBadge agency={m.agency} />
                  </td>
                  <td className="mono">
                    <a href={matterHref(m.caseCode)}>{m.caseCode}</a>
                  </td>
                  <td>{m.summary.title}</td>
                  <td>{label('MatterStatus', m.summary.status)}</td>
                  <td>
                    <Due item={m.summary} />
                  </td>
                  <td>{m.related.length > 0 ? `${m.related.length} 件` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.truncated ? <p className="hint">事项较多，仅显示前 {sorted.length} 件。</p> : null}
        </>
      ) : state.totalCount === 0 ? (
        <Empty>综治中心索引中没有此人的事项。</Empty>
      ) : null}
    </section>
  );
}
