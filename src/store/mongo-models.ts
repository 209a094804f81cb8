// The MongoDB store's collections as mongoose models. No indexes are declared here and none is built at
// start-up (autoIndex and autoCreate are off on the connection): `jiuyi store migrate` creates them
// (mongo-migrate.ts), once, before the instances start.
//
// Two kinds of dates let MongoDB expire documents itself (TTL indexes): `keptSince`, when the retention
// (JIUYI_RETENTION_DAYS) starts counting for personal data — absent on what must stay (an open ticket, an
// unsent reply) — and `dropAt`, when a short-lived document (a rate counter, a chat's send hold, an
// instance's heartbeat) is to go.
import { Schema, type Connection, type Model } from 'mongoose';
import type { Inbound, Session } from '../core/types';
import type { MailboxMessage, OutboxItem, Ticket } from '../service/ports';

export interface InboundDoc {
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
  keptSince?: Date;
}
export interface MessageDoc { channel: string; user: string; from: string; text: string; at: number; seq: number; keptSince?: Date }
export interface SessionDoc { _id: string; data: Session; updatedAt: number; v?: number; keptSince?: Date }
export interface TicketDoc extends Omit<Ticket, 'id'> {
  _id: string;
  /** `channel user` while the ticket is open or claimed, absent once closed: unique (one open ticket per
   * conversation). */
  openKey?: string;
  keptSince?: Date;
}
export interface StatusDoc { _id: string; state: 'open' | 'full' | 'closed'; load?: string; note?: string; updatedAt: number }
export interface OutboxDoc {
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
  keptSince?: Date;
}
export interface MailboxDoc { _id: string; channel: string; chat: string; message: MailboxMessage; at: number; seq: number; keptSince?: Date }
export interface KvDoc { _id: string; value: string }
export interface CounterDoc { _id: string; n: number; dropAt: Date }
export interface HoldDoc { _id: string; until: number; dropAt: Date }
export interface InstanceDoc { _id: string; host: string; pid: number; startedAt: number; seenAt: number; dropAt: Date }
export interface MetaDoc { _id: string; version: number; retentionDays?: number; at?: number }

const opts = { versionKey: false, strict: true, autoIndex: false, autoCreate: false } as const;

export function models(conn: Connection, prefix: string) {
  const m = <T>(name: string, schema: Schema<T>): Model<T> => conn.model<T>(`${prefix}${name}`, schema, `${prefix}${name}`);
  const keptSince = Date;

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
      keptSince,
    },
    opts,
  );
  const message = new Schema<MessageDoc>({ channel: String, user: String, from: String, text: String, at: Number, seq: Number, keptSince }, opts);
  const session = new Schema<SessionDoc>(
    { _id: String, data: { type: Schema.Types.Mixed, required: true }, updatedAt: Number, v: Number, keptSince },
    { ...opts, minimize: false },
  );
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
      openKey: String,
      keptSince,
    },
    opts,
  );
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
      keptSince,
    },
    opts,
  );
  const mailbox = new Schema<MailboxDoc>(
    { _id: String, channel: String, chat: String, message: { type: Schema.Types.Mixed, required: true }, at: Number, seq: Number, keptSince },
    opts,
  );
  const kv = new Schema<KvDoc>({ _id: String, value: String }, opts);
  const counter = new Schema<CounterDoc>({ _id: String, n: Number, dropAt: Date }, opts);
  const hold = new Schema<HoldDoc>({ _id: String, until: Number, dropAt: Date }, opts);
  const instance = new Schema<InstanceDoc>({ _id: String, host: String, pid: Number, startedAt: Number, seenAt: Number, dropAt: Date }, opts);
  const meta = new Schema<MetaDoc>({ _id: String, version: Number, retentionDays: Number, at: Number }, opts);

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
    Hold: m('chat_holds', hold),
    Instance: m('instances', instance),
    Meta: m('meta', meta),
  };
}

export type Models = ReturnType<typeof models>;

/** The unique key of an open ticket's conversation. */
export const openKeyOf = (channel: string, user: string): string => `${channel} ${user}`;
