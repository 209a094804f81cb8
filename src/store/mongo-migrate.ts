// `jiuyi store migrate` on MongoDB: creates the collections and every index, once, before the instances
// start (they build none themselves: mongoose's autoIndex is off, as its documentation advises for
// production). TTL indexes expire personal data after the retention (JIUYI_RETENTION_DAYS) and short-lived
// documents at their `dropAt`; running it again with another retention changes the TTL indexes in place.
// The `meta` collection records the version and the retention; an instance refuses to start on a database
// that is behind (mongo.ts: `checkSchema`).
import type { Connection } from 'mongoose';
import { consoleModels } from './mongo-console';
import { models, openKeyOf } from './mongo-models';

/** Raised when the database's indexes are not the ones this version needs. */
export class MigrationNeeded extends Error {
  constructor(why: string) {
    super(`store: ${why}: run \`npm run -s jiuyi -- store migrate\` (with the same MONGODB_URI and JIUYI_RETENTION_DAYS) before starting the instances`);
    this.name = 'MigrationNeeded';
  }
}

export const MONGO_SCHEMA_VERSION = 1;

type Keys = Record<string, 1 | -1>;
interface IndexSpec {
  keys: Keys;
  name: string;
  unique?: boolean;
  partial?: Record<string, unknown>;
  /** 'retention': expires `retentionDays` after the date field; 0: at the date. */
  ttl?: 'retention' | 0;
}

const RETENTION = 'retention' as const;
const str = { $type: 'string' };

/** Every collection's indexes, by collection name (without the prefix). */
export const INDEXES: Record<string, IndexSpec[]> = {
  inbound: [
    { keys: { channel: 1, messageId: 1 }, name: 'message', unique: true },
    { keys: { processed: 1, sentAt: 1 }, name: 'unprocessed' },
    { keys: { sentAt: 1 }, name: 'sentAt' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  messages: [
    { keys: { channel: 1, user: 1, seq: -1 }, name: 'conversation' },
    { keys: { at: 1 }, name: 'at' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  sessions: [
    { keys: { updatedAt: 1 }, name: 'updatedAt' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  tickets: [
    { keys: { openKey: 1 }, name: 'one_open_per_conversation', unique: true, partial: { openKey: str } },
    { keys: { channel: 1, user: 1, state: 1 }, name: 'user' },
    { keys: { state: 1, createdAt: -1 }, name: 'state' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  facility_status: [],
  outbox: [
    { keys: { dedupeKey: 1 }, name: 'dedupe', unique: true, partial: { dedupeKey: str } },
    { keys: { channel: 1, state: 1, urgent: -1, createdAt: 1, seq: 1 }, name: 'due' },
    { keys: { channel: 1, chat: 1, state: 1, seq: 1 }, name: 'chat' },
    { keys: { state: 1, doneAt: 1 }, name: 'done' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  mailbox: [
    { keys: { channel: 1, chat: 1, seq: 1 }, name: 'chat' },
    { keys: { at: 1 }, name: 'at' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  kv: [],
  counters: [{ keys: { dropAt: 1 }, name: 'expiry', ttl: 0 }],
  chat_holds: [{ keys: { dropAt: 1 }, name: 'expiry', ttl: 0 }],
  instances: [{ keys: { dropAt: 1 }, name: 'expiry', ttl: 0 }],
  meta: [],
  staff: [{ keys: { tokenHash: 1 }, name: 'token', unique: true, partial: { tokenHash: str } }],
  staff_sessions: [
    { keys: { username: 1 }, name: 'username' },
    { keys: { expiresAt: 1 }, name: 'expiresAt' },
    { keys: { dropAt: 1 }, name: 'expiry', ttl: 0 },
  ],
  audit: [
    { keys: { seq: -1 }, name: 'seq' },
    { keys: { at: 1 }, name: 'at' },
  ],
  review: [
    { keys: { channel: 1, messageId: 1 }, name: 'message', unique: true },
    { keys: { at: -1, seq: -1 }, name: 'at' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
  conversation_tokens: [
    { keys: { channel: 1, user: 1 }, name: 'conversation', unique: true },
    { keys: { createdAt: 1 }, name: 'createdAt' },
    { keys: { keptSince: 1 }, name: 'retention', ttl: RETENTION },
  ],
};

export interface MigrateReport {
  version: number;
  retentionDays: number;
  created: string[];
  changed: string[];
  backfilled: Record<string, number>;
}

const DAY_S = 86_400;

/** Brings the database on `conn` (collections under `prefix`) to this version's indexes and retention. */
export async function migrateMongo(conn: Connection, o: { prefix?: string; retentionDays: number }): Promise<MigrateReport> {
  const prefix = o.prefix ?? '';
  const db = conn.db!;
  const report: MigrateReport = { version: MONGO_SCHEMA_VERSION, retentionDays: o.retentionDays, created: [], changed: [], backfilled: {} };
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const [name, specs] of Object.entries(INDEXES)) {
    const full = `${prefix}${name}`;
    if (!existing.has(full)) {
      await db.createCollection(full).catch((e: { code?: number }) => {
        if (e.code !== 48) throw e; // NamespaceExists: another migrate got there first
      });
    }
    const coll = db.collection(full);
    const have = new Map((await coll.indexes()).map((i) => [i.name as string, i]));
    for (const spec of specs) {
      const expireAfterSeconds = spec.ttl === RETENTION ? o.retentionDays * DAY_S : spec.ttl;
      const options = {
        name: spec.name,
        ...(spec.unique ? { unique: true } : {}),
        ...(spec.partial ? { partialFilterExpression: spec.partial } : {}),
        ...(expireAfterSeconds !== undefined ? { expireAfterSeconds } : {}),
      };
      const current = have.get(spec.name);
      if (!current) {
        await coll.createIndex(spec.keys, options);
        report.created.push(`${full}.${spec.name}`);
      } else if (expireAfterSeconds !== undefined && current.expireAfterSeconds !== expireAfterSeconds) {
        // a new retention: changed in place where the server can, else built again
        try {
          await db.command({ collMod: full, index: { name: spec.name, expireAfterSeconds } });
        } catch {
          await coll.dropIndex(spec.name);
          await coll.createIndex(spec.keys, options);
        }
        report.changed.push(`${full}.${spec.name}`);
      }
    }
  }
  report.backfilled = await backfill(conn, prefix);
  const M = models(conn, prefix);
  await M.Meta.replaceOne({ _id: 'schema' }, { _id: 'schema', version: MONGO_SCHEMA_VERSION, retentionDays: o.retentionDays, at: Date.now() }, { upsert: true });
  return report;
}

/** Documents written before this version: their retention dates, and open tickets' conversation keys (where
 * an older version left two open tickets for one conversation, the newest stays open). */
async function backfill(conn: Connection, prefix: string): Promise<Record<string, number>> {
  const M = models(conn, prefix);
  const C = consoleModels(conn, prefix);
  const out: Record<string, number> = {};
  const dates = async (name: string, model: { collection: { find: Function; updateOne: Function } }, filter: object, from: (d: any) => number | undefined, field = 'keptSince') => {
    let n = 0;
    const cursor = model.collection.find({ ...filter, [field]: { $exists: false } });
    for await (const d of cursor) {
      const at = from(d);
      if (typeof at !== 'number') continue;
      await model.collection.updateOne({ _id: d._id }, { $set: { [field]: new Date(at) } });
      n += 1;
    }
    if (n) out[name] = (out[name] ?? 0) + n;
  };
  await dates('inbound', M.Inbound, {}, (d) => d.sentAt);
  await dates('messages', M.Message, {}, (d) => d.at);
  await dates('sessions', M.Session, {}, (d) => d.updatedAt);
  await dates('tickets', M.Ticket, { state: 'closed' }, (d) => d.updatedAt);
  await dates('outbox', M.Outbox, { state: { $in: ['sent', 'dead'] } }, (d) => d.doneAt);
  await dates('mailbox', M.Mailbox, {}, (d) => d.at);
  await dates('review', C.Review, {}, (d) => d.at);
  await dates('conversation_tokens', C.Token, {}, (d) => d.createdAt);
  await dates('staff_sessions', C.Session, {}, (d) => d.expiresAt, 'dropAt');

  const open = await M.Ticket.find({ state: { $in: ['open', 'claimed'] }, openKey: { $exists: false } }).sort({ createdAt: -1 }).lean();
  const seen = new Set<string>();
  for (const t of open) {
    const key = openKeyOf(t.channel, t.user);
    if (seen.has(key) || (await M.Ticket.exists({ openKey: key }))) {
      await M.Ticket.updateOne({ _id: t._id }, { $set: { state: 'closed', keptSince: new Date(t.updatedAt) } });
      out.tickets_closed = (out.tickets_closed ?? 0) + 1;
    } else {
      await M.Ticket.updateOne({ _id: t._id }, { $set: { openKey: key } });
      out.open_tickets = (out.open_tickets ?? 0) + 1;
    }
    seen.add(key);
  }
  return out;
}

/** Throws MigrationNeeded unless `store migrate` brought this database to this version and retention. */
export async function checkSchema(conn: Connection, o: { prefix?: string; retentionDays?: number }): Promise<void> {
  const meta = await models(conn, o.prefix ?? '').Meta.findById('schema').lean();
  if (!meta) throw new MigrationNeeded('this MongoDB database has no indexes yet');
  if (meta.version < MONGO_SCHEMA_VERSION) throw new MigrationNeeded(`this MongoDB database's indexes are version ${meta.version}, this program needs ${MONGO_SCHEMA_VERSION}`);
  if (meta.version > MONGO_SCHEMA_VERSION) throw new Error(`store: this MongoDB database's indexes are version ${meta.version}, newer than this program's (${MONGO_SCHEMA_VERSION})`);
  if (o.retentionDays !== undefined && meta.retentionDays !== o.retentionDays)
    throw new MigrationNeeded(`the TTL indexes keep personal data ${meta.retentionDays} days, JIUYI_RETENTION_DAYS says ${o.retentionDays}`);
}
