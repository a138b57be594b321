import { useState, type FormEvent } from 'react';
import { unavailableAgencies } from '../../api/partial.ts';
import { useQuery } from '../../api/useOperation.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ConsoleCenterStatsDocument, type ConsoleCenterStatsQueryVariables } from '../../gql/graphql.ts';
import { divisionOptionsFor, nameOfDivision } from '../../identity/divisions.ts';
import { addDays, chinaToday } from '../../ui/format.ts';
import { Empty, FailureBox, Loading, Unavailable } from '../../ui/Status.tsx';
import { CategoryChart, RateBars, TierChart } from './charts.tsx';

type Preset = 'MONTH' | 'QUARTER' | 'YEAR' | 'LAST_365' | 'CUSTOM';

function period(preset: Preset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'MONTH':
      return { from: `${y}-${String(m).padStart(2, '0')}-01`, to: today };
    case 'QUARTER':
      return { from: `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, to: today };
    case 'YEAR':
      return { from: `${y}-01-01`, to: today };
    default:
      return { from: addDays(today, -364), to: today };
  }
}

/** 综治中心统计看板: the centre's statistics for a division and period, as charts. */
export function DashboardPage() {
  const { session } = useSession();
  const divisions = divisionOptionsFor(session?.claims?.jurisdiction ?? []);
  const today = chinaToday();
  const [division, setDivision] = useState(divisions[0]?.code ?? '420923');
  const [preset, setPreset] = useState<Preset>('LAST_365');
  const [range, setRange] = useState(() => period('LAST_365', today));
  const [query, setQuery] = useState<ConsoleCenterStatsQueryVariables>(() => ({ division: divisions[0]?.code ?? '420923', ...period('LAST_365', today) }));
  // Statistics name no person: no purpose needed.
  const stats = useQuery(ConsoleCenterStatsDocument, query, { requirePurpose: false });
  const s = stats.outcome?.data?.centerStats;

  const choose = (p: Preset) => {
    setPreset(p);
    if (p !== 'CUSTOM') setRange(period(p, today));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (range.from > range.to) return;
    setQuery({ division, from: range.from, to: range.to });
  };

  return (
    <div className="page dashboard-page">
      <h1>统计看板</h1>
      <form className="panel filters" onSubmit={submit} data-testid="dashboard-form">
        <div className="field">
          <label htmlFor="dash-division">区划</label>
          <select id="dash-division" value={division} onChange={(e) => setDivision(e.target.value)} data-testid="dashboard-division">
            {divisions.map((d) => (
              <option key={d.code} value={d.code}>
                {'　'.repeat(d.depth)}
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dash-preset">统计期</label>
          <select id="dash-preset" value={preset} onChange={(e) => choose(e.target.value as Preset)} data-testid="dashboard-preset">
            <option value="MONTH">本月</option>
            <option value="QUARTER">本季度</option>
            <option value="YEAR">本年</option>
            <option value="LAST_365">近一年</option>
            <option value="CUSTOM">自定义</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="dash-from">起</label>
          <input id="dash-from" type="date" value={range.from} max={range.to} onChange={(e) => { setPreset('CUSTOM'); setRange((r) => ({ ...r, from: e.target.value })); }} data-testid="dashboard-from" />
        </div>
        <div className="field">
          <label htmlFor="dash-to">止</label>
          <input id="dash-to" type="date" value={range.to} min={range.from} onChange={(e) => { setPreset('CUSTOM'); setRange((r) => ({ ...r, to: e.target.value })); }} data-testid="dashboard-to" />
        </div>
        <button type="submit" className="primary" data-testid="dashboard-submit">
          统计
        </button>
      </form>
      {stats.loading && !s ? <Loading what="统计数据" /> : null}
      {stats.failure ? <FailureBox failure={stats.failure} onRetry={stats.reload} /> : null}
      {unavailableAgencies(stats.outcome).has('GRID') ? <Unavailable agency="GRID" /> : null}
      {s ? (
        <div data-testid="dashboard">
          <p className="hint">
            {nameOfDivision(query.division)}，{query.from} 至 {query.to}（按受理时间统计期内的工单）
          </p>
          <div className="kpis">
            <div className="kpi">
              <span>受理</span>
              <strong data-testid="kpi-accepted">{s.accepted}</strong>
            </div>
            <div className="kpi">
              <span>办结</span>
              <strong>{s.closed}</strong>
            </div>
            <div className="kpi">
              <span>化解</span>
              <strong>{s.resolved}</strong>
            </div>
            <div className="kpi kpi-warn">
              <span>当前超期未办结</span>
              <strong data-testid="kpi-overdue">{s.overdueNow}</strong>
            </div>
          </div>
          {s.accepted === 0 ? <Empty>统计期内没有受理的工单。</Empty> : null}
          <div className="charts">
            <section className="panel">
              <h2>化解率、办结率、满意率</h2>
              <RateBars stats={s} />
            </section>
            <section className="panel">
              <h2>各层级化解情况</h2>
              <TierChart stats={s} />
            </section>
            <section className="panel wide">
              <h2>分类别受理与化解</h2>
              <CategoryChart stats={s} />
            </section>
          </div>
        </div>
      ) : null}
    </div>
  );
}
