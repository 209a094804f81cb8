// The store contract, continued: what several instances on one store rely on (versioned sessions, a turn's
// writes in one operation, one open ticket per conversation, shared counters, chat holds, instances).
// Concurrent calls here race as two instances would: on MongoDB each goes to the server on its own.
import type { Inbound } from '../../src/core/types';
import type { Store } from '../../src/store/port';
import { inbound as baseInbound, T0, type StoreHarness } from './contract';

/** A message without personal data (the contract's own carries a phone number). */
const inbound = (over: Partial<Inbound> = {}): Inbound => baseInbound({ text: '我在忻州，透析去哪', ...over });

const ticket = (user: string) => ({ channel: 'telegram' as const, user, chat: `chat-${user}`, reason: 'requested', urgent: false, lastMessages: [] });

export function sharedStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name} store contract: several instances`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('saves a session only if its version is the one read', async () => {
      expect(await store.readSession('api:a')).toBeNull();
      expect(await store.saveSession('api:a', { turns: 1 }, T0, null)).toBe(true);
      expect(await store.saveSession('api:a', { turns: 9 }, T0, null)).toBe(false); // someone created it first
      const s1 = await store.readSession('api:a');
      expect(s1).toEqual({ session: { turns: 1 }, version: expect.any(Number) });
      expect(await store.saveSession('api:a', { turns: 2 }, T0 + 1, s1!.version)).toBe(true);
      expect(await store.saveSession('api:a', { turns: 3 }, T0 + 2, s1!.version)).toBe(false); // it moved on
      const s2 = await store.readSession('api:a');
      expect(s2!.session).toEqual({ turns: 2 });
      expect(s2!.version).toBeGreaterThan(s1!.version);
      expect(await store.saveSession('api:a', { turns: 4 }, T0 + 3)).toBe(true); // unconditional
      expect(await store.loadSession('api:a')).toEqual({ turns: 4 });
    });

    it('lets one of many racing conditional saves through', async () => {
      await store.saveSession('api:race', { turns: 0 }, T0, null);
      const { version } = (await store.readSession('api:race'))!;
      const saved = await Promise.all(Array.from({ length: 8 }, (_, i) => store.saveSession('api:race', { turns: i + 1 }, T0 + 1, version)));
      expect(saved.filter(Boolean)).toHaveLength(1);
      const fresh = Array.from({ length: 6 }, (_, i) => store.saveSession('api:new', { turns: i }, T0, null));
      expect((await Promise.all(fresh)).filter(Boolean)).toHaveLength(1);
    });

    it('begins a turn (recorded, session read) and finishes it in one operation', async () => {
      const first = await store.beginTurn(inbound(), 'telegram:u1');
      expect(first).toEqual({ duplicate: false, stored: null });
      expect((await store.beginTurn(inbound(), 'telegram:u1')).duplicate).toBe(true);
      const write = {
        sessionKey: 'telegram:u1',
        session: { turns: 1, locality: 'xinzhou' },
        expect: null,
        now: T0 + 5,
        inbound: inbound(),
        summary: { intent: 'find_facility', locality: 'xinzhou', urgent: false, handoff: false, redactedText: '我在忻州，透析去哪', outcome: '{"reply":null}' },
        lines: [{ from: 'bot' as const, text: '忻州市人民医院', at: T0 + 5 }],
        outbox: [{ channel: 'telegram' as const, chat: 'c1', text: '忻州市人民医院', urgent: false, quickReplies: [], createdAt: T0 + 5, dedupeKey: 'reply:telegram:m1' }],
      };
      expect(await store.finishTurn(write)).toBe(true);
      expect(await store.inboundOutcome('telegram', 'm1')).toEqual({ processed: true, outcome: '{"reply":null}' });
      expect((await store.unprocessedInbound()).length).toBe(0);
      expect(await store.recentMessages('telegram', 'u1', 10)).toEqual([
        { from: 'user', text: '我在忻州，透析去哪', at: T0 },
        { from: 'bot', text: '忻州市人民医院', at: T0 + 5 },
      ]);
      expect(await store.outboxDepth('telegram')).toBe(1);
      // a stale turn (the session moved on since it was read) writes nothing at all
      const stale = { ...write, inbound: inbound({ messageId: 'm2' }), lines: [{ from: 'bot' as const, text: 'stale', at: T0 + 6 }] };
      await store.beginTurn(inbound({ messageId: 'm2' }), 'telegram:u1');
      expect(await store.finishTurn({ ...stale, outbox: [{ ...write.outbox[0]!, dedupeKey: 'reply:telegram:m2' }] })).toBe(false);
      expect(await store.loadSession('telegram:u1')).toEqual({ turns: 1, locality: 'xinzhou' });
      expect((await store.recentMessages('telegram', 'u1', 10)).map((l) => l.text)).not.toContain('stale');
      expect(await store.outboxDepth('telegram')).toBe(1);
      expect((await store.inboundOutcome('telegram', 'm2'))?.processed).toBe(false);
      const again = await store.beginTurn(inbound({ messageId: 'm3' }), 'telegram:u1');
      expect(again.stored?.session).toEqual({ turns: 1, locality: 'xinzhou' });
      expect(await store.finishTurn({ ...stale, expect: again.stored!.version, outbox: [] })).toBe(true);
      expect((await store.recentMessages('telegram', 'u1', 10)).map((l) => l.from)).toEqual(['user', 'bot', 'user', 'bot']);
    });

    it('keeps one open ticket per conversation, however many ask at once', async () => {
      const opened = await Promise.all(Array.from({ length: 8 }, () => store.openTicket(ticket('u1'), T0)));
      expect(opened.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(opened.map((r) => r.ticket.id)).size).toBe(1);
      expect(opened.every((r) => r.ticket.user === 'u1' && r.ticket.chat === 'chat-u1')).toBe(true);
      const id = opened[0]!.ticket.id;
      await store.updateTicket(id, { state: 'claimed', claimedBy: 'wang' }, T0 + 1);
      expect(await store.openTicket(ticket('u1'), T0 + 2)).toMatchObject({ created: false, ticket: { id, state: 'claimed' } });
      expect((await store.openTicket(ticket('u2'), T0 + 2)).created).toBe(true);
      await store.updateTicket(id, { state: 'closed' }, T0 + 3);
      const next = await store.openTicket(ticket('u1'), T0 + 4);
      expect(next.created).toBe(true);
      expect(next.ticket.id).not.toBe(id);
      expect((await store.listTickets({ state: ['open', 'claimed'] })).map((t) => t.user).sort()).toEqual(['u1', 'u2']);
    });

    it('raises a ticket\'s escalation level once, whoever sweeps', async () => {
      const { ticket: t } = await store.openTicket({ ...ticket('u1'), urgent: true }, T0);
      const raised = await Promise.all([1, 2, 3].map(() => store.updateTicket(t.id, { level: 1 }, T0 + 1, ['open'], 0)));
      expect(raised.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.updateTicket(t.id, { level: 2 }, T0 + 2, ['open'], 1)).toMatchObject({ level: 2 });
    });

    it('counts hits per key and window, each racing hit counted once', async () => {
      const W = 60_000;
      expect(await store.countHit('user:a', T0, W)).toBe(1);
      expect(await store.countHit('user:a', T0, W, 3)).toBe(4);
      expect(await store.countHit('user:b', T0, W)).toBe(1);
      expect(await store.countHit('user:a', T0 + W, W)).toBe(1);
      const counts = await Promise.all(Array.from({ length: 12 }, () => store.countHit('user:c', T0, W)));
      expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it('counts a message id once per key, whoever gives it and in whichever window while it is remembered', async () => {
      const W = 60_000;
      const SEEN = 10 * W;
      expect(await store.countOnce('user:o', 'm1', T0, W, SEEN)).toEqual({ n: 1, counted: true });
      expect(await store.countOnce('user:o', 'm1', T0, W, SEEN)).toEqual({ n: 1, counted: false });
      expect(await store.countOnce('user:o', 'm2', T0, W, SEEN)).toEqual({ n: 2, counted: true });
      expect(await store.countOnce('user:o', 'm1', T0 + W, W, SEEN)).toEqual({ n: 0, counted: false }); // the next minute
      expect(await store.countOnce('user:p', 'm1', T0, W, SEEN)).toEqual({ n: 1, counted: true }); // another user's
      const racing = await Promise.all(Array.from({ length: 8 }, () => store.countOnce('user:q', 'm1', T0, W, SEEN)));
      expect(racing.filter((r) => r.counted)).toHaveLength(1);
      expect(await store.countHit('user:q', T0, W, -1)).toBe(0); // taken back
    });

    it('holds a chat after a send: its next reply waits, other chats do not', async () => {
      const item = (chat: string, text: string) => ({ channel: 'telegram' as const, chat, text, urgent: false, quickReplies: [], createdAt: T0 });
      const { id } = await store.enqueue(item('c1', 'first'));
      await store.enqueue(item('c1', 'second'));
      await store.enqueue(item('c2', 'other'));
      const claimed = await store.claimDue('telegram', T0, 10, 30_000);
      expect(claimed.map((i) => i.text).sort()).toEqual(['first', 'other']);
      await store.markSent(id, T0 + 20, { channel: 'telegram', chat: 'c1', until: T0 + 1020 });
      expect(await store.claimDue('telegram', T0 + 1019, 10, 30_000)).toEqual([]);
      expect((await store.claimDue('telegram', T0 + 1020, 10, 30_000)).map((i) => i.text)).toEqual(['second']);
    });

    it('knows the instances alive', async () => {
      const me = { id: 'i-1', host: 'h', pid: 1, startedAt: T0 };
      const now = Date.now();
      expect((await store.heartbeat(me, now, 10_000)).map((i) => i.id)).toContain('i-1');
      await store.leave('i-1');
      if (store.kind === 'mongo') {
        await store.heartbeat(me, now, 10_000);
        const other = await store.heartbeat({ ...me, id: 'i-2', startedAt: T0 + 1 }, now, 10_000);
        expect(other.map((i) => i.id)).toEqual(['i-1', 'i-2']);
        await store.leave('i-1');
        expect((await store.heartbeat({ ...me, id: 'i-2', startedAt: T0 + 1 }, now, 10_000)).map((i) => i.id)).toEqual(['i-2']);
      }
    });
  });
}
