// The store contract: one suite, run against every adapter (sqlite.test.ts, mongo.test.ts).
import type { Inbound } from '../../src/core/types';
import type { Store } from '../../src/store/port';

export interface StoreHarness {
  /** A fresh, empty store. */
  open(): Promise<Store>;
  /** Closes `store` and opens the same database again (a restart); omit when the adapter cannot. */
  reopen?(store: Store): Promise<Store>;
}

// (far in the future: a MongoDB TTL index drops what a past date made expired — rate counters, send holds, staff
// sessions by `dropAt` — at any moment of a run)
export const T0 = Date.UTC(2099, 10, 23, 4, 0, 0);

export const inbound = (over: Partial<Inbound> = {}): Inbound => ({
  channel: 'telegram',
  messageId: 'm1',
  user: 'u1',
  chat: 'c1',
  kind: 'text',
  text: '我在忻州，电话13912345678，透析去哪',
  sentAt: T0,
  ...over,
});

/** A new ticket, which it must be (the conversation has no open one). */
export async function openTicket(store: Store, ...args: Parameters<Store['openTicket']>) {
  const r = await store.openTicket(...args);
  expect(r.created).toBe(true);
  return r.ticket;
}

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('inbound log', () => {
      it('records a message once per channel and message id', async () => {
        expect(await store.recordInbound(inbound())).toEqual({ duplicate: false });
        expect(await store.recordInbound(inbound())).toEqual({ duplicate: true });
        expect(await store.recordInbound(inbound({ channel: 'wecom' }))).toEqual({ duplicate: false });
        expect(await store.recordInbound(inbound({ messageId: 'm2' }))).toEqual({ duplicate: false });
      });

      it('keeps the outcome given with a processed message, for a retry with the same id', async () => {
        expect(await store.inboundOutcome('api', 'x')).toBeNull();
        await store.recordInbound(inbound({ channel: 'api', messageId: 'x' }));
        expect(await store.inboundOutcome('api', 'x')).toEqual({ processed: false, outcome: null });
        const summary = { intent: 'find_facility', urgent: false, handoff: false, redactedText: '…' };
        await store.markProcessed('api', 'x', { ...summary, outcome: '{"reply":{"parts":["忻州市人民医院"]}}' });
        expect(await store.inboundOutcome('api', 'x')).toEqual({ processed: true, outcome: '{"reply":{"parts":["忻州市人民医院"]}}' });
        await store.recordInbound(inbound({ channel: 'api', messageId: 'y' }));
        await store.markProcessed('api', 'y', summary);
        expect(await store.inboundOutcome('api', 'y')).toEqual({ processed: true, outcome: null });
      });

      it('keeps unprocessed messages in full for resumption, oldest first, until processed', async () => {
        await store.recordInbound(inbound({ messageId: 'b', sentAt: T0 + 2 }));
        await store.recordInbound(inbound({ messageId: 'a', sentAt: T0 + 1, location: { latitude: 38.4, longitude: 112.7 } }));
        const pending = await store.unprocessedInbound();
        expect(pending.map((m) => m.messageId)).toEqual(['a', 'b']);
        expect(pending[0]).toEqual(inbound({ messageId: 'a', sentAt: T0 + 1, location: { latitude: 38.4, longitude: 112.7 } }));
        expect((await store.unprocessedInbound({ before: T0 + 2 })).map((m) => m.messageId)).toEqual(['a']);
        expect(await store.unprocessedInbound({ limit: 1 })).toHaveLength(1);

        await store.markProcessed('telegram', 'a', {
          intent: 'find_facility',
          locality: 'xinzhou',
          urgent: false,
          handoff: false,
          redactedText: '我在忻州，电话[电话]，透析去哪',
        });
        expect((await store.unprocessedInbound()).map((m) => m.messageId)).toEqual(['b']);
        // still a duplicate after processing
        expect(await store.recordInbound(inbound({ messageId: 'a' }))).toEqual({ duplicate: true });
      });

      it('keeps the redacted text as the conversation, with bot and staff lines, oldest first', async () => {
        await store.recordInbound(inbound({ messageId: 'a', sentAt: T0 }));
        await store.markProcessed('telegram', 'a', {
          intent: 'find_facility',
          urgent: false,
          handoff: false,
          redactedText: '电话[电话]',
        });
        // marking it processed again (a retry) does not repeat the user's line
        await store.markProcessed('telegram', 'a', { intent: 'find_facility', urgent: false, handoff: false, redactedText: '电话[电话]' });
        await store.markProcessed('telegram', 'unknown', { intent: 'x', urgent: false, handoff: false, redactedText: 'y' });
        await store.appendMessage('telegram', 'u1', { from: 'bot', text: '请拨打120', at: T0 + 10 });
        await store.appendMessage('telegram', 'u1', { from: 'staff', text: '我是值班人员', at: T0 + 20 });
        await store.appendMessage('telegram', 'u2', { from: 'bot', text: 'other user', at: T0 + 30 });
        await store.appendMessage('wecom', 'u1', { from: 'bot', text: 'other channel', at: T0 + 40 });

        expect(await store.recentMessages('telegram', 'u1', 10)).toEqual([
          { from: 'user', text: '电话[电话]', at: T0 },
          { from: 'bot', text: '请拨打120', at: T0 + 10 },
          { from: 'staff', text: '我是值班人员', at: T0 + 20 },
        ]);
        expect((await store.recentMessages('telegram', 'u1', 2)).map((l) => l.from)).toEqual(['bot', 'staff']);
        expect(await store.recentMessages('telegram', 'nobody', 5)).toEqual([]);
      });
    });

    describe('sessions', () => {
      it('saves, loads and overwrites a session', async () => {
        expect(await store.loadSession('telegram:u1')).toBeNull();
        await store.saveSession('telegram:u1', { turns: 1, locality: 'xinzhou' }, T0);
        expect(await store.loadSession('telegram:u1')).toEqual({ turns: 1, locality: 'xinzhou' });
        const s2 = { turns: 2, locality: 'jinjiang', handoff: { since: T0, reason: 'urgent:labour', ticketId: 't1' } };
        await store.saveSession('telegram:u1', s2, T0 + 1);
        expect(await store.loadSession('telegram:u1')).toEqual(s2);
        expect(await store.loadSession('telegram:u2')).toBeNull();
      });

      if (harness.reopen) {
        it('keeps sessions, tickets, status, outbox, mailbox and kv across a restart', async () => {
          await store.saveSession('api:alice', { turns: 3, locality: 'xinzhou', audience: 'sealed_zone' }, T0);
          const t = await openTicket(store, 
            { channel: 'api', user: 'alice', chat: 'alice', reason: 'urgent:labour', urgent: true, lastMessages: [] },
            T0,
          );
          await store.setFacilityStatus('xinzhou/people_hospital', { state: 'full' }, T0);
          const { id } = await store.enqueue({ channel: 'telegram', chat: 'c', text: 'hi', urgent: false, quickReplies: [], createdAt: T0 });
          await store.set('kf:cursor', 'abc');
          await store.recordInbound(inbound());
          await store.mailboxPut('web', 'alice', { id: 'mb1', text: '值班医生回复', urgent: false, quickReplies: [], kind: 'staff', at: T0 });

          store = await harness.reopen!(store);
          expect(await store.loadSession('api:alice')).toEqual({ turns: 3, locality: 'xinzhou', audience: 'sealed_zone' });
          expect((await store.getTicket(t.id))?.reason).toBe('urgent:labour');
          expect((await store.getStatus()).facilities['xinzhou/people_hospital']?.state).toBe('full');
          expect((await store.getOutboxItem(id))?.state).toBe('pending');
          expect(await store.get('kf:cursor')).toBe('abc');
          expect((await store.mailboxTake('web', 'alice', 10)).map((m) => m.text)).toEqual(['值班医生回复']);
          expect(await store.recordInbound(inbound())).toEqual({ duplicate: true });
          expect(await store.unprocessedInbound()).toHaveLength(1);
        });
      }
    });

    describe('tickets', () => {
      const newTicket = (user = 'u1', urgent = true) => ({
        channel: 'telegram' as const,
        user,
        chat: `chat-${user}`,
        locality: 'jinjiang',
        reason: urgent ? 'urgent:chest_pain' : 'requested',
        urgent,
        lastMessages: [{ from: 'user' as const, text: '胸口痛', at: T0 }],
      });

      it('creates a ticket open at level 0 and reads it back', async () => {
        const t = await openTicket(store, newTicket(), T0);
        expect(t).toMatchObject({ state: 'open', level: 0, createdAt: T0, updatedAt: T0, urgent: true });
        expect(t.id).toMatch(/^\S{6,}$/);
        expect(t.claimedBy).toBeUndefined();
        expect(await store.getTicket(t.id)).toEqual(t);
        expect(await store.getTicket('missing')).toBeNull();
      });

      it('claims with compare-and-set: a second claim fails', async () => {
        const t = await openTicket(store, newTicket(), T0);
        const claimed = await store.updateTicket(t.id, { state: 'claimed', claimedBy: 'staff-a' }, T0 + 5, ['open']);
        expect(claimed).toMatchObject({ state: 'claimed', claimedBy: 'staff-a', updatedAt: T0 + 5, createdAt: T0 });
        expect(await store.updateTicket(t.id, { state: 'claimed', claimedBy: 'staff-b' }, T0 + 6, ['open'])).toBeNull();
        expect((await store.getTicket(t.id))?.claimedBy).toBe('staff-a');
        expect(await store.updateTicket('missing', { state: 'closed' }, T0)).toBeNull();
        const escalated = await store.updateTicket(t.id, { level: 1 }, T0 + 7);
        expect(escalated?.level).toBe(1);
        expect(escalated?.lastMessages).toEqual(newTicket().lastMessages);
      });

      it('lists by state, urgency and age, newest first, and finds a user\'s open ticket', async () => {
        const a = await openTicket(store, newTicket('a', true), T0);
        const b2 = await openTicket(store, newTicket('b', false), T0 + 10);
        const c = await openTicket(store, newTicket('c', true), T0 + 20);
        await store.updateTicket(c.id, { state: 'closed' }, T0 + 30);

        expect((await store.listTickets()).map((t) => t.id)).toEqual([c.id, b2.id, a.id]);
        expect((await store.listTickets({ state: 'open' })).map((t) => t.id)).toEqual([b2.id, a.id]);
        expect((await store.listTickets({ state: ['open', 'closed'], urgent: true })).map((t) => t.id)).toEqual([c.id, a.id]);
        expect((await store.listTickets({ state: 'open', createdBefore: T0 + 10 })).map((t) => t.id)).toEqual([a.id]);
        expect(await store.listTickets({ limit: 1 })).toHaveLength(1);

        expect((await store.openTicketFor('telegram', 'a'))?.id).toBe(a.id);
        expect(await store.openTicketFor('telegram', 'c')).toBeNull();
        expect(await store.openTicketFor('wecom', 'a')).toBeNull();
        await store.updateTicket(a.id, { state: 'claimed', claimedBy: 's' }, T0 + 40);
        expect((await store.openTicketFor('telegram', 'a'))?.state).toBe('claimed');
      });
    });

    describe('live status', () => {
      it('sets, overwrites and clears a facility status', async () => {
        expect(await store.getStatus()).toEqual({ facilities: {} });
        await store.setFacilityStatus('longkou/clinic_a', { state: 'open', load: 'yellow', note: '排队较长' }, T0);
        await store.setFacilityStatus('jinjiang/hospital', { state: 'full' }, T0 + 1000);
        expect(await store.getStatus()).toEqual({
          facilities: {
            'longkou/clinic_a': { state: 'open', load: 'yellow', note: '排队较长', updatedAt: new Date(T0).toISOString() },
            'jinjiang/hospital': { state: 'full', updatedAt: new Date(T0 + 1000).toISOString() },
          },
        });
        await store.setFacilityStatus('longkou/clinic_a', { state: 'closed' }, T0 + 2000);
        expect((await store.getStatus()).facilities['longkou/clinic_a']).toEqual({
          state: 'closed',
          updatedAt: new Date(T0 + 2000).toISOString(),
        });
        await store.clearFacilityStatus('jinjiang/hospital');
        expect(Object.keys((await store.getStatus()).facilities)).toEqual(['longkou/clinic_a']);
      });
    });

    describe('outbox', () => {
      const item = (chat: string, text: string, over: Record<string, unknown> = {}) => ({
        channel: 'telegram' as const,
        chat,
        text,
        urgent: false,
        quickReplies: [],
        createdAt: T0,
        ...over,
      });

      it('enqueues once per dedupe key', async () => {
        const a = await store.enqueue(item('c1', 'reply', { dedupeKey: 'reply:telegram:m1:0' }));
        const b2 = await store.enqueue(item('c1', 'reply again', { dedupeKey: 'reply:telegram:m1:0' }));
        expect(a.duplicate).toBe(false);
        expect(b2).toEqual({ id: a.id, duplicate: true });
        expect(await store.outboxDepth()).toBe(1);
        expect((await store.getOutboxItem(a.id))?.text).toBe('reply');
      });

      it('claims urgent first, then oldest, one head item per chat, parts in order', async () => {
        await store.enqueue(item('c1', 'c1 part 1', { createdAt: T0 }));
        await store.enqueue(item('c1', 'c1 part 2', { createdAt: T0 }));
        await store.enqueue(item('c2', 'c2 old', { createdAt: T0 - 100 }));
        await store.enqueue(item('c3', 'c3 urgent', { createdAt: T0 + 50, urgent: true, quickReplies: [{ label: '是', value: 'yes' }], meta: { replyTo: 7 } }));
        await store.enqueue(item('c4', 'other channel', { channel: 'wecom' }));

        const first = await store.claimDue('telegram', T0 + 100, 10, 30_000);
        expect(first.map((i) => i.text)).toEqual(['c3 urgent', 'c2 old', 'c1 part 1']);
        expect(first[0]).toMatchObject({ attempts: 1, urgent: true, quickReplies: [{ label: '是', value: 'yes' }], meta: { replyTo: 7 }, channel: 'telegram', chat: 'c3' });
        // leased: not claimable again, and part 2 waits for part 1
        expect(await store.claimDue('telegram', T0 + 100, 10, 30_000)).toEqual([]);
        await store.markSent(first[2]!.id, T0 + 101);
        expect((await store.claimDue('telegram', T0 + 102, 10, 30_000)).map((i) => i.text)).toEqual(['c1 part 2']);
        expect(await store.outboxDepth('telegram')).toBe(3);
        expect(await store.outboxDepth('wecom')).toBe(1);
        expect(await store.outboxDepth()).toBe(4);
      });

      it('an urgent item jumps ahead of its own chat\'s backlog', async () => {
        await store.enqueue(item('c1', 'routine', { createdAt: T0 }));
        await store.enqueue(item('c1', 'call 120', { createdAt: T0 + 1, urgent: true }));
        expect((await store.claimDue('telegram', T0 + 2, 1, 1000)).map((i) => i.text)).toEqual(['call 120']);
      });

      it('respects limit and notBefore', async () => {
        await store.enqueue(item('a', 'now'));
        await store.enqueue(item('b', 'later', { notBefore: T0 + 5000 }));
        await store.enqueue(item('c', 'now too'));
        expect(await store.claimDue('telegram', T0, 1, 1000)).toHaveLength(1);
        expect((await store.claimDue('telegram', T0, 10, 1000)).map((i) => i.text)).toEqual(['now too']);
        expect(await store.nextDue('telegram')).toBe(T0 + 1000); // the earliest lease ends before 'later' is due
        expect((await store.claimDue('telegram', T0 + 5000, 10, 1000)).map((i) => i.text).sort()).toEqual(['later', 'now', 'now too']);
        expect(await store.nextDue('wecom')).toBeNull();
      });

      it('an expired lease makes an item due again (a worker that crashed), counting attempts', async () => {
        const { id } = await store.enqueue(item('c1', 'hello'));
        const [a] = await store.claimDue('telegram', T0, 10, 30_000);
        expect(a?.attempts).toBe(1);
        expect(await store.claimDue('telegram', T0 + 29_999, 10, 30_000)).toEqual([]);
        const [b2] = await store.claimDue('telegram', T0 + 30_000, 10, 30_000);
        expect(b2?.id).toBe(id);
        expect(b2?.attempts).toBe(2);
        await store.markSent(id, T0 + 30_001);
        expect(await store.claimDue('telegram', T0 + 100_000, 10, 30_000)).toEqual([]);
        expect(await store.getOutboxItem(id)).toMatchObject({ state: 'sent', attempts: 2 });
        expect(await store.outboxDepth()).toBe(0);
      });

      it('retries after notBefore and keeps the error; dead letters are listed and never claimed', async () => {
        const { id } = await store.enqueue(item('c1', 'x'));
        await store.claimDue('telegram', T0, 10, 30_000);
        await store.markRetry(id, T0 + 2000, '429 Too Many Requests');
        expect(await store.claimDue('telegram', T0 + 1999, 10, 30_000)).toEqual([]);
        expect(await store.nextDue('telegram')).toBe(T0 + 2000);
        expect(await store.getOutboxItem(id)).toMatchObject({ state: 'pending', lastError: '429 Too Many Requests', notBefore: T0 + 2000, attempts: 1 });
        const [again] = await store.claimDue('telegram', T0 + 2000, 10, 30_000);
        expect(again?.attempts).toBe(2);
        await store.markDead(id, '403 bot was blocked by the user', T0 + 2001);
        expect(await store.claimDue('telegram', T0 + 999_999, 10, 30_000)).toEqual([]);
        const dead = await store.deadLetters();
        expect(dead).toHaveLength(1);
        expect(dead[0]).toMatchObject({ id, state: 'dead', lastError: '403 bot was blocked by the user', text: 'x' });
        expect(await store.outboxDepth()).toBe(0);
        expect(await store.nextDue('telegram')).toBeNull();
      });

      it('defers a claimed item without counting the attempt, holding back the chat\'s later items', async () => {
        const { id } = await store.enqueue(item('c1', 'first'));
        await store.enqueue(item('c1', 'second'));
        const [a] = await store.claimDue('telegram', T0, 10, 30_000);
        expect(a?.attempts).toBe(1);
        await store.defer(id, T0 + 1000);
        expect(await store.getOutboxItem(id)).toMatchObject({ state: 'pending', attempts: 0, notBefore: T0 + 1000, leaseUntil: 0 });
        expect(await store.claimDue('telegram', T0 + 999, 10, 30_000)).toEqual([]);
        expect(await store.nextDue('telegram')).toBe(T0 + 1000); // 'second' waits behind 'first'
        const [b2] = await store.claimDue('telegram', T0 + 1000, 10, 30_000);
        expect(b2).toMatchObject({ id, attempts: 1 });
      });

      it('a dead item in a chat does not block the chat\'s next item', async () => {
        const { id } = await store.enqueue(item('c1', 'first'));
        await store.enqueue(item('c1', 'second'));
        await store.claimDue('telegram', T0, 10, 1000);
        await store.markDead(id, 'bad request', T0);
        expect((await store.claimDue('telegram', T0, 10, 1000)).map((i) => i.text)).toEqual(['second']);
      });
    });

    describe('mailbox', () => {
      const msg = (id: string, at: number, text = id) => ({ id, text, urgent: false, quickReplies: [{ label: '忻州', value: 'xinzhou' }], kind: 'staff', at });

      it('keeps messages per channel and chat until taken, hands each out once, oldest first', async () => {
        await store.mailboxPut('web', 'alice', msg('m2', T0 + 2));
        await store.mailboxPut('web', 'alice', msg('m1', T0 + 1));
        await store.mailboxPut('web', 'alice', msg('m1', T0 + 1, 'again')); // the same id: nothing changes
        await store.mailboxPut('api', 'alice', msg('m3', T0 + 3));
        await store.mailboxPut('web', 'bob', msg('m4', T0 + 4));
        expect(await store.mailboxTake('web', 'alice', 10)).toEqual([msg('m2', T0 + 2), msg('m1', T0 + 1)]);
        expect(await store.mailboxTake('web', 'alice', 10)).toEqual([]);
        expect((await store.mailboxTake('api', 'alice', 10)).map((m) => m.id)).toEqual(['m3']);
        expect((await store.mailboxTake('web', 'bob', 10)).map((m) => m.text)).toEqual(['m4']);
      });

      it('takes at most the limit, leaving the rest for the next call, and never the same message twice', async () => {
        for (let i = 0; i < 5; i++) await store.mailboxPut('web', 'c', msg(`m${i}`, T0 + i));
        const [a, b] = await Promise.all([store.mailboxTake('web', 'c', 2), store.mailboxTake('web', 'c', 2)]);
        const rest = await store.mailboxTake('web', 'c', 10);
        expect(a).toHaveLength(2);
        expect(b).toHaveLength(2);
        expect([...a!, ...b!, ...rest].map((m) => m.id).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
      });
    });

    describe('key/value', () => {
      it('gets, sets, overwrites and deletes', async () => {
        expect(await store.get('k')).toBeNull();
        await store.set('k', 'v1');
        await store.set('k', 'v2');
        expect(await store.get('k')).toBe('v2');
        await store.delete('k');
        expect(await store.get('k')).toBeNull();
      });
    });

    describe('retention', () => {
      it('purges personal data older than the retention, keeping recent and open records', async () => {
        const DAY = 86_400_000;
        const old = T0 - 10 * DAY;
        await store.recordInbound(inbound({ messageId: 'old', sentAt: old }));
        await store.markProcessed('telegram', 'old', { intent: 'x', urgent: false, handoff: false, redactedText: 'old' });
        await store.recordInbound(inbound({ messageId: 'new', sentAt: T0 }));
        await store.saveSession('telegram:old', { turns: 1 }, old);
        await store.saveSession('telegram:new', { turns: 1 }, T0);
        const closedOld = await openTicket(store, { channel: 'telegram', user: 'o', chat: 'o', reason: 'requested', urgent: false, lastMessages: [] }, old);
        await store.updateTicket(closedOld.id, { state: 'closed' }, old);
        const openOld = await openTicket(store, { channel: 'telegram', user: 'p', chat: 'p', reason: 'requested', urgent: false, lastMessages: [] }, old);
        const sent = await store.enqueue({ channel: 'telegram', chat: 'c', text: 'a', urgent: false, quickReplies: [], createdAt: old });
        await store.claimDue('telegram', old, 10, 1000);
        await store.markSent(sent.id, old);
        const pending = await store.enqueue({ channel: 'telegram', chat: 'd', text: 'b', urgent: false, quickReplies: [], createdAt: old, notBefore: T0 + DAY });
        const mailed = { urgent: false, quickReplies: [], kind: 'staff' };
        await store.mailboxPut('web', 'w', { id: 'old', text: 'old', at: old, ...mailed });
        await store.mailboxPut('web', 'w', { id: 'new', text: 'new', at: T0, ...mailed });

        const counts = await store.purgeOlderThan(7 * DAY, T0);
        expect(counts).toEqual({ inbound: 1, messages: 1, sessions: 1, tickets: 1, outbox: 1, mailbox: 1 });
        expect((await store.mailboxTake('web', 'w', 10)).map((m) => m.id)).toEqual(['new']);
        expect(await store.recentMessages('telegram', 'u1', 10)).toEqual([]);
        expect(await store.loadSession('telegram:old')).toBeNull();
        expect(await store.loadSession('telegram:new')).toEqual({ turns: 1 });
        expect(await store.getTicket(closedOld.id)).toBeNull();
        expect(await store.getTicket(openOld.id)).not.toBeNull();
        expect(await store.getOutboxItem(sent.id)).toBeNull();
        expect(await store.getOutboxItem(pending.id)).not.toBeNull();
        expect((await store.unprocessedInbound()).map((m) => m.messageId)).toEqual(['new']);
      });
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
