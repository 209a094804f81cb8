// The service's logger: pino JSON, with every string that may carry user text passed through `redact`,
// and message text (fields named in TEXT_FIELDS) left out at info level and above.
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redact } from './redact';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LoggerOpts {
  level?: LogLevel;
  /** Added to every line (`name` field). */
  name?: string;
  /** Where lines go; stdout when absent (tests pass a stream to read them). */
  destination?: DestinationStream;
}

/** Fields that carry what a user wrote: only logged at debug and trace, and redacted even then. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(['text', 'userText', 'messageText', 'rawText', 'body', 'parts']);

const DEBUG = 20;
const MAX_DEPTH = 6;

/** Deep copy of `value` with strings redacted and, when `dropText`, TEXT_FIELDS replaced by their size. */
export function sanitize(value: unknown, dropText: boolean, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (value instanceof Error) return sanitize({ ...pino.stdSerializers.err(value) }, dropText, depth + 1);
  if (Array.isArray(value)) return value.map((v) => sanitize(v, dropText, depth + 1));
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  // class instances (a request, a socket) are left to pino's serializers, whose output is redacted below
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (dropText && TEXT_FIELDS.has(k) && v != null) {
      out[k] = typeof v === 'string' ? `[${v.length} chars]` : '[omitted]';
    } else {
      out[k] = sanitize(v, dropText, depth + 1);
    }
  }
  return out;
}

export function createLogger(opts: LoggerOpts = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? 'info',
    ...(opts.name ? { name: opts.name } : {}),
    serializers: {
      err: (e: unknown) => sanitize(e, false),
      req: (r: Parameters<typeof pino.stdSerializers.req>[0]) => sanitize({ ...pino.stdSerializers.req(r) }, false),
      res: (r: Parameters<typeof pino.stdSerializers.res>[0]) => sanitize({ ...pino.stdSerializers.res(r) }, false),
    },
    formatters: {
      bindings: (bindings) => sanitize(bindings, false) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method, level) {
        const dropText = level > DEBUG;
        const clean = (args as unknown[]).map((a, i) => {
          if (i === 0 && a instanceof Error) return { err: sanitize(a, dropText) };
          return sanitize(a, dropText);
        });
        return method.apply(this, clean as Parameters<typeof method>);
      },
    },
  };
  const logger = opts.destination ? pino(options, opts.destination) : pino(options);
  // pino applies `formatters.bindings` to the root only: redact a child's bindings here. Children are
  // created with the root as prototype, so they (and their children) use this `child` too.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOpts) {
    return child.call(this, sanitize(bindings, false) as typeof bindings, childOpts);
  } as Logger['child'];
  return logger;
}
