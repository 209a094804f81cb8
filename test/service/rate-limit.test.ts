// The per-user rate limit counts a message once, however many times the platform delivers it (Telegram
// retrying an update, WeCom resending a callback) and whichever instance each delivery reaches: a resident
// under a retry storm is never limited for messages they sent once. One instance counts in memory
// (RateLimiter); several count in the store (SharedLimiter), on SQLite here and on MongoDB when
// MONGODB_URI is set (CI: FerretDB).
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Inbound } from '../../src/core/types';
import { createLogger } from '../../src/log';
import { RateLimiter, SEEN_MS } from '../../src/service/rate-limit';
import { mapSteps } from '../support/map-steps';
import { ChannelRegistry } from '../../src/service/registry';
import { Service } from '../../src/service/service';
import { SharedLimiter } from '../../src/service/shared-limit';
import { openStore, type Store } from '../../src/store';
import { connectMongo, openMongoStore } from '../../src/store/mongo';
import { migrateMongo } from '../../src/store/mongo-migrate';
import { createCoreDouble } from '../support/core-double';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)
if (!uri && process.env.JIUYI_REQUIRE_MONGO) throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not');
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
// the start of a clock minute: every message below is in it (far in the future: MongoDB's TTL index drops a rate
// counter whose `dropAt` is past at any moment of a run)
const T0 = Date.UTC(2099, 10, 23, 4, 0, 0);
const LIMIT = 3;

const tg = (user: string, messageId: string, text: string, sentAt = T0): Inbound => ({ channel: 'telegram', messageId, user, chat: `chat-${user}`, kind: 'text', text, sentAt });

function service(store: Store, shared: boolean, clock = { now: T0 + 1000 }): Service {
  return new Service({
    store,
    core: createCoreDouble(),
    registry: new ChannelRegistry(logger),
    logger,
    now: () => clock.now,
    rateLimit: LIMIT,
    escalateAfterS: 60,
    ...(shared ? { limiter: new SharedLimiter(store, LIMIT, { scope: 'user' }), sharedStore: true } : {}),
  });
}

/** What the outbox holds for the chat, by kind (reply, rate_limited), marking it sent. */
async function sent(store: Store, chat: string): Promise<string[]> {
  const kinds: string[] = [];
  for (;;) {
    const batch = await store.claimDue('telegram', T0 + 3_600_000, 100, 1000);
    if (!batch.length) break;
    for (const i of batch) await store.markSent(i.id, T0);
    kinds.push(...batch.filter((i) => i.chat === chat).map((i) => String(i.meta?.kind)));
  }
  return kinds;
}

describe('one instance (the limit counted in memory)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ dataDir: ':memory:' });
  });
  afterEach(() => store.close());

  it('counts a message delivered again once: the limit, each message twice, no notice; then the next is over', async () => {
    const s = service(store, false);
    for (let i = 1; i <= LIMIT; i++) {
      expect(await s.accept(tg('a', `m${i}`, `忻州 ${i}`))).toEqual({ duplicate: false });
      expect(await s.accept(tg('a', `m${i}`, `忻州 ${i}`))).toEqual({ duplicate: true }); // the platform retrying
    }
    expect(await s.accept(tg('a', 'm1', '忻州 1'))).toEqual({ duplicate: true }); // again, at the limit
    expect(await sent(store, 'chat-a')).toEqual(['reply', 'reply', 'reply']);
    await s.accept(tg('a', 'm4', '忻州 4')); // a message of their own over the limit is still refused
    expect(await sent(store, 'chat-a')).toEqual(['rate_limited']);
    await s.drain();
  });

  it('counts a delivery long after the message (Telegram backing off) once: taken back when found recorded', async () => {
    const clock = { now: T0 + 1000 };
    const s = service(store, false, clock);
    await s.accept(tg('d', 'k1', '忻州 1'));
    await s.accept(tg('d', 'k2', '忻州 2'));
    clock.now = T0 + 15 * 60_000; // a new minute, the messages' ids long forgotten by the limiter
    await s.accept(tg('d', 'k1', '忻州 1')); // delivered again: not answered again, not counted
    for (let i = 3; i < 3 + LIMIT; i++) await s.accept(tg('d', `k${i}`, `忻州 ${i}`, clock.now));
    await s.accept(tg('d', 'k2', '忻州 2')); // again, at the limit
    expect(await sent(store, 'chat-d')).toEqual(['reply', 'reply', 'reply', 'reply', 'reply']);
    await s.accept(tg('d', 'k9', '忻州 9', clock.now));
    expect(await sent(store, 'chat-d')).toEqual(['rate_limited']);
    await s.drain();
  });

  it('answers an API client retrying a lost response from the record, not with a 429', async () => {
    const s = service(store, false);
    const api = (id: string) => ({ ...tg('b', id, '忻州 透析'), channel: 'api' as const, chat: 'b' });
    for (let i = 1; i <= LIMIT; i++) expect((await s.handle(api(`q${i}`))).rateLimited).toBeUndefined();
    const retry = await s.handle(api('q2'));
    expect(retry).toMatchObject({ duplicate: true, reply: expect.objectContaining({ parts: expect.any(Array) }) });
    expect(retry.rateLimited).toBeUndefined();
    expect((await s.handle(api('q9'))).rateLimited).toBeDefined();
    await s.drain();
  });
});

function sharedCases(name: string, open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
  describe(`two instances, the limit counted in the store (${name})`, () => {
    jest.setTimeout(60_000);
    let store: Store;
    let done: () => Promise<void>;
    beforeEach(async () => {
      ({ store, done } = await open());
    });
    afterEach(async () => done());

    it('counts a message delivered to both instances at once once: the limit of them is answered, no notice', async () => {
      const [a, b] = [service(store, true), service(store, true)];
      for (let i = 1; i <= LIMIT; i++) {
        const m = tg('c', `n${i}`, `忻州 ${i}`);
        const r = await Promise.all([a.accept(m), b.accept(m)]);
        expect(r.map((x) => x.duplicate).sort()).toEqual([false, true]);
      }
      expect(await b.accept(tg('c', 'n2', '忻州 2'))).toEqual({ duplicate: true }); // once more, at the limit
      expect(await sent(store, 'chat-c')).toEqual(['reply', 'reply', 'reply']);
      await a.accept(tg('c', 'n4', '忻州 4'));
      expect(await sent(store, 'chat-c')).toEqual(['rate_limited']);
      await Promise.all([a.drain(), b.drain()]);
    });
  });
}

sharedCases('SQLite', async () => {
  const store = await openStore({ dataDir: ':memory:' });
  return { store, done: () => store.close() };
});

if (uri)
  sharedCases('MongoDB', async () => {
    const prefix = `rl${randomBytes(4).toString('hex')}_`;
    const conn = await connectMongo({ uri, dbName: 'jiuyi_test' });
    await migrateMongo(conn, { prefix, retentionDays: 30 });
    const store = await openMongoStore({ uri, dbName: 'jiuyi_test', prefix, retentionDays: 30 });
    return {
      store,
      done: async () => {
        await store.close();
        for (const c of await conn.db!.listCollections({}, { nameOnly: true }).toArray())
          if (c.name.startsWith(prefix)) await conn.db!.dropCollection(c.name).catch(() => undefined);
        await conn.close();
      },
    };
  });
else describe.skip('two instances, the limit counted in the store (MongoDB: skipped, MONGODB_URI is not set)', () => it('', () => undefined));

// The limiter in memory under sustained load: what it remembers expires as time passes, whatever its size,
// and a hit's work does not grow with it. (It used to sweep both maps whole on every hit once 100,000 ids
// were remembered within ten minutes: `--http` fell from ~2,900 to ~400 requests a second at 100,000 messages.)
describe('RateLimiter (one instance, in memory) under sustained load', () => {
  const users = Array.from({ length: 5000 }, (_, i) => `api:user-${i}`);

  it('forgets ids and windows once expired, however few it holds', () => {
    const l = new RateLimiter(1_000_000);
    for (let i = 0; i < 1000; i++) l.hit(users[i % users.length]!, T0 + i, `m${i}`);
    expect(l.remembered).toBe(1000);
    expect(l.keys).toBe(1000);
    l.hit(users[0]!, T0 + 60_000 + 500, 'n1'); // the first 501 windows are over
    expect(l.keys).toBe(1000 - 501 + 1);
    expect(l.remembered).toBe(1001);
    l.hit(users[0]!, T0 + 998 + SEEN_MS, 'n2'); // every id of the first pass expired but the last
    expect(l.remembered).toBe(1 + 1 + 1); // m999, n1, n2
    expect(l.keys).toBe(1);
    // what was forgotten counts again; what was not, does not
    expect(l.hit(users[1]!, T0 + 998 + SEEN_MS, 'm1').counted).toBe(true);
    expect(l.hit(users[0]!, T0 + 998 + SEEN_MS, 'n1').counted).toBe(false);
  });

  it("a hit's work does not grow with the ids remembered (100,001 in the last ten minutes)", () => {
    const l = new RateLimiter(1_000_000);
    const n = 100_001;
    for (let i = 0; i < n; i++) l.hit(users[i % users.length]!, T0 + i * 5, `b-${i}`); // 200 a second, all still remembered
    const steps = mapSteps(() => {
      for (let i = n; i < n + 50; i++) l.hit(users[i % users.length]!, T0 + i * 5, `b-${i}`);
    });
    expect(steps).toBeLessThan(50 * 4); // a look at each map's head; a sweep would be 100,000 a hit
    expect(l.remembered).toBe(n + 50);
    expect(l.hit(users[0]!, T0 + n * 5 + 250, 'b-0').counted).toBe(false); // still remembered: counted once
  });

  it('remembers at most maxSeen ids, forgetting the oldest first', () => {
    const l = new RateLimiter(100, 60_000, 3);
    for (let i = 1; i <= 5; i++) expect(l.hit('u', T0 + i, `m${i}`).counted).toBe(true);
    expect(l.remembered).toBe(3);
    expect(l.hit('u', T0 + 10, 'm5').counted).toBe(false);
    expect(l.hit('u', T0 + 10, 'm3').counted).toBe(false);
    expect(l.hit('u', T0 + 10, 'm1').counted).toBe(true); // forgotten: counted again, as after SEEN_MS
  });
});
