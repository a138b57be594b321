import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { type StartedProcess, type StartProcessOptions, startProcess } from '../e2e/support/startProcess.ts';

/**
 * Every process the bench starts (and the scratch directories of a run), so
 * that each one is stopped on the way out, whatever the way out is (done,
 * failure, Ctrl-C): no orphan keeps a port or a CPU busy on a machine other
 * sessions share, and no run's copy of a store is left behind.
 */
export class ProcessSet {
  readonly #running = new Set<StartedProcess>();
  static readonly #scratch = new Set<string>();
  #echo = false;

  constructor(options: { echo?: boolean } = {}) {
    this.#echo = options.echo ?? false;
  }

  async start(options: StartProcessOptions): Promise<StartedProcess> {
    const started = await startProcess({ echo: this.#echo, ...options });
    this.#running.add(started);
    void started.exited.then(() => this.#running.delete(started));
    return started;
  }

  /** SIGTERM (a clean close: SQLite checkpoints its WAL), SIGKILL after the grace period. */
  async stop(started: StartedProcess, graceMs = 10_000): Promise<void> {
    await started.stop('SIGTERM', graceMs);
    this.#running.delete(started);
  }

  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all([...this.#running].map((p) => this.stop(p, graceMs)));
  }

  /** A directory to remove once the run is over, even if it is cut short. */
  static scratch(dir: string): () => void {
    ProcessSet.#scratch.add(dir);
    return () => {
      rmSync(dir, { recursive: true, force: true });
      ProcessSet.#scratch.delete(dir);
    };
  }

  /**
   * Last resort, synchronous (for `process.on('exit')` and a second Ctrl-C):
   * SIGKILL every direct child of this process, including one still starting
   * (startProcess hands it over only once it is ready).
   */
  static killChildrenNow(): void {
    for (const pid of childPids(process.pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of ProcessSet.#scratch) rmSync(dir, { recursive: true, force: true });
  }
}

/** Direct children of a process, from /proc/<pid>/stat (field 4 is the parent). */
function childPids(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return children;
}
