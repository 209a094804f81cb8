// Every environment variable jiuyi reads: name, default, description. The README's configuration table is
// generated from / checked against this list (`renderVariablesTable()`), and `schema.ts` validates them.

export type VariableGroup = 'service' | 'telegram' | 'wecom';

export interface Variable {
  name: string;
  group: VariableGroup;
  /** The default as a string, when there is one. */
  default?: string;
  /** Holds a secret: never logged. */
  secret?: boolean;
  description: string;
}

export const VARIABLES: readonly Variable[] = [
  { name: 'PORT', group: 'service', default: '8080', description: 'HTTP port (0 picks a free one).' },
  { name: 'HOST', group: 'service', default: '0.0.0.0', description: 'Address the HTTP server listens on.' },
  { name: 'JIUYI_DATA_DIR', group: 'service', default: './data', description: 'Directory of the embedded SQLite database (jiuyi.sqlite, with its -wal file).' },
  { name: 'JIUYI_WAL_MAX_MB', group: 'service', default: '64', description: 'Bound on SQLite\'s write-ahead log: emptied by a full checkpoint at a quarter of this; past it, writes wait for a checkpoint; /readyz fails at twice this.' },
  { name: 'JIUYI_DATA_KEY', group: 'service', secret: true, description: 'Key sealing personal data at rest (AES-256-GCM): 64 hex digits or base64 of 32 bytes. Unset: jiuyi.key in the data directory, created on the first start (mode 0600). Required with MONGODB_URI (every instance needs the same key).' },
  { name: 'MONGODB_URI', group: 'service', secret: true, description: 'Use MongoDB instead of SQLite (several instances behind a load balancer).' },
  { name: 'JIUYI_INSTANCE', group: 'service', description: 'This instance\'s name in logs (`instance`), metrics (an `instance` label) and the store\'s list of live instances; unset: <hostname>-<pid>.' },
  { name: 'JIUYI_RULES_DIR', group: 'service', description: 'Directory of the rule books; unset: rules/ of this checkout.' },
  { name: 'JIUYI_RULES_WATCH', group: 'service', default: '1', description: 'Reload the rule books when a file of the rules directory changes (1) or only on POST /api/v1/admin/reload, `jiuyi rules reload` or SIGHUP (0). Invalid rule books are never loaded: the ones in use are kept and the problems logged.' },
  { name: 'JIUYI_ADMIN_TOKEN', group: 'service', secret: true, description: 'Shared bootstrap token: an administrator on the staff endpoints, for automation and before any staff account exists (`jiuyi staff add`). At least 16 characters.' },
  { name: 'JIUYI_ESCALATE_AFTER_S', group: 'service', default: '300', description: 'An urgent ticket not claimed within this many seconds escalates and the user is given the hotline.' },
  { name: 'JIUYI_RETENTION_DAYS', group: 'service', default: '30', description: 'Days personal data (inbound log, sessions, closed tickets) is kept.' },
  { name: 'JIUYI_SEGMENTER', group: 'service', default: 'node-rs', description: 'Chinese word segmenter: node-rs (@node-rs/jieba) or nodejieba.' },
  { name: 'JIUYI_CORE_THREADS', group: 'service', default: 'auto', description: 'Worker threads answering messages, each with its own copy of the core (~130 MB), so the main thread keeps to HTTP and the store; 0: on the main thread; auto: one less than the cores, at most 2.' },
  { name: 'JIUYI_RATE_LIMIT', group: 'service', default: '20', description: 'Messages one user may send per minute before being asked to slow down.' },
  { name: 'JIUYI_RATE_LIMIT_CLIENT', group: 'service', default: '120', description: 'Messages and new conversations one client address may send to the HTTP API per minute (a carrier NAT puts many residents behind one address: keep it well above the per-user limit).' },
  { name: 'JIUYI_TRUST_PROXY', group: 'service', description: 'Behind a reverse proxy: true, a hop count, or the proxies\' addresses/CIDRs (comma-separated), whose X-Forwarded-For and X-Forwarded-Proto give the client address (rate limits, sign-in limits) and https (Secure cookies).' },
  { name: 'JIUYI_HTTP_HEADERS_TIMEOUT_S', group: 'service', default: '10', description: 'A client must send its request headers within this many seconds, or is answered 408 and disconnected.' },
  { name: 'JIUYI_HTTP_REQUEST_TIMEOUT_S', group: 'service', default: '30', description: 'A client must send its whole request (headers and body) within this many seconds, or is answered 408 and disconnected; a connection silent both ways for twice as long is closed.' },
  { name: 'JIUYI_HTTP_KEEPALIVE_S', group: 'service', default: '5', description: 'An idle keep-alive connection is closed after this many seconds.' },
  { name: 'JIUYI_MAX_CONNECTIONS', group: 'service', default: '900', description: 'HTTP connections open at once; more are refused, so the process keeps file descriptors for its store.' },
  { name: 'JIUYI_MAX_CONNECTIONS_PER_IP', group: 'service', default: '128', description: 'HTTP connections open at once from one client address; more are closed on arrival. 0: no limit (behind a reverse proxy, where every client has its address).' },
  { name: 'LOG_LEVEL', group: 'service', default: 'info', description: 'pino level: fatal, error, warn, info, debug, trace, silent.' },
  { name: 'TELEGRAM_BOT_TOKEN', group: 'telegram', secret: true, description: 'Bot token from @BotFather; Telegram starts only when set.' },
  { name: 'TELEGRAM_WEBHOOK_SECRET', group: 'telegram', secret: true, description: 'Secret checked on POST /telegram/webhook (X-Telegram-Bot-Api-Secret-Token); without it the bot uses long polling.' },
  { name: 'TELEGRAM_API_ROOT', group: 'telegram', default: 'https://api.telegram.org', description: 'Bot API root (a local Bot API server or a test server).' },
  { name: 'TELEGRAM_STAFF_CHAT_ID', group: 'telegram', description: 'Chat id of the staff group that receives handoff tickets.' },
  { name: 'WECOM_CORP_ID', group: 'wecom', description: 'WeCom corp id; WeCom starts only when this, WECOM_TOKEN and WECOM_AES_KEY are set.' },
  { name: 'WECOM_TOKEN', group: 'wecom', secret: true, description: 'Callback token (msg_signature check) of the self-built app.' },
  { name: 'WECOM_AES_KEY', group: 'wecom', secret: true, description: 'EncodingAESKey of the callback (43 characters).' },
  { name: 'WECOM_AGENT_ID', group: 'wecom', description: 'Agent id of the self-built app (sending replies).' },
  { name: 'WECOM_SECRET', group: 'wecom', secret: true, description: 'Secret of the self-built app (access_token).' },
  { name: 'WECOM_API_ROOT', group: 'wecom', default: 'https://qyapi.weixin.qq.com', description: 'WeCom API root (a test server).' },
  { name: 'WECOM_MAX_SKEW_S', group: 'wecom', default: '300', description: 'Largest accepted difference between a callback timestamp and now, in seconds; 0 turns the check off.' },
  { name: 'WECOM_KF_SECRET', group: 'wecom', secret: true, description: 'Secret of 微信客服 (kf), to answer WeChat users.' },
  { name: 'WECOM_KF_OPEN_KFID', group: 'wecom', description: 'open_kfid of the 微信客服 account.' },
  { name: 'WECOM_ROBOT_WEBHOOK', group: 'wecom', secret: true, description: 'Group robot webhook URL for staff alerts.' },
];

/** A markdown table of the variables (the README's configuration section). */
export function renderVariablesTable(): string {
  const rows = VARIABLES.map(
    (v) => `| \`${v.name}\` | ${v.default !== undefined ? `\`${v.default}\`` : ''} | ${v.description} |`,
  );
  return ['| Variable | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}
