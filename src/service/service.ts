// The orchestration: inbound → persist (de-dup) → session → core.turn → tickets → session, reply, inbound log.
// Implements InboundPort (what channels call) and TicketPort (what staff routes and the HTTP API call; the
// staff side lives in tickets.ts). Correct with several instances on one store: a session is saved only if
// no other instance saved it since it was read, else the turn runs again on what that instance saved
// (sessions.ts); a message two instances receive at once is recorded by one of them (a unique index), and
// the other waits for its answer; rate limits are counted where every instance counts (shared-limit.ts).
import { performance } from 'node:perf_hooks';
import type { ChannelName, Core, Inbound, Reply, Session } from '../core/types';
import { newSession, sessionOf } from '../core/types';
import { EMPTY_STATUS, type LiveStatus } from '../rules/types';
import { redact } from '../log/redact';
import type { ConversationLine, NewOutboxItem, Store, StoredSession } from '../store/port';
import { answerGiven, fromOutcome, outcomeJson } from './outcome';
import { inProcess, type TurnOutcome, type TurnRunner } from './turn';
import type { Logger } from 'pino';
import { ServiceError } from './errors';
import { KeyedLock } from './keyed-lock';
import type { Metrics } from './metrics';
import { internalErrorNotice } from './notices';
import { handoff, recordReview, type HandoffDeps } from './handoff';
import { Notifier } from './notifier';
import type { InboundPort, Ticket, TicketPort } from './ports';
import { RateLimiter } from './rate-limit';
import type { ReloadResult, RulesReloader } from './reload';
import type { ChannelRegistry } from './registry';
import { MAX_SESSION_CONFLICTS, SessionConflict, sessionKey } from './sessions';
import { clip, TicketDesk } from './tickets';
import type { HandleResult, OutboxSink, ServiceOptions } from './types';
import { UserLimit } from './user-limit';

/** Channels whose reply is returned to the caller (HTTP API, web chat, CLI) rather than sent through the outbox.
 * Later messages to them (staff replies, escalation notices) still go through the outbox, to the mailbox. */
export const SYNC_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['api', 'web', 'cli']);

export { sessionKey } from './sessions';

const STATUS_TTL_MS = 1000;
/** When a caller told its message was kept (503) may ask again: its races were lost within a second or two. */
const KEPT_RETRY_MS = 5000;
/** How long a retry waits for the answer another instance is giving the same message (a turn's limit is 10 s). */
const PEER_ANSWER_WAIT_MS = 12_000;

export class Service implements InboundPort, TicketPort {
  private readonly store: Store;
  private readonly outbox: OutboxSink;
  private readonly registry: ChannelRegistry;
  private readonly logger: Logger;
  private readonly metrics?: Metrics;
  private readonly now: () => number;
  private readonly limit: UserLimit;
  private readonly lock = new KeyedLock();
  private readonly redact: (text: string) => string;
  private readonly runTurn: TurnRunner;
  private readonly notifier: Notifier;
  private readonly tickets: TicketDesk;
  private statusCache: { value: LiveStatus; at: number } | null = null;
  private closed = false;
  private currentCore: Core;
  private reloader: Pick<RulesReloader, 'reload'> | null = null;
  private readonly turnDeps: HandoffDeps;

  constructor(private readonly opts: ServiceOptions) {
    this.store = opts.store;
    this.outbox = opts.outbox ?? opts.store;
    this.registry = opts.registry;
    this.logger = opts.logger;
    this.metrics = opts.metrics;
    this.now = opts.now ?? Date.now;
    this.redact = opts.redact ?? redact;
    this.currentCore = opts.core;
    this.runTurn = opts.turn ?? ((inbound, session, ctx) => inProcess(this.currentCore)(inbound, session, ctx));
    this.limit = new UserLimit({
      limiter: opts.limiter ?? new RateLimiter(opts.rateLimit),
      store: this.store,
      outbox: this.outbox,
      logger: this.logger,
      metrics: this.metrics,
      sync: (inbound) => SYNC_CHANNELS.has(inbound.channel),
      probe: async (inbound, now) => this.runTurn(inbound, newSession(), { status: await this.status(), now }),
      notice: (perMinute, wait, l) => this.currentCore.rateLimitNotice(perMinute, wait, l),
    });
    this.notifier = new Notifier(this.registry);
    this.tickets = new TicketDesk({
      store: this.store,
      outbox: this.outbox,
      lock: this.lock,
      notifier: this.notifier,
      logger: this.logger,
      metrics: this.metrics,
      now: this.now,
      redact: this.redact,
      escalateAfterS: opts.escalateAfterS,
      maxEscalationLevel: opts.maxEscalationLevel,
      escalationNotice: opts.escalationNotice,
      ticketHistory: opts.ticketHistory,
    });
    this.turnDeps = { store: this.store, metrics: this.metrics, logger: this.logger, historySize: this.tickets.historySize };
  }

  /** The core in use (replaced when the rule books are reloaded). */
  get core(): Core {
    return this.currentCore;
  }

  /** Puts a new core in use (rule books reloaded: src/service/reload.ts). Turns started before go on with the old one. */
  setCore(core: Core): void {
    this.currentCore = core;
  }

  /** Reloads the rule books into the running service (a file watch, an administrator): `{ ok, errors? }`.
   * The cores in use are kept when the new rule books are invalid. */
  async reloadRules(reason = 'requested'): Promise<ReloadResult> {
    if (!this.reloader) return { ok: false, errors: ['this service was started with a core that cannot be reloaded'], ms: 0 };
    return this.reloader.reload(reason);
  }

  /** Whether reloadRules() can reload (false until main.ts has set the reloader, or with a core passed in). */
  get rulesReloadable(): boolean {
    return this.reloader !== null;
  }

  /** What reloadRules() runs (main.ts sets it once the worker threads exist). */
  setReloader(reloader: Pick<RulesReloader, 'reload'>): void {
    this.reloader = reloader;
  }

  // --- inbound ---------------------------------------------------------------------------------------

  /** InboundPort: persist, process, enqueue the reply (platform channels). */
  async accept(inbound: Inbound): Promise<{ duplicate: boolean }> {
    const r = await this.handle(inbound);
    return { duplicate: r.duplicate };
  }

  /** Persist (de-duplicated), process and deliver; returns the reply as well (the HTTP API's answer). */
  async handle(inbound: Inbound): Promise<HandleResult> {
    if (this.closed) throw new Error('service is shutting down');
    const started = performance.now();
    const key = sessionKey(inbound.channel, inbound.user);
    const countedAt = this.now();
    const { refused, counted } = await this.limit.check(inbound, key, countedAt);
    if (refused) return refused;
    const sync = SYNC_CHANNELS.has(inbound.channel);
    const result = await this.lock.run(key, async (): Promise<HandleResult> => {
      // Persisted (de-duplicated) before anything else; the session is read in the same store operation.
      const { duplicate, stored } = await this.store.beginTurn(inbound, key);
      if (duplicate) await this.limit.recorded(inbound, key, countedAt, counted); // counted once (user-limit.ts)
      if (!duplicate) return this.processKept(inbound, stored, sync);
      if (!sync) return { duplicate: true, reply: null };
      // A client asking again (its response was lost, it was told 503), or the same request at two instances:
      // the answer given, once it is given; when the first attempt gave none (it crashed, its turn failed, its
      // writes kept losing races), the answer now.
      const given = await answerGiven(this.store, inbound, this.opts.sharedStore ? PEER_ANSWER_WAIT_MS : 0, () => this.closed);
      if (given) return given;
      return { ...(await this.processKept(inbound, await this.store.readSession(key), sync)), duplicate: true };
    });
    if (result.duplicate) this.metrics?.duplicates.inc({ channel: inbound.channel });
    else this.metrics?.latency.observe({ channel: inbound.channel }, (performance.now() - started) / 1000);
    return result;
  }

  /** A message, recorded above: what fails from here on (a store write that kept losing races, a session
   * that kept changing under it) does not un-receive it. A platform is told it arrived — a redelivery would
   * only be refused as a duplicate — and the recovery sweep (main.ts, a minute on) answers it from the store;
   * a core that failed has marked it and told the user already (turn()). A caller waiting for the answer (the
   * HTTP API, the web chat) is given what the record says: the answer when it was kept after all, `kept`
   * (503: ask again with the same id) when it is still to be given, the error when the core failed on it. */
  private async processKept(inbound: Inbound, stored: StoredSession | null, sync: boolean): Promise<HandleResult> {
    try {
      return await this.process(inbound, stored, { sync });
    } catch (err) {
      const { channel, messageId } = inbound;
      const record = sync ? await this.store.inboundOutcome(channel, messageId).catch(() => null) : null;
      if (record?.processed) {
        const given = fromOutcome(record.outcome);
        if (given) return { ...given, duplicate: false };
        throw err; // marked without an answer: the core failed on it (turn())
      }
      this.metrics?.errors.inc({ stage: 'after_receipt' });
      this.logger.error({ err, channel, messageId }, 'a message was kept but not answered: the recovery sweep answers it');
      return { duplicate: false, reply: null, ...(sync ? { kept: { retryAfterMs: KEPT_RETRY_MS } } : {}) };
    }
  }

  /** Crash recovery: processes messages persisted but never processed (their replies go through the outbox).
   * `olderThanMs` leaves alone what another instance may be processing right now (MongoDB, several
   * instances); at the start of the only instance (SQLite) it is 0. */
  async recover(opts: { olderThanMs?: number } = {}): Promise<number> {
    if (this.closed) return 0;
    let n = 0;
    const before = this.now() - (opts.olderThanMs ?? 0) + 1;
    for (;;) {
      const batch = await this.store.unprocessedInbound({ before, limit: 200 });
      if (!batch.length) break;
      for (const inbound of batch) {
        const key = sessionKey(inbound.channel, inbound.user);
        await this.lock.run(key, async () => {
          // answered meanwhile (a client's retry on the HTTP API, another instance's sweep): not again
          if ((await this.store.inboundOutcome(inbound.channel, inbound.messageId))?.processed) return;
          await this.process(inbound, await this.store.readSession(key), { sync: false });
        });
        n += 1;
      }
      if (batch.length < 200) break;
    }
    if (n) this.logger.info({ recovered: n }, 'processed inbound messages left from before a restart');
    return n;
  }

  /** One message, under its conversation's lock, with the session as stored (null: a new conversation).
   * Everything it writes goes in one store operation (finishTurn), saved only if the session is still the
   * one read: else another instance answered a message of this conversation meanwhile, and the turn runs
   * again on the session it saved. */
  private async process(inbound: Inbound, stored: StoredSession | null, o: { sync: boolean }): Promise<HandleResult> {
    const { channel, user, messageId } = inbound;
    const key = sessionKey(channel, user);
    const redacted = this.redact(inbound.text);
    for (let attempt = 1; ; attempt++) {
      const now = this.now();
      const session = sessionOf(stored?.session);
      const result = await this.turn(inbound, session, redacted, o, now);
      const reply = result.reply;
      const next = result.session;
      const text = reply ? reply.parts.join('\n') : '';
      const userLine: ConversationLine = { from: 'user', text: redacted, at: now };
      const botLine: ConversationLine | null = reply ? { from: 'bot', text: clip(text), at: now } : null;
      const { ticket, events } = await handoff(this.turnDeps, inbound, reply, session, next, [userLine, ...(botLine ? [botLine] : [])], now);

      const handled: HandleResult = {
        duplicate: false,
        reply,
        ...(!reply ? { held: true } : {}),
        ...(ticket && ticket.state !== 'closed' ? { ticket } : {}),
      };
      const outbox: NewOutboxItem[] =
        reply && !o.sync
          ? [
              {
                channel,
                chat: inbound.chat,
                text,
                urgent: reply.urgent,
                quickReplies: reply.quickReplies,
                createdAt: now,
                dedupeKey: `reply:${channel}:${messageId}`,
                meta: { kind: 'reply', messageId, parts: reply.parts, ask: reply.ask },
              },
            ]
          : [];
      const saved = await this.store.finishTurn({
        sessionKey: key,
        session: next,
        expect: stored?.version ?? null,
        now,
        inbound,
        summary: {
          intent: reply?.intent ?? (result.intent || 'held'),
          locality: reply?.locality ?? next.locality,
          urgent: reply?.urgent ?? false,
          handoff: reply?.handoff ?? false,
          redactedText: redacted,
          ...(SYNC_CHANNELS.has(channel) ? { outcome: outcomeJson(handled) } : {}),
        },
        lines: botLine ? [botLine] : [],
        outbox,
      });
      if (!saved) {
        this.metrics?.sessionConflicts.inc();
        if (attempt >= MAX_SESSION_CONFLICTS) throw new SessionConflict(key);
        stored = await this.store.readSession(key);
        continue;
      }
      if (outbox.length) this.outbox.kick?.(channel, outbox.some((item) => item.urgent));

      // A human holds the conversation: the user's words join the ticket (once the turn is saved).
      let shown = ticket;
      if (ticket?.state === 'claimed' && !events.length) {
        const lines = [...ticket.lastMessages, userLine, ...(botLine ? [botLine] : [])].slice(-this.tickets.historySize);
        shown = (await this.store.updateTicket(ticket.id, { lastMessages: lines }, now)) ?? ticket;
        events.push({ kind: 'user_message', ticket: shown, text: redacted });
      }
      if (reply?.review) await recordReview(this.store, inbound, reply, redacted, now);

      // Metrics, staff notifications (not awaited: a slow staff route does not delay the user's reply).
      const intent = reply?.intent ?? 'held';
      this.metrics?.messages.inc({ channel, intent });
      if (intent === 'fallback') this.metrics?.fallbacks.inc({ channel });
      if (reply?.urgent) this.metrics?.urgent.inc({ channel });
      for (const event of events) this.notifier.notify(event);
      return handled;
    }
  }

  /** The core's turn; when it fails, the message is kept as failed and the user told (then it throws). */
  private async turn(inbound: Inbound, session: Session, redacted: string, o: { sync: boolean }, now: number): Promise<TurnOutcome> {
    try {
      return await this.runTurn(inbound, session, { status: await this.status(), now, staffAlerted: this.registry.staffRouteCount > 0 });
    } catch (err) {
      const { channel, messageId } = inbound;
      this.metrics?.errors.inc({ stage: 'turn' });
      this.logger.error({ err, channel, messageId }, 'core failed on a message');
      await this.store.markProcessed(channel, messageId, { intent: 'error', urgent: false, handoff: false, redactedText: redacted });
      const text = internalErrorNotice(session);
      if (!o.sync) await this.outbox.enqueue({ channel, chat: inbound.chat, text, urgent: false, quickReplies: [], createdAt: now, dedupeKey: `reply:${channel}:${messageId}`, meta: { kind: 'error' } });
      throw err;
    }
  }

  // --- tickets (TicketPort: tickets.ts) ------------------------------------------------------------------

  list(filter?: { state?: Ticket['state'] }): Promise<Ticket[]> {
    return this.tickets.list(filter);
  }

  get(id: string): Promise<Ticket | null> {
    return this.tickets.get(id);
  }

  claim(id: string, staff: string): Promise<Ticket> {
    return this.tickets.claim(id, staff);
  }

  reply(id: string, staff: string, text: string, o: { kind?: 'staff' | 'closed'; staffName?: string } = {}): Promise<Ticket> {
    return this.tickets.reply(id, staff, text, o);
  }

  transfer(id: string, to: string): Promise<Ticket> {
    return this.tickets.transfer(id, to);
  }

  close(id: string, staff: string): Promise<Ticket> {
    return this.tickets.close(id, staff);
  }

  escalateDue(): Promise<number> {
    return this.tickets.escalateDue();
  }

  startEscalation(intervalMs?: number): void {
    this.tickets.startEscalation(intervalMs);
  }

  // --- live status, knowledge base -----------------------------------------------------------------------

  /** The live-status overlay, cached for a second (set through this service: at once). */
  async status(): Promise<LiveStatus> {
    const now = Date.now();
    if (this.statusCache && now - this.statusCache.at < STATUS_TTL_MS) return this.statusCache.value;
    const value = await this.store.getStatus();
    this.statusCache = { value, at: now };
    return value;
  }

  /** The overlay as last read, synchronously (for the channels' `kb`); refreshes it in the background. */
  currentStatus(): LiveStatus {
    const c = this.statusCache;
    if (!c || Date.now() - c.at >= STATUS_TTL_MS) void this.status().catch(() => undefined);
    return c?.value ?? EMPTY_STATUS;
  }

  async setFacilityStatus(facilityId: string, s: { state: 'open' | 'full' | 'closed'; load?: string; note?: string }): Promise<LiveStatus> {
    if (!this.currentCore.facilities().some((f) => f.id === facilityId))
      throw new ServiceError('facility_not_found', `no facility "${facilityId}" in the rule books`);
    if (s.state === 'open' && !s.load && !s.note) await this.store.clearFacilityStatus(facilityId);
    else await this.store.setFacilityStatus(facilityId, s, this.now());
    this.statusCache = null;
    return this.status();
  }

  async kb(query: string) {
    return this.currentCore.kb(query, { status: await this.status(), now: this.now() });
  }

  // --- lifecycle -------------------------------------------------------------------------------------

  /** Stops taking messages, waits for in-flight ones and staff notifications. */
  async drain(): Promise<void> {
    this.closed = true;
    await this.tickets.stop();
    await this.lock.idle();
    await this.notifier.settled();
  }

  /** Waits for staff notifications sent so far (tests). */
  async settled(): Promise<void> {
    await this.lock.idle();
    await this.notifier.settled();
  }
}

export type { Reply };
