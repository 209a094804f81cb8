// The service's orchestration with the core double and an in-memory SQLite store: platform channels
// (replies through the outbox), de-duplication, tickets and staff events, escalation, rate limit, recovery.
import { Writable } from 'node:stream';
import type { Inbound } from '../../src/core/types';
import { createLogger } from '../../src/log';
import { Metrics } from '../../src/service/metrics';
import type { StaffEvent } from '../../src/service/ports';
import { ChannelRegistry } from '../../src/service/registry';
import { Service } from '../../src/service/service';
import type { ServiceOptions } from '../../src/service/types';
import { openStore, type Store } from '../../src/store';
import { createCoreDouble } from '../support/core-double';
import { recordingRoute } from '../support/service-app';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
let store: Store;
let clock: { now: number };
let route: ReturnType<typeof recordingRoute>;
let registry: ChannelRegistry;

let seq = 0;
const tg = (user: string, text: string, extra: Partial<Inbound> = {}): Inbound => ({
  channel: 'telegram',
  messageId: `m${++seq}`,
  user,
  chat: `chat-${user}`,
  kind: 'text',
  text,
  sentAt: clock.now,
  ...extra,
});

function service(o: Partial<ServiceOptions> = {}): Service {
  return new Service({ store, core: createCoreDouble(), registry, logger, now: () => clock.now, rateLimit: 5, escalateAfterS: 60, metrics: new Metrics(), ...o });
}

/** What the outbox would send now, in its order (urgent first), without sending it. */
async function queued(channel: Inbound['channel'] = 'telegram') {
  const items = [];
  for (;;) {
    // one item per chat at a time (the store keeps each chat's order): mark each sent, claim the next
    const batch = await store.claimDue(channel, clock.now + 1, 100, 1000);
    if (!batch.length) break;
    for (const i of batch) await store.markSent(i.id, clock.now);
    items.push(...batch);
  }
  return items.map((i) => ({ chat: i.chat, text: i.text, urgent: i.urgent, kind: i.meta?.kind }));
}

beforeEach(async () => {
  store = await openStore({ dataDir: ':memory:' });
  clock = { now: Date.UTC(2026, 10, 23, 4, 0, 0) };
  route = recordingRoute();
  registry = new ChannelRegistry(logger);
  registry.addStaffRoute(route);
});
afterEach(() => store.close());

describe('accept (platform channels)', () => {
  it('persists, answers through the outbox once, and remembers the session', async () => {
    const s = service();
    const m = tg('a', '忻州透析去哪');
    expect(await s.accept(m)).toEqual({ duplicate: false });
    expect(await s.accept(m)).toEqual({ duplicate: true });
    await s.accept(tg('a', '那孩子呢'));
    expect(await queued()).toEqual([
      { chat: 'chat-a', text: '忻州市：请到测试医院就诊。<b>', urgent: false, kind: 'reply' },
      { chat: 'chat-a', text: '忻州市：请到测试医院就诊。<b>', urgent: false, kind: 'reply' },
    ]);
    expect(await store.loadSession('telegram:a')).toMatchObject({ locality: 'xinzhou', turns: 2 });
    expect(await store.unprocessedInbound()).toEqual([]);
  });

  it('puts an urgent reply ahead of the queue and opens a ticket for the staff routes', async () => {
    const s = service();
    await s.accept(tg('a', '忻州'));
    await s.accept(tg('b', '我胸痛'));
    const q = await queued();
    expect(q[0]).toMatchObject({ chat: 'chat-b', urgent: true });
    await s.settled();
    expect(route.events).toEqual([{ kind: 'ticket_opened', ticket: expect.objectContaining({ user: 'b', chat: 'chat-b', channel: 'telegram', urgent: true, reason: 'urgent:chest_pain', state: 'open' }) }]);
    const session = await store.loadSession('telegram:b');
    expect(session?.handoff?.ticketId).toBe((route.events[0] as { ticket: { id: string } }).ticket.id);
  });

  it('opens one ticket per conversation, however many times the user asks for a human', async () => {
    const s = service();
    await s.accept(tg('a', '转人工'));
    await s.accept(tg('a', '转人工！！'));
    expect(await s.list()).toHaveLength(1);
  });

  it('passes the user to staff while they hold the conversation, then gives it back', async () => {
    const s = service();
    await s.accept(tg('a', '转人工'));
    const [ticket] = await s.list();
    await s.claim(ticket!.id, 'li');
    expect((await store.loadSession('telegram:a'))?.handoff).toMatchObject({ ticketId: ticket!.id, heldBy: 'li' });
    await queued(); // clear
    await s.accept(tg('a', '我的电话是13912345678'));
    expect(await queued()).toEqual([]); // the bot is silent
    await s.settled();
    const ev = route.events.find((e) => e.kind === 'user_message') as Extract<StaffEvent, { kind: 'user_message' }>;
    expect(ev.text).toBe('我的电话是[电话]');
    expect(ev.ticket.lastMessages.at(-1)).toMatchObject({ from: 'user', text: '我的电话是[电话]' });

    await s.reply(ticket!.id, 'li', '请稍等，医生马上联系您');
    expect(await queued()).toEqual([{ chat: 'chat-a', text: '请稍等，医生马上联系您', urgent: false, kind: 'staff' }]);
    await s.close(ticket!.id, 'li');
    expect((await store.loadSession('telegram:a'))?.handoff).toBeNull();
    await s.accept(tg('a', '忻州'));
    expect(await queued()).toEqual([expect.objectContaining({ kind: 'reply', text: expect.stringContaining('忻州市') })]);
    await s.settled();
    expect(route.events.map((e) => e.kind)).toEqual(['ticket_opened', 'ticket_claimed', 'user_message', 'ticket_closed']);
    // closing again is harmless; replying to a closed ticket is refused
    expect((await s.close(ticket!.id, 'li')).state).toBe('closed');
    await expect(s.reply(ticket!.id, 'li', 'x')).rejects.toMatchObject({ code: 'ticket_state' });
    await expect(s.claim('missing', 'li')).rejects.toMatchObject({ code: 'ticket_not_found' });
  });

  it('keeps answering when a staff route fails', async () => {
    registry.addStaffRoute({ name: 'broken', notify: async () => Promise.reject(new Error('down')) });
    const s = service();
    await s.accept(tg('a', '胸痛'));
    await s.settled();
    expect(route.events).toHaveLength(1);
    expect(await queued()).toHaveLength(1);
  });

  it('tells a user over the rate limit once a minute, and still answers an urgent message', async () => {
    const s = service();
    for (let i = 0; i < 5; i++) await s.accept(tg('a', `忻州 ${i}`));
    await queued();
    await s.accept(tg('a', '忻州 6'));
    await s.accept(tg('a', '忻州 7'));
    const notices = await queued();
    expect(notices).toEqual([expect.objectContaining({ kind: 'rate_limited', text: expect.stringContaining('每分钟最多 5 条') })]);
    await s.accept(tg('a', '胸痛'));
    expect(await queued()).toEqual([expect.objectContaining({ urgent: true, kind: 'reply' })]);
    clock.now += 60_000;
    await s.accept(tg('a', '忻州'));
    expect(await queued()).toEqual([expect.objectContaining({ kind: 'reply' })]);
  });
});

describe('escalation', () => {
  it('escalates an unclaimed urgent ticket after JIUYI_ESCALATE_AFTER_S and sends the user the hotline once', async () => {
    const s = service({ escalationNotice: (t, l) => `测试热线（${t.locality ?? '未知'}，${l.script}）` });
    await s.accept(tg('a', '忻州'));
    await s.accept(tg('a', '胸痛'));
    await s.accept(tg('b', '转人工')); // not urgent: never escalates
    await queued();
    clock.now += 59_000;
    expect(await s.escalateDue()).toBe(0);
    clock.now += 2_000;
    expect(await s.escalateDue()).toBe(1);
    expect(await s.escalateDue()).toBe(0);
    const [t] = await s.list({ state: 'open' }).then((l) => l.filter((x) => x.urgent));
    expect(t).toMatchObject({ level: 1, user: 'a' });
    expect(await queued()).toEqual([{ chat: 'chat-a', text: '测试热线（xinzhou，simplified）', urgent: true, kind: 'escalation' }]);
    clock.now += 60_000;
    expect(await s.escalateDue()).toBe(1);
    expect(await queued()).toEqual([]); // the user was told once
    await s.settled();
    expect(route.events.filter((e) => e.kind === 'ticket_escalated').map((e) => e.ticket.level)).toEqual([1, 2]);
  });

  it('logs an escalation with one "level" (the log line\'s) and the ticket\'s as escalationLevel', async () => {
    const lines: string[] = [];
    const captured = createLogger({ level: 'info', destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }) });
    const s = service({ logger: captured });
    await s.accept(tg('a', '胸痛'));
    clock.now += 61_000;
    expect(await s.escalateDue()).toBe(1);
    const line = lines.find((l) => l.includes('escalated'))!;
    expect(line.match(/"level":/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ level: 40, escalationLevel: 1 });
  });

  it('does not escalate a claimed ticket, and falls back to 120 without a locality notice', async () => {
    const s = service();
    await s.accept(tg('a', '胸痛'));
    await s.accept(tg('b', '胸痛'));
    const tickets = await s.list();
    await s.claim(tickets.find((t) => t.user === 'a')!.id, 'li');
    await queued();
    clock.now += 61_000;
    expect(await s.escalateDue()).toBe(1);
    expect(await queued()).toEqual([expect.objectContaining({ chat: 'chat-b', urgent: true, text: expect.stringContaining('120') })]);
  });
});

describe('recover', () => {
  it('answers messages persisted before a crash, once', async () => {
    const m = tg('a', '忻州透析');
    await store.recordInbound(m); // accepted, then the process died
    const s = service();
    expect(await s.recover()).toBe(1);
    expect(await s.recover()).toBe(0);
    expect(await queued()).toEqual([expect.objectContaining({ chat: 'chat-a', kind: 'reply' })]);
    expect(await s.accept(m)).toEqual({ duplicate: true });
  });
});

describe('live status', () => {
  it('changes answers at once and clears with open', async () => {
    const s = service();
    await s.setFacilityStatus('xz_test_hospital', { state: 'full' });
    await s.accept(tg('a', '忻州'));
    expect((await queued())[0]?.text).toContain('备用医院');
    expect(await s.setFacilityStatus('xz_test_hospital', { state: 'open' })).toEqual({ facilities: {} });
    await s.accept(tg('a', '忻州'));
    expect((await queued())[0]?.text).toContain('测试医院');
  });
});
