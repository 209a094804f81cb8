// The MongoDB store when the server answers a write with the error of a race it could not order (FerretDB's
// "deadlock detected"): the write is tried again and the operation completes, once — never an error for the
// caller, never a line or a reply twice. The errors are made to happen by a loopback proxy in front of the
// server (test/support/mongo-faults.ts); the server itself is the one CI runs (FerretDB). Runs when
// MONGODB_URI is set, like mongo.test.ts.
import { randomBytes } from 'node:crypto';
import type { Store } from '../../src/store/port';
import { dropPrefixed, faultyMongoStore, on, type MongoFaults } from '../support/mongo-faults';
import { inbound as baseInbound, T0 } from './contract';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)
if (!uri && process.env.JIUYI_REQUIRE_MONGO) throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not');

const inbound = (messageId: string) => baseInbound({ messageId, text: '我在忻州，透析去哪' });

(uri ? describe : describe.skip)(`mongo store: writes that lose a race are tried again${uri ? '' : ' (skipped: MONGODB_URI is not set)'}`, () => {
  const prefix = `f${randomBytes(4).toString('hex')}_`;
  let faults: MongoFaults;
  let store: Store;

  beforeAll(async () => {
    ({ store, faults } = await faultyMongoStore(uri!, prefix));
  });

  afterAll(async () => {
    await store?.close();
    await faults?.close();
    await dropPrefixed(uri!, prefix);
  });

  it('finishes a turn whose mark on the message loses a race (the other instance inserting the same message)', async () => {
    // what failed in the two-instance test: the update marking the message processed, while the other
    // instance's insert of the same update (a duplicate delivery) was refused
    expect((await store.beginTurn(inbound('d1'), 'telegram:u1')).duplicate).toBe(false);
    expect((await store.beginTurn(inbound('d1'), 'telegram:u1')).duplicate).toBe(true);
    faults.fail({ when: on('findAndModify', 'inbound'), times: 2 });
    faults.fail({ when: on('insert', 'messages'), times: 1 });
    const before = faults.injected.length;
    const saved = await store.finishTurn({
      sessionKey: 'telegram:u1',
      session: { turns: 1 },
      expect: null,
      now: T0 + 5,
      inbound: inbound('d1'),
      summary: { intent: 'find_facility', urgent: false, handoff: false, redactedText: '我在忻州，透析去哪' },
      lines: [{ from: 'bot', text: '忻州市人民医院', at: T0 + 5 }],
      outbox: [{ channel: 'telegram', chat: 'c1', text: '忻州市人民医院', urgent: false, quickReplies: [], createdAt: T0 + 5, dedupeKey: 'reply:telegram:d1' }],
    });
    expect(faults.injected.length - before).toBe(3); // the errors did happen
    expect(saved).toBe(true);
    expect((await store.inboundOutcome('telegram', 'd1'))?.processed).toBe(true);
    expect((await store.recentMessages('telegram', 'u1', 10)).map((l) => l.from)).toEqual(['user', 'bot']); // each once
    expect(await store.outboxDepth('telegram')).toBe(1);
  });

  it('counts a hit whose counter update loses a race', async () => {
    const w = T0 - (T0 % 60_000);
    expect(await store.countHit('rate:user:telegram:u9', w, 60_000)).toBe(1);
    faults.fail({ when: on('findAndModify', 'counters'), times: 2 });
    expect(await store.countHit('rate:user:telegram:u9', w, 60_000)).toBe(2);
    expect(await store.countHit('rate:user:telegram:u9', w, 60_000)).toBe(3);
  });

  it('leases, marks sent and defers outbox items whose writes lose races', async () => {
    for (const k of ['o1', 'o2'])
      await store.enqueue({ channel: 'telegram', chat: `chat-${k}`, text: k, urgent: false, quickReplies: [], createdAt: T0, dedupeKey: `reply:telegram:${k}` });
    faults.fail({ when: on('findAndModify', 'outbox'), times: 1 });
    const [first] = await store.claimDue('telegram', T0 + 10, 1, 30_000);
    expect(first).toBeDefined();
    faults.fail({ when: on('update', 'outbox'), times: 1 });
    faults.fail({ when: on('update', 'chat_holds'), times: 1 });
    await store.markSent(first!.id, T0 + 11, { channel: 'telegram', chat: first!.chat, until: T0 + 1011 });
    expect((await store.getOutboxItem(first!.id))?.state).toBe('sent');
    const [second] = await store.claimDue('telegram', T0 + 20, 1, 30_000);
    faults.fail({ when: on('update', 'outbox'), times: 1 });
    await store.defer(second!.id, T0 + 500);
    expect(await store.getOutboxItem(second!.id)).toMatchObject({ state: 'pending', notBefore: T0 + 500, leaseUntil: 0, attempts: 0 });
  });

  it('gives an item another instance leased first over for the next one, rather than nothing', async () => {
    // Two instances looking at once see the same head of the queue; the one whose lease loses takes the next.
    for (const k of ['r1', 'r2', 'r3'])
      await store.enqueue({ channel: 'wecom', chat: `chat-${k}`, text: k, urgent: false, quickReplies: [], createdAt: T0, dedupeKey: `reply:wecom:${k}` });
    // the other instance's lease lands between this one's read of the queue and its own lease: r1 is gone
    faults.fail({
      when: on('findAndModify', 'outbox'),
      times: 1,
      reply: { ok: 1, value: null, lastErrorObject: { n: 0, updatedExisting: false } },
    });
    const got = await store.claimDue('wecom', T0 + 10, 1, 30_000);
    expect(got.map((i) => i.text)).toEqual(['r2']);
    expect((await store.claimDue('wecom', T0 + 10, 5, 30_000)).map((i) => i.text)).toEqual(['r1', 'r3']);
  });
});
