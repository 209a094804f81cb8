// The outbox's part of the SQLite store: replies waiting to be sent, leased to the worker that sends them,
// the head of each chat's queue at a time, with per-chat holds (the platform's spacing between two sends to
// one chat, counted from the first one's completion).
import type Database from 'better-sqlite3';
import type { ChannelName } from '../core/types';
import type { OutboxItem } from '../service/ports';
import { newOutboxId } from './ids';
import type { NewOutboxItem, OutboxRecord, Store } from './port';

type Run = <T>(fn: () => T) => Promise<T>;

export interface OutboxRow {
  id: string;
  dedupe_key: string | null;
  channel: string;
  chat: string;
  text: string;
  urgent: number;
  quick_replies: string;
  meta: string | null;
  attempts: number;
  created_at: number;
  not_before: number;
  lease_until: number;
  state: string;
  last_error: string | null;
}

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  channel: r.channel as ChannelName,
  chat: r.chat,
  text: r.text,
  urgent: r.urgent === 1,
  quickReplies: JSON.parse(r.quick_replies) as OutboxItem['quickReplies'],
  attempts: r.attempts,
  createdAt: r.created_at,
  ...(r.meta != null ? { meta: JSON.parse(r.meta) as Record<string, unknown> } : {}),
});

const toRecord = (r: OutboxRow): OutboxRecord => ({
  ...toItem(r),
  state: r.state as OutboxRecord['state'],
  notBefore: r.not_before,
  leaseUntil: r.lease_until,
  ...(r.last_error != null ? { lastError: r.last_error } : {}),
  ...(r.dedupe_key != null ? { dedupeKey: r.dedupe_key } : {}),
});

/** An item of the chat's queue before this one (urgent ones first, then in order): this one waits for it. */
const AHEAD = `EXISTS (
  SELECT 1 FROM outbox p
  WHERE p.channel = o.channel AND p.chat = o.chat AND p.state = 'pending'
    AND (p.urgent > o.urgent OR (p.urgent = o.urgent AND p.seq < o.seq)))`;

export type OutboxPart = Pick<
  Store,
  'enqueue' | 'claimDue' | 'markSent' | 'defer' | 'markRetry' | 'markDead' | 'releaseLeases' | 'outboxDepth' | 'getOutboxItem' | 'deadLetters' | 'nextDue'
>;

export function sqliteOutbox(db: Database.Database, run: Run): OutboxPart & { enqueueNow(item: NewOutboxItem): { id: string; duplicate: boolean } } {
  const q = {
    enqueue: db.prepare(
      `INSERT INTO outbox (id, dedupe_key, channel, chat, text, urgent, quick_replies, meta, created_at, not_before, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT DO NOTHING`,
    ),
    byKey: db.prepare('SELECT id FROM outbox WHERE dedupe_key = ?'),
    // Due items, urgent first then oldest, at most one per chat: the head of each chat's queue, so a
    // reply's parts go out in order and a part waiting on a retry holds back the parts after it; none to a
    // chat on hold.
    due: db.prepare(
      `SELECT o.* FROM outbox o
       WHERE o.channel = @channel AND o.state = 'pending' AND o.not_before <= @now AND o.lease_until <= @now
         AND NOT ${AHEAD}
         AND NOT EXISTS (SELECT 1 FROM chat_holds h WHERE h.channel = o.channel AND h.chat = o.chat AND h.until > @now)
       ORDER BY o.urgent DESC, o.created_at, o.seq LIMIT @limit`,
    ),
    lease: db.prepare('UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?'),
    sent: db.prepare(`UPDATE outbox SET state = 'sent', lease_until = 0, done_at = ? WHERE id = ?`),
    hold: db.prepare(
      `INSERT INTO chat_holds (channel, chat, until) SELECT channel, chat, ? FROM outbox WHERE id = ? AND true
       ON CONFLICT (channel, chat) DO UPDATE SET until = max(until, excluded.until)`,
    ),
    dropHolds: db.prepare('DELETE FROM chat_holds WHERE until < ?'),
    defer: db.prepare(
      `UPDATE outbox SET not_before = ?, lease_until = 0, attempts = max(attempts - 1, 0) WHERE id = ? AND state = 'pending'`,
    ),
    retry: db.prepare(
      `UPDATE outbox SET state = 'pending', not_before = ?, lease_until = 0, last_error = ? WHERE id = ? AND state = 'pending'`,
    ),
    release: db.prepare(`UPDATE outbox SET lease_until = 0 WHERE state = 'pending' AND lease_until > 0`),
    dead: db.prepare(`UPDATE outbox SET state = 'dead', lease_until = 0, last_error = ?, done_at = ? WHERE id = ?`),
    depthAll: db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`),
    depthChannel: db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND channel = ?`),
    getItem: db.prepare('SELECT * FROM outbox WHERE id = ?'),
    deadLetters: db.prepare(`SELECT * FROM outbox WHERE state = 'dead' ORDER BY done_at DESC, seq DESC LIMIT ?`),
    nextDue: db.prepare(
      `SELECT min(max(o.not_before, o.lease_until, coalesce(h.until, 0))) AS t FROM outbox o
       LEFT JOIN chat_holds h ON h.channel = o.channel AND h.chat = o.chat
       WHERE o.channel = ? AND o.state = 'pending' AND NOT ${AHEAD}`,
    ),
  };

  const enqueueNow = (item: NewOutboxItem): { id: string; duplicate: boolean } => {
    const id = item.id ?? newOutboxId();
    const res = q.enqueue.run(
      id,
      item.dedupeKey ?? null,
      item.channel,
      item.chat,
      item.text,
      item.urgent ? 1 : 0,
      JSON.stringify(item.quickReplies ?? []),
      item.meta === undefined ? null : JSON.stringify(item.meta),
      item.createdAt,
      item.notBefore ?? item.createdAt,
    );
    if (res.changes > 0) return { id, duplicate: false };
    if (item.dedupeKey != null) {
      const row = q.byKey.get(item.dedupeKey) as { id: string } | undefined;
      if (row) return { id: row.id, duplicate: true };
    }
    return { id, duplicate: true }; // same id enqueued twice
  };

  let lastHoldSweep = 0;
  const claim = (channel: ChannelName, now: number, limit: number, leaseMs: number): OutboxItem[] => {
    if (now - lastHoldSweep > 60_000) {
      lastHoldSweep = now;
      q.dropHolds.run(now);
    }
    const rows = q.due.all({ channel, now, limit }) as OutboxRow[];
    for (const r of rows) {
      q.lease.run(now + leaseMs, r.id);
      r.attempts += 1;
      r.lease_until = now + leaseMs;
    }
    return rows.map(toItem);
  };

  return {
    enqueueNow,
    enqueue: (item) => run(() => enqueueNow(item)),
    claimDue: (channel, now, limit, leaseMs) => run(() => claim(channel, now, limit, leaseMs)),
    markSent: (id, now, hold) =>
      run(() => {
        if (hold) q.hold.run(hold.until, id);
        q.sent.run(now, id);
      }),
    defer: (id, notBefore) => run(() => void q.defer.run(notBefore, id)),
    markRetry: (id, notBefore, error) => run(() => void q.retry.run(notBefore, error, id)),
    markDead: (id, error, now) => run(() => void q.dead.run(error, now, id)),
    releaseLeases: () => run(() => q.release.run().changes),
    outboxDepth: (channel) => run(() => ((channel ? q.depthChannel.get(channel) : q.depthAll.get()) as { n: number }).n),
    getOutboxItem: (id) =>
      run(() => {
        const row = q.getItem.get(id) as OutboxRow | undefined;
        return row ? toRecord(row) : null;
      }),
    deadLetters: (limit = 100) => run(() => (q.deadLetters.all(limit) as OutboxRow[]).map(toRecord)),
    nextDue: (channel) => run(() => (q.nextDue.get(channel) as { t: number | null }).t),
  };
}
