// The store on MongoDB through mongoose, for several instances behind a load balancer. Same behaviour as
// sqlite.ts (the contract suite runs against both): unique indexes de-duplicate, findOneAndUpdate leases.
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { liveStatus } from './status';
import type { ChannelName, Inbound, Session } from '../core/types';
import type { MailboxMessage, OutboxItem, Ticket } from '../service/ports';
import { newOutboxId, newTicket } from './ids';
import { mongoConsole } from './mongo-console';
import type { ConversationLine, NewTicket, OutboxRecord, Store, TicketFilter } from './port';

export interface MongoStoreOptions {
  uri: string;
  /** Database name when the URI has none. */
  dbName?: string;
  /** Prefix for collection names (tests use a fresh one per store). */
  prefix?: string;
}

interface InboundDoc {
  channel: string;
  messageId: string;
  user: string;
  sentAt: number;
  raw?: Inbound | null;
  processed: boolean;
  intent?: string;
  locality?: string;
  urgent?: boolean;
  handoff?: boolean;
  redacted?: string;
  outcome?: string | null;
}
interface MessageDoc { channel: string; user: string; from: string; text: string; at: number; seq: number }
interface SessionDoc { _id: string; data: Session; updatedAt: number }
interface TicketDoc extends Omit<Ticket, 'id'> { _id: string }
interface StatusDoc { _id: string; state: 'open' | 'full' | 'closed'; load?: string; note?: string; updatedAt: number }
interface OutboxDoc {
  _id: string;
  seq: number;
  dedupeKey?: string;
  channel: string;
  chat: string;
  text: string;
  urgent: number;
  quickReplies: OutboxItem['quickReplies'];
  meta?: Record<string, unknown>;
  attempts: number;
  createdAt: number;
  notBefore: number;
  leaseUntil: number;
  state: 'pending' | 'sent' | 'dead';
  lastError?: string;
  doneAt?: number;
}
interface MailboxDoc { _id: string; channel: string; chat: string; message: MailboxMessage; at: number; seq: number }
interface KvDoc { _id: string; value: string }
interface CounterDoc { _id: string; n: number }

const opts = { versionKey: false, strict: true } as const;

function models(conn: Connection, prefix: string) {
  const m = <T>(name: string, schema: Schema<T>): Model<T> => conn.model<T>(`${prefix}${name}`, schema, `${prefix}${name}`);

  const inbound = new Schema<InboundDoc>(
    {
      channel: { type: String, required: true },
      messageId: { type: String, required: true },
      user: { type: String, required: true },
      sentAt: { type: Number, required: true },
      raw: { type: Schema.Types.Mixed, default: null },
      processed: { type: Boolean, default: false },
      intent: String,
      locality: String,
      urgent: Boolean,
      handoff: Boolean,
      redacted: String,
      outcome: { type: String, default: null },
    },
    opts,
  );
  inbound.index({ channel: 1, messageId: 1 }, { unique: true });
  inbound.index({ processed: 1, sentAt: 1 });
  inbound.index({ sentAt: 1 });

  const message = new Schema<MessageDoc>(
    { channel: String, user: String, from: String, text: String, at: Number, seq: Number },
    opts,
  );
  message.index({ channel: 1, user: 1, seq: -1 });
  message.index({ at: 1 });

  const session = new Schema<SessionDoc>(
    { _id: String, data: { type: Schema.Types.Mixed, required: true }, updatedAt: Number },
    { ...opts, minimize: false },
  );
  session.index({ updatedAt: 1 });

  const ticket = new Schema<TicketDoc>(
    {
      _id: String,
      channel: String,
      user: String,
      chat: String,
      locality: String,
      reason: String,
      urgent: Boolean,
      state: String,
      claimedBy: String,
      level: Number,
      createdAt: Number,
      updatedAt: Number,
      lastMessages: { type: Schema.Types.Mixed, default: [] },
    },
    opts,
  );
  ticket.index({ channel: 1, user: 1, state: 1 });
  ticket.index({ state: 1, createdAt: -1 });

  const status = new Schema<StatusDoc>({ _id: String, state: String, load: String, note: String, updatedAt: Number }, opts);

  const outbox = new Schema<OutboxDoc>(
    {
      _id: String,
      seq: Number,
      dedupeKey: String,
      channel: String,
      chat: String,
      text: String,
      urgent: Number,
      quickReplies: { type: Schema.Types.Mixed, default: [] },
      meta: Schema.Types.Mixed,
      attempts: { type: Number, default: 0 },
      createdAt: Number,
      notBefore: Number,
      leaseUntil: { type: Number, default: 0 },
      state: String,
      lastError: String,
      doneAt: Number,
    },
    opts,
  );
  outbox.index({ dedupeKey: 1 }, { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } });
  outbox.index({ channel: 1, state: 1, urgent: -1, createdAt: 1, seq: 1 });
  outbox.index({ channel: 1, chat: 1, state: 1, seq: 1 });
  outbox.index({ state: 1, doneAt: 1 });

  const mailbox = new Schema<MailboxDoc>(
    { _id: String, channel: String, chat: String, message: { type: Schema.Types.Mixed, required: true }, at: Number, seq: Number },
    opts,
  );
  mailbox.index({ channel: 1, chat: 1, seq: 1 });
  mailbox.index({ at: 1 });

  const kv = new Schema<KvDoc>({ _id: String, value: String }, opts);
  const counter = new Schema<CounterDoc>({ _id: String, n: Number }, opts);

  return {
    Inbound: m('inbound', inbound),
    Message: m('messages', message),
    Session: m('sessions', session),
    Ticket: m('tickets', ticket),
    Status: m('facility_status', status),
    Outbox: m('outbox', outbox),
    Mailbox: m('mailbox', mailbox),
    Kv: m('kv', kv),
    Counter: m('counters', counter),
  };
}

/** What SQLite's JSON columns keep: no `undefined` (the driver would store it as null). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number } | null)?.code === 11000;

const toTicket = (d: TicketDoc): Ticket => {
  const { _id, ...rest } = d;
  const t: Ticket = { id: _id, ...rest, lastMessages: rest.lastMessages ?? [] };
  if (t.locality == null) delete t.locality;
  if (t.claimedBy == null) delete t.claimedBy;
  return t;
};

const toItem = (d: OutboxDoc): OutboxItem => ({
  id: d._id,
  channel: d.channel as ChannelName,
  chat: d.chat,
  text: d.text,
  urgent: d.urgent === 1,
  quickReplies: d.quickReplies ?? [],
  attempts: d.attempts,
  createdAt: d.createdAt,
  ...(d.meta != null ? { meta: d.meta } : {}),
});

const toRecord = (d: OutboxDoc): OutboxRecord => ({
  ...toItem(d),
  state: d.state,
  notBefore: d.notBefore,
  leaseUntil: d.leaseUntil,
  ...(d.lastError != null ? { lastError: d.lastError } : {}),
  ...(d.dedupeKey != null ? { dedupeKey: d.dedupeKey } : {}),
});

export async function openMongoStore(o: MongoStoreOptions): Promise<Store> {
  const conn = await mongoose
    .createConnection(o.uri, { ...(o.dbName ? { dbName: o.dbName } : {}), serverSelectionTimeoutMS: 5000 })
    .asPromise();
  const M = models(conn, o.prefix ?? '');
  await Promise.all(Object.values(M).map((model) => (model as Model<unknown>).init()));

  const nextSeq = async (name: string): Promise<number> => {
    const c = await M.Counter.findOneAndUpdate({ _id: name }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    return c!.n;
  };

  let closed = false;
  const consoleStore = await mongoConsole(conn, o.prefix ?? '', nextSeq);

  const store: Store = {
    kind: 'mongo',
    ...consoleStore,

    async recordInbound(inbound) {
      try {
        await M.Inbound.create({
          channel: inbound.channel,
          messageId: inbound.messageId,
          user: inbound.user,
          sentAt: inbound.sentAt,
          raw: plain(inbound),
          processed: false,
        });
        return { duplicate: false };
      } catch (e) {
        if (isDuplicateKey(e)) return { duplicate: true };
        throw e;
      }
    },
    async markProcessed(channel, messageId, s) {
      const $set: Record<string, unknown> = {
        raw: null,
        processed: true,
        intent: s.intent,
        urgent: s.urgent,
        handoff: s.handoff,
        redacted: s.redactedText,
        outcome: s.outcome ?? null,
      };
      if (s.locality != null) $set.locality = s.locality;
      const before = await M.Inbound.findOneAndUpdate({ channel, messageId }, { $set }, { returnDocument: 'before' }).lean();
      if (before && !before.processed) {
        await M.Message.create({ channel, user: before.user, from: 'user', text: s.redactedText, at: before.sentAt, seq: await nextSeq('messages') });
      }
    },
    async inboundOutcome(channel, messageId) {
      const d = await M.Inbound.findOne({ channel, messageId }, { processed: 1, outcome: 1 }).lean();
      return d ? { processed: d.processed === true, outcome: d.outcome ?? null } : null;
    },
    async unprocessedInbound(opts = {}) {
      const docs = await M.Inbound.find({ processed: false, sentAt: { $lt: opts.before ?? Number.MAX_SAFE_INTEGER }, raw: { $ne: null } })
        .sort({ sentAt: 1 })
        .limit(opts.limit ?? 1000)
        .lean();
      return docs.map((d) => d.raw as Inbound);
    },
    async appendMessage(channel, user, line) {
      await M.Message.create({ channel, user, from: line.from, text: line.text, at: line.at, seq: await nextSeq('messages') });
    },
    async recentMessages(channel, user, limit) {
      const docs = await M.Message.find({ channel, user }).sort({ seq: -1 }).limit(limit).lean();
      return docs.reverse().map((d) => ({ from: d.from as ConversationLine['from'], text: d.text, at: d.at }));
    },

    async loadSession(key) {
      const d = await M.Session.findById(key).lean();
      return d ? (d.data as Session) : null;
    },
    async saveSession(key, session, now) {
      await M.Session.replaceOne({ _id: key }, { _id: key, data: plain(session), updatedAt: now }, { upsert: true });
    },

    async createTicket(input: NewTicket, now) {
      const t = newTicket(input, now);
      const { id, ...rest } = plain(t);
      await M.Ticket.create({ _id: id, ...rest });
      return t;
    },
    async updateTicket(id, patch, now, ifState) {
      const $set: Record<string, unknown> = { updatedAt: now };
      const $unset: Record<string, 1> = {};
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) $unset[k] = 1;
        else $set[k] = plain(v);
      }
      const filter: Record<string, unknown> = { _id: id };
      if (ifState) filter.state = { $in: ifState };
      const d = await M.Ticket.findOneAndUpdate(filter, Object.keys($unset).length ? { $set, $unset } : { $set }, {
        returnDocument: 'after',
      }).lean();
      return d ? toTicket(d as TicketDoc) : null;
    },
    async getTicket(id) {
      const d = await M.Ticket.findById(id).lean();
      return d ? toTicket(d as TicketDoc) : null;
    },
    async listTickets(filter: TicketFilter = {}) {
      const f: Record<string, unknown> = {};
      if (filter.state !== undefined) f.state = { $in: Array.isArray(filter.state) ? filter.state : [filter.state] };
      if (filter.urgent !== undefined) f.urgent = filter.urgent;
      if (filter.createdBefore !== undefined) f.createdAt = { $lt: filter.createdBefore };
      const docs = await M.Ticket.find(f).sort({ createdAt: -1, _id: -1 }).limit(filter.limit ?? 1000).lean();
      return docs.map((d) => toTicket(d as TicketDoc));
    },
    async openTicketFor(channel, user) {
      const d = await M.Ticket.findOne({ channel, user, state: { $in: ['open', 'claimed'] } }).sort({ createdAt: -1 }).lean();
      return d ? toTicket(d as TicketDoc) : null;
    },

    async getStatus() {
      const docs = await M.Status.find({}).lean();
      return liveStatus(docs.map((d) => ({ facility: d._id, state: d.state, load: d.load, note: d.note, updatedAt: d.updatedAt })));
    },
    async setFacilityStatus(facilityId, s, now) {
      const doc: StatusDoc = { _id: facilityId, state: s.state, updatedAt: now };
      if (s.load != null) doc.load = s.load;
      if (s.note != null) doc.note = s.note;
      await M.Status.replaceOne({ _id: facilityId }, doc, { upsert: true });
    },
    async clearFacilityStatus(facilityId) {
      await M.Status.deleteOne({ _id: facilityId });
    },

    async enqueue(item) {
      if (item.dedupeKey != null) {
        const existing = await M.Outbox.findOne({ dedupeKey: item.dedupeKey }, { _id: 1 }).lean();
        if (existing) return { id: existing._id, duplicate: true };
      }
      const id = item.id ?? newOutboxId();
      const doc: OutboxDoc = {
        _id: id,
        seq: await nextSeq('outbox'),
        channel: item.channel,
        chat: item.chat,
        text: item.text,
        urgent: item.urgent ? 1 : 0,
        quickReplies: plain(item.quickReplies ?? []),
        attempts: 0,
        createdAt: item.createdAt,
        notBefore: item.notBefore ?? item.createdAt,
        leaseUntil: 0,
        state: 'pending',
      };
      if (item.dedupeKey != null) doc.dedupeKey = item.dedupeKey;
      if (item.meta !== undefined) doc.meta = plain(item.meta);
      try {
        await M.Outbox.create(doc);
        return { id, duplicate: false };
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        const existing = item.dedupeKey != null ? await M.Outbox.findOne({ dedupeKey: item.dedupeKey }, { _id: 1 }).lean() : null;
        return { id: existing?._id ?? id, duplicate: true };
      }
    },
    async claimDue(channel, now, limit, leaseMs) {
      const candidates = await M.Outbox.find({ channel, state: 'pending', notBefore: { $lte: now }, leaseUntil: { $lte: now } })
        .sort({ urgent: -1, createdAt: 1, seq: 1 })
        .limit(limit * 4 + 20)
        .lean();
      const out: OutboxItem[] = [];
      const chats = new Set<string>();
      for (const c of candidates) {
        if (out.length >= limit) break;
        if (chats.has(c.chat)) continue;
        chats.add(c.chat);
        // only the head of the chat's queue: parts go out in order, a retrying part holds back the rest
        const ahead = await M.Outbox.exists({
          channel,
          chat: c.chat,
          state: 'pending',
          $or: [{ urgent: { $gt: c.urgent } }, { urgent: c.urgent, seq: { $lt: c.seq } }],
        });
        if (ahead) continue;
        const leased = await M.Outbox.findOneAndUpdate(
          { _id: c._id, state: 'pending', leaseUntil: { $lte: now } },
          { $set: { leaseUntil: now + leaseMs }, $inc: { attempts: 1 } },
          { returnDocument: 'after' },
        ).lean();
        if (leased) out.push(toItem(leased as OutboxDoc));
      }
      return out;
    },
    async markSent(id, now) {
      await M.Outbox.updateOne({ _id: id }, { $set: { state: 'sent', leaseUntil: 0, doneAt: now } });
    },
    async defer(id, notBefore) {
      await M.Outbox.updateOne({ _id: id, state: 'pending', attempts: { $gt: 0 } }, { $set: { notBefore, leaseUntil: 0 }, $inc: { attempts: -1 } });
      await M.Outbox.updateOne({ _id: id, state: 'pending', attempts: 0 }, { $set: { notBefore, leaseUntil: 0 } });
    },
    async markRetry(id, notBefore, error) {
      await M.Outbox.updateOne({ _id: id, state: 'pending' }, { $set: { notBefore, leaseUntil: 0, lastError: error } });
    },
    async markDead(id, error, now) {
      await M.Outbox.updateOne({ _id: id }, { $set: { state: 'dead', leaseUntil: 0, lastError: error, doneAt: now } });
    },
    async releaseLeases() {
      const r = await M.Outbox.updateMany({ state: 'pending', leaseUntil: { $gt: 0 } }, { $set: { leaseUntil: 0 } });
      return r.modifiedCount;
    },
    async outboxDepth(channel) {
      return M.Outbox.countDocuments(channel ? { state: 'pending', channel } : { state: 'pending' });
    },
    async getOutboxItem(id) {
      const d = await M.Outbox.findById(id).lean();
      return d ? toRecord(d as OutboxDoc) : null;
    },
    async deadLetters(limit = 100) {
      const docs = await M.Outbox.find({ state: 'dead' }).sort({ doneAt: -1, seq: -1 }).limit(limit).lean();
      return docs.map((d) => toRecord(d as OutboxDoc));
    },
    async nextDue(channel) {
      const [r] = await M.Outbox.aggregate<{ t: number }>([
        { $match: { channel, state: 'pending' } },
        { $sort: { chat: 1, urgent: -1, seq: 1 } },
        { $group: { _id: '$chat', t: { $first: { $max: ['$notBefore', '$leaseUntil'] } } } },
        { $group: { _id: null, t: { $min: '$t' } } },
      ]);
      return r ? r.t : null;
    },

    async get(key) {
      const d = await M.Kv.findById(key).lean();
      return d ? d.value : null;
    },
    async set(key, value) {
      await M.Kv.replaceOne({ _id: key }, { _id: key, value }, { upsert: true });
    },
    async delete(key) {
      await M.Kv.deleteOne({ _id: key });
    },

    async mailboxPut(channel, chat, message) {
      try {
        await M.Mailbox.create({ _id: message.id, channel, chat, message: plain(message), at: message.at, seq: await nextSeq('mailbox') });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    },
    async mailboxTake(channel, chat, limit) {
      // One findOneAndDelete per message: each is returned once, whichever instance takes it.
      const out: MailboxMessage[] = [];
      while (out.length < limit) {
        const doc = await M.Mailbox.findOneAndDelete({ channel, chat }, { sort: { seq: 1 } }).lean();
        if (!doc) break;
        out.push(doc.message);
      }
      return out;
    },
    async purgeOlderThan(ageMs, now) {
      const cutoff = now - ageMs;
      const [inbound, messages, sessions, tickets, outbox, mailbox] = await Promise.all([
        M.Inbound.deleteMany({ sentAt: { $lt: cutoff } }),
        M.Message.deleteMany({ at: { $lt: cutoff } }),
        M.Session.deleteMany({ updatedAt: { $lt: cutoff } }),
        M.Ticket.deleteMany({ state: 'closed', updatedAt: { $lt: cutoff } }),
        M.Outbox.deleteMany({ state: { $in: ['sent', 'dead'] }, doneAt: { $lt: cutoff } }),
        M.Mailbox.deleteMany({ at: { $lt: cutoff } }),
      ]);
      return {
        inbound: inbound.deletedCount,
        messages: messages.deletedCount,
        sessions: sessions.deletedCount,
        tickets: tickets.deletedCount,
        outbox: outbox.deletedCount,
        mailbox: mailbox.deletedCount,
      };
    },
    async ping() {
      if (closed) throw new Error('store: closed');
      await conn.db!.admin().ping();
    },
    async close() {
      if (closed) return;
      closed = true;
      await conn.close();
    },
  };
  return store;
}
