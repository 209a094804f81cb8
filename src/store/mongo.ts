// The store on MongoDB through mongoose, for several instances behind a load balancer. Same behaviour as
// sqlite.ts (the contract suite runs against both), and what one process cannot guarantee on its own is
// held by the database: unique indexes de-duplicate messages, replies and open tickets (mapping every
// "already exists" a server answers, retrying the races it cannot order: mongo-errors.ts); a session is
// saved only if its version is still the one read; leases are findOneAndUpdates one instance wins; rate
// counters and chat holds are documents every instance shares. Indexes come from `jiuyi store migrate`
// (mongo-migrate.ts), never from start-up; TTL indexes expire old data; orderings come from a hybrid clock
// (seq.ts), not from a counter document every write would go through.
import mongoose, { type Connection } from 'mongoose';
import type { Inbound, Session } from '../core/types';
import type { MailboxMessage, Ticket } from '../service/ports';
import { newTicket } from './ids';
import { mongoConsole } from './mongo-console';
import { isDuplicateKey, retryRaces } from './mongo-errors';
import { checkSchema } from './mongo-migrate';
import { models, openKeyOf, type InboundDoc, type Models, type TicketDoc } from './mongo-models';
import { mongoOutbox, plain } from './mongo-outbox';
import type { ConversationLine, InboundSummary, NewTicket, Store, StoredSession, TicketFilter, TurnWrite } from './port';
import { hybridClock } from './seq';
import { liveStatus } from './status';

export interface MongoStoreOptions {
  uri: string;
  /** Database name when the URI has none. */
  dbName?: string;
  /** Prefix for collection names (tests use a fresh one per store). */
  prefix?: string;
  /** JIUYI_RETENTION_DAYS: checked against what `store migrate` gave the TTL indexes. */
  retentionDays?: number;
  /** Skip the check that `store migrate` ran (the migrate command itself). */
  unchecked?: boolean;
}

/** The connection as the store and `store migrate` open it: no index or collection built implicitly. */
export async function connectMongo(o: Pick<MongoStoreOptions, 'uri' | 'dbName'>): Promise<Connection> {
  return mongoose
    .createConnection(o.uri, { ...(o.dbName ? { dbName: o.dbName } : {}), serverSelectionTimeoutMS: 5000, autoIndex: false, autoCreate: false })
    .asPromise();
}

const toTicket = (d: TicketDoc): Ticket => {
  const { _id, openKey: _open, keptSince: _kept, ...rest } = d;
  const t: Ticket = { id: _id, ...rest, lastMessages: rest.lastMessages ?? [] };
  if (t.locality == null) delete t.locality;
  if (t.claimedBy == null) delete t.claimedBy;
  return t;
};

const summarySet = (s: InboundSummary): Record<string, unknown> => ({
  raw: null,
  processed: true,
  intent: s.intent,
  urgent: s.urgent,
  handoff: s.handoff,
  redacted: s.redactedText,
  outcome: s.outcome ?? null,
  ...(s.locality != null ? { locality: s.locality } : {}),
});

export async function openMongoStore(o: MongoStoreOptions): Promise<Store> {
  const conn = await connectMongo(o);
  try {
    if (!o.unchecked) await checkSchema(conn, { prefix: o.prefix, retentionDays: o.retentionDays });
  } catch (e) {
    await conn.close();
    throw e;
  }
  return mongoStore(conn, o.prefix ?? '');
}

function mongoStore(conn: Connection, prefix: string): Store {
  const M: Models = models(conn, prefix);
  const seq = hybridClock();
  let closed = false;

  // Each line has its _id before it is first sent: an insert retried after a lost race (retryRaces) that had
  // in fact gone through answers E11000 for it, and is done — never a second copy of the line.
  const line = (channel: string, user: string, l: ConversationLine, n = seq()) => ({
    _id: new mongoose.Types.ObjectId(),
    channel,
    user,
    from: l.from,
    text: l.text,
    at: l.at,
    seq: n,
    keptSince: new Date(l.at),
  });

  /** Inserts conversation lines, retrying lost races; a line already there (an earlier try went through) is done. */
  const insertLines = async (docs: ReturnType<typeof line>[]): Promise<void> => {
    if (!docs.length) return;
    try {
      await retryRaces(() => M.Message.collection.insertMany(docs as never[], { ordered: false }));
    } catch (e) {
      const writeErrors = (e as { writeErrors?: { code?: unknown }[] }).writeErrors;
      if (!isDuplicateKey(e) || (Array.isArray(writeErrors) && !writeErrors.every((w) => w?.code === 11000))) throw e;
    }
  };

  const recordInbound = async (inbound: Inbound): Promise<{ duplicate: boolean }> => {
    const doc: InboundDoc = {
      channel: inbound.channel,
      messageId: inbound.messageId,
      user: inbound.user,
      sentAt: inbound.sentAt,
      raw: plain(inbound),
      processed: false,
      outcome: null,
      keptSince: new Date(inbound.sentAt),
    };
    try {
      await retryRaces(() => M.Inbound.collection.insertOne(doc as never));
      return { duplicate: false };
    } catch (e) {
      if (isDuplicateKey(e)) return { duplicate: true };
      throw e;
    }
  };

  const readSession = async (key: string): Promise<StoredSession | null> => {
    const d = await M.Session.findById(key, { data: 1, v: 1 }).lean();
    return d ? { session: d.data as Session, version: d.v ?? 0 } : null;
  };

  const saveSession = async (key: string, session: Session, now: number, expect?: number | null): Promise<boolean> => {
    const fields = { data: plain(session), updatedAt: now, keptSince: new Date(now) };
    if (expect === undefined) {
      await retryRaces(() => M.Session.updateOne({ _id: key }, { $set: fields, $inc: { v: 1 } }, { upsert: true }));
      return true;
    }
    if (expect === null) {
      try {
        await retryRaces(() => M.Session.collection.insertOne({ _id: key, ...fields, v: 1 } as never));
        return true;
      } catch (e) {
        if (isDuplicateKey(e)) return false;
        throw e;
      }
    }
    const r = await retryRaces(() => M.Session.updateOne({ _id: key, ...(expect === 0 ? { $or: [{ v: 0 }, { v: { $exists: false } }] } : { v: expect }) }, { $set: fields, $inc: { v: 1 } }));
    return r.modifiedCount === 1;
  };

  /** The summary replaces the raw message; true the first time (the user's line is appended then). */
  const process = async (channel: string, messageId: string, s: InboundSummary): Promise<InboundDoc | null> => {
    const $set = summarySet(s);
    // Retried when it loses a race: FerretDB answers "deadlock detected" to this update when the other
    // instance's insert of the same message (a duplicate delivery, refused) runs at the same moment.
    const first = await retryRaces(() => M.Inbound.findOneAndUpdate({ channel, messageId, processed: false }, { $set }, { projection: { user: 1, sentAt: 1 } }).lean());
    if (!first) await retryRaces(() => M.Inbound.updateOne({ channel, messageId }, { $set }));
    return first as InboundDoc | null;
  };

  const store: Store = {
    kind: 'mongo',
    expiresItself: true,
    ...mongoConsole(conn, prefix, seq),
    ...mongoOutbox(M, seq),

    recordInbound,
    async markProcessed(channel, messageId, s) {
      const first = await process(channel, messageId, s);
      if (first) await insertLines([line(channel, first.user, { from: 'user', text: s.redactedText, at: first.sentAt })]);
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
    async appendMessage(channel, user, l) {
      await insertLines([line(channel, user, l)]);
    },
    async recentMessages(channel, user, limit) {
      const docs = await M.Message.find({ channel, user }, { from: 1, text: 1, at: 1 }).sort({ seq: -1 }).limit(limit).lean();
      return docs.reverse().map((d) => ({ from: d.from as ConversationLine['from'], text: d.text, at: d.at }));
    },

    async beginTurn(inbound, key) {
      const [{ duplicate }, stored] = await Promise.all([recordInbound(inbound), readSession(key)]);
      return { duplicate, stored };
    },
    async finishTurn(w: TurnWrite) {
      if (!(await saveSession(w.sessionKey, w.session, w.now, w.expect))) return false;
      const { channel, messageId, user, sentAt } = w.inbound;
      const userSeq = seq(); // before the bot's lines, whenever it is written
      const lines = w.lines.map((l) => line(channel, user, l));
      await Promise.all([
        process(channel, messageId, w.summary).then(async (first) => {
          if (first) await insertLines([line(channel, user, { from: 'user', text: w.summary.redactedText, at: sentAt }, userSeq)]);
        }),
        insertLines(lines),
        ...w.outbox.map((item) => store.enqueue(item)),
      ]);
      return true;
    },

    async loadSession(key) {
      return (await readSession(key))?.session ?? null;
    },
    readSession,
    saveSession,

    async openTicket(input: NewTicket, now) {
      const t = newTicket(input, now);
      const { id, ...rest } = plain(t);
      const open = t.state === 'open' || t.state === 'claimed';
      for (let attempt = 0; ; attempt++) {
        try {
          await retryRaces(() => M.Ticket.collection.insertOne({ _id: id, ...rest, ...(open ? { openKey: openKeyOf(t.channel, t.user) } : {}) } as never));
          return { ticket: t, created: true };
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
        const existing = await store.openTicketFor(t.channel, t.user);
        if (existing) return { ticket: existing, created: false };
        // closed in between: try again (a few times; then it is a broken index, not a race)
        if (attempt >= 3) throw new Error('store: could not open a ticket: the open-ticket index refuses it and no open ticket is found');
      }
    },
    async updateTicket(id, patch, now, ifState, ifLevel) {
      const $set: Record<string, unknown> = { updatedAt: now };
      const $unset: Record<string, 1> = {};
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) $unset[k] = 1;
        else $set[k] = plain(v);
      }
      if (patch.state === 'closed') {
        $unset.openKey = 1;
        $set.keptSince = new Date(now);
      }
      const filter: Record<string, unknown> = { _id: id };
      if (ifState) filter.state = { $in: ifState };
      if (ifLevel !== undefined) filter.level = ifLevel;
      const update = Object.keys($unset).length ? { $set, $unset } : { $set };
      const d = await retryRaces(() => M.Ticket.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean());
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
      const doc = { _id: facilityId, state: s.state, updatedAt: now, ...(s.load != null ? { load: s.load } : {}), ...(s.note != null ? { note: s.note } : {}) };
      await retryRaces(() => M.Status.replaceOne({ _id: facilityId }, doc, { upsert: true }));
    },
    async clearFacilityStatus(facilityId) {
      await retryRaces(() => M.Status.deleteOne({ _id: facilityId }));
    },

    async get(key) {
      const d = await M.Kv.findById(key).lean();
      return d ? d.value : null;
    },
    async set(key, value) {
      await retryRaces(() => M.Kv.replaceOne({ _id: key }, { _id: key, value }, { upsert: true }));
    },
    async delete(key) {
      await retryRaces(() => M.Kv.deleteOne({ _id: key }));
    },

    async countOnce(key, once, windowStart, windowMs, seenMs) {
      // the mark of `once`: one instance inserts it and counts; any other finds it there and reads the count as
      // it is (without the first one's hit when that has not been added yet: the message is theirs to answer)
      try {
        await retryRaces(() => M.Counter.collection.insertOne({ _id: `${key}#${once}`, n: 0, dropAt: new Date(windowStart + windowMs + seenMs) } as never));
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        return { n: (await M.Counter.findById(`${key}@${windowStart}`, { n: 1 }).lean())?.n ?? 0, counted: false };
      }
      return { n: await store.countHit(key, windowStart, windowMs), counted: true };
    },
    async countHit(key, windowStart, windowMs, by = 1) {
      const _id = `${key}@${windowStart}`;
      // an update first: the window's document exists but for the first hit of the window, and an upsert
      // racing another instance's is what FerretDB answers "deadlock detected" to
      const hit = await retryRaces(() => M.Counter.findOneAndUpdate({ _id }, { $inc: { n: by } }, { returnDocument: 'after', projection: { n: 1 } }).lean());
      if (hit) return hit.n;
      try {
        await retryRaces(() => M.Counter.collection.insertOne({ _id, n: by, dropAt: new Date(windowStart + windowMs + 60_000) } as never));
        return by;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
      const again = await retryRaces(() => M.Counter.findOneAndUpdate({ _id }, { $inc: { n: by } }, { returnDocument: 'after', projection: { n: 1 } }).lean());
      return again?.n ?? by;
    },
    async heartbeat(self, now, ttlMs) {
      await retryRaces(() =>
        M.Instance.updateOne(
          { _id: self.id },
          { $set: { host: self.host, pid: self.pid, startedAt: self.startedAt, seenAt: now, dropAt: new Date(now + ttlMs) } },
          { upsert: true },
        ),
      );
      const docs = await M.Instance.find({ dropAt: { $gt: new Date(now) } }).sort({ startedAt: 1, _id: 1 }).lean();
      return docs.map((d) => ({ id: d._id, host: d.host, pid: d.pid, startedAt: d.startedAt, seenAt: d.seenAt }));
    },
    async leave(id) {
      await retryRaces(() => M.Instance.deleteOne({ _id: id }));
    },

    async mailboxPut(channel, chat, message: MailboxMessage) {
      try {
        await retryRaces(() =>
          M.Mailbox.collection.insertOne({ _id: message.id, channel, chat, message: plain(message), at: message.at, seq: seq(), keptSince: new Date(message.at) } as never),
        );
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    },
    async mailboxTake(channel, chat, limit) {
      // One findOneAndDelete per message: each is returned once, whichever instance takes it.
      const out: MailboxMessage[] = [];
      while (out.length < limit) {
        const doc = await retryRaces(() => M.Mailbox.findOneAndDelete({ channel, chat }, { sort: { seq: 1 } }).lean());
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
