import { parseArgs } from 'node:util';

export interface BenchArgs {
  readonly people: number;
  readonly seed: number;
  readonly rounds: number;
  /** Seconds per measured load. */
  readonly duration: number;
  /** Seconds per warm-up load (one per gateway and operation, before round 1). */
  readonly warmup: number;
  readonly connections: number;
  /** Connections of the person-view p99 load (issue 7's target is set at 50). */
  readonly p99Connections: number;
  /** Operation ids to run (all when empty). */
  readonly only: readonly string[];
  /** Targets to run (all when empty): secure, open, stock, ceiling. */
  readonly targets: readonly string[];
  readonly scaling: boolean;
  /** World sizes of the scaling mode. */
  readonly sizes: readonly number[];
  /** Cache and results directory. */
  readonly dir: string;
  /** Print every process's output as it comes. */
  readonly echo: boolean;
  /** Targets whose process runs under `node --cpu-prof` (profiles in `<dir>/profiles-<time>/`). */
  readonly cpuProf: readonly string[];
  /** Run the five subgraphs under `node --cpu-prof` (profiles in `<dir>/profiles-<time>/<subgraph>/`). */
  readonly cpuProfSubgraphs: boolean;
}

export const BENCH_USAGE = `usage: npm run bench -- [--people N] [--seed S] [--rounds R] [--duration S] [--warmup S]
                     [--connections C] [--p99-connections C] [--only <op>[,<op>]] [--targets <t>[,<t>]]
                     [--scaling [--sizes 10000,100000,1000000]] [--dir .bench] [--echo] [--cpu-prof <t>[,<t>]] [--cpu-prof-subgraphs]
operations: person-view, timeline, matter, search, pass-through, person-view@50 (--only person-view takes both person-view loads)
targets:    secure (ours, production security), open (ours, security off), stock (@apollo/gateway), ceiling (subgraph direct)`;

function whole(name: string, text: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

function seconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 3600) throw new RangeError(`--${name} must be seconds from 0 to 3600, got "${text}"`);
  return value;
}

const list = (values: string[] | undefined): string[] => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** Reads `npm run bench` options; throws a RangeError naming a bad one. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'p99-connections': { type: 'string' },
      only: { type: 'string', multiple: true },
      targets: { type: 'string', multiple: true },
      scaling: { type: 'boolean' },
      sizes: { type: 'string' },
      dir: { type: 'string' },
      echo: { type: 'boolean' },
      'cpu-prof': { type: 'string', multiple: true },
      'cpu-prof-subgraphs': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const duration = seconds('duration', values.duration, 5);
  if (duration < 1) throw new RangeError('--duration must be at least 1 second');
  const sizes = list(values.sizes ? [values.sizes] : ['10000,100000,1000000']).map((s) => whole('sizes', s, 0, 100, 20_000_000));
  return {
    people: whole('people', values.people, 100_000, 100, 20_000_000),
    seed: whole('seed', values.seed, 7, 0, 2 ** 32 - 1),
    rounds: whole('rounds', values.rounds, 5, 1, 100),
    duration,
    warmup: seconds('warmup', values.warmup, 2),
    connections: whole('connections', values.connections, 10, 1, 1000),
    p99Connections: whole('p99-connections', values['p99-connections'], 50, 1, 1000),
    only: list(values.only),
    targets: list(values.targets),
    scaling: values.scaling ?? false,
    sizes,
    dir: values.dir ?? '.bench',
    echo: values.echo ?? false,
    cpuProf: list(values['cpu-prof']),
    cpuProfSubgraphs: values['cpu-prof-subgraphs'] ?? false,
  };
}
