import type { ConsoleCenterStatsQuery } from '../../gql/graphql.ts';
import { formatPercent } from '../../ui/format.ts';
import { label } from '../../ui/labels.ts';

type Stats = ConsoleCenterStatsQuery['centerStats'];

/** 化解率, 办结率 (on time), 满意率 as bars from 0 to 100%. */
export function RateBars({ stats }: { stats: Stats }) {
  const rows = [
    { name: '化解率', value: stats.resolutionRate, hint: '化解数 / 受理数' },
    { name: '办结率', value: stats.onTimeClosureRate, hint: '按期办结数 / 受理数' },
    { name: '满意率', value: stats.satisfactionRate, hint: '（满意 + 基本满意）/ 已回访数' },
  ];
  const W = 520;
  const LEFT = 70;
  const BAR = 360;
  return (
    <svg className="chart" width={W} height={rows.length * 44 + 10} viewBox={`0 0 ${W} ${rows.length * 44 + 10}`} role="img" aria-label="化解率、办结率、满意率" data-testid="chart-rates">
      {rows.map((r, i) => {
        const y = 10 + i * 44;
        const width = r.value === null ? 0 : Math.max(0, Math.min(1, r.value)) * BAR;
        return (
          <g key={r.name} data-rate={r.name} data-value={r.value ?? ''}>
            <title>{`${r.name}：${formatPercent(r.value)}（${r.hint}）`}</title>
            <text x={0} y={y + 19} className="chart-label">
              {r.name}
            </text>
            <rect x={LEFT} y={y} width={BAR} height={26} rx={4} className="bar-track" />
            <rect x={LEFT} y={y} width={width} height={26} rx={4} className={`bar bar-rate-${i}`} />
            <text x={LEFT + BAR + 10} y={y + 19} className="chart-value">
              {formatPercent(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Resolved matters by tier (village, town, county) with each tier's share. */
export function TierChart({ stats }: { stats: Stats }) {
  const max = Math.max(1, ...stats.byTier.map((t) => t.resolved));
  const W = 360;
  const H = 200;
  const colW = 70;
  return (
    <svg className="chart" width={W} height={H + 40} viewBox={`0 0 ${W} ${H + 40}`} role="img" aria-label="各层级化解情况" data-testid="chart-tiers">
      <line x1={20} x2={W - 10} y1={H} y2={H} className="axis" />
      {stats.byTier.map((t, i) => {
        const h = (t.resolved / max) * (H - 40);
        const x = 40 + i * (colW + 40);
        return (
          <g key={t.tier} data-tier={t.tier} data-resolved={t.resolved}>
            <title>{`${label('Tier', t.tier)}：化解 ${t.resolved} 件，占 ${formatPercent(t.share)}`}</title>
            <rect x={x} y={H - h} width={colW} height={h} rx={3} className={`bar bar-tier-${i}`} />
            <text x={x + colW / 2} y={H - h - 6} className="chart-value" textAnchor="middle">
              {t.resolved}（{formatPercent(t.share)}）
            </text>
            <text x={x + colW / 2} y={H + 20} className="chart-label" textAnchor="middle">
              {label('Tier', t.tier)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Accepted and resolved by category, largest first. */
export function CategoryChart({ stats }: { stats: Stats }) {
  const rows = [...stats.byCategory].sort((a, b) => b.accepted - a.accepted);
  const max = Math.max(1, ...rows.map((r) => r.accepted));
  const LEFT = 130;
  const BAR = 380;
  const ROW = 30;
  const W = LEFT + BAR + 90;
  const H = rows.length * ROW + 30;
  return (
    <svg className="chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="分类别受理与化解" data-testid="chart-categories">
      <g className="legend">
        <rect x={LEFT} y={2} width={12} height={12} className="bar-accepted" />
        <text x={LEFT + 18} y={13} className="chart-label">
          受理
        </text>
        <rect x={LEFT + 70} y={2} width={12} height={12} className="bar-resolved" />
        <text x={LEFT + 88} y={13} className="chart-label">
          化解
        </text>
      </g>
      {rows.map((r, i) => {
        const y = 26 + i * ROW;
        return (
          <g key={r.category} data-category={r.category} data-accepted={r.accepted} data-resolved={r.resolved}>
            <title>{`${label('MatterCategory', r.category)}：受理 ${r.accepted}，化解 ${r.resolved}`}</title>
            <text x={LEFT - 8} y={y + 15} className="chart-label" textAnchor="end">
              {label('MatterCategory', r.category)}
            </text>
            <rect x={LEFT} y={y} width={(r.accepted / max) * BAR} height={10} className="bar-accepted" />
            <rect x={LEFT} y={y + 11} width={(r.resolved / max) * BAR} height={10} className="bar-resolved" />
            <text x={LEFT + (r.accepted / max) * BAR + 6} y={y + 15} className="chart-value">
              {r.accepted} / {r.resolved}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
