// The HTTP API through fastify inject(), with the core double (plumbing, not answers) and an in-memory store.
import { createCoreDouble, DOUBLE_FACILITY } from '../support/core-double';
import { auth, buildTestApp, type TestApp } from '../support/service-app';

let t: TestApp;
/** Conversation tokens by user: issued on a conversation's first message, sent with the later ones. */
let tokens = new Map<string, string>();
beforeEach(() => {
  tokens = new Map();
});
const post = async (payload: unknown, headers: Record<string, string> = {}) => {
  const user = (payload as { user?: string }).user;
  const token = user ? tokens.get(user) : undefined;
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: payload as object, headers: { ...(token ? { 'x-conversation-token': token } : {}), ...headers } });
  const issued = r.headers['x-conversation-token'] as string | undefined;
  if (issued && r.statusCode === 200) expect(JSON.parse(r.body).conversation).toEqual({ user, token: issued, channel: (payload as { channel?: string }).channel ?? 'api' });
  if (user && issued) tokens.set(user, issued);
  return r;
};
const json = (r: { body: string }) => JSON.parse(r.body);

afterEach(async () => {
  await t?.close();
});

describe('POST /api/v1/messages', () => {
  beforeEach(async () => {
    t = await buildTestApp();
  });

  it('asks for the locality with quick replies, then remembers it', async () => {
    const first = await post({ user: 'u1', text: '去哪家医院？' });
    expect(first.statusCode).toBe(200);
    expect(json(first)).toMatchObject({ ask: 'locality', urgent: false, handoff: false, quickReplies: [{ label: '忻州市', value: 'xinzhou' }, { label: '晋江市', value: 'jinjiang' }] });
    const second = await post({ user: 'u1', text: '忻州市', choice: 'xinzhou' });
    expect(json(second)).toMatchObject({ text: '忻州市：请到测试医院就诊。<b>', locality: 'xinzhou', ask: null });
    const third = await post({ user: 'u1', text: '孩子发烧去哪' });
    expect(json(third).locality).toBe('xinzhou');
    // another user has their own conversation
    expect(json(await post({ user: 'u2', text: '孩子发烧去哪' })).ask).toBe('locality');
  });

  it('processes a repeated message id once, and answers the retry with the first answer (a lost response is recovered)', async () => {
    const core = createCoreDouble();
    await t.close();
    t = await buildTestApp({ core });
    const a = json(await post({ user: 'u1', text: '忻州 透析', id: 'm-1' }));
    const b = json(await post({ user: 'u1', text: '忻州 透析', id: 'm-1' }));
    expect(a.text).toContain('忻州市');
    expect(a.duplicate).toBe(false);
    // the same answer (the conversation's token is handed out once, with the first)
    const { duplicate: first, conversation: _token, ...answerA } = a;
    const { duplicate: second, ...answerB } = b;
    expect([first, second]).toEqual([false, true]);
    expect(answerB).toEqual(answerA);
    expect(core.calls).toBe(1);
    // held by staff, then retried: held again, not processed again
    const urgent = json(await post({ user: 'u9', text: '胸痛', id: 'm-2' }));
    await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${urgent.ticket.id}/claim`, headers: auth, payload: { staff: 'dr' } });
    const held = json(await post({ user: 'u9', text: '我还是很疼', id: 'm-3' }));
    expect(held).toMatchObject({ held: true, text: '' });
    expect(json(await post({ user: 'u9', text: '我还是很疼', id: 'm-3' }))).toMatchObject({ held: true, duplicate: true, ticket: held.ticket });
  });

  it('answers a retry of a message whose turn failed with a fresh answer', async () => {
    const double = createCoreDouble();
    let fail = true;
    const core = {
      ...double,
      turn: (...args: Parameters<typeof double.turn>) => {
        if (fail) {
          fail = false;
          throw new Error('the core failed once');
        }
        return double.turn(...args);
      },
    };
    await t.close();
    t = await buildTestApp({ core });
    expect((await post({ user: 'u1', text: '忻州 透析', id: 'm-9' })).statusCode).toBe(500);
    const again = json(await post({ user: 'u1', text: '忻州 透析', id: 'm-9' }));
    expect(again).toMatchObject({ duplicate: true });
    expect(again.text).toContain('忻州市');
  });

  it('refuses bad input with a 400 naming the field, 413 for a large body, and JSON errors from the one table', async () => {
    const noText = await post({ user: 'u1' });
    expect(noText.statusCode).toBe(400);
    expect(json(noText).error).toMatchObject({ code: 'missing_field', field: 'text' });
    expect(json(await post({ text: 'hi' })).error).toMatchObject({ code: 'missing_field', field: 'user' });
    const badType = await post({ user: 'u1', text: { a: 1 } });
    expect(json(badType).error).toMatchObject({ code: 'invalid_field', field: 'text' });
    const empty = await post({ user: 'u1', text: '' });
    expect(json(empty).error).toMatchObject({ code: 'invalid_field', field: 'text' });
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: { 'content-type': 'application/json' }, payload: '{"user": "u1", "text": ' });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed).error.code).toBe('invalid_json');
    const big = await post({ user: 'u1', text: '字'.repeat(10_000) });
    expect(big.statusCode).toBe(413);
    expect(json(big).error.code).toBe('payload_too_large');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toMatchObject({ error: { code: 'not_found' }, requestId: unknown.headers['x-request-id'] });
  });

  it('carries the request id: given by the client or made up, in the response and the logs', async () => {
    const r = await post({ user: 'u1', text: '你好' }, { 'x-request-id': 'abc-123' });
    expect(r.headers['x-request-id']).toBe('abc-123');
    const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.reqId === 'abc-123');
    expect(line).toMatchObject({ route: '/api/v1/messages', status: 200 });
    const own = await post({ user: 'u1', text: '你好' });
    expect(own.headers['x-request-id']).toMatch(/^r-[\w-]{8}-[0-9a-z]+$/);
  });

  it('keeps message text and phone numbers out of the info logs', async () => {
    await post({ user: 'u1', text: '我的电话13912345678，忻州透析去哪' });
    const info = t.logs.map((l) => JSON.parse(l)).filter((l) => l.level >= 30);
    expect(info.length).toBeGreaterThan(0);
    const all = t.logs.join('');
    expect(all).not.toContain('13912345678');
    expect(JSON.stringify(info)).not.toContain('透析');
  });

  it('limits each user with a clear 429, but an urgent message still gets its answer', async () => {
    for (let i = 0; i < 20; i++) expect((await post({ user: 'fast', text: `忻州 ${i}` })).statusCode).toBe(200);
    const over = await post({ user: 'fast', text: '忻州 again' });
    expect(over.statusCode).toBe(429);
    expect(json(over).error.code).toBe('rate_limited');
    expect(json(over).error.detail).toContain('每分钟最多 20 条');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    const urgent = await post({ user: 'fast', text: '我胸痛' });
    expect(urgent.statusCode).toBe(200);
    expect(json(urgent).urgent).toBe(true);
    // others are not affected
    expect((await post({ user: 'slow', text: '忻州' })).statusCode).toBe(200);
    // a minute later the user may write again
    t.clock.now += 60_000;
    expect((await post({ user: 'fast', text: '忻州' })).statusCode).toBe(200);
  });

  it('answers 500 from the error table when the core fails, and keeps serving', async () => {
    await t.close();
    t = await buildTestApp({ core: createCoreDouble({ throwOn: '炸' }) });
    const r = await post({ user: 'u1', text: '炸了' });
    expect(r.statusCode).toBe(500);
    expect(json(r).error).toMatchObject({ code: 'internal' });
    expect(json(r).error.detail).toBeUndefined();
    expect((await post({ user: 'u1', text: '忻州' })).statusCode).toBe(200);
  });
});

describe('staff endpoints', () => {
  beforeEach(async () => {
    t = await buildTestApp();
  });

  it('refuse requests without the right bearer token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(401);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: { authorization: 'Bearer wrong' } });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).error.code).toBe('unauthorized');
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/status/facilities/x', payload: { state: 'full' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: auth })).statusCode).toBe(200);
  });

  it('without the bootstrap token configured, refuse it and ask to sign in', async () => {
    await t.close();
    t = await buildTestApp({ adminToken: null });
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: auth });
    expect(r.statusCode).toBe(401);
    expect(json(r).error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Sign in') });
  });

  it('take an urgent conversation through ticket, claim, staff reply and close', async () => {
    const urgent = json(await post({ user: 'sick', text: '我胸痛得厉害' }));
    expect(urgent).toMatchObject({ urgent: true, handoff: true, ticket: { state: 'open' } });
    const list = json(await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: auth })).tickets;
    expect(list).toHaveLength(1);
    const id = list[0].id;
    expect(list[0]).toMatchObject({ id: urgent.ticket.id, user: 'sick', channel: 'api', urgent: true, reason: 'urgent:chest_pain', state: 'open', level: 0 });
    expect(list[0].lastMessages.map((m: { from: string }) => m.from)).toEqual(['user', 'bot']);

    const claim = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/claim`, headers: auth, payload: { staff: 'li' } });
    expect(json(claim)).toMatchObject({ state: 'claimed', claimedBy: 'li' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/claim`, headers: auth, payload: { staff: 'wang' } });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('ticket_state');

    // while staff hold it, the bot is silent and the user's words go to staff
    const held = json(await post({ user: 'sick', text: '医生什么时候到' }));
    expect(held).toMatchObject({ held: true, text: '' });
    await t.service.settled();
    const userEvent = t.route.events.find((e) => e.kind === 'user_message');
    expect(userEvent).toMatchObject({ kind: 'user_message', text: '医生什么时候到', ticket: { id } });

    const reply = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/reply`, headers: auth, payload: { staff: 'li', text: '救护车已出发' } });
    expect(reply.statusCode).toBe(200);
    expect(json(reply).lastMessages.at(-1)).toMatchObject({ from: 'staff', text: '救护车已出发' });
    const items = await t.store.claimDue('api', t.clock.now, 10, 1000);
    expect(items).toEqual([expect.objectContaining({ chat: 'sick', text: '救护车已出发', urgent: true })]);
    // delivered by the outbox into the mailbox the web chat polls
    await t.registry.sender('api')!.send(items[0]!);
    // the mailbox is the conversation's own: not without its token
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=sick' })).statusCode).toBe(401);
    const box = json(await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=sick', headers: { 'x-conversation-token': tokens.get('sick')! } }));
    expect(box.messages).toEqual([expect.objectContaining({ text: '救护车已出发', kind: 'staff' })]);

    const missingText = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/reply`, headers: auth, payload: { staff: 'li' } });
    expect(json(missingText).error).toMatchObject({ code: 'missing_field', field: 'text' });

    const close = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/close`, headers: auth });
    expect(json(close)).toMatchObject({ state: 'closed' });
    // the bot answers again
    expect(json(await post({ user: 'sick', text: '忻州' })).text).toContain('忻州市');
    expect(json(await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: auth })).tickets).toHaveLength(0);
    await t.service.settled();
    expect(t.route.events.map((e) => e.kind)).toEqual(['ticket_opened', 'ticket_claimed', 'user_message', 'ticket_closed']);

    const none = await t.app.inject({ method: 'POST', url: '/api/v1/tickets/nope/claim', headers: auth });
    expect(none.statusCode).toBe(404);
    expect(json(none).error.code).toBe('ticket_not_found');
  });

  it('change live status, and the answers change at once', async () => {
    await post({ user: 'u1', text: '忻州' });
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/status/facilities/${DOUBLE_FACILITY}`, headers: auth, payload: { state: 'full', load: 'red' } });
    expect(put.statusCode).toBe(200);
    expect(json(put).facilities[DOUBLE_FACILITY]).toMatchObject({ state: 'full', load: 'red' });
    expect(json(await post({ user: 'u1', text: '透析去哪' })).text).toContain('备用医院');
    await t.app.inject({ method: 'PUT', url: `/api/v1/status/facilities/${DOUBLE_FACILITY}`, headers: auth, payload: { state: 'open' } });
    expect(json(await post({ user: 'u1', text: '透析去哪' })).text).toContain('测试医院');
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/status/facilities/${DOUBLE_FACILITY}`, headers: auth, payload: { state: 'busy' } });
    expect(json(bad).error).toMatchObject({ code: 'invalid_field', field: 'state' });
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/status/facilities/no_such_hospital', headers: auth, payload: { state: 'full' } });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown).error).toMatchObject({ code: 'facility_not_found' });
  });
});

describe('other endpoints', () => {
  beforeEach(async () => {
    t = await buildTestApp();
  });

  it('GET /api/v1/kb returns canned answers and needs q', async () => {
    const r = json(await t.app.inject({ method: 'GET', url: `/api/v1/kb?q=${encodeURIComponent('忻州 透析')}` }));
    expect(r.answers).toEqual([expect.objectContaining({ locality: 'xinzhou', text: '忻州透析：测试医院。' })]);
    const noQ = await t.app.inject({ method: 'GET', url: '/api/v1/kb' });
    expect(json(noQ).error).toMatchObject({ code: 'missing_field', field: 'q' });
  });

  it('health, readiness, metrics and the OpenAPI document', async () => {
    expect(json(await t.app.inject({ method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
    expect(json(await t.app.inject({ method: 'GET', url: '/readyz' }))).toMatchObject({ status: 'ready', store: 'sqlite' });
    await post({ user: 'u1', text: '忻州' });
    await post({ user: 'u1', text: '今天天气' });
    await post({ user: 'u2', text: '胸痛' });
    const m = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(m).toContain('jiuyi_messages_total{channel="api",intent="designation"} 1');
    expect(m).toContain('jiuyi_fallbacks_total{channel="api"} 1');
    expect(m).toContain('jiuyi_urgent_total{channel="api"} 1');
    expect(m).toContain('jiuyi_open_tickets 1');
    expect(m).toMatch(/jiuyi_outbox_depth \d+/);
    expect(m).toContain('jiuyi_message_duration_seconds_count{channel="api"} 3');
    const doc = json(await t.app.inject({ method: 'GET', url: '/docs/json' }));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/messages', '/api/v1/kb', '/api/v1/tickets/{id}/claim', '/api/v1/status/facilities/{id}']));
    expect(doc.paths['/api/v1/messages'].post.requestBody.content['application/json'].schema.required).toEqual(['user', 'text']);
    expect((await t.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('serves the web chat and the console, scripts from this origin only, never framed', async () => {
    for (const url of ['/', '/staff']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    for (const url of ['/webchat.js', '/linkify.js', '/staff/console.js', '/staff/console-views.js', '/staff/drafter.js', '/staff/drafter-views.js']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('javascript');
      expect(r.body).not.toContain('innerHTML');
    }
    expect((await t.app.inject({ method: 'GET', url: '/staff/drafter.css' })).headers['content-type']).toContain('text/css');
    const strings = json(await t.app.inject({ method: 'GET', url: '/webchat/strings.json' }));
    expect(strings['zh-CN'].start_over).toBe('重新开始');
    expect(strings['zh-TW'].start_over).toBe('重新開始');
    expect(strings.en.start_over).toBe('Start over');
    expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings['zh-CN']).sort());
  });
});
