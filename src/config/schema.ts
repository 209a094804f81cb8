// Configuration: read once from the environment, validated with zod, errors naming the variable.
import { availableParallelism, hostname } from 'node:os';
import { z } from 'zod';
import { parseDataKey } from '../store/key';
import { VARIABLES } from './variables';

const int = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const url = z.string().url();

/** One zod schema per variable (the value is a string or undefined; empty counts as unset). */
const FIELDS = {
  PORT: int(0, 65535),
  HOST: z.string().min(1),
  JIUYI_DATA_DIR: z.string().min(1),
  JIUYI_WAL_MAX_MB: int(4, 65_536),
  JIUYI_DATA_KEY: z.string().refine((v) => parseDataKey(v) !== null, 'must be 64 hex digits or base64 of 32 bytes (openssl rand -hex 32)').optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  JIUYI_INSTANCE: z.string().regex(/^[\w.:-]{1,64}$/, 'must be 1–64 letters, digits, . : _ or -').optional(),
  JIUYI_RULES_DIR: z.string().min(1).optional(),
  JIUYI_RULES_WATCH: z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' }),
  JIUYI_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  JIUYI_ESCALATE_AFTER_S: int(1, 86_400),
  JIUYI_RETENTION_DAYS: int(1, 3650),
  JIUYI_SEGMENTER: z.enum(['node-rs', 'nodejieba']),
  JIUYI_CORE_THREADS: z.union([z.literal('auto'), int(0, 16)], { error: 'must be auto or a whole number from 0 to 16' }),
  JIUYI_RATE_LIMIT: int(1, 100_000),
  JIUYI_RATE_LIMIT_CLIENT: int(1, 1_000_000),
  JIUYI_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be true, false, a hop count, or comma-separated addresses/CIDRs')
    .optional(),
  JIUYI_HTTP_HEADERS_TIMEOUT_S: int(1, 3600),
  JIUYI_HTTP_REQUEST_TIMEOUT_S: int(1, 3600),
  JIUYI_HTTP_KEEPALIVE_S: int(1, 3600),
  JIUYI_MAX_CONNECTIONS: int(10, 1_000_000),
  JIUYI_MAX_CONNECTIONS_PER_IP: int(0, 1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-DEF…').optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  TELEGRAM_API_ROOT: url,
  TELEGRAM_STAFF_CHAT_ID: z.string().regex(/^-?\d+$|^@\w+$/, 'must be a numeric chat id or @channel').optional(),
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_TOKEN: z.string().min(1).optional(),
  WECOM_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be 43 letters and digits').optional(),
  WECOM_AGENT_ID: z.string().regex(/^\d+$/, 'must be a number').optional(),
  WECOM_SECRET: z.string().min(1).optional(),
  WECOM_API_ROOT: url,
  WECOM_MAX_SKEW_S: int(0, 86_400),
  WECOM_KF_SECRET: z.string().min(1).optional(),
  WECOM_KF_OPEN_KFID: z.string().min(1).optional(),
  WECOM_ROBOT_WEBHOOK: url.optional(),
} satisfies Record<string, z.ZodType>;

type Name = keyof typeof FIELDS;
type Raw = { [K in Name]: z.output<(typeof FIELDS)[K]> };

export interface TelegramConfig {
  botToken: string;
  /** Set: webhook at POST /telegram/webhook with this secret; unset: long polling. */
  webhookSecret?: string;
  apiRoot: string;
  staffChatId?: string;
}

export interface WecomConfig {
  /** The self-built app's callback; null when only the robot webhook is configured. */
  app: { corpId: string; token: string; aesKey: string; agentId?: string; secret?: string } | null;
  apiRoot: string;
  maxSkewS: number;
  kf: { secret: string; openKfid?: string } | null;
  robotWebhook?: string;
}

export interface HttpConfig {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveMs: number;
  maxConnections: number;
  /** 0: no limit. */
  maxConnectionsPerIp: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite's write-ahead log bound, in bytes. */
  walMaxBytes: number;
  /** JIUYI_DATA_KEY; absent: the data directory's key file. */
  dataKey?: Buffer;
  mongodbUri?: string;
  /** JIUYI_INSTANCE, else `<hostname>-<pid>`: names this instance in logs, metrics and the store. */
  instance: string;
  /** JIUYI_RULES_DIR; absent: the checkout's rules/. */
  rulesDir?: string;
  /** Reload the rule books when their files change. */
  rulesWatch: boolean;
  adminToken?: string;
  escalateAfterS: number;
  retentionDays: number;
  segmenter: 'node-rs' | 'nodejieba';
  /** Worker threads running the core's turns; 0: on the main thread. */
  coreThreads: number;
  /** Per-user messages per minute. */
  rateLimit: number;
  /** Per-client-address messages (and new conversations) per minute on the HTTP API. */
  clientRateLimit: number;
  /** fastify's trustProxy (JIUYI_TRUST_PROXY): false when unset. */
  trustProxy: boolean | number | string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** HTTP timeouts and connection caps (src/http/limits.ts). */
  http: HttpConfig;
  /** null: Telegram is not configured and does not start. */
  telegram: TelegramConfig | null;
  /** null: WeCom is not configured and does not start. */
  wecom: WecomConfig | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULTS = new Map(VARIABLES.filter((v) => v.default !== undefined).map((v) => [v.name, v.default as string]));
const SECRET = new Set(VARIABLES.filter((v) => v.secret).map((v) => v.name));

/** Worker threads for `JIUYI_CORE_THREADS=auto`: one core is left to the main thread (HTTP, the store), the
 * others take the turns, at most two, as the main thread cannot feed more. Measured on two cores with the
 * load generator on the same machine, one worker answered a third more requests a second at steady state,
 * for 130 MB more memory and a sixth more CPU a request (the messages copied between threads). */
export const autoCoreThreads = (cores: number): number => Math.max(0, Math.min(2, cores - 1));

/** Validates an environment (process.env by default). Throws ConfigError listing every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const raw = {} as Record<Name, unknown>;
  for (const name of Object.keys(FIELDS) as Name[]) {
    const given = env[name]?.trim();
    const value = given === undefined || given === '' ? DEFAULTS.get(name) : given;
    const result = FIELDS[name].safeParse(value);
    if (result.success) raw[name] = result.data;
    else {
      const why = result.error.issues.map((i) => i.message).join('; ');
      const shown = value === undefined ? 'unset' : SECRET.has(name) ? 'hidden' : JSON.stringify(value);
      problems.push(`${name}: ${why} (got ${shown})`);
    }
  }
  const r = raw as Raw;
  if (!problems.length) {
    // Variables that only make sense together.
    const appVars = ['WECOM_CORP_ID', 'WECOM_TOKEN', 'WECOM_AES_KEY'] as const;
    const setApp = appVars.filter((n) => r[n] !== undefined);
    if (setApp.length && setApp.length < appVars.length) {
      for (const n of appVars.filter((v) => r[v] === undefined))
        problems.push(`${n}: required when ${setApp.join(', ')} ${setApp.length > 1 ? 'are' : 'is'} set`);
    }
    if (r.MONGODB_URI !== undefined && r.JIUYI_DATA_KEY === undefined)
      problems.push('JIUYI_DATA_KEY: required with MONGODB_URI (every instance must seal personal data with the same key)');
    if (r.WECOM_KF_SECRET !== undefined && r.WECOM_CORP_ID === undefined)
      problems.push('WECOM_CORP_ID: required when WECOM_KF_SECRET is set');
    for (const n of ['TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_STAFF_CHAT_ID'] as const)
      if (r[n] !== undefined && r.TELEGRAM_BOT_TOKEN === undefined)
        problems.push(`TELEGRAM_BOT_TOKEN: required when ${n} is set`);
  }
  if (problems.length) throw new ConfigError(problems);

  const app =
    r.WECOM_CORP_ID && r.WECOM_TOKEN && r.WECOM_AES_KEY
      ? { corpId: r.WECOM_CORP_ID, token: r.WECOM_TOKEN, aesKey: r.WECOM_AES_KEY, agentId: r.WECOM_AGENT_ID, secret: r.WECOM_SECRET }
      : null;
  const kf = r.WECOM_KF_SECRET ? { secret: r.WECOM_KF_SECRET, openKfid: r.WECOM_KF_OPEN_KFID } : null;
  return {
    port: r.PORT,
    host: r.HOST,
    dataDir: r.JIUYI_DATA_DIR,
    walMaxBytes: r.JIUYI_WAL_MAX_MB * 1024 * 1024,
    ...(r.JIUYI_DATA_KEY ? { dataKey: parseDataKey(r.JIUYI_DATA_KEY)! } : {}),
    mongodbUri: r.MONGODB_URI,
    instance: r.JIUYI_INSTANCE ?? `${hostname()}-${process.pid}`,
    ...(r.JIUYI_RULES_DIR ? { rulesDir: r.JIUYI_RULES_DIR } : {}),
    rulesWatch: r.JIUYI_RULES_WATCH === '1' || r.JIUYI_RULES_WATCH === 'true',
    adminToken: r.JIUYI_ADMIN_TOKEN,
    escalateAfterS: r.JIUYI_ESCALATE_AFTER_S,
    retentionDays: r.JIUYI_RETENTION_DAYS,
    segmenter: r.JIUYI_SEGMENTER,
    coreThreads: r.JIUYI_CORE_THREADS === 'auto' ? autoCoreThreads(availableParallelism()) : r.JIUYI_CORE_THREADS,
    rateLimit: r.JIUYI_RATE_LIMIT,
    clientRateLimit: r.JIUYI_RATE_LIMIT_CLIENT,
    trustProxy: trustProxyOf(r.JIUYI_TRUST_PROXY),
    logLevel: r.LOG_LEVEL,
    http: {
      headersTimeoutMs: r.JIUYI_HTTP_HEADERS_TIMEOUT_S * 1000,
      requestTimeoutMs: r.JIUYI_HTTP_REQUEST_TIMEOUT_S * 1000,
      keepAliveMs: r.JIUYI_HTTP_KEEPALIVE_S * 1000,
      maxConnections: r.JIUYI_MAX_CONNECTIONS,
      maxConnectionsPerIp: r.JIUYI_MAX_CONNECTIONS_PER_IP,
    },
    telegram: r.TELEGRAM_BOT_TOKEN
      ? {
          botToken: r.TELEGRAM_BOT_TOKEN,
          webhookSecret: r.TELEGRAM_WEBHOOK_SECRET,
          apiRoot: r.TELEGRAM_API_ROOT,
          staffChatId: r.TELEGRAM_STAFF_CHAT_ID,
        }
      : null,
    wecom:
      app || kf || r.WECOM_ROBOT_WEBHOOK
        ? { app, apiRoot: r.WECOM_API_ROOT, maxSkewS: r.WECOM_MAX_SKEW_S, kf, robotWebhook: r.WECOM_ROBOT_WEBHOOK }
        : null,
  };
}

/** JIUYI_TRUST_PROXY as fastify takes it: a boolean, a hop count, or a list of addresses. */
function trustProxyOf(v: string | undefined): boolean | number | string {
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((x) => x.trim()).join(',');
}
