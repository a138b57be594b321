import { cpuMs } from './procStats.ts';

/** A window of this long is quiet when the processes together used at most one clock tick in it. */
const WINDOW_MS = 200;
const QUIET_CPU_MS = 10;
const MAX_WAIT_MS = 5000;

/**
 * Waits until the previous load's work has drained from the processes: a
 * load ends when the load generator stops, but the target and the subgraphs
 * may still be finishing requests already sent, and collecting their
 * garbage. Without this, that CPU (and the processes' lost capacity) is
 * charged to the next load, always the same target's in interleaved order.
 * Waits for a quiet window (at most one clock tick of CPU in 200 ms across
 * all the processes), at most 5 s. Returns how long it waited and the CPU
 * spent meanwhile (ms).
 */
export async function settle(pids: readonly number[]): Promise<{ waitedMs: number; cpuMs: number }> {
  const started = performance.now();
  const total = () => pids.reduce((sum, pid) => sum + alive(pid), 0);
  const first = total();
  let before = first;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = total();
    const waitedMs = performance.now() - started;
    if (now - before <= QUIET_CPU_MS || waitedMs >= MAX_WAIT_MS) return { waitedMs, cpuMs: now - first };
    before = now;
  }
}

/** CPU of a process, 0 once it has gone. */
function alive(pid: number): number {
  try {
    return cpuMs(pid);
  } catch {
    return 0;
  }
}
