// The default store: one SQLite file through better-sqlite3 (WAL), prepared statements, versioned migrations.
import type Database from 'better-sqlite3';
import { liveStatus } from './status';
import type { ChannelName, Inbound, Session } from '../core/types';
import type { MailboxMessage, Ticket } from '../service/ports';
import { newTicket } from './ids';
import type { ConversationLine, InboundSummary, InstanceInfo, NewTicket, PurgeCounts, Store, StoredSession, TicketFilter, TicketPatch, TurnWrite } from './port';
import { sqliteOutbox } from './sqlite-outbox';
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
    // the first time only (processed = 0): the user's line is appended when this changes a row
    processFirst: db.prepare(
      `UPDATE inbound SET raw = NULL, processed = 1, intent = ?, locality = ?, urgent = ?, handoff = ?, redacted = ?, outcome = ?
       WHERE channel = ? AND message_id = ? AND processed = 0`,
    ),
    processAgain: db.prepare(
      `UPDATE inbound SET raw = NULL, processed = 1, intent = ?, locality = ?, urgent = ?, handoff = ?, redacted = ?, outcome = ?
       WHERE channel = ? AND message_id = ?`,
    ),
    inboundOutcome: db.prepare('SELECT processed, outcome FROM inbound WHERE channel = ? AND message_id = ?'),
    inboundUser: db.prepare('SELECT user, sent_at FROM inbound WHERE channel = ? AND message_id = ?'),
    unprocessed: db.prepare(
      'SELECT raw FROM inbound WHERE processed = 0 AND sent_at < ? AND raw IS NOT NULL ORDER BY sent_at LIMIT ?',
    ),
    insertMessage: db.prepare('INSERT INTO messages (channel, user, sender, text, at) VALUES (?, ?, ?, ?, ?)'),
    recentMessages: db.prepare(
      'SELECT sender, text, at FROM messages WHERE channel = ? AND user = ? ORDER BY seq DESC LIMIT ?',
    ),
    readSession: db.prepare('SELECT data, version FROM sessions WHERE key = ?'),
    saveSession: db.prepare(
      `INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, version = version + 1`,
    ),
    insertSession: db.prepare('INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING'),
    updateSession: db.prepare('UPDATE sessions SET data = ?, updated_at = ?, version = version + 1 WHERE key = ? AND version = ?'),
    insertTicket: db.prepare(
      `INSERT INTO tickets (id, channel, user, chat, locality, reason, urgent, state, claimed_by, level, created_at, updated_at, last_messages)
       VALUES (@id, @channel, @user, @chat, @locality, @reason, @urgent, @state, @claimed_by, @level, @created_at, @updated_at, @last_messages)
       ON CONFLICT DO NOTHING`,
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
    kvGet: db.prepare('SELECT value FROM kv WHERE key = ?'),
    kvSet: db.prepare(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    kvDelete: db.prepare('DELETE FROM kv WHERE key = ?'),
    countHit: db.prepare(
      `INSERT INTO counters (key, n, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET n = n + excluded.n RETURNING n`,
    ),
    countMark: db.prepare('INSERT INTO counters (key, n, expires_at) VALUES (?, 0, ?) ON CONFLICT (key) DO NOTHING'),
    countRead: db.prepare('SELECT n FROM counters WHERE key = ?'),
    purgeCounters: db.prepare('DELETE FROM counters WHERE expires_at < ?'),
    purgeInbound: db.prepare('DELETE FROM inbound WHERE sent_at < ?'),
    purgeMessages: db.prepare('DELETE FROM messages WHERE at < ?'),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE updated_at < ?'),
    purgeTickets: db.prepare(`DELETE FROM tickets WHERE state = 'closed' AND updated_at < ?`),
    purgeOutbox: db.prepare(`DELETE FROM outbox WHERE state IN ('sent', 'dead') AND done_at < ?`),
    purgeHolds: db.prepare('DELETE FROM chat_holds WHERE until < ?'),
    purgeMailbox: db.prepare('DELETE FROM mailbox WHERE at < ?'),
    mailboxPut: db.prepare(
      'INSERT INTO mailbox (id, channel, chat, message, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    ),
    mailboxTake: db.prepare('DELETE FROM mailbox WHERE seq IN (SELECT seq FROM mailbox WHERE channel = ? AND chat = ? ORDER BY seq LIMIT ?) RETURNING seq, message'),
  };

  const batch = createBatcher(db, { windowMs: opts.commitWindowMs ?? 1, beforeFlush: wal.hold });
  const run = <T>(fn: () => T): Promise<T> => {
    if (closed) return Promise.reject(new Error('store: closed'));
    return batch.run(fn);
  };
  const outbox = sqliteOutbox(db, run);

  /** The summary replaces the raw message; the first time, the user's line joins the conversation. Plain
   * statements, no savepoint: they run inside the group commit's transaction (sqlite-batch.ts), and none of
   * them can fail on a constraint. */
  const processed = (channel: ChannelName, messageId: string, s: InboundSummary, user: () => { user: string; sent_at: number } | undefined): void => {
    const args = [s.intent, s.locality ?? null, b(s.urgent), b(s.handoff), s.redactedText, s.outcome ?? null, channel, messageId] as const;
    if (q.processFirst.run(...args).changes === 0) {
      q.processAgain.run(...args);
      return;
    }
    const row = user();
    if (row) q.insertMessage.run(channel, row.user, 'user', s.redactedText, row.sent_at);
  };

  /** Saves unless the version moved on: false then, and nothing written. */
  const save = (key: string, session: Session, now: number, expect?: number | null): boolean => {
    const data = JSON.stringify(session);
    if (expect === undefined) return q.saveSession.run(key, data, now).changes > 0;
    if (expect === null) return q.insertSession.run(key, data, now).changes > 0;
    return q.updateSession.run(data, now, key, expect).changes > 0;
  };

  const readSession = (key: string): StoredSession | null => {
    const row = q.readSession.get(key) as { data: string; version: number } | undefined;
    return row ? { session: JSON.parse(row.data) as Session, version: row.version } : null;
  };

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

  const updateTicket = (id: string, patch: TicketPatch, now: number, ifState?: Ticket['state'][], ifLevel?: number): Ticket | null => {
    const row = q.getTicket.get(id) as TicketRow | undefined;
    if (!row) return null;
    const t = toTicket(row);
    if (ifState && !ifState.includes(t.state)) return null;
    if (ifLevel !== undefined && t.level !== ifLevel) return null;
    const next: Ticket = { ...t, ...patch, updatedAt: now };
    q.replaceTicket.run(ticketParams(next));
    return next;
  };

  const purge = (cutoff: number): PurgeCounts => ({
    inbound: q.purgeInbound.run(cutoff).changes,
    messages: q.purgeMessages.run(cutoff).changes,
    sessions: q.purgeSessions.run(cutoff).changes,
    tickets: q.purgeTickets.run(cutoff).changes,
    outbox: q.purgeOutbox.run(cutoff).changes,
    mailbox: q.purgeMailbox.run(cutoff).changes,
  });

  const listStatements = new Map<string, Database.Statement>();
  /** SQLite serves one process: the only instance is this one. */
  let self: InstanceInfo | null = null;

  const store: Store = {
    kind: 'sqlite',
    expiresItself: false,
    ...sqliteConsole(db, run),
    ...outbox,

    recordInbound: (inbound: Inbound) =>
      run(() => {
        const res = q.insertInbound.run(inbound.channel, inbound.messageId, inbound.user, inbound.sentAt, JSON.stringify(inbound));
        return { duplicate: res.changes === 0 };
      }),
    markProcessed: (channel, messageId, summary) =>
      run(() => processed(channel, messageId, summary, () => q.inboundUser.get(channel, messageId) as { user: string; sent_at: number } | undefined)),
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

    beginTurn: (inbound, key) =>
      run(() => {
        const res = q.insertInbound.run(inbound.channel, inbound.messageId, inbound.user, inbound.sentAt, JSON.stringify(inbound));
        return { duplicate: res.changes === 0, stored: readSession(key) };
      }),
    finishTurn: (w: TurnWrite) =>
      run(() => {
        if (!save(w.sessionKey, w.session, w.now, w.expect)) return false;
        const { channel, messageId, user, sentAt } = w.inbound;
        processed(channel, messageId, w.summary, () => ({ user, sent_at: sentAt }));
        for (const l of w.lines) q.insertMessage.run(channel, user, l.from, l.text, l.at);
        for (const item of w.outbox) outbox.enqueueNow(item);
        return true;
      }),

    loadSession: (key) => run(() => readSession(key)?.session ?? null),
    readSession: (key) => run(() => readSession(key)),
    saveSession: (key, session, now, expect) => run(() => save(key, session, now, expect)),

    openTicket: (input: NewTicket, now) =>
      run(() => {
        const t = newTicket(input, now);
        if (q.insertTicket.run(ticketParams(t)).changes > 0) return { ticket: t, created: true };
        const row = q.openTicketFor.get(t.channel, t.user) as TicketRow | undefined;
        if (!row) throw new Error('store: a ticket id collided'); // 48 random bits: not in this lifetime
        return { ticket: toTicket(row), created: false };
      }),
    updateTicket: (id, patch, now, ifState, ifLevel) => run(() => updateTicket(id, patch, now, ifState, ifLevel)),
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

    countHit: (key, windowStart, windowMs, by = 1) =>
      run(() => (q.countHit.get(`${key}@${windowStart}`, by, windowStart + windowMs) as { n: number }).n),
    countOnce: (key, once, windowStart, windowMs, seenMs) =>
      run(() => {
        const k = `${key}@${windowStart}`;
        // counted before (its mark is there, kept `seenMs`): the window's count as it is
        if (q.countMark.run(`${key}#${once}`, windowStart + windowMs + seenMs).changes === 0) return { n: (q.countRead.get(k) as { n: number } | undefined)?.n ?? 0, counted: false };
        return { n: (q.countHit.get(k, 1, windowStart + windowMs) as { n: number }).n, counted: true };
      }),
    heartbeat: async (me, now) => {
      self = { ...me, startedAt: self?.id === me.id ? self.startedAt : me.startedAt, seenAt: now };
      return [self];
    },
    leave: async (id) => {
      if (self?.id === id) self = null;
    },

    purgeOlderThan: (ageMs, now) =>
      run(() => {
        q.purgeCounters.run(now);
        q.purgeHolds.run(now);
        return purge(now - ageMs);
      }),
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
