// The Telegram channel over the real service (SQLite in memory, fastify, the core double):
// webhook → service → outbox (delivered here through the channel's sender, as the outbox worker does)
// → the fake Bot API; and the staff flow through the service's tickets.
import pino from 'pino';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram';
import { ChannelRegistry } from '../../../src/service/registry';
import { Service } from '../../../src/service/service';
import { openStore, type Store } from '../../../src/store';
import { createCoreDouble } from '../../support/core-double';
import { startFakeTelegram, tg, type FakeTelegram } from '../../support/fake-telegram';
import { SECRET, STAFF_CHAT } from './harness';

describe('telegram channel over the real service', () => {
  let api: FakeTelegram;
  let store: Store;
  let service: Service;
  let channel: TelegramChannel;
  let app: FastifyInstance;
  let base = '';
  let sentToOutbox = 0;

  beforeEach(async () => {
    api = await startFakeTelegram();
    store = await openStore({ dataDir: ':memory:' });
    const logger = pino({ level: 'silent' });
    const registry = new ChannelRegistry(logger);
    const core = createCoreDouble();
    service = new Service({ store, core, registry, logger, rateLimit: 100, escalateAfterS: 60 });
    channel = createTelegramChannel({
      inbound: service,
      tickets: service,
      kv: store,
      kb: (q) => core.kb(q, { status: { facilities: {} } as never, now: Date.now() }),
      localities: () => core.localities(),
      logger,
      now: Date.now,
      config: { telegram: { botToken: api.token, apiRoot: api.apiRoot, webhookSecret: SECRET, staffChatId: String(STAFF_CHAT) } },
    });
    registry.addChannel(channel);
    // The webhook routes as the HTTP server registers them (src/http/server.ts's buildServer cannot load under
    // jest on Node 20: @fastify/swagger-ui → @fastify/static → content-disposition is ESM only).
    app = Fastify();
    for (const { plugin } of registry.routePlugins) await app.register(plugin);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    await channel.start();
    sentToOutbox = 0;
  });
  afterEach(async () => {
    await app?.close();
    await channel?.stop();
    await service?.drain();
    await store?.close();
    await api?.close();
  });

  const post = async (update: object, secret = SECRET) => {
    const res = await fetch(`${base}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    });
    await res.text();
    return res.status;
  };

  /** What the outbox worker does: lease due Telegram items, send them, mark them sent. */
  async function deliver(): Promise<void> {
    const sender = channel.senders[0]!;
    for (;;) {
      const items = await store.claimDue('telegram', Date.now() + 60_000, 50, 30_000);
      if (items.length === 0) return;
      for (const item of items) {
        const r = await sender.send(item);
        if (!r.ok) throw new Error(r.error);
        await store.markSent(item.id, Date.now());
        sentToOutbox++;
      }
    }
  }

  it('answers a redelivered update_id once', async () => {
    const update = { update_id: 3001, ...tg.text('忻州哪里看病') };
    expect(await post(update)).toBe(200);
    expect(await post(update)).toBe(200);
    await deliver();
    expect(api.messagesTo(501).map((m) => m.plain)).toEqual(['忻州市：请到测试医院就诊。<b>']);
  });

  it('a quick reply of the core comes back as a keyboard; pressing it answers the question', async () => {
    await post({ update_id: 3010, ...tg.text('我要看病') });
    await deliver();
    const ask = api.messagesTo(501)[0]!;
    expect(ask.plain).toBe('请问您在哪个城市？');
    const buttons = ask.reply_markup.inline_keyboard.flat();
    expect(buttons.map((b: any) => b.text)).toEqual(['忻州市', '晋江市']);
    expect(await post({ update_id: 3011, ...tg.callback(buttons[1].callback_data, { messageId: ask.message_id }) })).toBe(200);
    await deliver();
    expect(api.messagesTo(501)[1]!.plain).toBe('晋江市：请到测试医院就诊。<b>');
  });

  it('staff flow: urgent handoff → card → claim → reply reaches the user → close', async () => {
    await post({ update_id: 3020, ...tg.text('我爸胸痛') });
    await deliver();
    expect(api.messagesTo(501)[0]!.plain).toContain('120');
    const card = await api.waitFor(() => api.messagesTo(STAFF_CHAT)[0]);
    expect(card.plain).toContain('紧急工单');
    expect(card.plain).toContain('我爸胸痛');
    const [ticket] = await service.list({ state: 'open' });
    expect(card.plain).toContain(`#${ticket!.id}`);

    const claim = card.reply_markup.inline_keyboard.flat()[0].callback_data;
    expect(await post({ update_id: 3021, ...tg.callback(claim, { chatId: STAFF_CHAT, userId: 600, name: '李医生', messageId: card.message_id }) })).toBe(200);
    expect((await service.get(ticket!.id))!.state).toBe('claimed');
    await api.waitFor(() => api.messagesTo(STAFF_CHAT)[0]!.plain.includes('已认领：李医生'));

    // While staff hold it, the user's words go to the group and the bot stays quiet.
    await post({ update_id: 3022, ...tg.text('还要多久') });
    await api.waitFor(() => api.messagesTo(STAFF_CHAT).some((m) => m.plain.includes('还要多久')));

    expect(await post({ update_id: 3023, ...tg.text('救护车已出发，请保持电话畅通', { chatId: STAFF_CHAT, userId: 600, replyTo: card.message_id }) })).toBe(200);
    await deliver();
    expect(api.messagesTo(501).map((m) => m.plain)).toEqual([expect.stringContaining('120'), '救护车已出发，请保持电话畅通']);

    const close = api.messagesTo(STAFF_CHAT)[0]!.reply_markup.inline_keyboard.flat()[0].callback_data;
    expect(await post({ update_id: 3024, ...tg.callback(close, { chatId: STAFF_CHAT, userId: 600, messageId: card.message_id }) })).toBe(200);
    expect((await service.get(ticket!.id))!.state).toBe('closed');
    await api.waitFor(() => api.messagesTo(STAFF_CHAT)[0]!.plain.includes('已关闭'));
    await channel.idle();
    expect(sentToOutbox).toBe(2);
  });
});
