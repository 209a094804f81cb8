import Fastify, { type FastifyInstance } from 'fastify';
import { createTelegramChannel } from '../../../src/channels/telegram';
import { secretMatches } from '../../../src/channels/telegram/webhook';
import { fakeDeps } from '../../support/fake-telegram-deps';
import { tg } from '../../support/fake-telegram';
import { harness, SECRET, type Harness } from './harness';

describe('POST /telegram/webhook', () => {
  let h: Harness;
  let app: FastifyInstance;
  let base = '';
  beforeEach(async () => {
    h = await harness();
    app = Fastify();
    await app.register(h.channel.routes!);
    // A real loopback listener: fastify's inject() cannot load under jest on Node 20 (light-my-request
    // requires cookie@2, which is ESM only).
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterEach(async () => {
    await app.close();
    await h.close();
  });

  const post = async (body: unknown, secret?: string) => {
    const res = await fetch(`${base}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
      body: JSON.stringify(body),
    });
    await res.text();
    return { statusCode: res.status };
  };

  it('accepts an update with the right secret and hands it to the pipeline', async () => {
    const res = await post({ update_id: 41, ...tg.text('忻州透析去哪') }, SECRET);
    expect(res.statusCode).toBe(200);
    expect(h.deps.inbound.accepted).toEqual([
      expect.objectContaining({ channel: 'telegram', messageId: '41', user: '501', chat: '501', kind: 'text', text: '忻州透析去哪' }),
    ]);
  });

  it('refuses a missing secret with 401 and a wrong one with 403, processing nothing', async () => {
    const missing = await post({ update_id: 42, ...tg.text('你好') });
    const wrong = await post({ update_id: 43, ...tg.text('你好') }, 'webhook-Secret_124');
    const empty = await post({ update_id: 44, ...tg.text('你好') }, '');
    expect(missing.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(403);
    expect(empty.statusCode).toBe(401);
    expect(h.deps.inbound.accepted).toHaveLength(0);
    expect(h.api.calls).toHaveLength(0);
  });

  it('passes a redelivered update_id with the same messageId (the service de-duplicates on it)', async () => {
    const update = { update_id: 77, ...tg.text('晋江发热门诊') };
    expect((await post(update, SECRET)).statusCode).toBe(200);
    expect((await post(update, SECRET)).statusCode).toBe(200);
    const ids = h.deps.inbound.accepted.map((a) => a.messageId);
    expect(ids).toEqual(['77', '77']);
    // The recording port answers like the store: the second one is a duplicate.
    expect(h.deps.inbound.accepted[0]).toEqual(h.deps.inbound.accepted[1]);
  });

  it('answers 500 when the update could not be persisted, so Telegram delivers it again', async () => {
    h.deps.inbound.failNext = 1;
    expect((await post({ update_id: 90, ...tg.text('你好') }, SECRET)).statusCode).toBe(500);
    expect((await post({ update_id: 90, ...tg.text('你好') }, SECRET)).statusCode).toBe(200);
    expect(h.deps.inbound.accepted.map((a) => a.messageId)).toEqual(['90']);
  });

  it('recovers when getMe failed on the first update', async () => {
    h.api.fail('getMe', { status: 502, description: 'Bad Gateway' });
    expect((await post({ update_id: 95, ...tg.text('你好') }, SECRET)).statusCode).toBe(500);
    expect((await post({ update_id: 95, ...tg.text('你好') }, SECRET)).statusCode).toBe(200);
    expect(h.deps.inbound.accepted.map((a) => a.messageId)).toEqual(['95']);
  });

  it('ignores malformed updates with 200 (redelivering them cannot help), never 500, and still takes good ones', async () => {
    const malformed = [
      { update_id: 101, message: null },
      { update_id: 102, message: {} },
      { update_id: 103, message: { message_id: 1, date: 1, text: 'no chat' } },
      { update_id: 104, message: { message_id: 1, date: 1, chat: null, text: 'x' } },
      { update_id: 105, message: { message_id: 1, date: 1, chat: { id: 5, type: 'private' }, text: 42 } },
      { update_id: 106, message: { message_id: 1, date: 1, chat: { id: 5, type: 'private' }, text: ['/start'] } },
      { update_id: 107, message: { message_id: 1, date: 1, chat: { id: 5, type: 'private' }, location: {} } },
      { update_id: 108, callback_query: null },
      { update_id: 109, callback_query: { id: 'x' } },
      { update_id: 110, my_chat_member: {} },
      { update_id: 111, message: { message_id: 1, chat: { id: 5, type: 'private' }, from: { id: 'me' }, text: 'x' } },
    ];
    for (const u of malformed) expect([u, (await post(u, SECRET)).statusCode]).toEqual([u, 200]);
    expect((await post({}, SECRET)).statusCode).toBe(400);
    expect(h.deps.inbound.accepted).toHaveLength(0);
    expect((await post({ update_id: 120, ...tg.text('你好') }, SECRET)).statusCode).toBe(200);
    expect(h.deps.inbound.accepted.map((a) => a.messageId)).toEqual(['120']);
  });

  it('rejects a body that is not an update', async () => {
    expect((await post({ hello: 1 }, SECRET)).statusCode).toBe(400);
    expect(h.deps.inbound.accepted).toHaveLength(0);
  });
});

describe('webhook configuration', () => {
  it('has no webhook route without a secret (long polling instead)', () => {
    const channel = createTelegramChannel({ token: '1:x', apiRoot: 'http://127.0.0.1:9' }, fakeDeps());
    expect(channel.routes).toBeUndefined();
  });

  it('accepts the service factory form (deps.config.telegram with botToken)', () => {
    const deps = fakeDeps();
    const channel = createTelegramChannel({ ...deps, config: { telegram: { botToken: '1:x', apiRoot: 'http://127.0.0.1:9', webhookSecret: 's' } } });
    expect(channel.name).toBe('telegram');
    expect(channel.routes).toBeDefined();
    expect(channel.staffRoutes).toHaveLength(0);
  });

  it('compares secrets exactly', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    expect(secretMatches('abc', 'abd')).toBe(false);
    expect(secretMatches('abc', 'abcd')).toBe(false);
  });
});
