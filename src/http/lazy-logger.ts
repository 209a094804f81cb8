// fastify's per-request logger (`req.log`), made only when a request logs something. fastify makes a child
// logger for every request, and ours redacts its bindings (log/logger.ts): ~10 µs a request, for a logger
// that at the default level (warn) almost no request uses. This stands in for it and makes the real child
// (the same bindings, so the same lines) on the first call.
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level, LevelWithSilentOrString } from 'pino';

/** What of pino's logger this reads (pino's own type, generic in its levels, is not needed here). */
type Logger = Record<Level, (...args: unknown[]) => void> & {
  level: LevelWithSilentOrString;
  isLevelEnabled(level: LevelWithSilentOrString): boolean;
  child(bindings: Bindings, options?: ChildLoggerOptions): Logger;
  bindings(): Bindings;
};

class LazyChild {
  private made: Logger | null = null;

  constructor(
    private readonly parent: Logger,
    private readonly bound: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get real(): Logger {
    return (this.made ??= this.parent.child(this.bound, this.options));
  }

  get level(): LevelWithSilentOrString {
    return this.made?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: LevelWithSilentOrString) {
    this.real.level = level;
  }

  isLevelEnabled(level: LevelWithSilentOrString): boolean {
    return (this.made ?? (this.options.level === undefined ? this.parent : this.real)).isLevelEnabled(level);
  }

  fatal(...args: unknown[]): void {
    this.call('fatal', args);
  }
  error(...args: unknown[]): void {
    this.call('error', args);
  }
  warn(...args: unknown[]): void {
    this.call('warn', args);
  }
  info(...args: unknown[]): void {
    this.call('info', args);
  }
  debug(...args: unknown[]): void {
    this.call('debug', args);
  }
  trace(...args: unknown[]): void {
    this.call('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.real.child(bindings, options);
  }

  bindings(): Bindings {
    return this.made ? this.made.bindings() : { ...this.parent.bindings(), ...this.bound };
  }

  private call(level: Level, args: unknown[]): void {
    // a level the logger leaves out makes no child either
    if (!this.isLevelEnabled(level)) return;
    this.real[level](...args);
  }
}

/** fastify's `childLoggerFactory`. */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new LazyChild(logger as unknown as Logger, bindings, options) as unknown as FastifyBaseLogger;
}
