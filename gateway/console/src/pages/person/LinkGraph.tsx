import { useMemo } from 'react';
import { matterHref } from '../../app/router.ts';
import type { Agency } from '../../gql/graphql.ts';
import { AGENCY_NAMES, AGENCY_ORDER, agencyOfCaseCode } from '../../ui/labels.ts';
import type { DirectedLink } from './explicitLinks.ts';

export interface GraphMatter {
  caseCode: string;
  agency: Agency;
  summary?: { title: string; openedAt: string; overdue: boolean } | null;
  related: readonly { caseCode: string; agency: Agency }[];
}

interface Node {
  caseCode: string;
  agency: Agency;
  title: string | undefined;
  openedAt: string | undefined;
  overdue: boolean;
  x: number;
  y: number;
}

interface Edge {
  from: Node;
  to: Node;
  label: string;
  /** Direction recorded by an agency (else: by time order). */
  explicit: boolean;
}

const W = 112;
const H = 46;
const GAP_X = 26;
const LANE_H = 70;
const LEFT = 64;
const TOP = 16;

/** A sort key for a matter: when it was opened, or its case code's year when unknown (a matter outside the timeline). */
const when = (n: { openedAt: string | undefined; caseCode: string }) => n.openedAt ?? `${n.caseCode.split('-')[2] ?? '9999'}-12-31T23:59:59Z~${n.caseCode}`;

/**
 * The links between the person's matters as a small graph: one lane per
 * agency, time running left to right, an arrow from the matter that led to
 * the other. The direction is the agencies' own record where they keep one
 * (origin, appeal, enforcement, judicial confirmation, transfer); otherwise
 * the earlier matter points to the later (dashed).
 */
export function buildGraph(matters: readonly GraphMatter[], directed: readonly DirectedLink[]) {
  const byCode = new Map<string, Omit<Node, 'x' | 'y'>>();
  const put = (caseCode: string, agency: Agency | undefined, m?: GraphMatter) => {
    const existing = byCode.get(caseCode);
    if (existing && existing.openedAt) return;
    byCode.set(caseCode, {
      caseCode,
      agency: agency ?? agencyOfCaseCode(caseCode) ?? 'GRID',
      title: m?.summary?.title,
      openedAt: m?.summary?.openedAt,
      overdue: m?.summary?.overdue ?? false,
    });
  };
  const pairs = new Map<string, [string, string]>();
  const pair = (a: string, b: string) => {
    if (a === b) return;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (!pairs.has(key)) pairs.set(key, a < b ? [a, b] : [b, a]);
  };
  const own = new Set(matters.map((m) => m.caseCode));
  for (const m of matters) {
    for (const r of m.related) {
      pair(m.caseCode, r.caseCode);
      put(r.caseCode, r.agency);
    }
  }
  for (const m of matters) put(m.caseCode, m.agency, m);
  for (const d of directed) {
    if (!own.has(d.from) && !own.has(d.to)) continue;
    pair(d.from, d.to);
    if (!byCode.has(d.from)) put(d.from, undefined);
    if (!byCode.has(d.to)) put(d.to, undefined);
  }
  // Only matters with at least one link: a small graph, not the whole timeline.
  const linked = new Set([...pairs.values()].flat());
  const ordered = [...byCode.values()].filter((n) => linked.has(n.caseCode)).sort((a, b) => when(a).localeCompare(when(b)));
  const lanes = AGENCY_ORDER.filter((a) => ordered.some((n) => n.agency === a));
  const nodes = new Map<string, Node>();
  ordered.forEach((n, i) => nodes.set(n.caseCode, { ...n, x: LEFT + i * (W + GAP_X), y: TOP + lanes.indexOf(n.agency) * LANE_H }));

  const explicit = new Map(directed.map((d) => [`${d.from}>${d.to}`, d.label]));
  const edges: Edge[] = [];
  for (const [a, b] of pairs.values()) {
    const na = nodes.get(a);
    const nb = nodes.get(b);
    if (!na || !nb) continue;
    const ab = explicit.get(`${a}>${b}`);
    const ba = explicit.get(`${b}>${a}`);
    if (ab !== undefined) edges.push({ from: na, to: nb, label: ab, explicit: true });
    else if (ba !== undefined) edges.push({ from: nb, to: na, label: ba, explicit: true });
    else if (when(na) <= when(nb)) edges.push({ from: na, to: nb, label: '', explicit: false });
    else edges.push({ from: nb, to: na, label: '', explicit: false });
  }
  const width = LEFT + Math.max(1, ordered.length) * (W + GAP_X);
  const height = TOP * 2 + Math.max(1, lanes.length) * LANE_H - (LANE_H - H);
  return { nodes: [...nodes.values()], edges, lanes, width, height };
}

function edgePath(e: Edge): string {
  const forward = e.from.x <= e.to.x;
  const x1 = forward ? e.from.x + W : e.from.x;
  const x2 = forward ? e.to.x : e.to.x + W;
  const y1 = e.from.y + H / 2;
  const y2 = e.to.y + H / 2;
  const bend = Math.max(30, Math.abs(x2 - x1) / 2) * (forward ? 1 : -1);
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}

export function LinkGraph({ matters, directed, loading }: { matters: readonly GraphMatter[]; directed: readonly DirectedLink[]; loading: boolean }) {
  const graph = useMemo(() => buildGraph(matters, directed), [matters, directed]);
  return (
    <section className="panel link-graph" data-testid="link-graph">
      <h2>事项关联图</h2>
      {graph.nodes.length === 0 ? (
        <p className="empty-note">{loading ? '正在加载…' : '此人的事项之间没有登记关联。'}</p>
      ) : (
        <>
          <p className="hint">
            每行一个机构，自左向右按受理时间排列；箭头由引起后续事项的事项指向后续事项。实线为机构记录的关系（来源、上诉、执行、司法确认、移交），虚线按受理先后推定。点击事项查看详情。
          </p>
          <div className="graph-scroll">
            <svg width={graph.width} height={graph.height} viewBox={`0 0 ${graph.width} ${graph.height}`} role="img" aria-label="事项关联图">
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
                </marker>
              </defs>
              {graph.lanes.map((a, i) => (
                <g key={a}>
                  <line x1={0} x2={graph.width} y1={TOP + i * LANE_H + H + (LANE_H - H) / 2} y2={TOP + i * LANE_H + H + (LANE_H - H) / 2} className="lane-line" />
                  <text x={6} y={TOP + i * LANE_H + H / 2 + 5} className="lane-label">
                    {AGENCY_NAMES[a]}
                  </text>
                </g>
              ))}
              {graph.edges.map((e) => (
                <g key={`${e.from.caseCode}>${e.to.caseCode}`} data-testid="graph-edge" data-from={e.from.caseCode} data-to={e.to.caseCode} data-explicit={e.explicit}>
                  <path d={edgePath(e)} className={e.explicit ? 'edge edge-explicit' : 'edge edge-inferred'} markerEnd="url(#arrow)" />
                  {e.label ? (
                    <text x={(e.from.x + e.to.x + W) / 2} y={e.from.y === e.to.y ? e.from.y - 4 : (e.from.y + e.to.y + H) / 2 - 4} className="edge-label">
                      {e.label}
                    </text>
                  ) : null}
                </g>
              ))}
              {graph.nodes.map((n) => (
                <a key={n.caseCode} href={matterHref(n.caseCode)} data-testid="graph-node" data-case-code={n.caseCode}>
                  <title>{`${n.caseCode}${n.title ? ` ${n.title}` : ''}`}</title>
                  <rect x={n.x} y={n.y} width={W} height={H} rx={6} className={`node node-${n.agency}${n.overdue ? ' node-overdue' : ''}${n.openedAt ? '' : ' node-outside'}`} />
                  <text x={n.x + 8} y={n.y + 18} className="node-code">
                    {n.caseCode.split('-').slice(1).join('-')}
                  </text>
                  <text x={n.x + 8} y={n.y + 36} className="node-title">
                    {n.title ? (n.title.length > 7 ? `${n.title.slice(0, 7)}…` : n.title) : '（关联事项）'}
                  </text>
                </a>
              ))}
            </svg>
          </div>
        </>
      )}
    </section>
  );
}
