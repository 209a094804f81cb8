import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, parseConfig, renderVariablesTable, VARIABLES } from '../../src/config';
import { autoCoreThreads } from '../../src/config/schema';

const problems = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('gives the embedded defaults with an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      escalateAfterS: 300,
      retentionDays: 30,
      segmenter: 'node-rs',
      rateLimit: 20,
      logLevel: 'info',
      telegram: null,
      wecom: null,
    });
    expect(c.adminToken).toBeUndefined();
    expect(c.mongodbUri).toBeUndefined();
  });

  it('reads and converts every service variable', () => {
    const c = parseConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      JIUYI_DATA_DIR: '/tmp/x',
      MONGODB_URI: 'mongodb://localhost:27017/jiuyi',
      JIUYI_DATA_KEY: 'ab'.repeat(32),
      JIUYI_ADMIN_TOKEN: 'a-long-enough-token',
      JIUYI_ESCALATE_AFTER_S: '30',
      JIUYI_RETENTION_DAYS: '7',
      JIUYI_SEGMENTER: 'nodejieba',
      JIUYI_RATE_LIMIT: '5',
      JIUYI_CORE_THREADS: '3',
      LOG_LEVEL: 'debug',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      mongodbUri: 'mongodb://localhost:27017/jiuyi',
      adminToken: 'a-long-enough-token',
      escalateAfterS: 30,
      retentionDays: 7,
      segmenter: 'nodejieba',
      rateLimit: 5,
      coreThreads: 3,
      logLevel: 'debug',
    });
  });

  it('reads JIUYI_CORE_THREADS as a number or auto (one less than the cores, at most two)', () => {
    expect(parseConfig({ JIUYI_CORE_THREADS: '0' }).coreThreads).toBe(0);
    expect(parseConfig({}).coreThreads).toBe(autoCoreThreads(availableParallelism()));
    expect([1, 2, 3, 4, 8, 64].map(autoCoreThreads)).toEqual([0, 1, 2, 2, 2, 2]);
    expect(problems({ JIUYI_CORE_THREADS: 'many' })).toEqual([expect.stringMatching(/^JIUYI_CORE_THREADS: must be auto or a whole number from 0 to 16 \(got "many"\)/)]);
    expect(problems({ JIUYI_CORE_THREADS: '17' })).toEqual([expect.stringMatching(/^JIUYI_CORE_THREADS: .*0 to 16/)]);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', TELEGRAM_BOT_TOKEN: '  ' })).toMatchObject({ port: 8080, telegram: null });
  });

  it('names every invalid variable at once, and hides secrets', () => {
    const p = problems({ PORT: 'eighty', JIUYI_SEGMENTER: 'ik', JIUYI_ADMIN_TOKEN: 'short', LOG_LEVEL: 'loud' });
    expect(p).toHaveLength(4);
    expect(p.find((x) => x.startsWith('PORT:'))).toContain('"eighty"');
    expect(p.find((x) => x.startsWith('JIUYI_SEGMENTER:'))).toContain('"ik"');
    const token = p.find((x) => x.startsWith('JIUYI_ADMIN_TOKEN:'));
    expect(token).toContain('at least 16');
    expect(token).not.toContain('short');
    expect(p.some((x) => x.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(() => parseConfig({ PORT: '70000' })).toThrow(/PORT: .*70000/);
  });

  it('builds the Telegram configuration only when the token is set', () => {
    const c = parseConfig({ TELEGRAM_BOT_TOKEN: '123456:ABC-def_1', TELEGRAM_WEBHOOK_SECRET: 's3cret', TELEGRAM_STAFF_CHAT_ID: '-100123' });
    expect(c.telegram).toEqual({
      botToken: '123456:ABC-def_1',
      webhookSecret: 's3cret',
      apiRoot: 'https://api.telegram.org',
      staffChatId: '-100123',
    });
    expect(problems({ TELEGRAM_STAFF_CHAT_ID: '-100123' })).toEqual(['TELEGRAM_BOT_TOKEN: required when TELEGRAM_STAFF_CHAT_ID is set']);
    expect(problems({ TELEGRAM_BOT_TOKEN: 'not-a-token' })[0]).toMatch(/^TELEGRAM_BOT_TOKEN: must look like/);
  });

  it('builds the WeCom configuration and names the missing callback variables', () => {
    const aes = 'a'.repeat(43);
    const c = parseConfig({ WECOM_CORP_ID: 'ww1', WECOM_TOKEN: 't', WECOM_AES_KEY: aes, WECOM_AGENT_ID: '1000002', WECOM_ROBOT_WEBHOOK: 'https://example.test/robot?key=k' });
    expect(c.wecom).toEqual({
      app: { corpId: 'ww1', token: 't', aesKey: aes, agentId: '1000002', secret: undefined },
      apiRoot: 'https://qyapi.weixin.qq.com',
      maxSkewS: 300,
      kf: null,
      robotWebhook: 'https://example.test/robot?key=k',
    });
    expect(problems({ WECOM_CORP_ID: 'ww1' }).sort()).toEqual([
      'WECOM_AES_KEY: required when WECOM_CORP_ID is set',
      'WECOM_TOKEN: required when WECOM_CORP_ID is set',
    ]);
    expect(problems({ WECOM_AES_KEY: 'short' })[0]).toMatch(/^WECOM_AES_KEY: must be 43/);
    // the robot alone is enough for staff alerts
    expect(parseConfig({ WECOM_ROBOT_WEBHOOK: 'https://example.test/r' }).wecom?.app).toBeNull();
  });
});

describe('loadConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it('reads a .env file, the environment winning over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'JIUYI_RATE_LIMIT=7\nPORT=9100\n');
    delete process.env.JIUYI_RATE_LIMIT;
    process.env.PORT = '9200';
    const c = loadConfig({ envFile: file });
    expect(c.rateLimit).toBe(7);
    expect(c.port).toBe(9200);
  });

  it('works without a .env file', () => {
    expect(loadConfig({ envFile: '/nonexistent/.env', env: {} }).port).toBe(8080);
  });
});

describe('the variables table', () => {
  it('is the one in the README', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const header = '| Variable | Default | Description |';
    expect(text).toContain(header);
    const start = text.indexOf(header);
    const lines = text.slice(start).split('\n');
    const end = lines.findIndex((l) => !l.startsWith('|'));
    expect(lines.slice(0, end < 0 ? undefined : end).join('\n')).toBe(renderVariablesTable());
  });

  it('lists every variable the schema reads, with its default', () => {
    const table = renderVariablesTable();
    const names = VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of VARIABLES) expect(table).toContain(`| \`${v.name}\` |`);
    expect(table).toContain('| `PORT` | `8080` |');
    // every variable in the table is one parseConfig understands: an unknown one would be ignored silently
    const everySet = Object.fromEntries(VARIABLES.map((v) => [v.name, 'x']));
    const named = problems(everySet).map((p) => p.split(':')[0]);
    for (const n of named) expect(names).toContain(n);
  });
});
