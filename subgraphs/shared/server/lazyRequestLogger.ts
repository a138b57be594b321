import type { FastifyBaseLogger } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildLoggerOptions = NonNullable<Parameters<FastifyBaseLogger['child']>[1]>;
type LevelWithSilentOrString = FastifyBaseLogger['level'];

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger that becomes a pino child only when it writes a line.
 *
 * Fastify makes a child logger per request (`reqId`) and the subgraph server
 * another one once the user is known (`rid`, `user`): each is a pino child,
 * whose bindings pino serialises as it is made (about 5% of a subgraph's CPU
 * per request at the bench's rate), while at the level subgraphs run under
 * load (`warn`) a successful request writes no line at all. This one only
 * remembers its parent and bindings; the first line written at an enabled
 * level makes the real child (the same chain of pino children, so the same
 * bindings in the same order on every line) and everything goes to it from
 * then on. A disabled level is recognised as pino disables it: the parent's
 * method is its `silent` no-op.
 */
export class LazyRequestLogger implements FastifyBaseLogger {
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions | undefined;
  #logger: FastifyBaseLogger | undefined;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options?: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    // A child with a level or serializers of its own is made at once: no shortcut for a case no route uses.
    this.#options = options && hasOwnKeys(options) ? options : undefined;
    if (this.#options) this.#logger = this.#makeChild();
  }

  /** The real child logger (and its lazy parents'), made on first use. */
  get logger(): FastifyBaseLogger {
    return (this.#logger ??= this.#makeChild());
  }

  #makeChild(): FastifyBaseLogger {
    const parent = this.#parent instanceof LazyRequestLogger ? this.#parent.logger : this.#parent;
    return parent.child(this.#bindings, this.#options);
  }

  get level(): LevelWithSilentOrString {
    return this.#logger ? this.#logger.level : this.#parent.level;
  }

  set level(level: LevelWithSilentOrString) {
    this.logger.level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#logger ? this.#logger.child(bindings, options) : new LazyRequestLogger(this, bindings, options);
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }

  error(...args: unknown[]): void {
    this.#write('error', args);
  }

  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }

  info(...args: unknown[]): void {
    this.#write('info', args);
  }

  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }

  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }

  silent(): void {}

  /** Whether a line at this level would be written: pino replaces a disabled level's method by its no-op. */
  enabled(level: Level): boolean {
    const logger = this.#logger ?? this.#parent;
    if (logger instanceof LazyRequestLogger) return logger.enabled(level);
    return logger[level] !== logger.silent;
  }

  #write(level: Level, args: unknown[]): void {
    if (!this.#logger && !this.enabled(level)) return;
    const logger = this.logger;
    (logger[level] as (...args: unknown[]) => void).apply(logger, args);
  }
}

/** Whether an options object sets anything (Fastify passes `{}` for every request: no array made to tell). */
function hasOwnKeys(options: object): boolean {
  for (const key in options) if (Object.hasOwn(options, key)) return true;
  return false;
}

/** Fastify's `childLoggerFactory`: every request's logger is lazy. */
export function lazyRequestLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new LazyRequestLogger(logger, bindings, options);
}
