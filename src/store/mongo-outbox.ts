// The outbox's part of the MongoDB store: replies waiting to be sent, leased to the instance that sends
// them (a findOneAndUpdate that only one instance wins), the head of each chat's queue at a time, and
// per-chat holds that every instance respects (the platform's spacing between two sends to one chat, set
// before the first send stops holding the chat's queue).
import type { ChannelName } from '../core/types';
import type { OutboxItem } from '../service/ports';
import { newOutboxId } from './ids';
import { isDuplicateKey, retryRaces } from './mongo-errors';
import type { Models, OutboxDoc } from './mongo-models';
import type { NewOutboxItem, OutboxRecord, Store } from './port';
import type { Sequence } from './seq';

/** What SQLite's JSON columns keep: no `undefined` (the driver would store it as null). */
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

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

const holdId = (channel: string, chat: string) => `${channel} ${chat}`;

export type OutboxPart = Pick<
  Store,
  'enqueue' | 'claimDue' | 'markSent' | 'defer' | 'markRetry' | 'markDead' | 'releaseLeases' | 'outboxDepth' | 'getOutboxItem' | 'deadLetters' | 'nextDue'
>;

export function mongoOutbox(M: Models, seq: Sequence): OutboxPart {
  const done = (now: number) => ({ leaseUntil: 0, doneAt: now, keptSince: new Date(now) });

  return {
    async enqueue(item: NewOutboxItem) {
      const id = item.id ?? newOutboxId();
      const doc: OutboxDoc = {
        _id: id,
        seq: seq(),
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
        await retryRaces(() => M.Outbox.collection.insertOne(doc as never));
        return { id, duplicate: false };
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        const existing = item.dedupeKey != null ? await M.Outbox.findOne({ dedupeKey: item.dedupeKey }, { _id: 1 }).lean() : null;
        return { id: existing?._id ?? id, duplicate: true };
      }
    },

    async claimDue(channel, now, limit, leaseMs) {
      // singleBatch: the server closes the cursor with its one answer (FerretDB otherwise holds up the
      // connection's next command by ~100 ms after a limited find); only what picking needs is read
      const candidates = (await M.Outbox.collection
        .find({ channel, state: 'pending', notBefore: { $lte: now }, leaseUntil: { $lte: now } } as never, {
          sort: { urgent: -1, createdAt: 1, seq: 1 },
          limit: limit * 4 + 20,
          singleBatch: true,
          projection: { _id: 1, chat: 1 },
        })
        .toArray()) as unknown as Pick<OutboxDoc, '_id' | 'chat'>[];
      if (!candidates.length) return [];
      const chats = [...new Set(candidates.map((c) => c.chat))];
      // the head of each chat's queue (urgent first, then in order): only it may go
      const queued = await M.Outbox.find({ channel, state: 'pending', chat: { $in: chats } }, { _id: 1, chat: 1, urgent: 1, seq: 1 }).lean();
      const head = new Map<string, { _id: string; urgent: number; seq: number }>();
      for (const q of queued) {
        const h = head.get(q.chat);
        if (!h || q.urgent > h.urgent || (q.urgent === h.urgent && q.seq < h.seq)) head.set(q.chat, q);
      }
      // chats on hold, read after the heads: a hold is set before its item stops heading the queue
      const held = new Set(
        (await M.Hold.find({ _id: { $in: chats.map((c) => holdId(channel, c)) }, until: { $gt: now } }, { _id: 1 }).lean()).map((h) => h._id),
      );
      const eligible = candidates.filter((c) => head.get(c.chat)?._id === c._id && !held.has(holdId(channel, c.chat)));
      // Leased in order, one findOneAndUpdate each, which one instance wins: an item another instance
      // leased first is passed over for the next eligible one (two instances looking at once see the same
      // head of the queue; the one that loses it takes the next rather than coming back empty).
      const leased: OutboxItem[] = [];
      for (let i = 0; i < eligible.length && leased.length < limit; ) {
        const batch = eligible.slice(i, i + limit - leased.length);
        i += batch.length;
        const got = await Promise.all(
          batch.map((c) =>
            retryRaces(() =>
              M.Outbox.findOneAndUpdate(
                { _id: c._id, state: 'pending', leaseUntil: { $lte: now } },
                { $set: { leaseUntil: now + leaseMs }, $inc: { attempts: 1 } },
                { returnDocument: 'after' },
              ).lean(),
            ),
          ),
        );
        for (const d of got) if (d) leased.push(toItem(d as OutboxDoc));
      }
      return leased;
    },
    async markSent(id, now, hold) {
      if (hold) {
        const _id = holdId(hold.channel, hold.chat);
        await retryRaces(() => M.Hold.updateOne({ _id }, { $max: { until: hold.until }, $set: { dropAt: new Date(hold.until + 60_000) } }, { upsert: true }));
      }
      await retryRaces(() => M.Outbox.updateOne({ _id: id }, { $set: { state: 'sent', ...done(now) } }));
    },
    async defer(id, notBefore) {
      await retryRaces(() => M.Outbox.updateOne({ _id: id, state: 'pending', attempts: { $gt: 0 } }, { $set: { notBefore, leaseUntil: 0 }, $inc: { attempts: -1 } }));
      await retryRaces(() => M.Outbox.updateOne({ _id: id, state: 'pending', attempts: 0 }, { $set: { notBefore, leaseUntil: 0 } }));
    },
    async markRetry(id, notBefore, error) {
      await retryRaces(() => M.Outbox.updateOne({ _id: id, state: 'pending' }, { $set: { notBefore, leaseUntil: 0, lastError: error } }));
    },
    async markDead(id, error, now) {
      await retryRaces(() => M.Outbox.updateOne({ _id: id }, { $set: { state: 'dead', lastError: error, ...done(now) } }));
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
      // the head of each chat's queue, when it is due (holds are left out: a worker that finds a chat on
      // hold looks again a little later)
      const [r] = await M.Outbox.aggregate<{ t: number }>([
        { $match: { channel, state: 'pending' } },
        { $sort: { chat: 1, urgent: -1, seq: 1 } },
        { $group: { _id: '$chat', t: { $first: { $max: ['$notBefore', '$leaseUntil'] } } } },
        { $group: { _id: null, t: { $min: '$t' } } },
      ]);
      return r ? r.t : null;
    },
  };
}
