// The contract between the service (store, outbox, tickets) and the channel adapters.
// Channels depend only on these interfaces; the service wires the implementations.
import type { ChannelName, Inbound, QuickReply } from '../core/types';

export interface Ticket {
  id: string;
  channel: ChannelName;
  user: string;
  chat: string;
  locality?: string;
  /** urgent:<red flag> | requested | escalated … */
  reason: string;
  urgent: boolean;
  state: 'open' | 'claimed' | 'closed';
  claimedBy?: string;
  /** 0 for the first contact; raised each time it escalates. */
  level: number;
  createdAt: number;
  updatedAt: number;
  /** The conversation's last messages, redacted, oldest first. */
  lastMessages: { from: 'user' | 'bot' | 'staff'; text: string; at: number }[];
}

/** One message waiting to be sent to a platform. */
export interface OutboxItem {
  id: string;
  channel: ChannelName;
  chat: string;
  text: string;
  urgent: boolean;
  quickReplies: QuickReply[];
  attempts: number;
  createdAt: number;
  /** Channel-specific extras (a Telegram reply_to, a WeCom agent id, a kf open_kfid). */
  meta?: Record<string, unknown>;
}

/** A message waiting for a user who polls for it (HTTP API, web chat): a staff reply, an escalation notice. */
export interface MailboxMessage {
  id: string;
  text: string;
  urgent: boolean;
  quickReplies: QuickReply[];
  /** staff | closed | escalation | … (from the outbox item's meta.kind) */
  kind: string;
  /** The staff member's display name, on staff messages. */
  staff?: string;
  at: number;
}

export type SendOutcome =
  | { ok: true }
  /** Try again later: after `retryAfterMs` when the platform said (429 retry_after), else with backoff. */
  | { ok: false; error: string; retryAfterMs?: number; permanent?: false }
  /** Never retry: the user blocked the bot, the chat is gone, the request is invalid. */
  | { ok: false; error: string; permanent: true; blocked?: boolean };

export interface RateLimit {
  /** Messages per window across the whole platform account. */
  global: { count: number; perMs: number };
  /** Messages per window to one chat. */
  perChat: { count: number; perMs: number };
}

/** A platform's sending side; the outbox calls it for every item of its channel. */
export interface ChannelSender {
  channel: ChannelName;
  limits: RateLimit;
  /** Largest text one message may carry, and how it is measured. */
  maxLength: { value: number; unit: 'chars' | 'bytes' };
  send(item: OutboxItem): Promise<SendOutcome>;
}

export type StaffEvent =
  | { kind: 'ticket_opened'; ticket: Ticket }
  | { kind: 'ticket_escalated'; ticket: Ticket }
  | { kind: 'ticket_claimed'; ticket: Ticket }
  | { kind: 'ticket_closed'; ticket: Ticket }
  /** A user wrote while a human holds the conversation: staff see it. */
  | { kind: 'user_message'; ticket: Ticket; text: string };

/** A way to reach hotline staff (a Telegram staff group, a WeCom group robot…). */
export interface StaffRoute {
  name: string;
  notify(event: StaffEvent): Promise<void>;
}

/** What channels call. Implemented by the service. */
export interface InboundPort {
  /** Persist (de-duplicated by channel + messageId), then process and enqueue the reply. */
  accept(inbound: Inbound): Promise<{ duplicate: boolean }>;
}

export interface TicketPort {
  list(filter?: { state?: Ticket['state'] }): Promise<Ticket[]>;
  get(id: string): Promise<Ticket | null>;
  claim(id: string, staff: string): Promise<Ticket>;
  /** Sends `text` to the ticket's user on their channel, through the outbox. */
  reply(id: string, staff: string, text: string): Promise<Ticket>;
  close(id: string, staff: string): Promise<Ticket>;
}

/** Small key/value state a channel keeps across restarts (a kf sync cursor, a blocked user mark). */
export interface KeyValuePort {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** What a channel adapter is given when the service starts it. */
export interface ChannelDeps {
  inbound: InboundPort;
  tickets: TicketPort;
  kv: KeyValuePort;
  /** Canned answers and the covered localities, for staff commands and /locality buttons. */
  kb(query: string): import('../core/types').CannedAnswer[];
  localities(): { id: string; name: string }[];
  logger: import('pino').Logger;
  now(): number;
}

/** What a channel adapter gives back: the service registers its sender, staff route and HTTP routes. */
export interface Channel {
  name: string;
  senders: ChannelSender[];
  staffRoutes: StaffRoute[];
  /** A fastify plugin adding the channel's webhook routes (registered before the server listens). */
  routes?: (app: import('fastify').FastifyInstance) => Promise<void>;
  /** Begin background work (long polling, kf sync); resolved once running. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
