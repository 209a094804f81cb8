// The console's part of the MongoDB store (console-port.ts): same behaviour as sqlite-console.ts. Every write
// goes through retryRaces, as the service's do: staff act on the same documents as the instances answering
// residents (a ticket, its audit), and a race FerretDB could not order must not become the staff's 500.
// Indexes: mongo-migrate.ts (none is built at start-up); staff sessions go at their expiry, review items and
// conversation tokens after the retention (TTL indexes on `dropAt`, `keptSince`).
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import type { ChannelName } from '../core/types';
import type { AuditEntry, ConsoleStore, ReviewItem, StaffAccount, StaffSessionRecord } from './console-port';
import { isDuplicateKey, retryRaces } from './mongo-errors';
import type { Sequence } from './seq';
import { newReviewId } from './sqlite-console';

interface StaffDoc extends Omit<StaffAccount, 'username'> { _id: string }
interface SessionDoc extends Omit<StaffSessionRecord, 'idHash'> { _id: string; dropAt?: Date }
interface AuditDoc extends Omit<AuditEntry, 'id'> { _id?: mongoose.Types.ObjectId; seq: number }
interface ReviewDoc extends Omit<ReviewItem, 'id'> { _id: string; seq: number; keptSince?: Date }
interface TokenDoc { channel: string; user: string; tokenHash: string; createdAt: number; keptSince?: Date }

const opts = { versionKey: false, strict: true, autoIndex: false, autoCreate: false } as const;

export function consoleModels(conn: Connection, prefix: string) {
  const m = <T>(name: string, schema: Schema<T>): Model<T> => conn.model<T>(`${prefix}${name}`, schema, `${prefix}${name}`);
  const staff = new Schema<StaffDoc>(
    { _id: String, displayName: String, role: String, passwordHash: String, tokenHash: String, disabled: Boolean, createdAt: Number, updatedAt: Number },
    opts,
  );
  const session = new Schema<SessionDoc>({ _id: String, username: String, csrf: String, createdAt: Number, expiresAt: Number, dropAt: Date }, opts);
  const audit = new Schema<AuditDoc>(
    { seq: Number, at: Number, actor: String, action: String, target: String, detail: Schema.Types.Mixed },
    opts,
  );
  const review = new Schema<ReviewDoc>(
    {
      _id: String,
      seq: Number,
      at: Number,
      channel: String,
      messageId: String,
      locality: String,
      intent: String,
      reason: String,
      text: String,
      reply: String,
      verdict: String,
      rightIntent: String,
      note: String,
      reviewedBy: String,
      reviewedAt: Number,
      keptSince: Date,
    },
    opts,
  );
  const token = new Schema<TokenDoc>({ channel: String, user: String, tokenHash: String, createdAt: Number, keptSince: Date }, opts);
  return {
    Staff: m('staff', staff),
    Session: m('staff_sessions', session),
    Audit: m('audit', audit),
    Review: m('review', review),
    Token: m('conversation_tokens', token),
  };
}

const toStaff = (d: StaffDoc): StaffAccount => {
  const { _id, ...rest } = d;
  const a: StaffAccount = { username: _id, ...rest, disabled: !!rest.disabled };
  if (a.tokenHash == null) delete a.tokenHash;
  return a;
};

const toReview = (d: ReviewDoc): ReviewItem => {
  const { _id, seq: _seq, keptSince: _kept, ...rest } = d;
  const r: ReviewItem = { id: _id, ...rest, channel: rest.channel as ChannelName };
  for (const k of ['locality', 'verdict', 'rightIntent', 'note', 'reviewedBy', 'reviewedAt'] as const) if (r[k] == null) delete r[k];
  return r;
};

/** The console's collections on `conn`; `seq` orders audit lines and review items written in the same ms. */
export function mongoConsole(conn: Connection, prefix: string, seq: Sequence): ConsoleStore {
  const M = consoleModels(conn, prefix);

  return {
    async createStaff(a, now) {
      try {
        await retryRaces(() => M.Staff.create({ _id: a.username, displayName: a.displayName, role: a.role, passwordHash: a.passwordHash, disabled: false, createdAt: now, updatedAt: now }));
      } catch (e) {
        if (isDuplicateKey(e)) return null;
        throw e;
      }
      return toStaff((await M.Staff.findById(a.username).lean()) as StaffDoc);
    },
    async updateStaff(username, patch, now) {
      const $set: Record<string, unknown> = { updatedAt: now };
      const $unset: Record<string, 1> = {};
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) continue;
        if (v === null) $unset[k] = 1;
        else $set[k] = v;
      }
      const d = await retryRaces(() => M.Staff.findOneAndUpdate({ _id: username }, Object.keys($unset).length ? { $set, $unset } : { $set }, { returnDocument: 'after' }).lean());
      return d ? toStaff(d as StaffDoc) : null;
    },
    async getStaff(username) {
      const d = await M.Staff.findById(username).lean();
      return d ? toStaff(d as StaffDoc) : null;
    },
    async staffByTokenHash(hash) {
      const d = await M.Staff.findOne({ tokenHash: hash }).lean();
      return d ? toStaff(d as StaffDoc) : null;
    },
    async listStaff() {
      return (await M.Staff.find({}).sort({ _id: 1 }).lean()).map((d) => toStaff(d as StaffDoc));
    },

    async createStaffSession(s) {
      try {
        await retryRaces(() => M.Session.create({ _id: s.idHash, username: s.username, csrf: s.csrf, createdAt: s.createdAt, expiresAt: s.expiresAt, dropAt: new Date(s.expiresAt) }));
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // an earlier try went through (the id is a fresh cookie's hash)
      }
    },
    async getStaffSession(idHash) {
      const d = await M.Session.findById(idHash).lean();
      return d ? { idHash: d._id, username: d.username, csrf: d.csrf, createdAt: d.createdAt, expiresAt: d.expiresAt } : null;
    },
    async deleteStaffSession(idHash) {
      await retryRaces(() => M.Session.deleteOne({ _id: idHash }));
    },
    async deleteStaffSessionsOf(username) {
      return (await retryRaces(() => M.Session.deleteMany({ username }))).deletedCount;
    },

    async addAudit(e) {
      // its _id before the first try: a retried insert that had gone through is a duplicate, never a second line
      const doc: AuditDoc = { _id: new mongoose.Types.ObjectId(), seq: seq(), at: e.at, actor: e.actor, action: e.action };
      if (e.target !== undefined) doc.target = e.target;
      if (e.detail !== undefined) doc.detail = JSON.parse(JSON.stringify(e.detail)) as Record<string, unknown>;
      try {
        await retryRaces(() => M.Audit.create(doc));
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    },
    async listAudit(f = {}) {
      const q: Record<string, unknown> = {};
      if (f.since !== undefined) q.at = { $gte: f.since };
      if (f.action !== undefined) q.action = f.action;
      if (f.target !== undefined) q.target = f.target;
      const docs = await M.Audit.find(q).sort({ seq: -1 }).limit(f.limit ?? 200).lean();
      return docs.map((d) => {
        const e: AuditEntry = { id: String(d.seq), at: d.at, actor: d.actor, action: d.action };
        if (d.target != null) e.target = d.target;
        if (d.detail != null) e.detail = d.detail;
        return e;
      });
    },

    async addReviewItem(i) {
      const doc: ReviewDoc = { _id: newReviewId(), seq: seq(), ...i, keptSince: new Date(i.at) };
      if (doc.locality == null) delete doc.locality;
      try {
        await retryRaces(() => M.Review.create(doc));
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
      return toReview((await M.Review.findOne({ channel: i.channel, messageId: i.messageId }).lean()) as ReviewDoc);
    },
    async listReviewItems(f = {}) {
      const q: Record<string, unknown> = {};
      if (f.state === 'pending') q.verdict = null;
      if (f.state === 'reviewed') q.verdict = { $ne: null };
      if (f.verdict?.length) q.verdict = { $in: f.verdict };
      if (f.since !== undefined) q.at = { $gte: f.since };
      const docs = await M.Review.find(q).sort({ at: -1, seq: -1 }).limit(f.limit ?? 500).lean();
      return docs.map((d) => toReview(d as ReviewDoc));
    },
    async markReviewItem(id, m, now) {
      const $set: Record<string, unknown> = { verdict: m.verdict, reviewedBy: m.reviewedBy, reviewedAt: now };
      const $unset: Record<string, 1> = {};
      if (m.rightIntent != null) $set.rightIntent = m.rightIntent;
      else $unset.rightIntent = 1;
      if (m.note != null) $set.note = m.note;
      else $unset.note = 1;
      const d = await retryRaces(() => M.Review.findOneAndUpdate({ _id: id }, { $set, $unset }, { returnDocument: 'after' }).lean());
      return d ? toReview(d as ReviewDoc) : null;
    },

    async putConversationToken(channel, user, tokenHash, now) {
      try {
        await retryRaces(() => M.Token.create({ channel, user, tokenHash, createdAt: now, keptSince: new Date(now) }));
        return tokenHash;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
      return (await M.Token.findOne({ channel, user }).lean())!.tokenHash;
    },
    async getConversationToken(channel, user) {
      return (await M.Token.findOne({ channel, user }).lean())?.tokenHash ?? null;
    },

    async inboundStats(since, until) {
      const inbound = conn.collection(`${prefix}inbound`);
      const match = { $match: { sentAt: { $gte: since, $lt: until }, processed: true } };
      const [byLocality, byHour] = await Promise.all([
        inbound
          .aggregate<{ _id: string | null; n: number; u: number }>([
            match,
            { $group: { _id: { $ifNull: ['$locality', null] }, n: { $sum: 1 }, u: { $sum: { $cond: ['$urgent', 1, 0] } } } },
            { $sort: { n: -1 } },
          ])
          .toArray(),
        inbound
          .aggregate<{ _id: number; n: number }>([
            match,
            { $group: { _id: { $floor: { $divide: [{ $subtract: ['$sentAt', since] }, 3_600_000] } }, n: { $sum: 1 } } },
            { $sort: { _id: 1 } },
          ])
          .toArray(),
      ]);
      return {
        messages: byLocality.reduce((a, r) => a + r.n, 0),
        urgent: byLocality.reduce((a, r) => a + r.u, 0),
        byLocality: byLocality.map((r) => ({ locality: r._id ?? null, messages: r.n, urgent: r.u })),
        byHour: byHour.map((r) => ({ hour: r._id, messages: r.n })),
      };
    },

    async purgeConsoleData(ageMs, now) {
      const [sessions, review, tokens] = await Promise.all([
        retryRaces(() => M.Session.deleteMany({ expiresAt: { $lt: now } })),
        retryRaces(() => M.Review.deleteMany({ at: { $lt: now - ageMs } })),
        retryRaces(() => M.Token.deleteMany({ createdAt: { $lt: now - ageMs } })),
      ]);
      return { sessions: sessions.deletedCount, review: review.deletedCount, conversationTokens: tokens.deletedCount };
    },
  };
}
