// Issue 14, item 4: API and web chat conversations carry a token only their owner holds; limits per
// client address as well as per user; a refused message costs a counter — no turn, no writes.
import { createCoreDouble } from '../support/core-double';
import { buildTestApp, type TestApp } from '../support/service-app';

let t: TestApp;
const json = (r: { body: string }) => JSON.parse(r.body);
afterEach(async () => {
  await t?.close();
});

const post = (payload: object, headers: Record<string, string> = {}, ip = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/messages', payload, headers, remoteAddress: ip });

it('issues a token on first contact and requires it afterwards, to write and to read', async () => {
  t = await buildTestApp();
  const first = await post({ user: 'owner', text: '忻州' });
  expect(first.statusCode).toBe(200);
  const token = json(first).conversation.token as string;
  expect(token).toMatch(/^c_[\w-]{43}$/);
  expect(first.headers['x-conversation-token']).toBe(token);
  // someone who guesses the id can neither post nor read
  const intruder = await post({ user: 'owner', text: '透析去哪' });
  expect(intruder.statusCode).toBe(401);
  expect(json(intruder).error.code).toBe('conversation_token');
  expect((await post({ user: 'owner', text: 'x' }, { 'x-conversation-token': 'c_wrong' })).statusCode).toBe(401);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=owner' })).statusCode).toBe(401);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=owner', headers: { 'x-conversation-token': 'c_wrong' } })).statusCode).toBe(401);
  // the owner can
  const second = await post({ user: 'owner', text: '透析去哪' }, { 'x-conversation-token': token });
  expect(json(second)).toMatchObject({ locality: 'xinzhou' });
  expect(json(second).conversation).toBeUndefined();
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=owner', headers: { 'x-conversation-token': token } })).statusCode).toBe(200);
  // a token belongs to its channel
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=owner&channel=web', headers: { 'x-conversation-token': token } })).statusCode).toBe(401);
  // nothing of the refused messages was kept
  expect((await t.store.recentMessages('api', 'owner', 10)).filter((l) => l.from === 'user').map((l) => l.text)).toEqual(['忻州', '透析去哪']);
});

it('starts a conversation with a fresh id and token (the web chat does)', async () => {
  t = await buildTestApp();
  const r = json(await t.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { channel: 'web' } }));
  expect(r.user).toMatch(/^web-[0-9a-f-]{36}$/);
  expect(json(await post({ user: r.user, text: '忻州', channel: 'web' }, { 'x-conversation-token': r.token }))).toMatchObject({ locality: 'xinzhou' });
  expect(json(await post({ user: r.user, text: '忻州', channel: 'web' }))).toMatchObject({ error: { code: 'conversation_token' } });
});

it('limits each client address, whatever the user ids, before anything runs', async () => {
  const core = createCoreDouble();
  t = await buildTestApp({ core, http: { clientRateLimit: 30 } });
  for (let i = 0; i < 30; i++) expect((await post({ user: `id-${i}`, text: '忻州' }, {}, '10.0.0.1')).statusCode).toBe(200);
  const calls = core.calls;
  const over = await post({ user: 'id-x', text: '忻州' }, {}, '10.0.0.1');
  expect(over.statusCode).toBe(429);
  expect(json(over).error.code).toBe('client_rate_limited');
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  expect(core.calls).toBe(calls);
  expect(await t.store.getConversationToken('api', 'id-x')).toBeNull();
  // another address is not affected
  expect((await post({ user: 'other', text: '忻州' }, {}, '10.0.0.2')).statusCode).toBe(200);
});

it('refuses a message over the per-user limit without a turn or a write; an urgent one still goes through', async () => {
  const core = createCoreDouble();
  t = await buildTestApp({ core, service: { rateLimit: 3 } });
  const token = json(await post({ user: 'fast', text: '忻州' })).conversation.token;
  const h = { 'x-conversation-token': token };
  await post({ user: 'fast', text: '忻州 1' }, h);
  await post({ user: 'fast', text: '忻州 2' }, h);
  expect((await post({ user: 'fast', text: '忻州 3', id: 'over-1' }, h)).statusCode).toBe(429); // 4th: read by the core only
  expect((await post({ user: 'fast', text: '胸痛', id: 'urgent' }, h)).statusCode).toBe(200); // urgent: answered
  for (let i = 0; i < 5; i++) await post({ user: 'fast', text: `忻州 x${i}`, id: `over-x${i}` }, h);
  const calls = core.calls;
  // beyond twice the limit nothing runs at all
  expect((await post({ user: 'fast', text: '忻州 again', id: 'over-2' }, h)).statusCode).toBe(429);
  expect(core.calls).toBe(calls);
  // nothing written for the refused ones: a retry of the same id is not a duplicate, and no line was kept
  expect(await t.store.recordInbound({ channel: 'api', messageId: 'over-1', user: 'fast', chat: 'fast', kind: 'text', text: 'x', sentAt: 1 })).toEqual({ duplicate: false });
  const said = (await t.store.recentMessages('api', 'fast', 50)).filter((l) => l.from === 'user').map((l) => l.text);
  expect(said).toEqual(['忻州', '忻州 1', '忻州 2', '胸痛']);
});
