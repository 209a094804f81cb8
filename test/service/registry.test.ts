// How a channel plugs in: a Channel's senders, staff routes and webhook routes, registered through the
// ChannelRegistry, are what the HTTP server, the outbox and the service use.
import type { FastifyInstance } from 'fastify';
import { createOutbox } from '../../src/outbox';
import type { Channel, ChannelSender, OutboxItem, StaffEvent } from '../../src/service/ports';
import { ChannelRegistry } from '../../src/service/registry';
import { buildTestApp, type TestApp } from '../support/service-app';

let t: TestApp;
afterEach(() => t?.close());

function fakeTelegram(deps: { inbound: { accept: TestApp['service']['accept'] } }) {
  const sent: OutboxItem[] = [];
  const events: StaffEvent[] = [];
  const sender: ChannelSender = {
    channel: 'telegram',
    limits: { global: { count: 30, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } },
    maxLength: { value: 4096, unit: 'chars' },
    send: async (item) => {
      sent.push(item);
      return { ok: true };
    },
  };
  const channel: Channel = {
    name: 'telegram',
    senders: [sender],
    staffRoutes: [{ name: 'fake-staff-group', notify: async (e) => void events.push(e) }],
    routes: async (app: FastifyInstance) => {
      app.post<{ Body: { id: string; from: string; text: string } }>('/fake/webhook', async (req) => {
        const { duplicate } = await deps.inbound.accept({
          channel: 'telegram',
          messageId: req.body.id,
          user: req.body.from,
          chat: `chat-${req.body.from}`,
          kind: 'text',
          text: req.body.text,
          sentAt: Date.now(),
        });
        return { ok: true, duplicate };
      });
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
  return { channel, sent, events };
}

describe('ChannelRegistry', () => {
  it('wires a channel: its webhook reaches the pipeline, its sender gets the replies, its staff route the tickets', async () => {
    let fake!: ReturnType<typeof fakeTelegram>;
    t = await buildTestApp({
      beforeServer: (registry, service) => {
        fake = fakeTelegram({ inbound: service });
        registry.addChannel(fake.channel);
      },
    });
    const post = (body: object) => t.app.inject({ method: 'POST', url: '/fake/webhook', payload: body });
    expect(JSON.parse((await post({ id: '1', from: 'a', text: '忻州透析' })).body)).toEqual({ ok: true, duplicate: false });
    expect(JSON.parse((await post({ id: '1', from: 'a', text: '忻州透析' })).body)).toEqual({ ok: true, duplicate: true });
    await post({ id: '2', from: 'b', text: '胸痛' });

    const outbox = createOutbox({ store: t.store, senders: t.registry.senders });
    await outbox.flush();
    expect(fake.sent.map((i) => [i.chat, i.urgent])).toEqual([
      ['chat-b', true],
      ['chat-a', false],
    ]);
    await t.service.settled();
    expect(fake.events.map((e) => e.kind)).toEqual(['ticket_opened']);
    expect(t.route.events.map((e) => e.kind)).toEqual(['ticket_opened']);
  });

  it('refuses two senders for one channel', () => {
    const r = new ChannelRegistry();
    const s = { channel: 'telegram', limits: { global: { count: 1, perMs: 1 }, perChat: { count: 1, perMs: 1 } }, maxLength: { value: 1, unit: 'chars' }, send: async () => ({ ok: true }) } as ChannelSender;
    r.addSender(s);
    expect(() => r.addSender(s)).toThrow('a sender for channel "telegram" is already registered');
  });
});
