// Types of the service layer beyond the shared contract in ports.ts.
import type { Logger } from 'pino';
import type { Core, Inbound, Reply } from '../core/types';
import type { Config } from '../config';
import type { NewOutboxItem, Store } from '../store/port';
import type { Metrics } from './metrics';
import type { TurnRunner } from './turn';
import type { Limiter } from './rate-limit';
import type { ChannelRegistry } from './registry';
import type { Channel, ChannelDeps, Ticket } from './ports';

/** Where replies to platform channels go: the outbox (its worker sends them, rate-limited and retried). */
export interface OutboxSink {
  enqueue(item: NewOutboxItem): Promise<{ id: string; duplicate: boolean }>;
  /** Items of `channel` were written to the store directly (with a turn's other writes): look now (`urgent`:
   * one of them is urgent, and goes ahead of what the worker holds). */
  kick?(channel: import('../core/types').ChannelName, urgent?: boolean): void;
}

/**
 * The text sent to a user whose urgent ticket no one claimed in time: the locality's hotline / escalation
 * contact from its rule book, rendered in the user's script and language (Core.escalationNotice); null → the
 * service's generic notice (120 only).
 */
export type EscalationNotice = (ticket: Ticket, opts: { script: 'simplified' | 'traditional'; lang: 'zh' | 'en' }) => string | null;


export interface ServiceOptions {
  store: Store;
  core: Core;
  /** Runs the core's turns (default: on this thread; main.ts passes a CoreThreads pool). */
  turn?: TurnRunner;
  /** Defaults to the store's own enqueue; pass the outbox worker to wake it on new items. */
  outbox?: OutboxSink;
  registry: ChannelRegistry;
  logger: Logger;
  metrics?: Metrics;
  now?: () => number;
  /** Per-user messages per minute (JIUYI_RATE_LIMIT). */
  rateLimit: number;
  /** Counts the per-user limit (default: in this process's memory, `rateLimit` a minute); with several
   * instances, in the store (shared-limit.ts). */
  limiter?: Limiter;
  /** Other instances use this store (MongoDB): a message another instance is answering is waited for. */
  sharedStore?: boolean;
  /** JIUYI_ESCALATE_AFTER_S */
  escalateAfterS: number;
  /** Highest escalation level (default 3). */
  maxEscalationLevel?: number;
  escalationNotice?: EscalationNotice;
  /** Removes phone and ID numbers before text is stored or shown to staff. */
  redact?: (text: string) => string;
  /** Conversation lines kept on a ticket (default 10). */
  ticketHistory?: number;
}

/** The outcome of one inbound message, as the HTTP API returns it. */
export interface HandleResult {
  /** The message id was seen before. On the HTTP API and the web chat the rest is the answer given then. */
  duplicate: boolean;
  /** null: a human holds the conversation (the message went to staff), or a duplicate on a platform channel. */
  reply: Reply | null;
  /** A human holds the conversation: the message went to them. */
  held?: boolean;
  /** Set when the per-user rate limit refused the message. */
  rateLimited?: { retryAfterMs: number; text: string };
  /** Set when the message was recorded but could not be answered now (its store writes kept losing races):
   * it is kept, the recovery sweep answers it (through the mailbox), and a retry with the same id gets the
   * answer. The HTTP API's 503 message_kept. */
  kept?: { retryAfterMs: number };
  /** The user's open ticket, when there is one after this message. */
  ticket?: Pick<Ticket, 'id' | 'state'>;
}

/**
 * What `src/channels/<name>/index.ts` receives: `createTelegramChannel(deps)` / `createWecomChannel(deps)`
 * return a Channel (or a promise of one). `config` is the whole validated configuration: Telegram reads
 * `config.telegram`, WeCom `config.wecom` (non-null whenever the factory is called).
 */
export interface ChannelFactoryDeps extends ChannelDeps {
  config: Config;
}

export type ChannelFactory = (deps: ChannelFactoryDeps) => Channel | Promise<Channel>;

export type { Inbound };
