// Two service instances (each with its own connection, locks, outbox and limits, as two processes behind a
// load balancer) on one MongoDB database, with a fake Telegram on loopback: what one process cannot show.
// Runs when MONGODB_URI is set (CI: FerretDB from ../shared/tools/ferretdb), skipped with a message otherwise.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { connectMongo } from '../../src/store/mongo';
import { migrateMongo } from '../../src/store/mongo-migrate';
import { realCore } from '../support/core';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram';
import { maxInWindow, minChatGap } from '../support/sliding';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)
const TOKEN = 'multi-instance-token-0123';
const SECRET = 'multi-secret';
const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
const report = (what: string, figures: Record<string, number>) => console.log(`multi-instance: ${what}: ${JSON.stringify(figures)}`);

if (!uri && process.env.JIUYI_REQUIRE_MONGO) throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not');

(uri ? describe : describe.skip)(`two instances on one MongoDB database${uri ? '' : ' (skipped: MONGODB_URI is not set)'}`, () => {
  jest.setTimeout(120_000);
  const dbName = `jiuyi_multi_${randomBytes(3).toString('hex')}`;
  let tg: FakeTelegram;
  let a: Running;
  let b: Running;

  beforeAll(async () => {
    const conn = await connectMongo({ uri: uri!, dbName });
    await migrateMongo(conn, { retentionDays: 30 });
    await conn.close();
    tg = await startFakeTelegram();
    const core = await realCore();
    const env = (name: string) => ({
      MONGODB_URI: `${uri!.replace(/\/?$/, '/')}${dbName}`,
      JIUYI_DATA_KEY: 'ab'.repeat(32),
      JIUYI_INSTANCE: name,
      PORT: '0',
      HOST: '127.0.0.1',
      JIUYI_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
      JIUYI_CORE_THREADS: '0',
      JIUYI_RULES_WATCH: '0',
      JIUYI_RATE_LIMIT: '3',
      JIUYI_RATE_LIMIT_CLIENT: '100000',
      JIUYI_MAX_CONNECTIONS_PER_IP: '0', // every request comes from 127.0.0.1 here
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    a = await start({ env: env('a'), logger: silent, core });
    b = await start({ env: env('b'), logger: silent, core });
    // each sees the other (the outbox shares the platform's limit by the number alive)
    for (let i = 0; i < 50 && (await a.store.heartbeat({ id: 'a', host: 'h', pid: 0, startedAt: 0 }, Date.now(), 5000)).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1100));
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await tg?.close();
    const conn = await connectMongo({ uri: uri!, dbName });
    for (const c of await conn.db!.listCollections({}, { nameOnly: true }).toArray()) await conn.db!.dropCollection(c.name).catch(() => undefined);
    await conn.close();
  });

  const post = async (r: Running, user: string, text: string, token?: string) => {
    const res = await fetch(`${r.url}/api/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-conversation-token': token } : {}) },
      body: JSON.stringify({ user, text }),
    });
    return { status: res.status, token: res.headers.get('x-conversation-token') ?? token, body: (await res.json()) as Record<string, unknown> };
  };

  const update = (id: number, chat: number, text: string) => ({
    update_id: id,
    message: { message_id: id, from: { id: chat, is_bot: false, first_name: 'R' }, chat: { id: chat, type: 'private' }, date: Math.floor(Date.now() / 1000), text },
  });
  const webhook = async (r: Running, body: unknown) =>
    (
      await fetch(`${r.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(body),
      })
    ).status;

  it('loses no message of a user writing to both instances at once (0 lost of 60)', async () => {
    const tries = 60;
    const tokens = await Promise.all(Array.from({ length: tries }, async (_, i) => (await post(i % 2 ? a : b, `pair-${i}`, '你好')).token!));
    const pairs = await Promise.all(
      tokens.map((token, i) => Promise.all([post(a, `pair-${i}`, '我在忻州', token), post(b, `pair-${i}`, '需要透析去哪', token)])),
    );
    const statuses = pairs.flat().map((p) => p.status);
    let lost = 0;
    for (let i = 0; i < tries; i++) {
      const s = await a.store.loadSession(`api:pair-${i}`);
      if (s?.turns !== 3) lost += 1;
    }
    const metrics = (await a.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/jiuyi_session_conflicts_total\{instance="a"\}/); // the instance names its metrics
    const conflicts = metrics.match(/jiuyi_session_conflicts_total\{[^}]*\} (\d+)/)?.[1];
    report('concurrent messages of one user', { tries, lost, non200: statuses.filter((s) => s !== 200).length, conflictsRetriedOnA: Number(conflicts ?? 0) });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(lost).toBe(0);
  });

  it('answers a message delivered to both instances exactly once, within 30/s overall (150 chats)', async () => {
    tg.calls.length = 0;
    const n = 150;
    const t0 = Date.now();
    const statuses = (
      await Promise.all(Array.from({ length: n }, (_, i) => update(50_000 + i, 900_000 + i, '我在忻州，透析去哪')).flatMap((u) => [webhook(a, u), webhook(b, u)]))
    ).flat();
    await tg.waitFor(() => new Set(tg.callsTo('sendMessage').map((c) => String(c.body.chat_id))).size >= n || undefined, 90_000);
    await new Promise((r) => setTimeout(r, 1500)); // any second reply would be out by now
    const sends = tg.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) >= 900_000);
    const perChat = new Map<string, number>();
    for (const c of sends) perChat.set(String(c.body.chat_id), (perChat.get(String(c.body.chat_id)) ?? 0) + 1);
    const duplicates = [...perChat.values()].reduce((x, k) => x + k - 1, 0);
    const busiest = maxInWindow(sends.map((c) => c.at), 1000);
    report('duplicate deliveries', { deliveries: statuses.length, chats: n, answered: perChat.size, duplicates, fiveXX: statuses.filter((s) => s >= 500).length, busiestSecond: busiest, seconds: (Date.now() - t0) / 1000 });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(perChat.size).toBe(n);
    expect(duplicates).toBe(0);
    expect(busiest).toBeLessThanOrEqual(30);
  });

  it('sends to one chat at most once a second, whichever instance answers', async () => {
    tg.calls.length = 0;
    const chats = 6;
    const per = 3; // the per-user limit (3 a minute)
    const statuses: number[] = [];
    for (let k = 0; k < per; k++)
      statuses.push(...(await Promise.all(Array.from({ length: chats }, (_, c) => webhook(k % 2 ? a : b, update(70_000 + c * 10 + k, 800_000 + c, ['我在忻州', '透析去哪', '电话多少'][k]!))))));
    await tg.waitFor(() => tg.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) >= 800_000 && Number(c.body.chat_id) < 900_000).length >= chats * per || undefined, 60_000);
    const sends = tg.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) >= 800_000 && Number(c.body.chat_id) < 900_000).map((c) => ({ chat: String(c.body.chat_id), at: c.at }));
    const gap = minChatGap(sends);
    report('per-chat spacing', { chats, replies: sends.length, smallestGapMs: gap, busiestSecond: maxInWindow(sends.map((s) => s.at), 1000) });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('holds the per-user limit across instances (3 a minute: 6 alternating messages, 3 answered)', async () => {
    let token: string | undefined;
    const statuses: number[] = [];
    // The limit counts per clock minute (every instance means the same minute): six messages straddling two
    // minutes would rightly get four answers. Start early enough in a minute for the six to fit in it.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
    for (let i = 0; i < 6; i++) {
      const r = await post(i % 2 ? b : a, 'limited-user', `忻州第${i}个问题，透析去哪`, token);
      token = r.token;
      statuses.push(r.status);
    }
    report('per-user limit', { sent: 6, answered: statuses.filter((s) => s === 200).length, refused429: statuses.filter((s) => s === 429).length });
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('opens one ticket per conversation when both instances hand it off at once', async () => {
    const users = 10;
    await Promise.all(
      Array.from({ length: users }, (_, i) =>
        Promise.all([webhook(a, update(90_000 + i * 2, 700_000 + i, '转人工')), webhook(b, update(90_001 + i * 2, 700_000 + i, '我要找人工客服'))]),
      ),
    );
    const open = (await a.store.listTickets({ state: ['open', 'claimed'] })).filter((t) => t.channel === 'telegram' && Number(t.user) >= 700_000 && Number(t.user) < 800_000);
    const perUser = new Map<string, number>();
    for (const t of open) perUser.set(t.user, (perUser.get(t.user) ?? 0) + 1);
    report('tickets', { conversations: users, withTicket: perUser.size, openTickets: open.length });
    expect(perUser.size).toBe(users);
    expect(open.length).toBe(users);
  });
});
