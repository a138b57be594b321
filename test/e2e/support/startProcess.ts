import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './waitFor.ts';

export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface StartProcessOptions {
  /** Shown in errors and log prefixes. */
  name: string;
  /** The script and its arguments, run as `node --import tsx <args>` from the repository root. */
  args: string[];
  /** Added to the test process's environment. */
  env?: Record<string, string | undefined>;
  /** Resolve only once this URL answers 2xx. */
  readyUrl?: string;
  readyTimeoutMs?: number;
  /** Print the process's output as it comes (for debugging). */
  echo?: boolean;
}

export interface StartedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything the process printed so far (stdout and stderr, interleaved by line). */
  output(): string;
  /** The last lines of output. */
  tail(lines?: number): string;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  readonly exited: Promise<number | string>;
  readonly hasExited: boolean;
  /** Sends a signal (default SIGTERM) and waits for the exit; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | string>;
}

/**
 * Starts `node --import tsx <args>` as a real process and waits for `readyUrl`.
 * Rejects with the process's last output lines if it exits or does not come
 * up in time. Callers stop what they start (afterAll / finally).
 */
export async function startProcess(options: StartProcessOptions): Promise<StartedProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...options.args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    lines.push(...text.split('\n').filter((l) => l.length > 0));
    if (lines.length > 5000) lines.splice(0, lines.length - 5000);
    if (options.echo) process.stderr.write(text.replace(/^/gm, `[${options.name}] `));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let hasExited = false;
  const exited = new Promise<number | string>((resolve) => {
    // 'exit' can come before the last output is read from the pipes; resolve
    // on 'close' (pipes drained), or shortly after 'exit' should a descendant
    // still hold them open.
    child.on('exit', (code, signal) => {
      hasExited = true;
      const result = code ?? signal ?? 'unknown';
      child.once('close', () => resolve(result));
      setTimeout(() => resolve(result), 1_000).unref();
    });
    child.on('error', (error) => {
      hasExited = true;
      lines.push(`spawn error: ${error.message}`);
      resolve('spawn-error');
    });
  });
  const tail = (n = 30) => lines.slice(-n).join('\n');
  const started: StartedProcess = {
    name: options.name,
    child,
    pid: child.pid ?? -1,
    output: () => lines.join('\n'),
    tail,
    exited,
    get hasExited() {
      return hasExited;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000) {
      if (hasExited) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  if (options.readyUrl) {
    try {
      await waitFor(options.readyUrl, {
        timeoutMs: options.readyTimeoutMs ?? 20_000,
        abort: () => (hasExited ? `${options.name} exited` : undefined),
      });
    } catch (error) {
      await started.stop('SIGKILL');
      throw new Error(`${options.name} did not start: ${(error as Error).message}\n--- last output of ${options.name} ---\n${tail()}`);
    }
  }
  return started;
}
