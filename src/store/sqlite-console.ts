// The console's part of the SQLite store (console-port.ts): prepared statements over the tables of
// migration 3, run through the store's group commit like every other operation.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChannelName } from '../core/types';
import type { AuditEntry, ConsoleStore, InboundStats, ReviewItem, StaffAccount } from './console-port';

type Run = <T>(fn: () => T) => Promise<T>;

interface StaffRow {
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  token_hash: string | null;
  disabled: number;
  created_at: number;
  updated_at: number;
}

interface ReviewRow {
  id: string;
  at: number;
  channel: string;
  message_id: string;
  locality: string | null;
  intent: string;
  reason: string;
  text: string;
  reply: string;
  verdict: string | null;
  right_intent: string | null;
  note: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
}

const toStaff = (r: StaffRow): StaffAccount => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role as StaffAccount['role'],
  passwordHash: r.password_hash,
  ...(r.token_hash != null ? { tokenHash: r.token_hash } : {}),
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toReview = (r: ReviewRow): ReviewItem => ({
  id: r.id,
  at: r.at,
  channel: r.channel as ChannelName,
  messageId: r.message_id,
  ...(r.locality != null ? { locality: r.locality } : {}),
  intent: r.intent,
  reason: r.reason as ReviewItem['reason'],
  text: r.text,
  reply: r.reply,
  ...(r.verdict != null ? { verdict: r.verdict as ReviewItem['verdict'] } : {}),
  ...(r.right_intent != null ? { rightIntent: r.right_intent } : {}),
  ...(r.note != null ? { note: r.note } : {}),
  ...(r.reviewed_by != null ? { reviewedBy: r.reviewed_by } : {}),
  ...(r.reviewed_at != null ? { reviewedAt: r.reviewed_at } : {}),
});

export const newReviewId = (): string => randomBytes(6).toString('hex');

export function sqliteConsole(db: Database.Database, run: Run): ConsoleStore {
  const q = {
    insertStaff: db.prepare(
      `INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (username) DO NOTHING`,
    ),
    getStaff: db.prepare('SELECT * FROM staff WHERE username = ?'),
    staffByToken: db.prepare('SELECT * FROM staff WHERE token_hash = ?'),
    listStaff: db.prepare('SELECT * FROM staff ORDER BY username'),
    replaceStaff: db.prepare(
      `UPDATE staff SET display_name = @display_name, role = @role, password_hash = @password_hash, token_hash = @token_hash,
       disabled = @disabled, updated_at = @updated_at WHERE username = @username`,
    ),
    insertSession: db.prepare('INSERT INTO staff_sessions (id_hash, username, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    getSession: db.prepare('SELECT * FROM staff_sessions WHERE id_hash = ?'),
    deleteSession: db.prepare('DELETE FROM staff_sessions WHERE id_hash = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM staff_sessions WHERE username = ?'),
    insertAudit: db.prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)'),
    insertReview: db.prepare(
      `INSERT INTO review (id, at, channel, message_id, locality, intent, reason, text, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    reviewByMessage: db.prepare('SELECT * FROM review WHERE channel = ? AND message_id = ?'),
    getReview: db.prepare('SELECT * FROM review WHERE id = ?'),
    markReview: db.prepare(
      `UPDATE review SET verdict = ?, right_intent = ?, note = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?`,
    ),
    putToken: db.prepare(
      'INSERT INTO conversation_tokens (channel, user, token_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    getToken: db.prepare('SELECT token_hash FROM conversation_tokens WHERE channel = ? AND user = ?'),
    statsByLocality: db.prepare(
      `SELECT locality, count(*) AS n, coalesce(sum(urgent), 0) AS u FROM inbound
       WHERE sent_at >= ? AND sent_at < ? AND processed = 1 GROUP BY locality ORDER BY n DESC`,
    ),
    statsByHour: db.prepare(
      `SELECT CAST((sent_at - @since) / 3600000 AS INTEGER) AS h, count(*) AS n FROM inbound
       WHERE sent_at >= @since AND sent_at < @until AND processed = 1 GROUP BY h ORDER BY h`,
    ),
    purgeSessions: db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?'),
    purgeReview: db.prepare('DELETE FROM review WHERE at < ?'),
    purgeTokens: db.prepare('DELETE FROM conversation_tokens WHERE created_at < ?'),
  };
  const auditStatements = new Map<string, Database.Statement>();
  const reviewStatements = new Map<string, Database.Statement>();
  const cached = (map: Map<string, Database.Statement>, sql: string) => {
    let s = map.get(sql);
    if (!s) map.set(sql, (s = db.prepare(sql)));
    return s;
  };

  return {
    createStaff: (a, now) =>
      run(() => {
        const res = q.insertStaff.run(a.username, a.displayName, a.role, a.passwordHash, now, now);
        return res.changes ? toStaff(q.getStaff.get(a.username) as StaffRow) : null;
      }),
    updateStaff: (username, patch, now) =>
      run(() => {
        const row = q.getStaff.get(username) as StaffRow | undefined;
        if (!row) return null;
        const next: StaffRow = {
          ...row,
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
          ...(patch.tokenHash !== undefined ? { token_hash: patch.tokenHash } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
          updated_at: now,
        };
        q.replaceStaff.run(next);
        return toStaff(next);
      }),
    getStaff: (username) =>
      run(() => {
        const row = q.getStaff.get(username) as StaffRow | undefined;
        return row ? toStaff(row) : null;
      }),
    staffByTokenHash: (hash) =>
      run(() => {
        const row = q.staffByToken.get(hash) as StaffRow | undefined;
        return row ? toStaff(row) : null;
      }),
    listStaff: () => run(() => (q.listStaff.all() as StaffRow[]).map(toStaff)),

    createStaffSession: (s) => run(() => void q.insertSession.run(s.idHash, s.username, s.csrf, s.createdAt, s.expiresAt)),
    getStaffSession: (idHash) =>
      run(() => {
        const r = q.getSession.get(idHash) as
          | { id_hash: string; username: string; csrf: string; created_at: number; expires_at: number }
          | undefined;
        return r ? { idHash: r.id_hash, username: r.username, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at } : null;
      }),
    deleteStaffSession: (idHash) => run(() => void q.deleteSession.run(idHash)),
    deleteStaffSessionsOf: (username) => run(() => q.deleteSessionsOf.run(username).changes),

    addAudit: (e) =>
      run(() => void q.insertAudit.run(e.at, e.actor, e.action, e.target ?? null, e.detail === undefined ? null : JSON.stringify(e.detail))),
    listAudit: (f = {}) =>
      run(() => {
        const where: string[] = [];
        const params: unknown[] = [];
        if (f.since !== undefined) (where.push('at >= ?'), params.push(f.since));
        if (f.action !== undefined) (where.push('action = ?'), params.push(f.action));
        if (f.target !== undefined) (where.push('target = ?'), params.push(f.target));
        const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
        params.push(f.limit ?? 200);
        const rows = cached(auditStatements, sql).all(...params) as {
          seq: number;
          at: number;
          actor: string;
          action: string;
          target: string | null;
          detail: string | null;
        }[];
        return rows.map(
          (r): AuditEntry => ({
            id: String(r.seq),
            at: r.at,
            actor: r.actor,
            action: r.action,
            ...(r.target != null ? { target: r.target } : {}),
            ...(r.detail != null ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
          }),
        );
      }),

    addReviewItem: (i) =>
      run(() => {
        q.insertReview.run(newReviewId(), i.at, i.channel, i.messageId, i.locality ?? null, i.intent, i.reason, i.text, i.reply);
        return toReview(q.reviewByMessage.get(i.channel, i.messageId) as ReviewRow);
      }),
    listReviewItems: (f = {}) =>
      run(() => {
        const where: string[] = [];
        const params: unknown[] = [];
        if (f.state === 'pending') where.push('verdict IS NULL');
        if (f.state === 'reviewed') where.push('verdict IS NOT NULL');
        if (f.verdict?.length) (where.push(`verdict IN (${f.verdict.map(() => '?').join(', ')})`), params.push(...f.verdict));
        if (f.since !== undefined) (where.push('at >= ?'), params.push(f.since));
        const sql = `SELECT * FROM review ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, seq DESC LIMIT ?`;
        params.push(f.limit ?? 500);
        return (cached(reviewStatements, sql).all(...params) as ReviewRow[]).map(toReview);
      }),
    markReviewItem: (id, m, now) =>
      run(() => {
        const res = q.markReview.run(m.verdict, m.rightIntent ?? null, m.note ?? null, m.reviewedBy, now, id);
        return res.changes ? toReview(q.getReview.get(id) as ReviewRow) : null;
      }),

    putConversationToken: (channel, user, hash, now) =>
      run(() => {
        q.putToken.run(channel, user, hash, now);
        return (q.getToken.get(channel, user) as { token_hash: string }).token_hash;
      }),
    getConversationToken: (channel, user) =>
      run(() => (q.getToken.get(channel, user) as { token_hash: string } | undefined)?.token_hash ?? null),

    inboundStats: (since, until) =>
      run((): InboundStats => {
        const rows = q.statsByLocality.all(since, until) as { locality: string | null; n: number; u: number }[];
        const hours = q.statsByHour.all({ since, until }) as { h: number; n: number }[];
        return {
          messages: rows.reduce((a, r) => a + r.n, 0),
          urgent: rows.reduce((a, r) => a + r.u, 0),
          byLocality: rows.map((r) => ({ locality: r.locality, messages: r.n, urgent: r.u })),
          byHour: hours.map((r) => ({ hour: Math.floor(r.h), messages: r.n })),
        };
      }),

    purgeConsoleData: (ageMs, now) =>
      run(() => ({
        sessions: q.purgeSessions.run(now).changes,
        review: q.purgeReview.run(now - ageMs).changes,
        conversationTokens: q.purgeTokens.run(now - ageMs).changes,
      })),
  };
}
