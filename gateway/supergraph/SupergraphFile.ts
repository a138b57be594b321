import type { SupergraphManager } from '@apollo/gateway';
import { createHash } from 'node:crypto';
import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

type HookOptions = Parameters<SupergraphManager['initialize']>[0];

export interface SupergraphFileOptions {
  /** Re-read the file when it changes. */
  watch: boolean;
  /** Wait this long after a change before reading (editors write in several steps). */
  debounceMs?: number;
  /** Stat polling interval, the backstop for file systems where fs.watch misses events. */
  pollIntervalMs?: number;
  /** A changed file that cannot be read: reported, and the current supergraph stays. */
  onUnreadable?: (error: Error) => void;
}

/**
 * The supergraph from a file, as an @apollo/gateway `SupergraphManager`:
 * `initialize` returns the file's SDL and then calls `update(sdl)` whenever
 * the content changes (watching the directory, so an atomic rename over the
 * file is seen, with stat polling as a backstop). It only reads; whoever
 * receives `update` validates. Works with a stock `ApolloGateway` as its
 * `supergraphSdl` too.
 */
export class SupergraphFile implements SupergraphManager {
  private lastHash: string | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private update: ((sdl: string) => void) | undefined;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly options: SupergraphFileOptions,
  ) {}

  async initialize({ update }: Pick<HookOptions, 'update'>): Promise<{ supergraphSdl: string; cleanup: () => Promise<void> }> {
    const supergraphSdl = await this.read();
    this.lastHash = hash(supergraphSdl);
    this.update = update;
    if (this.options.watch) this.startWatching();
    return { supergraphSdl, cleanup: async () => this.close() };
  }

  /** Reads the file now (SIGHUP) and reports it when it changed. */
  reload(): void {
    this.schedule(0);
  }

  private async read(): Promise<string> {
    const sdl = await readFile(this.path, 'utf8');
    if (sdl.trim() === '') throw new Error(`${this.path} is empty`);
    return sdl;
  }

  private startWatching(): void {
    const file = basename(this.path);
    try {
      this.watcher = watch(dirname(this.path), { persistent: false }, (_event, name) => {
        if (name === null || name === file) this.schedule(this.options.debounceMs ?? 100);
      });
      this.watcher.on('error', () => undefined);
    } catch {
      // No fs.watch here (some network file systems): polling alone will do.
    }
    watchFile(this.path, { persistent: false, interval: this.options.pollIntervalMs ?? 1000 }, () =>
      this.schedule(this.options.debounceMs ?? 100),
    );
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delayMs);
  }

  private async check(): Promise<void> {
    let sdl: string;
    try {
      sdl = await this.read();
    } catch (error) {
      if (!this.closed) this.options.onUnreadable?.(error as Error);
      return;
    }
    const digest = hash(sdl);
    if (this.closed || digest === this.lastHash) return;
    this.lastHash = digest;
    this.update?.(sdl);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    unwatchFile(this.path);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
