import { SUBGRAPHS } from '../../schema/subgraphList.ts';
import { type AnswerCheck, expectationKey } from './checkAnswers.ts';
import type { BenchOperation } from './operations.ts';
import { allRight, type LoadSample, runLoad } from './runLoad.ts';
import type { Fleet } from './startFleet.ts';
import type { LoadTarget, TargetId } from './startStack.ts';

/** One measured load; CPU and memory are keyed `target` (the process loaded) and by subgraph name. */
export interface RoundSample {
  round: number;
  op: string;
  target: TargetId;
  sample: LoadSample;
}

export interface RoundsOptions {
  operations: readonly BenchOperation[];
  targets: readonly LoadTarget[];
  check: AnswerCheck;
  fleet: Fleet;
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  log: (m: string) => void;
}

/**
 * Each measured load is preceded by this much of the same load, unmeasured.
 * Without it the first load after a change of operation paid for the
 * change: subgraphs idle through the previous operation's loads (not
 * confirmed why: an idle V8 shrinks its young generation, connections
 * close) cost up to twice
 * the CPU per request for a few seconds, and in a fixed order that was
 * always the same target's load.
 */
const LEAD_IN_SECONDS = 2;

/** Long loads renew the ceiling's signed context (it lives a minute) while they run. */
const RENEW_AFTER_SECONDS = 25;

/**
 * A warm-up of a few seconds is a few dozen requests when a target is slow
 * or the machine busy: not enough for the JIT, the plan caches and SQLite's
 * page cache. It goes on until this many requests were answered.
 */
const WARM_UP_REQUESTS = 500;

/**
 * Warm-up, then the measured rounds, interleaved: in each round every
 * operation is loaded on every target in turn (a, b, c, d for op 1, then op
 * 2, ...; the next round b, c, d, a), so slow drift on a shared machine,
 * and whatever a load leaves behind for the next one, hits all targets
 * alike. Each measured load follows a short lead-in of itself (LEAD_IN_SECONDS). Every
 * response is checked; wrong answers are collected as failures, and the
 * rounds go on so the report shows everything.
 */
export async function runRounds(options: RoundsOptions): Promise<{ samples: RoundSample[]; failures: string[] }> {
  const { operations, targets, check, fleet, log } = options;
  const samples: RoundSample[] = [];
  const failures: string[] = [];
  const subgraphPids = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, fleet.processes[s.name].pid]));

  const load = async (round: number, op: BenchOperation, target: LoadTarget, seconds: number, amount?: number): Promise<LoadSample | undefined> => {
    const expectation = check.expectations.get(expectationKey(op.id, target.id));
    if (!expectation) return undefined; // not served, or its answer was already refused before loading
    const sent = await target.requestFor(op);
    if (!sent) return undefined;
    const where = `${round === 0 ? 'warm-up' : `round ${round}`} · ${op.id} · ${target.id}`;
    if (sent.exited()) {
      failures.push(`${where}: the process has exited`);
      return undefined;
    }
    let renew: NodeJS.Timeout | undefined;
    let fresh = sent.request.headers;
    if (target.renewHeaders && seconds > RENEW_AFTER_SECONDS) {
      const renewHeaders = target.renewHeaders;
      renew = setInterval(() => void renewHeaders().then((h) => (fresh = { ...fresh, ...h })), 10_000);
    }
    if (round > 0) {
      // A lead-in, not measured: the switch from the previous load (other
      // subgraphs, another concurrency) is paid here, not by this load.
      await runLoad({ request: sent.request, connections: op.connections ?? options.connections, durationSeconds: LEAD_IN_SECONDS, verify: expectation.verify, watch: {} });
    }
    let sample: LoadSample;
    try {
      sample = await runLoad({
        request: sent.request,
        connections: op.connections ?? options.connections,
        durationSeconds: seconds,
        ...(amount ? { amount } : {}),
        verify: expectation.verify,
        watch: { target: sent.pid, ...subgraphPids },
        ...(renew ? { freshHeaders: () => fresh } : {}),
      });
    } finally {
      if (renew) clearInterval(renew);
    }
    if (!allRight(sample)) {
      const codes = Object.entries(sample.statusCodes).map(([c, n]) => `${n}×${c}`).join(' ');
      failures.push(
        `${where}: ${sample.mismatches} wrong bodies, ${sample.non2xx} non-2xx (${codes}), ${sample.errors} errors, ${sample.timeouts} timeouts of ${sample.requests}` +
          (sample.firstWrongBody ? `; first wrong body: ${sample.firstWrongBody.slice(0, 300)}` : ''),
      );
    }
    const cpuPerRequest = sample.requests ? sample.cpuMs.target! / sample.requests : NaN;
    log(`  ${where}: ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, CPU ${cpuPerRequest.toFixed(3)} ms/req${allRight(sample) ? '' : '  WRONG ANSWERS'}`);
    if (round > 0) samples.push({ round, op: op.id, target: target.id, sample });
    return sample;
  };

  if (options.warmupSeconds > 0) {
    log(`warm-up: ${options.warmupSeconds} s per operation and target, and at least ${WARM_UP_REQUESTS} requests`);
    for (const op of operations) {
      for (const target of targets) {
        const first = await load(0, op, target, options.warmupSeconds);
        if (first && first.requests < WARM_UP_REQUESTS) await load(0, op, target, options.warmupSeconds, WARM_UP_REQUESTS - first.requests);
      }
    }
  }
  for (let round = 1; round <= options.rounds; round++) {
    log(`round ${round} of ${options.rounds}`);
    // The order of targets turns by one each round: no target always follows the same one.
    const turn = (round - 1) % targets.length;
    const order = [...targets.slice(turn), ...targets.slice(0, turn)];
    for (const op of operations) for (const target of order) await load(round, op, target, options.durationSeconds);
  }
  return { samples, failures };
}
