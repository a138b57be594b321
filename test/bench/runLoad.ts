import { autocannon, type AutocannonOptions } from './autocannon.ts';
import type { BenchRequest } from './benchRequest.ts';
import { cpuMs, memoryMb } from './procStats.ts';

export interface LoadOptions {
  request: BenchRequest;
  connections: number;
  durationSeconds: number;
  /** Send this many requests instead of loading for a duration (warm-up). */
  amount?: number;
  /** Every response body under load goes through this; false is a wrong answer. */
  verify: (body: string) => boolean;
  /** The processes whose CPU and memory this load is charged to, by name. */
  watch: Record<string, number>;
  /** Headers that must change during a long load (a signed context lives a minute). */
  freshHeaders?: () => Record<string, string>;
}

export interface LoadSample {
  requests: number;
  rps: number;
  /** Latency in ms (autocannon's histogram: whole milliseconds). */
  p50: number;
  p99: number;
  mean: number;
  /** Responses that were not right: transport errors, timeouts, non-2xx statuses, wrong bodies. */
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  /** The first wrong body (cut), for the report. */
  firstWrongBody?: string;
  /** CPU time each watched process spent during the load, in ms. */
  cpuMs: Record<string, number>;
  /** Highest resident set size seen during the load, in MB. */
  rssMb: Record<string, number>;
  /** CPU the load generator (autocannon, in the bench's own process) spent, in ms: it shares the machine. */
  loadGeneratorCpuMs: number;
}

/** How long after a load ends its CPU is still read: work for the last responses (and batched writes) lands in it. */
const SETTLE_MS = 250;

/**
 * One fixed-duration load with autocannon at fixed connections, charging
 * CPU (from /proc, before and after) and sampled memory to each watched
 * process, and checking every response.
 */
export async function runLoad(options: LoadOptions): Promise<LoadSample> {
  const { request, watch } = options;
  const pids = Object.entries(watch);
  const rss: Record<string, number> = Object.fromEntries(pids.map(([name]) => [name, 0]));
  const sampleMemory = () => {
    for (const [name, pid] of pids) rss[name] = Math.max(rss[name]!, memoryMb(pid).rss);
  };
  let firstWrongBody: string | undefined;
  const verify = (body: string) => {
    const ok = options.verify(body);
    if (!ok && firstWrongBody === undefined) firstWrongBody = body.slice(0, 600);
    return ok;
  };
  const autocannonOptions: AutocannonOptions = {
    url: request.url,
    method: 'POST',
    body: request.body,
    headers: request.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.amount ? { amount: Math.max(options.amount, options.connections) } : {}),
    timeout: 30,
    verifyBody: verify,
  };
  if (options.freshHeaders) {
    // Rebuilding each request costs the load generator a little: only loads that need it.
    const fresh = options.freshHeaders;
    autocannonOptions.requests = [{ setupRequest: (r) => ({ ...r, headers: { ...r.headers, ...fresh() } }) }];
  }

  sampleMemory();
  const before = Object.fromEntries(pids.map(([name, pid]) => [name, cpuMs(pid)]));
  const ownBefore = process.cpuUsage();
  const sampler = setInterval(sampleMemory, 200);
  let result;
  try {
    result = await autocannon(autocannonOptions);
  } finally {
    clearInterval(sampler);
  }
  const own = process.cpuUsage(ownBefore);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  sampleMemory();
  const cpu = Object.fromEntries(pids.map(([name, pid]) => [name, cpuMs(pid) - before[name]!]));

  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    ...(firstWrongBody !== undefined ? { firstWrongBody } : {}),
    cpuMs: cpu,
    rssMb: rss,
    loadGeneratorCpuMs: (own.user + own.system) / 1000,
  };
}

/** A load gave only right answers. */
export const allRight = (s: LoadSample): boolean => s.errors === 0 && s.timeouts === 0 && s.non2xx === 0 && s.mismatches === 0 && s.requests > 0;
