// The staff console's part of the sealed store (sealed.ts): staff display names, what residents wrote and
// were answered in the review queue, notes and audit details sealed; usernames, audit actors and targets,
// review message ids and the users of conversation tokens sealed by value (equal values seal equally, so
// the console's lookups still work). Password, token and session hashes, roles, times, intents, reasons,
// verdicts and the counts stay as they are.
import type { AuditEntry, ConsoleStore, ReviewItem, StaffAccount, StaffSessionRecord } from './console-port';
import type { Sealer } from './seal';

export function sealedConsole(inner: ConsoleStore, s: Sealer): ConsoleStore {
  const K = (v: string) => s.sealKey(v);
  const S = (v: string) => s.seal(v);
  const O = (v: string) => s.open(v);
  const opt = <T>(v: T | null, f: (x: T) => T): T | null => (v === null ? null : f(v));

  const openStaff = (a: StaffAccount): StaffAccount => ({ ...a, username: O(a.username), displayName: O(a.displayName) });
  const openSession = (x: StaffSessionRecord): StaffSessionRecord => ({ ...x, username: O(x.username) });
  const openAudit = (e: AuditEntry): AuditEntry => ({
    ...e,
    actor: O(e.actor),
    ...(e.target !== undefined ? { target: O(e.target) } : {}),
    ...(e.detail !== undefined ? { detail: openDetail(e.detail) } : {}),
  });
  const openDetail = (d: Record<string, unknown>): Record<string, unknown> =>
    typeof d._sealed === 'string' ? (JSON.parse(O(d._sealed)) as Record<string, unknown>) : d;
  const openReview = (r: ReviewItem): ReviewItem => ({
    ...r,
    messageId: O(r.messageId),
    text: O(r.text),
    reply: O(r.reply),
    ...(r.note !== undefined ? { note: O(r.note) } : {}),
    ...(r.reviewedBy !== undefined ? { reviewedBy: O(r.reviewedBy) } : {}),
  });

  return {
    createStaff: async (a, now) => opt(await inner.createStaff({ ...a, username: K(a.username), displayName: S(a.displayName) }, now), openStaff),
    updateStaff: async (username, patch, now) =>
      opt(await inner.updateStaff(K(username), { ...patch, ...(patch.displayName !== undefined ? { displayName: S(patch.displayName) } : {}) }, now), openStaff),
    getStaff: async (username) => opt(await inner.getStaff(K(username)), openStaff),
    staffByTokenHash: async (hash) => opt(await inner.staffByTokenHash(hash), openStaff),
    // by username, as the store lists them (their sealed forms sort otherwise)
    listStaff: async () => (await inner.listStaff()).map(openStaff).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)),

    createStaffSession: (x) => inner.createStaffSession({ ...x, username: K(x.username) }),
    getStaffSession: async (idHash) => opt(await inner.getStaffSession(idHash), openSession),
    deleteStaffSession: (idHash) => inner.deleteStaffSession(idHash),
    deleteStaffSessionsOf: (username) => inner.deleteStaffSessionsOf(K(username)),

    addAudit: (e) =>
      inner.addAudit({
        ...e,
        actor: K(e.actor),
        ...(e.target !== undefined ? { target: K(e.target) } : {}),
        ...(e.detail !== undefined ? { detail: { _sealed: S(JSON.stringify(e.detail)) } } : {}),
      }),
    listAudit: async (f = {}) => (await inner.listAudit({ ...f, ...(f.target !== undefined ? { target: K(f.target) } : {}) })).map(openAudit),

    addReviewItem: async (item) =>
      openReview(await inner.addReviewItem({ ...item, messageId: K(item.messageId), text: S(item.text), reply: S(item.reply) })),
    listReviewItems: async (f) => (await inner.listReviewItems(f)).map(openReview),
    markReviewItem: async (id, mark, now) =>
      opt(await inner.markReviewItem(id, { ...mark, reviewedBy: K(mark.reviewedBy), ...(mark.note !== undefined ? { note: S(mark.note) } : {}) }, now), openReview),

    putConversationToken: (channel, user, hash, now) => inner.putConversationToken(channel, K(user), hash, now),
    getConversationToken: (channel, user) => inner.getConversationToken(channel, K(user)),

    inboundStats: (since, until) => inner.inboundStats(since, until),
    purgeConsoleData: (ageMs, now) => inner.purgeConsoleData(ageMs, now),
  };
}
