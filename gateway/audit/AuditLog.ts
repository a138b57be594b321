import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Appended, AppendedBatch, PruneResult } from './AuditChainWriter.ts';
import type { AccessEntry } from './AuditRecord.ts';
import { packEntries, type AuditWorkerData, type AuditWorkerReply, type AuditWorkerRequest } from './auditWorkerProtocol.ts';
import { encodeEntry, type EncodedEntry } from './encodeEntry.ts';

export interface AuditLogOptions {
  /** The SQLite file (created with its directory when missing). */
  file: string;
  /** How long a commit waits for another writer's lock (ms). Default 5000. */
  busyTimeoutMs?: number;
  /**
   * How long an append may take before it counts as failed (ms): the answer
   * it guards is withheld rather than left hanging. Default busy timeout + 5 s.
   */
  writeTimeoutMs?: number;
  /** Records per transaction at most. Default 1000. */
  maxBatch?: number;
  /** Records waiting for a commit at most; past it appends fail at once (back-pressure). Default 20000. */
  maxQueued?: number;
  /**
   * Under load, how long a record may wait for others to share its commit
   * (ms); 0 commits at once. Default 1. See `scheduleFlush`.
   */
  commitDelayMs?: number;
}

/** The audit log could not take a record: the caller withholds what the record was about. */
export class AuditUnavailableError extends Error {
  constructor(
    message: string,
    /** SQLite's code (SQLITE_BUSY, SQLITE_CANTOPEN, ...) when it said one. */
    readonly storeCode?: string,
  ) {
    super(message);
    this.name = 'AuditUnavailableError';
  }
}

interface Queued {
  entry: EncodedEntry;
  /** When it was queued (performance.now() ms). */
  at: number;
  resolve: (appended: Appended) => void;
  reject: (error: Error) => void;
}

interface InFlight {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** When it counts as failed (performance.now() ms), and the timeout that says so. */
  deadline: number;
  timeoutMs: number;
}

/**
 * The gateway's handle on the audit log. Appends are group-committed: the
 * records that arrive while one transaction commits are written together by
 * the next, one fsync for all of them, and each `append` resolves only when
 * its own record is durable. The writing happens on a worker thread (see
 * auditWorker.ts), so a slow disk or a locked file delays the answers that
 * wait for their record, not the event loop that serves everything else.
 * If the worker dies it is restarted on the next append (at most once a
 * second); meanwhile appends fail.
 */
export class AuditLog {
  private worker: Worker | undefined;
  private lastSpawn = 0;
  private nextId = 0;
  private readonly inFlight = new Map<number, InFlight>();
  /** One timer watches every request in flight (not one per request: appends come hundreds a second). */
  private watchdog: NodeJS.Timeout | undefined;
  private watchdogDue = 0;
  private queue: Queued[] = [];
  /** The transaction being committed, if any. */
  private committing: Promise<void> | undefined;
  private flushScheduled = false;
  private closed = false;
  private readonly busyTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private readonly commitDelayMs: number;
  /** When the last record arrived, and the recent time between records (ms, moving average). */
  private lastArrival = -Infinity;
  private arrivalGap = Infinity;
  /** Transactions and records committed since start (group commit: far fewer transactions than records under load). */
  readonly stats = { transactions: 0, records: 0, failedRecords: 0 };
  /** The newest record this process committed: logged now and then, as an anchor outside the database. */
  lastAppended: Appended | undefined;

  constructor(private readonly options: AuditLogOptions) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? this.busyTimeoutMs + 5000;
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxQueued = options.maxQueued ?? 20_000;
    this.commitDelayMs = options.commitDelayMs ?? 1;
  }

  get file(): string {
    return this.options.file;
  }

  /**
   * Starts the writer and opens (creating) the database. Resolves with the
   * problem instead of throwing: the gateway still starts and serves what
   * reads no person, and appends retry opening the file.
   */
  async open(): Promise<AuditUnavailableError | undefined> {
    try {
      // Starting the thread (and, from sources, compiling it) counts against this one.
      await this.request({ op: 'open' }, Math.max(this.writeTimeoutMs, 30_000));
      return undefined;
    } catch (error) {
      return toUnavailable(error);
    }
  }

  /** Appends one record; resolves once it is committed to disk, rejects with AuditUnavailableError if it cannot be. */
  append(entry: AccessEntry): Promise<Appended> {
    if (this.closed) return Promise.reject(new AuditUnavailableError('the audit log is closed'));
    if (this.queue.length >= this.maxQueued) {
      this.stats.failedRecords++;
      return Promise.reject(new AuditUnavailableError(`the audit log is behind (${this.queue.length} records waiting)`));
    }
    let encoded: EncodedEntry;
    try {
      // Serialised now, on this thread: what crosses to the writer is a few strings.
      encoded = encodeEntry(entry);
    } catch (error) {
      this.stats.failedRecords++;
      return Promise.reject(toUnavailable(error));
    }
    const at = performance.now();
    this.arrivalGap = this.arrivalGap === Infinity ? at - this.lastArrival : 0.8 * this.arrivalGap + 0.2 * Math.min(at - this.lastArrival, 1000);
    this.lastArrival = at;
    return new Promise<Appended>((resolve, reject) => {
      this.queue.push({ entry: encoded, at, resolve, reject });
      this.scheduleFlush();
    });
  }

  /**
   * Deletes records older than the retention period, a chunk per
   * transaction so appends interleave, until none is left. Resolves with the
   * number deleted.
   */
  async prune(options: { retentionDays: number; now?: Date; chunk?: number }): Promise<{ count: number; last?: PruneResult['prune'] }> {
    let count = 0;
    let last: PruneResult['prune'];
    for (;;) {
      const result = (await this.request(
        { op: 'prune', now: (options.now ?? new Date()).toISOString(), retentionDays: options.retentionDays, maxRecords: options.chunk ?? 5000 },
        this.writeTimeoutMs * 4,
      )) as PruneResult;
      if (result.count === 0) return { count, ...(last ? { last } : {}) };
      count += result.count;
      last = result.prune;
    }
  }

  /** Waits for queued records to commit, then stops the writer. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.committing || this.queue.length > 0) {
      if (!this.committing) this.flush();
      await this.committing;
    }
    const worker = this.worker;
    if (!worker) return;
    try {
      await this.request({ op: 'close' }, this.writeTimeoutMs);
    } catch {
      // Stopping anyway.
    }
    this.worker = undefined;
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    await worker.terminate();
  }

  // Records that arrive in the same turn of the event loop, or while a
  // transaction commits, go into the next transaction together. Under load
  // (records arriving less than the commit delay apart, on a moving
  // average) the first record of a batch also waits, until the commit delay
  // has passed since it arrived, for the others to join it: PostgreSQL's
  // commit_delay. A transaction costs far more than a record (its fsync, the
  // two threads' wake-ups and messages: about 120 µs against 30 µs per
  // record here), so at a thousand person views a second four records a
  // transaction instead of two save about a tenth of the gateway's CPU. A
  // record that comes alone, with none in the last few milliseconds,
  // commits at once: the delay costs only when there is load to share it.
  private scheduleFlush(): void {
    if (this.committing || this.flushScheduled) return;
    this.flushScheduled = true;
    const wait = this.arrivalGap < this.commitDelayMs ? this.queue[0]!.at + this.commitDelayMs - performance.now() : 0;
    if (wait > 0.25) {
      setTimeout(() => {
        this.flushScheduled = false;
        this.flush();
      }, wait);
      return;
    }
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.committing || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.committing = this.request({ op: 'append', entries: packEntries(batch.map((q) => q.entry)) }, this.writeTimeoutMs).then(
      (result) => {
        const { firstSeq, hashes } = result as AppendedBatch;
        this.stats.transactions++;
        this.stats.records += batch.length;
        if (hashes.length > 0) this.lastAppended = { seq: firstSeq + hashes.length - 1, hash: hashes.at(-1)! };
        for (let i = 0; i < batch.length; i++) batch[i]!.resolve({ seq: firstSeq + i, hash: hashes[i]! });
      },
      (error: unknown) => {
        this.stats.failedRecords += batch.length;
        const unavailable = toUnavailable(error);
        for (const q of batch) q.reject(unavailable);
      },
    ).finally(() => {
      this.committing = undefined;
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  private request(message: DistributiveOmit<AuditWorkerRequest, 'id'>, timeoutMs: number): Promise<unknown> {
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      return Promise.reject(toUnavailable(error));
    }
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      this.inFlight.set(id, { resolve, reject, deadline, timeoutMs });
      this.watch(deadline);
      worker.postMessage({ ...message, id } as AuditWorkerRequest);
    });
  }

  /** Makes sure the watchdog fires by `deadline`. */
  private watch(deadline: number): void {
    if (this.watchdog && this.watchdogDue <= deadline) return;
    clearTimeout(this.watchdog);
    this.watchdogDue = deadline;
    this.watchdog = setTimeout(() => this.checkDeadlines(), Math.max(0, deadline - performance.now()));
    this.watchdog.unref();
  }

  /** A writer stuck past a request's timeout (a hung disk) is replaced; what it had is failed. */
  private checkDeadlines(): void {
    this.watchdog = undefined;
    const now = performance.now();
    let next = Infinity;
    for (const pending of this.inFlight.values()) {
      if (pending.deadline <= now) {
        const worker = this.worker;
        if (!worker) return;
        this.failAll(worker, new AuditUnavailableError(`the audit store did not answer within ${pending.timeoutMs} ms`));
        void worker.terminate();
        return;
      }
      next = Math.min(next, pending.deadline);
    }
    if (next !== Infinity) this.watch(next);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const now = Date.now();
    if (now - this.lastSpawn < 1000) throw new AuditUnavailableError('the audit writer failed and restarts shortly');
    this.lastSpawn = now;
    const data: AuditWorkerData = { file: this.options.file, busyTimeoutMs: this.busyTimeoutMs };
    const worker = spawnAuditWorker(data);
    worker.unref();
    worker.on('message', (reply: AuditWorkerReply) => {
      const pending = this.inFlight.get(reply.id);
      if (!pending) return;
      this.inFlight.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new AuditUnavailableError(reply.error.message, reply.error.code));
    });
    worker.on('error', (error) => this.failAll(worker, new AuditUnavailableError(`the audit writer crashed: ${error.message}`)));
    worker.on('exit', () => this.failAll(worker, new AuditUnavailableError('the audit writer stopped')));
    this.worker = worker;
    return worker;
  }

  private failAll(worker: Worker, error: AuditUnavailableError): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const [id, pending] of this.inFlight) {
      pending.reject(error);
      this.inFlight.delete(id);
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function toUnavailable(error: unknown): AuditUnavailableError {
  if (error instanceof AuditUnavailableError) return error;
  return new AuditUnavailableError(error instanceof Error ? error.message : String(error));
}

/**
 * The writer thread. Run from TypeScript sources (tsx), a worker does not
 * inherit the loader, so a tiny ES module bootstrap registers tsx in the
 * worker and then imports it; compiled to JavaScript, the file is started
 * directly.
 */
function spawnAuditWorker(data: AuditWorkerData): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './auditWorker.ts' : './auditWorker.js', import.meta.url);
  if (!fromSources) return new Worker(entry, { workerData: data });
  // tsx's ESM API (its `require` entry is the .cjs twin of the .mjs we import).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: data, execArgv: profilingOptions(process.execArgv) });
}

/**
 * The gateway's `--cpu-prof` options, which a worker accepts (the bench's
 * `--cpu-prof` then profiles the writer too); the others (`--import tsx`)
 * are what the bootstrap above does instead.
 */
function profilingOptions(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i]!;
    if (!option.startsWith('--cpu-prof')) continue;
    kept.push(option);
    // `--cpu-prof-dir dir` (and -name, -interval) take the next argument unless written with `=`.
    if (option !== '--cpu-prof' && !option.includes('=') && i + 1 < execArgv.length) kept.push(execArgv[++i]!);
  }
  return kept;
}
