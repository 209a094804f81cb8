// The service's HTTP surface against seeded random requests, over the real core and an in-memory store: the
// JSON API (messages, mailbox, canned answers, staff endpoints with and without the token), the Telegram
// webhook (valid updates mutated field by field, with the secret) and the WeCom callback (envelopes mutated
// without a signature; decrypted messages mutated inside a valid signature). Whatever arrives, the answer
// is never a 5xx, and the service still answers afterwards.
import { createTelegramChannel } from '../../src/channels/telegram';
import { createWecomChannel } from '../../src/channels/wecom';
import { openStore } from '../../src/store';
import { realCore } from '../support/core';
import { startFakeTelegram, tg, type FakeTelegram } from '../support/fake-telegram';
import { chance, int, json, mutate, pick, rng, text, type Rng } from '../support/fuzz';
import { auth, buildTestApp, type TestApp } from '../support/service-app';
import { AES_KEY, CORP_ID, sealed, textXml, TOKEN } from '../channels/wecom/vectors';

const REQUESTS = 3000;
const SECRET = 'fuzz-Secret_123';

let t: TestApp;
let api: FakeTelegram;

beforeAll(async () => {
  api = await startFakeTelegram();
  const core = await realCore();
  const store = await openStore({ dataDir: ':memory:' });
  t = await buildTestApp({
    core,
    store,
    service: { rateLimit: 1000 },
    beforeServer: (registry, service) => {
      const deps = {
        inbound: service,
        tickets: service,
        kv: store,
        kb: (q: string) => core.kb(q, { status: service.currentStatus(), now: Date.now() }),
        localities: () => core.localities(),
        logger: t0logger,
        now: Date.now,
      };
      registry.addChannel(createTelegramChannel({ token: api.token, apiRoot: api.apiRoot, webhookSecret: SECRET, staffChatId: '-100777' }, deps));
      registry.addChannel(createWecomChannel({ corpId: CORP_ID, token: TOKEN, aesKey: AES_KEY, agentId: '1000002', secret: 's', apiRoot: api.apiRoot, maxSkewS: 300 }, deps));
    },
  });
});
afterAll(async () => {
  await t.close();
  await api.close();
});

// the channels log through a silent logger; the app's own log is kept by buildTestApp
const t0logger = require('pino')({ level: 'silent' });

interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16'];

function body(r: Rng, value: unknown): string {
  if (chance(r, 0.1)) return text(r, 6);
  const s = JSON.stringify(value) ?? 'null';
  return chance(r, 0.05) ? s.slice(0, int(r, s.length + 1)) : s;
}

/** Percent-encoded random text; a lone surrogate becomes bytes that are not UTF-8, and now and then a broken escape. */
const enc = (r: Rng): string =>
  text(r, 3).replace(/[\s\S]/gu, (c) => {
    if (chance(r, 0.01)) return pick(r, ['%', '%Z', '%E4%B8', '%00', '%ED%A0%80']);
    return /[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c);
  });

function apiRequest(r: Rng): Req {
  const roll = r();
  const valid = { user: `u${int(r, 50)}`, text: text(r), id: chance(r, 0.3) ? `m${int(r, 200)}` : undefined, channel: pick(r, ['api', 'web']) };
  if (roll < 0.45) {
    return { method: 'POST', url: '/api/v1/messages', headers: { 'content-type': chance(r, 0.8) ? 'application/json' : pick(r, CONTENT_TYPES) }, payload: body(r, chance(r, 0.7) ? mutate(r, valid) : json(r)) };
  }
  if (roll < 0.55) return { method: 'GET', url: `/api/v1/messages?user=${enc(r)}${chance(r, 0.3) ? `&channel=${enc(r)}` : ''}` };
  if (roll < 0.65) return { method: 'GET', url: `/api/v1/kb?q=${enc(r)}${chance(r, 0.3) ? `&limit=${enc(r)}` : ''}` };
  const headers: Record<string, string> = { 'content-type': chance(r, 0.8) ? 'application/json' : pick(r, CONTENT_TYPES), ...(chance(r, 0.8) ? auth : { authorization: text(r, 2) }) };
  if (roll < 0.8) {
    const action = pick(r, ['claim', 'reply', 'close', text(r, 1)]);
    return { method: 'POST', url: `/api/v1/tickets/${enc(r)}/${action.replace(/[^\w]/g, '')}`, headers, payload: body(r, mutate(r, { staff: 'dr', text: text(r) })) };
  }
  if (roll < 0.88) return { method: 'GET', url: `/api/v1/tickets${chance(r, 0.5) ? `?state=${enc(r)}` : ''}`, headers };
  if (roll < 0.95) {
    const facility = chance(r, 0.5) ? pick(r, t.service.core.facilities()).id : text(r, 1);
    return { method: 'PUT', url: `/api/v1/status/facilities/${chance(r, 0.5) ? facility.replace(/[^\w.-]/g, '') : enc(r)}`, headers, payload: body(r, mutate(r, { state: 'full', note: text(r, 2) })) };
  }
  return { method: pick(r, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const), url: `/${enc(r)}`, headers, payload: chance(r, 0.5) ? text(r) : undefined };
}

function telegramRequest(r: Rng, i: number): Req {
  const userId = 1 + int(r, 30);
  const base = pick(r, [
    () => tg.text(text(r), { userId }),
    () => tg.text(pick(r, ['/start', '/help', '/locality', '/lang', '/kb 透析', '/tickets', `/locality ${text(r, 1)}`]), { userId }),
    () => tg.text(text(r), { chatId: -100777, userId, replyTo: int(r, 5) }),
    () => tg.callback(pick(r, ['c:1', 'l:xinzhou', 'lang:en', text(r, 1), '']), { userId }),
    () => tg.message({ location: { latitude: (r() - 0.5) * 200, longitude: (r() - 0.5) * 400 } }, { userId }),
    () => tg.message({ photo: [{ file_id: 'x' }] }, { userId }),
    () => ({ my_chat_member: { chat: { id: userId, type: 'private' }, from: tg.user(userId), date: 1, new_chat_member: { status: pick(r, ['kicked', 'member', text(r, 1)]) } } }),
  ])();
  const update = { update_id: chance(r, 0.9) ? 10_000 + i : json(r), ...(base as object) };
  const secret = chance(r, 0.9) ? SECRET : text(r, 1);
  return {
    method: 'POST',
    url: '/telegram/webhook',
    headers: { 'content-type': chance(r, 0.9) ? 'application/json' : pick(r, CONTENT_TYPES), 'x-telegram-bot-api-secret-token': secret },
    payload: body(r, chance(r, 0.75) ? mutate(r, update) : update),
  };
}

const FIELDS = ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId', 'AgentID', 'Event', 'EventKey', 'Location_X', 'Location_Y', 'Label', 'Token', 'OpenKfId'];

function randomXml(r: Rng): string {
  let s = '<xml>';
  for (let n = int(r, 8); n > 0; n--) {
    const f = chance(r, 0.9) ? pick(r, FIELDS) : text(r, 1);
    const v = pick(r, [text(r, 3), String(int(r, 2 ** 31)), 'text', 'event', 'location', 'kf_msg_or_event', 'enter_agent', 'click', '']);
    s += chance(r, 0.5) ? `<${f}><![CDATA[${v}]]></${f}>` : `<${f}>${v}</${f}>`;
  }
  if (chance(r, 0.1)) s += '<a>'.repeat(int(r, 400));
  return chance(r, 0.1) ? s : `${s}</xml>`;
}

function wecomRequest(r: Rng, i: number): Req {
  const nowS = Math.floor(Date.now() / 1000);
  const headers = { 'content-type': pick(r, ['text/xml', 'application/xml', 'text/plain', '']) };
  if (chance(r, 0.6)) {
    // a valid signature over a mutated or random message
    const xml = chance(r, 0.5) ? textXml(`w${int(r, 30)}`, text(r), String(50_000 + i), nowS) : randomXml(r);
    const c = sealed(xml, nowS, { nonce: `n${i}` });
    return { method: pick(r, ['POST', 'POST', 'POST', 'GET']), url: `/wecom/callback?${c.query}${chance(r, 0.1) ? `&echostr=${enc(r)}` : ''}`, headers, payload: c.body };
  }
  const q = chance(r, 0.5) ? sealed('<xml/>', nowS).query : `msg_signature=${enc(r)}&timestamp=${enc(r)}&nonce=${enc(r)}`;
  return { method: 'POST', url: `/wecom/callback?${q}`, headers, payload: chance(r, 0.5) ? randomXml(r) : text(r) };
}

describe('HTTP fuzz', () => {
  it(`${REQUESTS} seeded random requests across the API, the Telegram webhook and the WeCom callback: no 5xx`, async () => {
    const r = rng(1405);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const roll = r();
      const req = roll < 0.5 ? apiRequest(r) : roll < 0.75 ? telegramRequest(r, i) : wecomRequest(r, i);
      const res = await t.app.inject({ method: req.method, url: req.url, headers: req.headers, ...(req.payload !== undefined && req.method !== 'GET' && req.method !== 'HEAD' ? { payload: req.payload } : {}) });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`#${i} ${req.method} ${req.url} ${JSON.stringify(req.headers)} ${req.payload?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    await t.service.settled();
    process.stderr.write(`http fuzz: ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}\n`);
    expect(failures).toEqual([]);
    // the fuzz reached the pipeline, not only the validators
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS * 0.15);
    expect([...statuses.keys()].some((s) => s >= 400 && s < 500)).toBe(true);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user: 'after', text: '晋江的密接人员要透析去哪里' } });
    expect(ok.statusCode).toBe(200);
    expect(t.logs.join('')).not.toMatch(/"level":50.*request failed/);
  });
});
