import { SUBGRAPHS } from '../../schema/subgraphList.ts';
import { prepareWorld, writeResults } from './benchSession.ts';
import { checkAnswers, expectationKey } from './checkAnswers.ts';
import { formatHeader, num, targetName } from './formatReport.ts';
import { machine } from './machine.ts';
import { benchOperations } from './operations.ts';
import type { BenchArgs } from './parseBenchArgs.ts';
import { memoryMb } from './procStats.ts';
import type { ProcessSet } from './ProcessSet.ts';
import { type BenchOutcome, selectTargets } from './runBench.ts';
import { runRounds } from './runRounds.ts';
import { startStack, type TargetId } from './startStack.ts';
import { summarize, type SummaryRow, type TargetVerdict } from './summarize.ts';

interface SizeResult {
  people: number;
  matters: number;
  generation: { elapsedMs: number; peoplePerSecond: number; recordsPerSecond: number; cached: boolean };
  importMs: number;
  importCached: boolean;
  readyMs: Record<string, number>;
  feedMs: number;
  rows: SummaryRow[];
  /** Per process (a target's gateway, or a subgraph): RSS after start-up before any load, and the highest seen under load, MB. */
  memory: { process: string; restMb: number; loadMb: number }[];
  answerBytes: Partial<Record<TargetId, number>>;
  unavailable: { id: TargetId; reason: string }[];
  problems: string[];
}

/** Person-view cost: gateway and subgraphs CPU per request (ms), the part that could grow with the data. */
const costOf = (r: SummaryRow): number => (r.cpuPer1k + r.subgraphsCpuPer1k) / 1000;

/**
 * `npm run bench -- --scaling`: the person view at each world size (10,000,
 * 100,000, 1,000,000 people by default), one size at a time with its own
 * subgraphs and gateways: latency, CPU per request, memory at rest and
 * under load; plus how fast the world is generated and imported.
 */
export async function runScaling(args: BenchArgs, processes: ProcessSet, log: (m: string) => void): Promise<BenchOutcome> {
  const date = new Date();
  const targetIds = selectTargets(args.targets).filter((t) => t !== 'ceiling');
  const sizes: SizeResult[] = [];
  const failures: string[] = [];
  for (const people of [...args.sizes].sort((a, b) => a - b)) {
    log(`— ${num(people)} people —`);
    const prepared = await prepareWorld(args.dir, people, args.seed, processes, log);
    try {
      const op = benchOperations(prepared.world.dir, args.p99Connections)[0]!;
      const stack = await startStack({ processes, dataDir: prepared.dataDir, runDir: prepared.runDir, operations: [op], targets: targetIds, log });
      let measured;
      try {
        const check = await checkAnswers([op], stack.targets);
        for (const p of check.problems) log(`  ${p.wrong ? 'WRONG' : 'not served'}: ${p.target}: ${p.message}`);
        const pids: Record<string, number> = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, stack.fleet.processes[s.name].pid]));
        for (const t of stack.targets) {
          const sent = await t.requestFor(op);
          if (sent) pids[t.id] = sent.pid;
        }
        const rest = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, memoryMb(pid).rss]));
        const rounds = await runRounds({
          operations: [op],
          targets: stack.targets,
          check,
          fleet: stack.fleet,
          rounds: args.rounds,
          durationSeconds: args.duration,
          warmupSeconds: args.warmup,
          connections: args.connections,
          log,
        });
        measured = { check, rest, ...rounds };
      } finally {
        await stack.stop();
      }
      const { check, rest, samples } = measured;
      failures.push(...check.problems.filter((p) => p.wrong).map((p) => `${num(people)} people · ${p.target}: ${p.message}`), ...measured.failures.map((f) => `${num(people)} people · ${f}`));
      const loadMb = (name: string): number =>
        Math.max(0, ...samples.flatMap((s) => (SUBGRAPHS.some((g) => g.name === name) ? [s.sample.rssMb[name] ?? 0] : s.target === name ? [s.sample.rssMb.target ?? 0] : [])));
      sizes.push({
        people,
        matters: prepared.matters,
        generation: { ...prepared.world.generation, cached: !prepared.world.generatedNow },
        importMs: prepared.databases.importMs,
        importCached: !prepared.databases.builtNow,
        readyMs: prepared.databases.readyMs,
        feedMs: prepared.databases.feedMs,
        rows: summarize(samples, [op], stack.targets, args.connections),
        memory: Object.keys(rest).map((name) => ({ process: name, restMb: rest[name]!, loadMb: loadMb(name) })),
        answerBytes: Object.fromEntries(stack.targets.map((t) => [t.id, check.expectations.get(expectationKey(op.id, t.id))?.bytes])),
        unavailable: stack.unavailable,
        problems: check.problems.map((p) => `${p.target}: ${p.message}`),
      });
    } finally {
      prepared.dispose();
    }
  }

  const verdict = scalingVerdict(sizes);
  const markdown = [
    formatHeader({
      title: 'OneWindow bench: scaling of the person view',
      date,
      machine: machine(),
      lines: [
        `Load: autocannon, ${args.connections} connections, ${args.duration} s per load after a ${args.warmup} s warm-up, ${args.rounds} interleaved round(s) per size; medians; every response checked`,
        ...sizes.flatMap((s) => s.unavailable.map((u) => `${num(s.people)} people: ${targetName(u.id)} not available: ${u.reason}`)),
        ...sizes.flatMap((s) => s.problems.map((p) => `${num(s.people)} people: ${p}`)),
      ],
    }),
    '| people | target | answer bytes | req/s | p50 ms | p99 ms | gateway CPU ms/req | subgraphs CPU ms/req | total CPU ms/req |',
    '|--:|---|--:|--:|--:|--:|--:|--:|--:|',
    ...sizes.flatMap((s) =>
      s.rows.map(
        (r) =>
          `| ${num(s.people)} | ${targetName(r.target)} | ${num(s.answerBytes[r.target])} | ${num(r.rps)} | ${num(r.p50)} | ${num(r.p99)} | ${num(r.cpuPer1k / 1000, 2)} | ${num(r.subgraphsCpuPer1k / 1000, 2)} | ${num(costOf(r), 2)} |`,
      ),
    ),
    '',
    '| people | matters | world generated in | people/s | records/s | stores imported in | to ready per subgraph | registry feed |',
    '|--:|--:|--:|--:|--:|--:|---|--:|',
    ...sizes.map(
      (s) =>
        `| ${num(s.people)} | ${num(s.matters)} | ${num(s.generation.elapsedMs / 1000, 1)} s${s.generation.cached ? ' (cached)' : ''} | ${num(s.generation.peoplePerSecond)} | ${num(s.generation.recordsPerSecond)} | ${num(s.importMs / 1000, 1)} s${s.importCached ? ' (cached)' : ''} | ${Object.entries(s.readyMs).map(([k, v]) => `${k} ${num(v / 1000, 1)} s`).join(', ')} | ${num(s.feedMs / 1000, 1)} s |`,
    ),
    '',
    `| process | ${sizes.map((s) => `${num(s.people)}: RSS at rest / under load, MB`).join(' | ')} |`,
    `|---|${sizes.map(() => '--:|').join('')}`,
    ...[...new Set(sizes.flatMap((s) => s.memory.map((m) => m.process)))].map((p) => {
      const cells = sizes.map((s) => {
        const m = s.memory.find((x) => x.process === p);
        return m ? `${num(m.restMb)} / ${num(m.loadMb)}` : '–';
      });
      return `| ${SUBGRAPHS.some((g) => g.name === p) ? `subgraph ${p}` : targetName(p)} | ${cells.join(' | ')} |`;
    }),
    '',
    'Issue 7 targets:',
    '',
    `- **${verdict.pass === true ? 'PASS' : verdict.pass === false ? 'FAIL' : 'not measured'}** ${verdict.name}: ${verdict.detail}`,
    ...(failures.length ? ['', `**WRONG ANSWERS: the run fails** (${failures.length}):`, '', ...failures.map((f) => `- ${f}`)] : []),
  ].join('\n');
  const files = writeResults(args.dir, date, 'scaling', { kind: 'scaling', date: date.toISOString(), machine: machine(), args, sizes, verdict, failures }, markdown);
  return { markdown, files, failed: failures.length > 0 };
}

/**
 * "Person-view cost at 1,000,000 people within 20% of its cost at 10,000":
 * gateway plus subgraphs CPU per request of our gateway (security on when it
 * runs, else off), largest world against smallest.
 */
function scalingVerdict(sizes: readonly SizeResult[]): TargetVerdict {
  const name = 'person-view cost (gateway + subgraphs CPU per request) at the largest world within 20% of the smallest';
  if (sizes.length < 2) return { name, pass: undefined, detail: 'needs at least two sizes' };
  const small = sizes[0]!;
  const large = sizes.at(-1)!;
  for (const id of ['secure', 'open'] as const) {
    const a = small.rows.find((r) => r.target === id);
    const b = large.rows.find((r) => r.target === id);
    if (!a || !b) continue;
    const ratio = costOf(b) / costOf(a);
    const latency = b.p50 / a.p50;
    return {
      name,
      pass: ratio <= 1.2,
      detail: `${targetName(id)}: ${num(costOf(b), 2)} ms at ${num(large.people)} vs ${num(costOf(a), 2)} ms at ${num(small.people)} people = ${ratio.toFixed(2)}× (p50 ${latency.toFixed(2)}×)`,
    };
  }
  return { name, pass: undefined, detail: 'our gateway was not measured at both sizes' };
}
