import { join, resolve } from 'node:path';
import { prepareWorld, stamp, worldLines, writeResults } from './benchSession.ts';
import { type AnswerProblem, checkAnswers } from './checkAnswers.ts';
import { formatHeader, formatTable, formatVerdicts, num, targetName } from './formatReport.ts';
import { machine } from './machine.ts';
import { benchOperations, checkOperationIds, selectOperations } from './operations.ts';
import type { BenchArgs } from './parseBenchArgs.ts';
import { memoryMb } from './procStats.ts';
import type { ProcessSet } from './ProcessSet.ts';
import { runRounds } from './runRounds.ts';
import { startStack, TARGET_IDS, type TargetId } from './startStack.ts';
import { median, summarize, verdicts } from './summarize.ts';

export interface BenchOutcome {
  markdown: string;
  files: { json: string; markdown: string };
  /** A wrong answer somewhere: the run fails. */
  failed: boolean;
}

export function selectTargets(requested: readonly string[]): TargetId[] {
  const unknown = requested.filter((t) => !(TARGET_IDS as readonly string[]).includes(t));
  if (unknown.length > 0) throw new RangeError(`unknown target ${unknown.join(', ')}; known: ${TARGET_IDS.join(', ')}`);
  return requested.length === 0 ? [...TARGET_IDS] : (requested as TargetId[]);
}

/**
 * `npm run bench`: every operation on every target, interleaved rounds,
 * every response checked; the table, the targets, and the result files.
 */
export async function runBench(args: BenchArgs, processes: ProcessSet, log: (m: string) => void): Promise<BenchOutcome> {
  const date = new Date();
  const targetIds = selectTargets(args.targets);
  selectTargets(args.cpuProf);
  checkOperationIds(args.only, args.p99Connections);
  const prepared = await prepareWorld(args.dir, args.people, args.seed, processes, log);
  try {
    const operations = selectOperations(benchOperations(prepared.world.dir, args.p99Connections), args.only);
    const profileDir = join(resolve(args.dir), `profiles-${stamp(date)}`);
    const stack = await startStack({
      processes,
      dataDir: prepared.dataDir,
      runDir: prepared.runDir,
      operations,
      targets: targetIds,
      ...(args.cpuProf.length ? { profile: { targets: args.cpuProf, dir: profileDir } } : {}),
      ...(args.cpuProfSubgraphs ? { profileSubgraphs: profileDir } : {}),
      log,
    });
    let measured;
    const peakRss: Record<string, number> = {};
    try {
      log('recording one answer per operation and target, checking them against stock');
      const check = await checkAnswers(operations, stack.targets);
      for (const p of check.problems) log(`  ${p.wrong ? 'WRONG' : 'not served'}: ${p.op} · ${p.target}: ${p.message}`);
      const rounds = await runRounds({
        operations,
        targets: stack.targets,
        check,
        fleet: stack.fleet,
        rounds: args.rounds,
        durationSeconds: args.duration,
        warmupSeconds: args.warmup,
        connections: args.connections,
        log,
      });
      for (const t of stack.targets) {
        const sent = await t.requestFor(operations.find((op) => op.passThrough) ?? operations[0]!);
        if (sent && !sent.exited()) peakRss[t.id] = memoryMb(sent.pid).peak;
      }
      measured = { check, ...rounds };
    } finally {
      await stack.stop();
    }

    const { check, samples, failures } = measured;
    const rows = summarize(samples, operations, stack.targets, args.connections);
    const whyMissing = (op: string, target: TargetId): string => {
      const gone = stack.unavailable.find((u) => u.id === target);
      if (gone) return 'not available (see above)';
      const problem = check.problems.find((p) => p.op === op && p.target === target);
      return problem ? problem.message : 'not run';
    };
    const judged = verdicts(rows, whyMissing, args.p99Connections);
    const wrong = [...check.problems.filter((p) => p.wrong).map((p) => `${p.op} · ${p.target}: ${p.message}`), ...failures];

    const targetLines = targetIds.map((id) => {
      const running = stack.targets.find((t) => t.id === id);
      const gone = stack.unavailable.find((u) => u.id === id);
      return running ? `${targetName(id)}: ${running.setup}` : `${targetName(id)}: **not available**: ${gone?.reason ?? 'not started'}`;
    });
    const withheld = [...check.expectations].filter(([, e]) => e.withheld).map(([key, e]) => `${key.replace('|', ' · ')} differs from stock (withheld by design?): ${e.withheld!.join('; ')}`);
    const notServed = groupRefusals(check.problems);
    const loadGenerator = samples.map((s) => s.sample.loadGeneratorCpuMs / (args.duration * 10));
    const byData = [...check.expectations].filter(([, e]) => e.by === 'data').map(([key]) => key.replace('|', ' · '));
    const header = formatHeader({
      title: `OneWindow bench: ${num(args.people)} people`,
      date,
      machine: machine(),
      lines: [
        ...worldLines(prepared),
        `Load: autocannon, ${args.connections} connections (person view also at ${args.p99Connections}), ${args.duration} s per load after a ${args.warmup} s warm-up, ${args.rounds} interleaved round(s); medians over rounds, ratios to stock per round; CPU from /proc per process`,
        `The load generator shares the machine: autocannon (in the bench process) used a median ${num(median(loadGenerator))}% of one core during loads, at most ${num(Math.max(...loadGenerator))}%`,
        ...targetLines,
        ...stack.notes,
        `Every response under load checked against the answer recorded first (${byData.length ? `by data for ${byData.join(', ')}, ` : ''}byte for byte otherwise); every answer served agrees with stock on data${withheld.length ? ' except as listed' : ''}`,
        ...withheld,
        ...notServed,
        ...Object.entries(peakRss).map(([id, mb]) => `Peak RSS over the run, ${targetName(id)}: ${num(mb)} MB`),
      ],
    });
    const scalingNote = '- **not measured** person-view cost at 1,000,000 people within 20% of 10,000: `npm run bench -- --scaling`';
    const markdown = [
      header,
      formatTable(rows),
      '',
      formatVerdicts(judged),
      scalingNote,
      ...(wrong.length ? ['', `**WRONG ANSWERS: the run fails** (${wrong.length}):`, '', ...wrong.map((w) => `- ${w}`)] : []),
    ].join('\n');
    const files = writeResults(args.dir, date, 'results', {
      kind: 'bench',
      date: date.toISOString(),
      machine: machine(),
      args,
      world: { ...prepared.world, matters: prepared.matters },
      databases: prepared.databases,
      copyMs: prepared.copyMs,
      operations: operations.map(({ query: _q, ...op }) => op),
      targets: stack.targets.map((t) => ({ id: t.id, label: t.label, setup: t.setup })),
      unavailable: stack.unavailable,
      notes: stack.notes,
      answers: [...check.expectations].map(([key, e]) => ({ key, by: e.by, bytes: e.bytes, withheld: e.withheld })),
      problems: check.problems,
      failures,
      peakRssMb: peakRss,
      rows,
      verdicts: judged,
      samples,
    }, markdown);
    const profiled = [...args.cpuProf, ...(args.cpuProfSubgraphs ? ['the subgraphs'] : [])];
    if (profiled.length) log(`CPU profiles of ${profiled.join(', ')} (whole run, warm-up included): ${profileDir}`);
    return { markdown, files, failed: wrong.length > 0 };
  } finally {
    prepared.dispose();
  }
}

/** One line per target and kind of refusal, naming the operations it refused. */
function groupRefusals(problems: readonly AnswerProblem[]): string[] {
  const groups = new Map<string, AnswerProblem[]>();
  for (const p of problems.filter((q) => !q.wrong)) {
    const key = `${p.target}|${p.refusal ?? p.message}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((g) => `${targetName(g[0]!.target)} does not serve ${g.map((p) => p.op).join(', ')}: ${g[0]!.message}`);
}
