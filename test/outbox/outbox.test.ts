import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutbox, DEFAULT_LIMITS, type Outbox, type OutboxOptions } from '../../src/outbox';
import type { RateLimit } from '../../src/service/ports';
import type { NewOutboxItem, Store } from '../../src/store/port';
import { openSqliteStore } from '../../src/store/sqlite';
import { FakeClock } from '../support/fake-clock';
import { FakeSender } from '../support/fake-sender';
import { maxInWindow } from '../support/sliding';

const TELEGRAM: RateLimit = DEFAULT_LIMITS.telegram!;

let dir: string;
let clock: FakeClock;
let store: Store;
const outboxes: Outbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiuyi-outbox-'));
  clock = new FakeClock();
  store = openSqliteStore({ file: join(dir, 'jiuyi.sqlite') });
});
afterEach(async () => {
  for (const o of outboxes.splice(0)) await o.stop({ drain: false, timeoutMs: 50 });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function make(sender: FakeSender, over: Partial<OutboxOptions> = {}): Outbox {
  const o = createOutbox({ store, senders: [sender], clock, random: () => 0, ...over });
  outboxes.push(o);
  return o;
}

const msg = (chat: string, text: string, over: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
  channel: 'telegram',
  chat,
  text,
  urgent: false,
  quickReplies: [],
  createdAt: clock.now(),
  ...over,
});

/** Flushes, moves the clock to the next due time, again, until nothing is pending (or `maxMs` passed). */
async function runUntilEmpty(o: Outbox, maxMs = 10 * 60_000): Promise<void> {
  const end = clock.now() + maxMs;
  for (;;) {
    const { nextAt } = await o.flush();
    if (nextAt === Infinity || nextAt > end) return;
    clock.advanceTo(Math.max(nextAt, clock.now() + 1));
  }
}

/** Moves the clock by `ms`, one timer at a time, letting the worker finish what each timer started. */
async function settle(o: Outbox, ms: number): Promise<void> {
  const end = clock.now() + ms;
  await o.idle();
  while (clock.nextAt <= end) {
    clock.advanceTo(clock.nextAt);
    await o.idle();
  }
  clock.advanceTo(end);
  await o.idle();
}


describe('outbox rate limits', () => {
  it('sends to one chat at most once a second (Telegram) and keeps the parts in order', async () => {
    const sender = new FakeSender('telegram', TELEGRAM, clock.now);
    const o = make(sender);
    for (let i = 1; i <= 5; i++) await o.enqueue(msg('42', `part ${i}`));
    const t0 = clock.now();
    expect((await o.flush()).handled).toBeGreaterThanOrEqual(1);
    expect(sender.deliveredTexts()).toEqual(['part 1']);
    await runUntilEmpty(o);
    expect(sender.deliveredTexts()).toEqual(['part 1', 'part 2', 'part 3', 'part 4', 'part 5']);
    expect(sender.delivered.map((d) => d.at - t0)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(await o.depth()).toBe(0);
    // deferring for the chat limit did not count as attempts
    for (const d of sender.delivered) expect((await store.getOutboxItem(d.id))?.attempts).toBe(1);
  });

  it('sends at most 30 a second across the platform (Telegram)', async () => {
    const sender = new FakeSender('telegram', TELEGRAM, clock.now);
    const o = make(sender);
    for (let i = 0; i < 100; i++) await o.enqueue(msg(`chat${i}`, `m${i}`));
    const t0 = clock.now();
    await o.flush();
    expect(sender.delivered).toHaveLength(30);
    await runUntilEmpty(o);
    expect(sender.delivered).toHaveLength(100);
    expect(maxInWindow(sender.delivered.map((d) => d.at), 1000)).toBe(30);
    expect(Math.max(...sender.delivered.map((d) => d.at)) - t0).toBe(3000);
    // oldest first
    expect(sender.deliveredTexts().slice(0, 3)).toEqual(['m0', 'm1', 'm2']);
  });

  it('sends at most 20 a minute to a group (Telegram group ids are negative)', async () => {
    const sender = new FakeSender('telegram', TELEGRAM, clock.now);
    const o = make(sender);
    for (let i = 0; i < 45; i++) await o.enqueue(msg('-100123', `g${i}`));
    const t0 = clock.now();
    await runUntilEmpty(o);
    expect(sender.delivered).toHaveLength(45);
    expect(maxInWindow(sender.delivered.map((d) => d.at), 60_000)).toBeLessThanOrEqual(20);
    expect(maxInWindow(sender.delivered.map((d) => d.at), 1000)).toBe(1);
    expect(Math.max(...sender.delivered.map((d) => d.at)) - t0).toBeGreaterThanOrEqual(120_000);
    expect(sender.deliveredTexts()).toEqual(Array.from({ length: 45 }, (_, i) => `g${i}`));
  });

  it('uses configured limits over the sender\'s (WeCom: 30 a minute to one member)', async () => {
    const sender = new FakeSender('wecom', DEFAULT_LIMITS.wecom!, clock.now);
    const o = make(sender, { limits: { wecom: { perChat: { count: 2, perMs: 10_000 } } } });
    for (let i = 0; i < 5; i++) await o.enqueue(msg('zhangsan', `w${i}`, { channel: 'wecom' }));
    const t0 = clock.now();
    await runUntilEmpty(o);
    expect(sender.delivered.map((d) => d.at - t0)).toEqual([0, 0, 10_000, 10_000, 20_000]);
  });
});

describe('outbox priority', () => {
  it('sends urgent replies ahead of the queue', async () => {
    const slow: RateLimit = { global: { count: 1, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } };
    const sender = new FakeSender('telegram', slow, clock.now);
    const o = make(sender);
    for (let i = 0; i < 5; i++) await o.enqueue(msg(`c${i}`, `routine ${i}`));
    await o.flush(); // routine 0 goes out
    await o.enqueue(msg('c9', '请立即拨打120', { urgent: true }));
    await runUntilEmpty(o);
    expect(sender.deliveredTexts()).toEqual(['routine 0', '请立即拨打120', 'routine 1', 'routine 2', 'routine 3', 'routine 4']);
  });
});

describe('outbox retries', () => {
  it('honours a 429\'s retry_after for the item and its chat, without holding back other chats', async () => {
    const sender = new FakeSender('telegram', TELEGRAM, clock.now).on('a1', { ok: false, error: '429: Too Many Requests: retry after 7', retryAfterMs: 7000 });
    const events: string[] = [];
    const o = make(sender, { onEvent: (e) => events.push(`${e.result}:${e.item.text}`) });
    await o.enqueue(msg('A', 'a1'));
    await o.enqueue(msg('A', 'a2'));
    await o.enqueue(msg('B', 'b1'));
    const t0 = clock.now();
    await o.flush();
    expect(sender.deliveredTexts()).toEqual(['b1']);
    expect(await store.getOutboxItem(sender.calls[0]!.id)).toMatchObject({ lastError: '429: Too Many Requests: retry after 7', notBefore: t0 + 7000 });
    clock.advanceTo(t0 + 6999);
    await o.flush();
    expect(sender.calls.filter((c) => c.chat === 'A')).toHaveLength(1);
    await runUntilEmpty(o);
    expect(sender.calls.filter((c) => c.chat === 'A').map((c) => [c.text, c.at - t0, c.attempts])).toEqual([
      ['a1', 0, 1],
      ['a1', 7000, 2],
      ['a2', 8000, 1],
    ]);
    expect(events).toContain('retry:a1');
  });

  it('backs off exponentially with jitter on errors without retry_after, and thrown errors are retried', async () => {
    const fast: RateLimit = { global: { count: 100, perMs: 1000 }, perChat: { count: 100, perMs: 1000 } };
    const sender = new FakeSender('telegram', fast, clock.now).on(
      'x',
      { ok: false, error: '502 Bad Gateway' },
      'throw',
      { ok: false, error: '502 Bad Gateway' },
    );
    const o = make(sender, { backoff: { baseMs: 1000, maxMs: 60_000 }, random: () => 0.5 });
    await o.enqueue(msg('c', 'x'));
    const t0 = clock.now();
    await runUntilEmpty(o);
    // jitter factor 0.5 + 0.5/2 = 0.75: 750, 1500, 3000 ms between attempts
    expect(sender.calls.map((c) => c.at - t0)).toEqual([0, 750, 2250, 5250]);
    expect(sender.deliveredTexts()).toEqual(['x']);
    expect(await store.getOutboxItem(sender.calls[0]!.id)).toMatchObject({ state: 'sent', attempts: 4, lastError: '502 Bad Gateway' });
  });

  it('dead-letters a permanent failure at once, with the error', async () => {
    const sender = new FakeSender('telegram', TELEGRAM, clock.now).on('blocked', {
      ok: false,
      error: '403: Forbidden: bot was blocked by the user',
      permanent: true,
      blocked: true,
    });
    const o = make(sender);
    const { id } = await o.enqueue(msg('c', 'blocked'));
    await o.enqueue(msg('c', 'next'));
    await runUntilEmpty(o);
    expect(sender.calls.filter((c) => c.text === 'blocked')).toHaveLength(1);
    expect(await store.getOutboxItem(id)).toMatchObject({ state: 'dead', attempts: 1, lastError: '403: Forbidden: bot was blocked by the user' });
    expect((await store.deadLetters()).map((d) => d.id)).toEqual([id]);
    expect(sender.deliveredTexts()).toEqual(['next']);
  });

  it('dead-letters after the last attempt, with the last error', async () => {
    const fail = { ok: false as const, error: '500 Internal Server Error' };
    const sender = new FakeSender('telegram', TELEGRAM, clock.now).on('doomed', fail, fail, fail, fail);
    const o = make(sender, { maxAttempts: 3 });
    const { id } = await o.enqueue(msg('c', 'doomed'));
    await runUntilEmpty(o);
    expect(sender.calls).toHaveLength(3);
    expect(await store.getOutboxItem(id)).toMatchObject({ state: 'dead', attempts: 3, lastError: '500 Internal Server Error (gave up after 3 attempts)' });
    expect(await o.depth()).toBe(0);
  });
});

describe('outbox crash and resume', () => {
  it('a restarted worker sends what the crashed one left, each reply exactly once', async () => {
    const file = join(dir, 'jiuyi.sqlite');
    // Before the crash: three replies, the service retried one message's processing (same dedupe key).
    const platform = new FakeSender('telegram', TELEGRAM, clock.now).on('r3', 'hang');
    // (the process that dies: its send timeout must not fire on the clock the test moves for the next one)
    const a = make(platform, { leaseMs: 30_000, sendTimeoutMs: Number.POSITIVE_INFINITY });
    await a.enqueue(msg('c1', 'r1', { dedupeKey: 'reply:telegram:m1' }));
    await a.enqueue(msg('c2', 'r2', { dedupeKey: 'reply:telegram:m2' }));
    await a.enqueue(msg('c3', 'r3', { dedupeKey: 'reply:telegram:m3' }));
    await a.enqueue(msg('c4', 'r4', { dedupeKey: 'reply:telegram:m4' }));
    expect((await a.enqueue(msg('c1', 'r1', { dedupeKey: 'reply:telegram:m1' }))).duplicate).toBe(true);
    // r1, r2 and r4 go out; the process dies while r3's send is in flight (it never reached the platform).
    void a.flush();
    for (let i = 0; i < 200 && platform.calls.length < 4; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 5));
    expect(platform.deliveredTexts().sort()).toEqual(['r1', 'r2', 'r4']);
    outboxes.splice(outboxes.indexOf(a), 1); // the dead process: never stopped
    await store.close();

    // Restart: a new store handle on the same file, a new worker, the same platform.
    const crashedAt = clock.now();
    store = openSqliteStore({ file });
    const b = make(platform, { leaseMs: 30_000 });
    await b.enqueue(msg('c5', 'r5'));
    await b.flush();
    // r3 is still leased by the dead worker: not sent again before its lease ends
    expect(platform.deliveredTexts().sort()).toEqual(['r1', 'r2', 'r4', 'r5']);
    clock.advanceTo(crashedAt + 30_000);
    await runUntilEmpty(b);
    expect(platform.deliveredTexts().sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    await runUntilEmpty(b, 3_600_000);
    expect(platform.delivered).toHaveLength(5);
    expect(await b.depth()).toBe(0);
  });

  it('a send that never answers counts as failed after the send timeout, and the item is retried', async () => {
    const platform = new FakeSender('telegram', TELEGRAM, clock.now).on('stuck', 'hang');
    const o = make(platform, { leaseMs: 20_000, sendTimeoutMs: 15_000, backoff: { baseMs: 1000, maxMs: 1000 }, random: () => 0 });
    const { id } = await o.enqueue(msg('c1', 'stuck'));
    void o.flush();
    for (let i = 0; i < 200 && platform.calls.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    clock.advance(15_000);
    await o.idle();
    expect(await store.getOutboxItem(id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'no answer from the platform within 15000 ms' });
    await runUntilEmpty(o);
    expect(platform.deliveredTexts()).toEqual(['stuck']);
  });

  it('two workers on one store never send the same item', async () => {
    const platform = new FakeSender('telegram', TELEGRAM, clock.now);
    const file = join(dir, 'jiuyi.sqlite');
    const other = openSqliteStore({ file });
    const a = make(platform);
    const b = createOutbox({ store: other, senders: [platform], clock });
    for (let i = 0; i < 60; i++) await a.enqueue(msg(`c${i % 20}`, `m${i}`));
    for (let round = 0; round < 10; round++) {
      await Promise.all([a.flush(), b.flush()]);
      clock.advance(1000);
    }
    await other.close();
    expect(platform.delivered).toHaveLength(60);
    expect(new Set(platform.deliveredTexts()).size).toBe(60);
  });
});

describe('outbox worker lifecycle', () => {
  it('paced, claims what the window lets go in the next half second, and hands back what it has not sent when stopped', async () => {
    // One claim reads the queue's heads and holds (on MongoDB the dearest part of sending): a paced lane
    // claims a few items per look at the store, not one; items it holds unsent when it stops are due again
    // at once for another instance, not when their lease ends.
    const sender = new FakeSender('telegram', TELEGRAM, clock.now);
    const o = make(sender, { pace: true, leaseMs: 30_000 });
    for (let i = 0; i < 20; i++) await store.enqueue(msg(`c${i}`, `m${i}`));
    o.start();
    for (let i = 0; i < 100 && sender.calls.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    // 30 a second paced (a message every 37 ms): the first sent, the next 12 claimed and waiting their turn
    expect(sender.deliveredTexts()).toEqual(['m0']);
    const other = openSqliteStore({ file: join(dir, 'jiuyi.sqlite') });
    expect(await other.claimDue('telegram', clock.now(), 100, 1000)).toHaveLength(20 - 13); // 1 sent, 12 held here
    const stopped = o.stop({ drain: false, timeoutMs: 5000 });
    let done = false;
    void stopped.then(() => (done = true));
    for (let i = 0; i < 50 && !done; i++) {
      clock.advance(37);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(done).toBe(true);
    const sent = sender.delivered.length;
    expect(sent).toBeLessThan(13);
    // every item claimed and not sent is free again (and its attempt not counted)
    const again = await other.claimDue('telegram', clock.now(), 100, 1000);
    expect(again).toHaveLength(13 - sent);
    for (const item of again) expect(item.attempts).toBe(1);
    await other.close();
  });

  it('sends when started and kicked by enqueue, wakes on its timer for retries, and stop() drains', async () => {
    const sender = new FakeSender('telegram', TELEGRAM, clock.now).on('retry me', { ok: false, error: '429', retryAfterMs: 3000 });
    const o = make(sender);
    o.start();
    await o.enqueue(msg('c1', 'hello'));
    await o.idle();
    expect(sender.deliveredTexts()).toEqual(['hello']);

    await o.enqueue(msg('c2', 'retry me'));
    await o.idle();
    expect(sender.calls.map((c) => c.text)).toEqual(['hello', 'retry me']);
    await settle(o, 2999); // polls: nothing due yet
    expect(sender.calls.map((c) => c.text)).toEqual(['hello', 'retry me']);
    await settle(o, 1); // the retry_after has passed: the timer fires

    expect(sender.deliveredTexts()).toEqual(['hello', 'retry me']);

    // an item enqueued behind the worker's back (another instance) is found by the poll
    await store.enqueue(msg('c3', 'from elsewhere'));
    await settle(o, 1000);
    expect(sender.deliveredTexts()).toContain('from elsewhere');

    // stop waits for an in-flight send to be recorded
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const realSend = sender.send.bind(sender);
    sender.send = async (item) => {
      await gate;
      return realSend(item);
    };
    const { id } = await o.enqueue(msg('c4', 'in flight'));
    const stopped = o.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    release();
    await stopped;
    expect((await store.getOutboxItem(id))?.state).toBe('sent');
    expect(clock.pending).toBe(0);
  });
});
