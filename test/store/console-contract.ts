// The console's store contract (src/store/console-port.ts), run against every adapter with the main one.
import type { Store } from '../../src/store/port';
import type { StoreHarness } from './contract';

// (far in the future: a MongoDB TTL index drops what a past date made expired — staff sessions by `dropAt` — at any
// moment of a run, whatever the test is doing)
const T0 = Date.UTC(2099, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;

export function consoleStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name} store contract: the staff console`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps staff accounts with unique usernames, patches them, finds them by token hash', async () => {
      const a = await store.createStaff({ username: 'wang', displayName: '王医生', role: 'staff', passwordHash: '$argon2id$x' }, T0);
      expect(a).toEqual({ username: 'wang', displayName: '王医生', role: 'staff', passwordHash: '$argon2id$x', disabled: false, createdAt: T0, updatedAt: T0 });
      expect(await store.createStaff({ username: 'wang', displayName: 'other', role: 'admin', passwordHash: 'y' }, T0)).toBeNull();
      await store.createStaff({ username: 'li', displayName: '李主任', role: 'admin', passwordHash: 'z' }, T0);
      expect((await store.listStaff()).map((s) => s.username)).toEqual(['li', 'wang']);

      const up = await store.updateStaff('wang', { tokenHash: 'h1', disabled: true, displayName: '王医生2' }, T0 + 5);
      expect(up).toMatchObject({ username: 'wang', tokenHash: 'h1', disabled: true, displayName: '王医生2', role: 'staff', updatedAt: T0 + 5 });
      expect((await store.staffByTokenHash('h1'))?.username).toBe('wang');
      expect(await store.staffByTokenHash('nope')).toBeNull();
      const cleared = await store.updateStaff('wang', { tokenHash: null, disabled: false }, T0 + 6);
      expect(cleared?.tokenHash).toBeUndefined();
      expect(cleared?.disabled).toBe(false);
      expect(await store.staffByTokenHash('h1')).toBeNull();
      expect(await store.updateStaff('ghost', { disabled: true }, T0)).toBeNull();
      expect(await store.getStaff('ghost')).toBeNull();
    });

    it('keeps staff sessions by the hash of their id, and signs an account out everywhere', async () => {
      await store.createStaffSession({ idHash: 's1', username: 'wang', csrf: 'c1', createdAt: T0, expiresAt: T0 + HOUR });
      await store.createStaffSession({ idHash: 's2', username: 'wang', csrf: 'c2', createdAt: T0, expiresAt: T0 + 2 * HOUR });
      await store.createStaffSession({ idHash: 's3', username: 'li', csrf: 'c3', createdAt: T0, expiresAt: T0 + HOUR });
      expect(await store.getStaffSession('s1')).toEqual({ idHash: 's1', username: 'wang', csrf: 'c1', createdAt: T0, expiresAt: T0 + HOUR });
      await store.deleteStaffSession('s1');
      expect(await store.getStaffSession('s1')).toBeNull();
      expect(await store.deleteStaffSessionsOf('wang')).toBe(1);
      expect(await store.getStaffSession('s2')).toBeNull();
      expect(await store.getStaffSession('s3')).not.toBeNull();
      // expired sessions are purged
      const purged = await store.purgeConsoleData(30 * 24 * HOUR, T0 + 3 * HOUR);
      expect(purged.sessions).toBe(1);
      expect(await store.getStaffSession('s3')).toBeNull();
    });

    it('appends to the audit log and lists it newest first, filtered', async () => {
      await store.addAudit({ at: T0, actor: 'wang', action: 'claim', target: 't1', detail: { waitMs: 1200 } });
      await store.addAudit({ at: T0, actor: 'wang', action: 'reply', target: 't1' });
      await store.addAudit({ at: T0 + 10, actor: 'li', action: 'status', target: 'xz_hospital', detail: { state: 'full' } });
      const all = await store.listAudit();
      expect(all.map((e) => e.action)).toEqual(['status', 'reply', 'claim']);
      expect(all[2]).toMatchObject({ actor: 'wang', action: 'claim', target: 't1', detail: { waitMs: 1200 }, at: T0 });
      expect(all[1]!.detail).toBeUndefined();
      expect((await store.listAudit({ action: 'claim' })).map((e) => e.target)).toEqual(['t1']);
      expect((await store.listAudit({ target: 'xz_hospital' })).map((e) => e.actor)).toEqual(['li']);
      expect((await store.listAudit({ since: T0 + 1 })).map((e) => e.action)).toEqual(['status']);
      expect(await store.listAudit({ limit: 1 })).toHaveLength(1);
    });

    it('keeps one review item per message, lists pending and reviewed ones, and records the mark', async () => {
      const item = { at: T0, channel: 'web' as const, messageId: 'm1', locality: 'xinzhou', intent: 'fallback', reason: 'fallback' as const, text: '天气怎么样', reply: '我只能回答就医问题。' };
      const a = await store.addReviewItem(item);
      expect(a).toMatchObject({ ...item });
      expect(a.id).toMatch(/^\w+$/);
      const again = await store.addReviewItem({ ...item, text: 'changed' });
      expect(again.id).toBe(a.id);
      expect(again.text).toBe('天气怎么样');
      const b = await store.addReviewItem({ ...item, messageId: 'm2', at: T0 + 1, locality: undefined, reason: 'not_in_notice', intent: 'facility_hours' });
      expect(b.locality).toBeUndefined();
      expect((await store.listReviewItems({ state: 'pending' })).map((i) => i.messageId)).toEqual(['m2', 'm1']);

      const marked = await store.markReviewItem(a.id, { verdict: 'train', rightIntent: 'out_of_scope', reviewedBy: 'wang' }, T0 + 100);
      expect(marked).toMatchObject({ verdict: 'train', rightIntent: 'out_of_scope', reviewedBy: 'wang', reviewedAt: T0 + 100 });
      expect(marked?.note).toBeUndefined();
      expect((await store.listReviewItems({ state: 'pending' })).map((i) => i.messageId)).toEqual(['m2']);
      expect((await store.listReviewItems({ state: 'reviewed' })).map((i) => i.messageId)).toEqual(['m1']);
      expect((await store.listReviewItems({ verdict: ['train', 'wrong'] })).map((i) => i.messageId)).toEqual(['m1']);
      // marked again: the new mark replaces the old
      const fine = await store.markReviewItem(a.id, { verdict: 'fine', note: 'ok', reviewedBy: 'li' }, T0 + 200);
      expect(fine).toMatchObject({ verdict: 'fine', note: 'ok', reviewedBy: 'li' });
      expect(fine?.rightIntent).toBeUndefined();
      expect(await store.markReviewItem('nope', { verdict: 'fine', reviewedBy: 'li' }, T0)).toBeNull();
      expect((await store.listReviewItems({ since: T0 + 1 })).map((i) => i.messageId)).toEqual(['m2']);
      // purged with the retention
      expect((await store.purgeConsoleData(HOUR, T0 + HOUR + 2)).review).toBe(2);
      expect(await store.listReviewItems()).toEqual([]);
    });

    it('keeps the first conversation token of a conversation', async () => {
      expect(await store.getConversationToken('web', 'u1')).toBeNull();
      expect(await store.putConversationToken('web', 'u1', 'hash-a', T0)).toBe('hash-a');
      expect(await store.putConversationToken('web', 'u1', 'hash-b', T0)).toBe('hash-a');
      expect(await store.getConversationToken('web', 'u1')).toBe('hash-a');
      expect(await store.getConversationToken('api', 'u1')).toBeNull();
      expect((await store.purgeConsoleData(HOUR, T0 + HOUR + 1)).conversationTokens).toBe(1);
      expect(await store.getConversationToken('web', 'u1')).toBeNull();
    });

    it('counts processed messages by locality and hour', async () => {
      const msgs = [
        { id: 'a', at: T0 + 10, locality: 'xinzhou', urgent: true },
        { id: 'b', at: T0 + 20, locality: 'xinzhou', urgent: false },
        { id: 'c', at: T0 + HOUR + 5, locality: 'jinjiang', urgent: false },
        { id: 'd', at: T0 + 2 * HOUR + 5, locality: undefined, urgent: false },
        { id: 'e', at: T0 - 5, locality: 'xinzhou', urgent: true }, // before the day
      ];
      for (const m of msgs) {
        await store.recordInbound({ channel: 'web', messageId: m.id, user: 'u', chat: 'u', kind: 'text', text: 'x', sentAt: m.at });
        await store.markProcessed('web', m.id, { intent: 'designation', urgent: m.urgent, handoff: false, redactedText: 'x', ...(m.locality ? { locality: m.locality } : {}) });
      }
      await store.recordInbound({ channel: 'web', messageId: 'unprocessed', user: 'u', chat: 'u', kind: 'text', text: 'x', sentAt: T0 + 30 });
      const s = await store.inboundStats(T0, T0 + 24 * HOUR);
      expect(s.messages).toBe(4);
      expect(s.urgent).toBe(1);
      expect(s.byLocality).toEqual(
        expect.arrayContaining([
          { locality: 'xinzhou', messages: 2, urgent: 1 },
          { locality: 'jinjiang', messages: 1, urgent: 0 },
          { locality: null, messages: 1, urgent: 0 },
        ]),
      );
      expect(s.byLocality[0]).toEqual({ locality: 'xinzhou', messages: 2, urgent: 1 });
      expect(s.byHour).toEqual([
        { hour: 0, messages: 2 },
        { hour: 1, messages: 1 },
        { hour: 2, messages: 1 },
      ]);
    });
  });
}
