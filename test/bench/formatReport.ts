import type { Machine } from './machine.ts';
import type { SummaryRow, TargetVerdict } from './summarize.ts';

const SHORT: Record<string, string> = { secure: '(a) ours, security on', open: '(b) ours, security off', stock: '(c) stock @apollo/gateway', ceiling: '(d) ceiling: subgraph direct' };

export const num = (x: number | undefined, digits = 0): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const ratio = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);

export interface ReportHeader {
  title: string;
  date: Date;
  machine: Machine;
  /** Lines about the world, stores and settings. */
  lines: string[];
}

export function formatHeader(h: ReportHeader): string {
  const m = h.machine;
  return [
    `## ${h.title}`,
    '',
    `${h.date.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB · Node ${m.node} · ${m.os}`,
    '',
    ...h.lines.map((l) => `- ${l}`),
    '',
  ].join('\n');
}

/** The per-operation table: medians over rounds, ratios to stock taken round by round. */
export function formatTable(rows: readonly SummaryRow[]): string {
  const out = [
    '| operation | target | req/s | p50 ms | p99 ms | CPU ms / 1k req | subgraphs CPU ms / 1k req | peak RSS MB | req/s vs stock | CPU vs stock |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.opLabel} | ${SHORT[r.target] ?? r.target} | ${num(r.rps)} | ${num(r.p50)} | ${num(r.p99)} | ${num(r.cpuPer1k)}${r.target === 'ceiling' ? ' (subgraph)' : ''} | ${num(r.subgraphsCpuPer1k)} | ${num(r.peakRssMb)} | ${r.target === 'stock' ? '1.00×' : ratio(r.vsStock?.rps)} | ${r.target === 'stock' ? '1.00×' : ratio(r.vsStock?.cpu)} |`,
    );
  }
  return out.join('\n');
}

export function formatVerdicts(verdicts: readonly TargetVerdict[]): string {
  const mark = (v: TargetVerdict) => (v.pass === true ? 'PASS' : v.pass === false ? 'FAIL' : 'not measured');
  return ['Issue 7 targets:', '', ...verdicts.map((v) => `- **${mark(v)}** ${v.name}: ${v.detail}`)].join('\n');
}

export const targetName = (id: string): string => SHORT[id] ?? id;
