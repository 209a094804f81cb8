// The default store: one SQLite file through better-sqlite3 (WAL), prepared statements, versioned migrations.
import type Database from 'better-sqlite3';
import { liveStatus } from './status';
import type { ChannelName, Inbound, Session } from '../core/types';
import type { MailboxMessage, OutboxItem, Ticket } from '../service/ports';
import { newOutboxId, newTicket } from './ids';
import type {
  ConversationLine,
  InboundSummary,
  NewOutboxItem,
  NewTicket,
  OutboxRecord,
  PurgeCounts,
  Store,
  TicketFilter,
  TicketPatch,
} from './port';
import { createBatcher } from './sqlite-batch';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpoint';
import { migrate } from './sqlite-schema';
import { DEFAULT_WAL_MAX_BYTES, openFile, walGuard } from './sqlite-wal';
import { sqliteConsole } from './sqlite-console';

export interface SqliteStoreOptions {
  /** Path of the database file, or `:memory:`. */
  file: string;
  /** Where WAL checkpoints run: on a thread of their own (default for files, see sqlite-checkpoint.ts) or
   * inside commits, as SQLite does by default. */
  checkpoints?: 'thread' | 'inline';
  /** Group commit window in ms (sqlite-batch.ts; default 1). */
  commitWindowMs?: number;
  /** The write-ahead log's bound in bytes (JIUYI_WAL_MAX_MB; default 64 MiB): the checkpoint thread empties
   * it at a quarter of that; past it, writers wait for a checkpoint of their own (sqlite-checkpoint.ts). */
  walMaxBytes?: number;
  /** How long a statement waits for a lock another connection holds (default 5000 ms). */
  busyTimeoutMs?: number;
}

export { DEFAULT_WAL_MAX_BYTES } from './sqlite-wal';

interface TicketRow {
  id: string;
  channel: string;
  user: string;
  chat: string;
  locality: string | null;
  reason: string;
  urgent: number;
  state: string;
  claimed_by: string | null;
  level: number;
  created_at: number;
  updated_at: number;
  last_messages: string;
}

interface OutboxRow {
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

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  channel: r.channel as ChannelName,
  user: r.user,
  chat: r.chat,
  ...(r.locality != null ? { locality: r.locality } : {}),
  reason: r.reason,
  urgent: r.urgent === 1,
  state: r.state as Ticket['state'],
  ...(r.claimed_by != null ? { claimedBy: r.claimed_by } : {}),
  level: r.level,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastMessages: JSON.parse(r.last_messages) as Ticket['lastMessages'],
});

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

const b = (v: boolean): number => (v ? 1 : 0);

export function openSqliteStore(opts: SqliteStoreOptions): Store {
  const walMax = opts.walMaxBytes ?? DEFAULT_WAL_MAX_BYTES;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  const db = openFile(opts.file, busyTimeoutMs, walMax, migrate);
  let closed = false;
  let checkpointer: Checkpointer | null = null;
  const wal = walGuard({ db, file: opts.file, walMax, busyTimeoutMs, active: () => !closed && checkpointer !== null });
  if (opts.file !== ':memory:' && (opts.checkpoints ?? 'thread') === 'thread') {
    db.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer({
      file: opts.file,
      truncateBytes: Math.floor(walMax / 4),
      onWal: wal.seen,
      onError: () => {
        if (!closed) db.pragma('wal_autocheckpoint = 1000');
      },
    });
  }

  const q = {
    insertInbound: db.prepare(
      `INSERT INTO inbound (channel, message_id, user, sent_at, raw) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (channel, message_id) DO NOTHING`,
    ),
    processInbound: db.prepare(
      `UPDATE inbound SET raw = NULL, processed = 1, intent = ?, locality = ?, urgent = ?, handoff = ?, redacted = ?, outcome = ?
       WHERE channel = ? AND message_id = ?`,
    ),
    inboundOutcome: db.prepare('SELECT processed, outcome FROM inbound WHERE channel = ? AND message_id = ?'),
    inboundUser: db.prepare('SELECT user, sent_at, processed FROM inbound WHERE channel = ? AND message_id = ?'),
    unprocessed: db.prepare(
      'SELECT raw FROM inbound WHERE processed = 0 AND sent_at < ? AND raw IS NOT NULL ORDER BY sent_at LIMIT ?',
    ),
    insertMessage: db.prepare('INSERT INTO messages (channel, user, sender, text, at) VALUES (?, ?, ?, ?, ?)'),
    recentMessages: db.prepare(
      'SELECT sender, text, at FROM messages WHERE channel = ? AND user = ? ORDER BY seq DESC LIMIT ?',
    ),
    loadSession: db.prepare('SELECT data FROM sessions WHERE key = ?'),
    saveSession: db.prepare(
      `INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ),
    insertTicket: db.prepare(
      `INSERT INTO tickets (id, channel, user, chat, locality, reason, urgent, state, claimed_by, level, created_at, updated_at, last_messages)
       VALUES (@id, @channel, @user, @chat, @locality, @reason, @urgent, @state, @claimed_by, @level, @created_at, @updated_at, @last_messages)`,
    ),
    replaceTicket: db.prepare(
      `UPDATE tickets SET locality = @locality, reason = @reason, urgent = @urgent, state = @state, claimed_by = @claimed_by,
       level = @level, updated_at = @updated_at, last_messages = @last_messages WHERE id = @id`,
    ),
    getTicket: db.prepare('SELECT * FROM tickets WHERE id = ?'),
    openTicketFor: db.prepare(
      `SELECT * FROM tickets WHERE channel = ? AND user = ? AND state IN ('open', 'claimed')
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    getStatus: db.prepare('SELECT facility_id, state, load, note, updated_at FROM facility_status'),
    setStatus: db.prepare(
      `INSERT INTO facility_status (facility_id, state, load, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (facility_id) DO UPDATE SET state = excluded.state, load = excluded.load, note = excluded.note,
       updated_at = excluded.updated_at`,
    ),
    clearStatus: db.prepare('DELETE FROM facility_status WHERE facility_id = ?'),
    enqueue: db.prepare(
      `INSERT INTO outbox (id, dedupe_key, channel, chat, text, urgent, quick_replies, meta, created_at, not_before, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT DO NOTHING`,
    ),
    outboxByKey: db.prepare('SELECT id FROM outbox WHERE dedupe_key = ?'),
    // Due items, urgent first then oldest, at most one per chat: the head of each chat's queue, so a
    // reply's parts go out in order and a part waiting on a retry holds back the parts after it.
    due: db.prepare(
      `SELECT o.* FROM outbox o
       WHERE o.channel = @channel AND o.state = 'pending' AND o.not_before <= @now AND o.lease_until <= @now
         AND NOT EXISTS (
           SELECT 1 FROM outbox p
           WHERE p.channel = o.channel AND p.chat = o.chat AND p.state = 'pending'
             AND (p.urgent > o.urgent OR (p.urgent = o.urgent AND p.seq < o.seq)))
       ORDER BY o.urgent DESC, o.created_at, o.seq LIMIT @limit`,
    ),
    lease: db.prepare('UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?'),
    sent: db.prepare(`UPDATE outbox SET state = 'sent', lease_until = 0, done_at = ? WHERE id = ?`),
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
      `SELECT min(max(o.not_before, o.lease_until)) AS t FROM outbox o
       WHERE o.channel = ? AND o.state = 'pending'
         AND NOT EXISTS (
           SELECT 1 FROM outbox p
           WHERE p.channel = o.channel AND p.chat = o.chat AND p.state = 'pending'
             AND (p.urgent > o.urgent OR (p.urgent = o.urgent AND p.seq < o.seq)))`,
    ),
    kvGet: db.prepare('SELECT value FROM kv WHERE key = ?'),
    kvSet: db.prepare(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    kvDelete: db.prepare('DELETE FROM kv WHERE key = ?'),
    purgeInbound: db.prepare('DELETE FROM inbound WHERE sent_at < ?'),
    purgeMessages: db.prepare('DELETE FROM messages WHERE at < ?'),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE updated_at < ?'),
    purgeTickets: db.prepare(`DELETE FROM tickets WHERE state = 'closed' AND updated_at < ?`),
    purgeOutbox: db.prepare(`DELETE FROM outbox WHERE state IN ('sent', 'dead') AND done_at < ?`),
    purgeMailbox: db.prepare('DELETE FROM mailbox WHERE at < ?'),
    mailboxPut: db.prepare(
      'INSERT INTO mailbox (id, channel, chat, message, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    ),
    mailboxTake: db.prepare('DELETE FROM mailbox WHERE seq IN (SELECT seq FROM mailbox WHERE channel = ? AND chat = ? ORDER BY seq LIMIT ?) RETURNING seq, message'),
  };

  // The first time: the summary replaces the raw message and the user's line joins the conversation.
  // Again (it changes nothing else): the summary is updated. (A SELECT then an UPDATE: an UPDATE … RETURNING
  // measured six times slower through better-sqlite3.)
  const markProcessed = db.transaction((channel: ChannelName, messageId: string, s: InboundSummary) => {
    const row = q.inboundUser.get(channel, messageId) as { user: string; sent_at: number; processed: number } | undefined;
    if (!row) return;
    q.processInbound.run(s.intent, s.locality ?? null, b(s.urgent), b(s.handoff), s.redactedText, s.outcome ?? null, channel, messageId);
    if (!row.processed) q.insertMessage.run(channel, row.user, 'user', s.redactedText, row.sent_at);
  });

  const claim = db.transaction((channel: ChannelName, now: number, limit: number, leaseMs: number) => {
    const rows = q.due.all({ channel, now, limit }) as OutboxRow[];
    for (const r of rows) {
      q.lease.run(now + leaseMs, r.id);
      r.attempts += 1;
      r.lease_until = now + leaseMs;
    }
    return rows.map(toItem);
  });

  const enqueue = db.transaction((item: NewOutboxItem) => {
    const id = item.id ?? newOutboxId();
    const res = q.enqueue.run(
      id,
      item.dedupeKey ?? null,
      item.channel,
      item.chat,
      item.text,
      b(item.urgent),
      JSON.stringify(item.quickReplies ?? []),
      item.meta === undefined ? null : JSON.stringify(item.meta),
      item.createdAt,
      item.notBefore ?? item.createdAt,
    );
    if (res.changes > 0) return { id, duplicate: false };
    if (item.dedupeKey != null) {
      const row = q.outboxByKey.get(item.dedupeKey) as { id: string } | undefined;
      if (row) return { id: row.id, duplicate: true };
    }
    return { id, duplicate: true }; // same id enqueued twice
  });

  const ticketParams = (t: Ticket) => ({
    id: t.id,
    channel: t.channel,
    user: t.user,
    chat: t.chat,
    locality: t.locality ?? null,
    reason: t.reason,
    urgent: b(t.urgent),
    state: t.state,
    claimed_by: t.claimedBy ?? null,
    level: t.level,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
    last_messages: JSON.stringify(t.lastMessages ?? []),
  });

  const updateTicket = db.transaction(
    (id: string, patch: TicketPatch, now: number, ifState?: Ticket['state'][]): Ticket | null => {
      const row = q.getTicket.get(id) as TicketRow | undefined;
      if (!row) return null;
      const t = toTicket(row);
      if (ifState && !ifState.includes(t.state)) return null;
      const next: Ticket = { ...t, ...patch, updatedAt: now };
      q.replaceTicket.run(ticketParams(next));
      return next;
    },
  );

  const purge = db.transaction((cutoff: number): PurgeCounts => ({
    inbound: q.purgeInbound.run(cutoff).changes,
    messages: q.purgeMessages.run(cutoff).changes,
    sessions: q.purgeSessions.run(cutoff).changes,
    tickets: q.purgeTickets.run(cutoff).changes,
    outbox: q.purgeOutbox.run(cutoff).changes,
    mailbox: q.purgeMailbox.run(cutoff).changes,
  }));

  const batch = createBatcher(db, { windowMs: opts.commitWindowMs ?? 1, beforeFlush: wal.hold });
  const run = <T>(fn: () => T): Promise<T> => {
    if (closed) return Promise.reject(new Error('store: closed'));
    return batch.run(fn);
  };
  const listStatements = new Map<string, Database.Statement>();

  const store: Store = {
    kind: 'sqlite',
    ...sqliteConsole(db, run),

    recordInbound: (inbound: Inbound) =>
      run(() => {
        const res = q.insertInbound.run(inbound.channel, inbound.messageId, inbound.user, inbound.sentAt, JSON.stringify(inbound));
        return { duplicate: res.changes === 0 };
      }),
    markProcessed: (channel, messageId, summary) => run(() => void markProcessed(channel, messageId, summary)),
    inboundOutcome: (channel, messageId) =>
      run(() => {
        const row = q.inboundOutcome.get(channel, messageId) as { processed: number; outcome: string | null } | undefined;
        return row ? { processed: row.processed === 1, outcome: row.outcome } : null;
      }),
    unprocessedInbound: (opts = {}) =>
      run(() => {
        const rows = q.unprocessed.all(opts.before ?? Number.MAX_SAFE_INTEGER, opts.limit ?? 1000) as { raw: string }[];
        return rows.map((r) => JSON.parse(r.raw) as Inbound);
      }),
    appendMessage: (channel, user, line: ConversationLine) =>
      run(() => void q.insertMessage.run(channel, user, line.from, line.text, line.at)),
    recentMessages: (channel, user, limit) =>
      run(() => {
        const rows = q.recentMessages.all(channel, user, limit) as { sender: string; text: string; at: number }[];
        return rows.reverse().map((r) => ({ from: r.sender as ConversationLine['from'], text: r.text, at: r.at }));
      }),

    loadSession: (key) =>
      run(() => {
        const row = q.loadSession.get(key) as { data: string } | undefined;
        return row ? (JSON.parse(row.data) as Session) : null;
      }),
    saveSession: (key, session, now) => run(() => void q.saveSession.run(key, JSON.stringify(session), now)),

    createTicket: (input: NewTicket, now) =>
      run(() => {
        const t = newTicket(input, now);
        q.insertTicket.run(ticketParams(t));
        return t;
      }),
    updateTicket: (id, patch, now, ifState) => run(() => updateTicket(id, patch, now, ifState)),
    getTicket: (id) =>
      run(() => {
        const row = q.getTicket.get(id) as TicketRow | undefined;
        return row ? toTicket(row) : null;
      }),
    listTickets: (filter: TicketFilter = {}) =>
      run(() => {
        const where: string[] = [];
        const params: unknown[] = [];
        if (filter.state !== undefined) {
          const states = Array.isArray(filter.state) ? filter.state : [filter.state];
          if (states.length === 0) return [];
          where.push(`state IN (${states.map(() => '?').join(', ')})`);
          params.push(...states);
        }
        if (filter.urgent !== undefined) {
          where.push('urgent = ?');
          params.push(b(filter.urgent));
        }
        if (filter.createdBefore !== undefined) {
          where.push('created_at < ?');
          params.push(filter.createdBefore);
        }
        const sql =
          `SELECT * FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ` +
          'ORDER BY created_at DESC, rowid DESC LIMIT ?';
        params.push(filter.limit ?? 1000);
        let stmt = listStatements.get(sql);
        if (!stmt) listStatements.set(sql, (stmt = db.prepare(sql)));
        return (stmt.all(...params) as TicketRow[]).map(toTicket);
      }),
    openTicketFor: (channel, user) =>
      run(() => {
        const row = q.openTicketFor.get(channel, user) as TicketRow | undefined;
        return row ? toTicket(row) : null;
      }),

    getStatus: () =>
      run(() => {
        const rows = q.getStatus.all() as {
          facility_id: string;
          state: 'open' | 'full' | 'closed';
          load: string | null;
          note: string | null;
          updated_at: number;
        }[];
        return liveStatus(rows.map((r) => ({ facility: r.facility_id, state: r.state, load: r.load, note: r.note, updatedAt: r.updated_at })));
      }),
    setFacilityStatus: (facilityId, st, now) =>
      run(() => void q.setStatus.run(facilityId, st.state, st.load ?? null, st.note ?? null, now)),
    clearFacilityStatus: (facilityId) => run(() => void q.clearStatus.run(facilityId)),

    enqueue: (item) => run(() => enqueue(item)),
    claimDue: (channel, now, limit, leaseMs) => run(() => claim(channel, now, limit, leaseMs)),
    markSent: (id, now) => run(() => void q.sent.run(now, id)),
    defer: (id, notBefore) => run(() => void q.defer.run(notBefore, id)),
    markRetry: (id, notBefore, error) => run(() => void q.retry.run(notBefore, error, id)),
    markDead: (id, error, now) => run(() => void q.dead.run(error, now, id)),
    releaseLeases: () => run(() => q.release.run().changes),
    outboxDepth: (channel) =>
      run(() => ((channel ? q.depthChannel.get(channel) : q.depthAll.get()) as { n: number }).n),
    getOutboxItem: (id) =>
      run(() => {
        const row = q.getItem.get(id) as OutboxRow | undefined;
        return row ? toRecord(row) : null;
      }),
    deadLetters: (limit = 100) => run(() => (q.deadLetters.all(limit) as OutboxRow[]).map(toRecord)),
    nextDue: (channel) => run(() => (q.nextDue.get(channel) as { t: number | null }).t),

    mailboxPut: (channel, chat, m) => run(() => void q.mailboxPut.run(m.id, channel, chat, JSON.stringify(m), m.at)),
    mailboxTake: (channel, chat, limit) =>
      run(() =>
        (q.mailboxTake.all(channel, chat, limit) as { seq: number; message: string }[])
          .sort((a, b) => a.seq - b.seq)
          .map((r) => JSON.parse(r.message) as MailboxMessage),
      ),

    get: (key) =>
      run(() => {
        const row = q.kvGet.get(key) as { value: string } | undefined;
        return row ? row.value : null;
      }),
    set: (key, value) => run(() => void q.kvSet.run(key, value)),
    delete: (key) => run(() => void q.kvDelete.run(key)),

    purgeOlderThan: (ageMs, now) => run(() => purge(now - ageMs)),
    // A write, as every message needs one: a database that can be read but not written (a full disk, a lock
    // held elsewhere, a log the checkpoints cannot keep under twice its bound) is not ready.
    ping: () =>
      run(() => {
        wal.check();
        q.kvSet.run('store:ping', String(Date.now()));
      }),
    async close() {
      if (closed) return;
      batch.flush();
      closed = true;
      await checkpointer?.stop();
      db.close();
    },
  };
  return store;
}
