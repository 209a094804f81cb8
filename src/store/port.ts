// The store port: everything the service persists. Two adapters implement it (sqlite.ts, mongo.ts) and
// one contract suite (test/store/contract.ts) runs against both. The store has no clock: callers pass `now`.
import type { ChannelName, Inbound, Session } from '../core/types';
import type { KeyValuePort, MailboxMessage, OutboxItem, Ticket } from '../service/ports';
import type { LiveStatus } from '../rules/types';
import type { ConsoleStore } from './console-port';

/** What processing made of an inbound message; kept for review instead of the raw text. */
export interface InboundSummary {
  intent: string;
  locality?: string;
  urgent: boolean;
  handoff: boolean;
  /** The user's text with phone / ID numbers removed (log/redact.ts). */
  redactedText: string;
  /** What the caller was answered, as JSON (channels answered synchronously: the HTTP API, the web chat), so
   * that a retry with the same message id gets the same answer (`inboundOutcome`). */
  outcome?: string;
}

/** One line of a conversation, as staff see it on a ticket. */
export interface ConversationLine {
  from: 'user' | 'bot' | 'staff';
  text: string;
  at: number;
}

export type NewTicket = Omit<Ticket, 'id' | 'state' | 'level' | 'createdAt' | 'updatedAt' | 'claimedBy'> & {
  state?: Ticket['state'];
  level?: number;
};

export type TicketPatch = Partial<Pick<Ticket, 'state' | 'claimedBy' | 'level' | 'locality' | 'reason' | 'urgent' | 'lastMessages'>>;

export interface TicketFilter {
  state?: Ticket['state'] | Ticket['state'][];
  urgent?: boolean;
  /** Only tickets created before this time (ms since epoch): for escalation sweeps. */
  createdBefore?: number;
  limit?: number;
}

export type NewOutboxItem = Omit<OutboxItem, 'attempts' | 'id'> & {
  /** Generated when absent. */
  id?: string;
  /** One item per key: a second enqueue with the same key is a no-op (e.g. `reply:${channel}:${messageId}:${part}`). */
  dedupeKey?: string;
  /** Not sent before this time (ms since epoch); default `createdAt`. */
  notBefore?: number;
};

export type OutboxState = 'pending' | 'sent' | 'dead';

/** An outbox item with its delivery state (for review, dead letters and tests). */
export interface OutboxRecord extends OutboxItem {
  state: OutboxState;
  notBefore: number;
  /** Set while a worker holds the item; an expired lease makes it due again. */
  leaseUntil: number;
  lastError?: string;
  dedupeKey?: string;
}

/** A session as stored, with the version a conditional save compares (`saveSession`'s `expect`). */
export interface StoredSession {
  session: Session;
  version: number;
}

/** Everything a processed message writes, in one store operation (`finishTurn`). */
export interface TurnWrite {
  sessionKey: string;
  session: Session;
  /** The version read with the session (`beginTurn`), null when there was none: nothing is written when
   * another writer (another instance) saved the session since. */
  expect: number | null;
  now: number;
  inbound: Pick<Inbound, 'channel' | 'messageId' | 'user' | 'sentAt'>;
  summary: InboundSummary;
  /** Lines after the user's (the bot's reply): the user's own line comes from the summary, once. */
  lines: ConversationLine[];
  /** The reply, when it goes through the outbox. */
  outbox: NewOutboxItem[];
}

/** One running instance of the service, as the others see it. */
export interface InstanceInfo {
  id: string;
  host: string;
  pid: number;
  startedAt: number;
  seenAt: number;
}

export interface PurgeCounts {
  inbound: number;
  messages: number;
  sessions: number;
  tickets: number;
  outbox: number;
  mailbox: number;
}

export interface Store extends KeyValuePort, ConsoleStore {
  readonly kind: 'sqlite' | 'mongo';

  // --- inbound log ---------------------------------------------------------------------------------
  /** Persist before acknowledging. De-duplicated on channel + messageId: a second call returns
   * `{ duplicate: true }` and changes nothing. The full message is kept until `markProcessed`. */
  recordInbound(inbound: Inbound): Promise<{ duplicate: boolean }>;
  /** Drops the raw message, keeps the summary (redacted text, intent…), and appends the redacted text
   * as a `user` line of the conversation (see `recentMessages`). */
  markProcessed(channel: ChannelName, messageId: string, summary: InboundSummary): Promise<void>;
  /** Whether a recorded message was processed, and the outcome kept with it (`InboundSummary.outcome`);
   * null when the message was never recorded. */
  inboundOutcome(channel: ChannelName, messageId: string): Promise<{ processed: boolean; outcome: string | null } | null>;
  /** Messages recorded but never marked processed (a crash in between), oldest first.
   * `before`: only those recorded with `sentAt` before it, so another instance's in-flight work is left alone. */
  unprocessedInbound(opts?: { before?: number; limit?: number }): Promise<Inbound[]>;
  /** Appends a line to a user's conversation (bot replies, staff replies). Store it redacted as you want it kept. */
  appendMessage(channel: ChannelName, user: string, line: ConversationLine): Promise<void>;
  /** The user's last `limit` conversation lines, oldest first. */
  recentMessages(channel: ChannelName, user: string, limit: number): Promise<ConversationLine[]>;

  // --- a message's turn: what the service reads before and writes after running the core -------------
  /** `recordInbound` and `readSession` in one operation. */
  beginTurn(inbound: Inbound, sessionKey: string): Promise<{ duplicate: boolean; stored: StoredSession | null }>;
  /** Saves the session unless its version moved on since it was read (then returns false and writes
   * nothing); then marks the message processed (the user's line appended the first time), appends the
   * lines and enqueues the outbox items. SQLite: one transaction. MongoDB: the session first, conditionally,
   * then the rest (a crash in between leaves the message unprocessed: it is answered again on recovery). */
  finishTurn(write: TurnWrite): Promise<boolean>;

  // --- sessions (key: the service's choice, e.g. `${channel}:${user}`) -------------------------------
  loadSession(key: string): Promise<Session | null>;
  /** The session with its version (0 for a session saved unconditionally before versions). */
  readSession(key: string): Promise<StoredSession | null>;
  /** `expect` undefined: saved whatever is stored. null: only if no session is stored. A number: only if
   * the stored version is that one. Returns whether it was saved; each save raises the version by one. */
  saveSession(key: string, session: Session, now: number, expect?: number | null): Promise<boolean>;

  // --- handoff tickets -------------------------------------------------------------------------------
  /** A new open ticket, unless the conversation (channel + user) has an open or claimed one: then that one,
   * `created: false` (a unique index holds it, whichever instance asks). */
  openTicket(ticket: NewTicket, now: number): Promise<{ ticket: Ticket; created: boolean }>;
  /** Applies `patch`; with `ifState`, only when the ticket is in one of those states (compare-and-set,
   * so two staff cannot both claim), with `ifLevel` only at that escalation level (two instances sweeping
   * for escalations raise it once). Returns null when not found or the condition failed. */
  updateTicket(id: string, patch: TicketPatch, now: number, ifState?: Ticket['state'][], ifLevel?: number): Promise<Ticket | null>;
  getTicket(id: string): Promise<Ticket | null>;
  /** Newest first. */
  listTickets(filter?: TicketFilter): Promise<Ticket[]>;
  /** The user's open or claimed ticket, if any (newest). */
  openTicketFor(channel: ChannelName, user: string): Promise<Ticket | null>;

  // --- live status overlay ---------------------------------------------------------------------------
  getStatus(): Promise<LiveStatus>;
  setFacilityStatus(
    facilityId: string,
    status: { state: 'open' | 'full' | 'closed'; load?: string; note?: string },
    now: number,
  ): Promise<void>;
  clearFacilityStatus(facilityId: string): Promise<void>;

  // --- outbox ----------------------------------------------------------------------------------------
  enqueue(item: NewOutboxItem): Promise<{ id: string; duplicate: boolean }>;
  /** Leases up to `limit` due items of `channel` (urgent first, then oldest) until `now + leaseMs`, and
   * counts an attempt on each (the returned `attempts` is this attempt's number, 1 for the first).
   * Items leased by a process that died become due again when their lease expires. */
  claimDue(channel: ChannelName, now: number, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  /** `hold`: nothing more is claimed for this chat until then (the platform's per-chat spacing, shared by
   * every instance: counted from the send's completion). Set before the item stops holding the chat's queue. */
  markSent(id: string, now: number, hold?: { channel: ChannelName; chat: string; until: number }): Promise<void>;
  /** Puts a claimed item back unsent until `notBefore` (a local rate limit), not counting the claim's attempt. */
  defer(id: string, notBefore: number): Promise<void>;
  /** Back to pending, due at `notBefore`, lease released. */
  markRetry(id: string, notBefore: number, error: string): Promise<void>;
  markDead(id: string, error: string, now: number): Promise<void>;
  /** Makes every leased item due again now; returns how many. Only for a store no other instance uses (at
   * the start of the one SQLite instance the leases held are a dead process's: no need to wait them out). */
  releaseLeases(): Promise<number>;
  /** Items not yet sent (pending, including leased), optionally for one channel. */
  outboxDepth(channel?: ChannelName): Promise<number>;
  getOutboxItem(id: string): Promise<OutboxRecord | null>;
  /** Dead letters, newest first. */
  deadLetters(limit?: number): Promise<OutboxRecord[]>;
  /** Earliest time an item of `channel` may become claimable (the head of a chat's queue: its `notBefore`
   * or lease end), or null when none is pending: lets a worker sleep until then. */
  nextDue(channel: ChannelName): Promise<number | null>;

  // --- mailbox: messages waiting for users who poll (HTTP API, web chat) -----------------------------
  /** Keeps `message` for the chat until taken; a second put with the same id changes nothing. */
  mailboxPut(channel: ChannelName, chat: string, message: MailboxMessage): Promise<void>;
  /** Returns and removes the chat's waiting messages, oldest first, at most `limit`; each message is
   * returned once, even to callers taking at the same time. */
  mailboxTake(channel: ChannelName, chat: string, limit: number): Promise<MailboxMessage[]>;

  // --- key/value (KeyValuePort: get, set) ------------------------------------------------------------
  delete(key: string): Promise<void>;

  // --- shared counters (rate limits across instances) ------------------------------------------------
  /** Adds `by` (default 1; -1 takes a hit back) to `key`'s count in the window starting at `windowStart` and
   * returns the count after it; the window's count is forgotten after `windowStart + windowMs`. */
  countHit(key: string, windowStart: number, windowMs: number, by?: number): Promise<number>;
  /** Adds 1 as countHit does, but only the first time `once` (a message's id) is given for `key` within
   * `seenMs` after its window, whoever gives it: later calls add nothing and return the window's count
   * as it is (`counted: false`). */
  countOnce(key: string, once: string, windowStart: number, windowMs: number, seenMs: number): Promise<{ n: number; counted: boolean }>;

  // --- instances -------------------------------------------------------------------------------------
  /** Says `self` is alive until `now + ttlMs` and returns every instance alive now (self included). */
  heartbeat(self: Omit<InstanceInfo, 'seenAt'>, now: number, ttlMs: number): Promise<InstanceInfo[]>;
  /** `self` is stopping: the others stop counting it. */
  leave(id: string): Promise<void>;

  // --- housekeeping ----------------------------------------------------------------------------------
  /** Whether this store expires old personal data itself (MongoDB's TTL indexes); if not, the service calls
   * `purgeOlderThan` every hour. */
  readonly expiresItself: boolean;
  /** Removes personal data older than `ageMs` before `now`: inbound rows (by `sentAt`), conversation lines,
   * sessions not saved since, closed tickets, sent and dead outbox items, mailbox messages never taken. */
  purgeOlderThan(ageMs: number, now: number): Promise<PurgeCounts>;
  /** Throws when the store is unusable (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
