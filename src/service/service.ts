// The orchestration: inbound → persist (de-dup) → session → core.turn → session → tickets → reply.
// Implements InboundPort (what channels call) and TicketPort (what staff routes and the HTTP API call).
import { performance } from 'node:perf_hooks';
import type { ChannelName, Core, Inbound, Reply, Session } from '../core/types';
import { newSession } from '../core/types';
import { EMPTY_STATUS, type LiveStatus } from '../rules/types';
import { redact } from '../log/redact';
import type { ConversationLine, NewOutboxItem, Store } from '../store/port';
import { fromOutcome, outcomeJson } from './outcome';
import { inProcess, type TurnOutcome, type TurnRunner } from './turn';
import type { Logger } from 'pino';
import { ServiceError } from './errors';
import { KeyedLock } from './keyed-lock';
import type { Metrics } from './metrics';
import { genericEscalationNotice, internalErrorNotice } from './notices';
import type { InboundPort, StaffEvent, Ticket, TicketPort } from './ports';
import { RateLimiter } from './rate-limit';
import type { ReloadResult, RulesReloader } from './reload';
import type { ChannelRegistry } from './registry';
import type { EscalationNotice, HandleResult, OutboxSink, ServiceOptions } from './types';

/** Channels whose reply is returned to the caller (HTTP API, web chat, CLI) rather than sent through the outbox.
 * Later messages to them (staff replies, escalation notices) still go through the outbox, to the mailbox. */
export const SYNC_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['api', 'web', 'cli']);

export const sessionKey = (channel: ChannelName, user: string): string => `${channel}:${user}`;

const BOT_LINE_MAX = 600;
const STATUS_TTL_MS = 1000;

export class Service implements InboundPort, TicketPort {
  private readonly store: Store;
  private readonly outbox: OutboxSink;
  private readonly registry: ChannelRegistry;
  private readonly logger: Logger;
  private readonly metrics?: Metrics;
  private readonly now: () => number;
  private readonly limiter: RateLimiter;
  private readonly lock = new KeyedLock();
  private readonly redact: (text: string) => string;
  private readonly escalationNotice?: EscalationNotice;
  private readonly runTurn: TurnRunner;
  private readonly pendingNotifications = new Set<Promise<void>>();
  private statusCache: { value: LiveStatus; at: number } | null = null;
  private escalationTimer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;
  private closed = false;
  private currentCore: Core;
  private reloader: Pick<RulesReloader, 'reload'> | null = null;

  constructor(private readonly opts: ServiceOptions) {
    this.store = opts.store;
    this.outbox = opts.outbox ?? opts.store;
    this.registry = opts.registry;
    this.logger = opts.logger;
    this.metrics = opts.metrics;
    this.now = opts.now ?? Date.now;
    this.limiter = new RateLimiter(opts.rateLimit);
    this.redact = opts.redact ?? redact;
    this.escalationNotice = opts.escalationNotice;
    this.currentCore = opts.core;
    this.runTurn = opts.turn ?? ((inbound, session, ctx) => inProcess(this.currentCore)(inbound, session, ctx));
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
    const refused = await this.overLimit(inbound, key);
    if (refused) return refused;
    const sync = SYNC_CHANNELS.has(inbound.channel);
    const result = await this.lock.run(key, async (): Promise<HandleResult> => {
      // Persisted (de-duplicated) before anything else; the session is read in the same store round trip.
      const [{ duplicate }, session] = await Promise.all([this.store.recordInbound(inbound), this.store.loadSession(key)]);
      if (!duplicate) return this.process(inbound, session, { sync });
      if (!sync) return { duplicate: true, reply: null };
      // A client asking again (its response was lost): the answer it was given, or, when the first attempt
      // gave none (a crash before it finished, a failed turn), the answer now.
      const given = fromOutcome((await this.store.inboundOutcome(inbound.channel, inbound.messageId))?.outcome ?? null);
      if (given) return given;
      return { ...(await this.process(inbound, session, { sync })), duplicate: true };
    });
    if (result.duplicate) this.metrics?.duplicates.inc({ channel: inbound.channel });
    else this.metrics?.latency.observe({ channel: inbound.channel }, (performance.now() - started) / 1000);
    return result;
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
          // answered meanwhile (a client's retry on the HTTP API): not again
          if ((await this.store.inboundOutcome(inbound.channel, inbound.messageId))?.processed) return;
          await this.process(inbound, await this.store.loadSession(key), { sync: false });
        });
        n += 1;
      }
      if (batch.length < 200) break;
    }
    if (n) this.logger.info({ recovered: n }, 'processed inbound messages left from before a restart');
    return n;
  }

  /** The per-user rate limit, applied before anything is read or written: a message over it is refused at
   * the cost of a counter, unless it is urgent. Up to twice the limit the pure core reads it (no I/O) so an
   * urgent one still goes through; beyond that (a script, not a person in distress) nothing runs at all.
   * A platform user is told once a window, through the outbox (one write); API callers get the 429. */
  private async overLimit(inbound: Inbound, key: string): Promise<HandleResult | null> {
    const now = this.now();
    const rl = this.limiter.hit(key, now);
    if (!rl.limited) return null;
    let script: 'simplified' | 'traditional' = 'simplified';
    let lang: 'zh' | 'en' = 'zh';
    if (rl.count <= 2 * this.opts.rateLimit) {
      const probe = await this.runTurn(inbound, newSession(), { status: await this.status(), now });
      if (probe.reply?.urgent) return null;
      script = probe.reply?.script ?? script;
      lang = probe.reply?.lang ?? lang;
    }
    const { channel } = inbound;
    this.metrics?.rateLimited.inc({ channel });
    const wait = Math.max(1, Math.ceil(rl.retryAfterMs / 1000));
    const text = this.currentCore.rateLimitNotice(this.opts.rateLimit, wait, { script, lang });
    if (!SYNC_CHANNELS.has(channel) && rl.firstOver)
      await this.enqueue({ channel, chat: inbound.chat, text, urgent: false, quickReplies: [], createdAt: now, dedupeKey: `ratelimit:${channel}:${inbound.messageId}`, meta: { kind: 'rate_limited' } });
    return { duplicate: false, reply: null, rateLimited: { retryAfterMs: rl.retryAfterMs, text } };
  }

  /** One message, under its conversation's lock, with the session as stored (null: a new conversation). */
  private async process(inbound: Inbound, stored: Session | null, o: { sync: boolean }): Promise<HandleResult> {
    const { channel, user, messageId } = inbound;
    const key = sessionKey(channel, user);
    const now = this.now();
    const session = stored ?? newSession();
    const redacted = this.redact(inbound.text);

    let result: TurnOutcome;
    try {
      result = await this.runTurn(inbound, session, { status: await this.status(), now, staffAlerted: this.registry.staffRouteCount > 0 });
    } catch (err) {
      this.metrics?.errors.inc({ stage: 'turn' });
      this.logger.error({ err, channel, messageId }, 'core failed on a message');
      await this.store.markProcessed(channel, messageId, { intent: 'error', urgent: false, handoff: false, redactedText: redacted });
      const text = internalErrorNotice(session);
      if (!o.sync) await this.enqueue({ channel, chat: inbound.chat, text, urgent: false, quickReplies: [], createdAt: now, dedupeKey: `reply:${channel}:${messageId}`, meta: { kind: 'error' } });
      throw err;
    }
    const reply = result.reply;
    const next = result.session;

    // 1. The reply first (urgent ones jump the outbox queue); de-duplicated by message id across a crash.
    const text = reply ? reply.parts.join('\n') : '';
    if (reply && !o.sync) {
      await this.enqueue({
        channel,
        chat: inbound.chat,
        text,
        urgent: reply.urgent,
        quickReplies: reply.quickReplies,
        createdAt: now,
        dedupeKey: `reply:${channel}:${messageId}`,
        meta: { kind: 'reply', messageId, parts: reply.parts, ask: reply.ask },
      });
    }

    // 2. Tickets: open one on a handoff, or pass the user's words to staff while a human holds the chat.
    const userLine: ConversationLine = { from: 'user', text: redacted, at: now };
    const botLine: ConversationLine | null = reply ? { from: 'bot', text: clip(text), at: now } : null;
    const events: StaffEvent[] = [];
    let ticket: Ticket | null = null;
    if (reply?.handoff || next.handoff || session.handoff) ticket = await this.store.openTicketFor(channel, user);
    if (reply?.handoff) {
      const reason = reply.handoffReason ?? (reply.urgent ? 'urgent' : 'requested');
      if (!ticket) {
        const history = await this.store.recentMessages(channel, user, this.historySize() - 2);
        ticket = await this.store.createTicket(
          {
            channel,
            user,
            chat: inbound.chat,
            locality: reply.locality ?? next.locality,
            reason,
            urgent: reply.urgent,
            lastMessages: [...history, userLine, ...(botLine ? [botLine] : [])],
          },
          now,
        );
        this.metrics?.handoffs.inc({ reason: reason.split(':')[0] ?? reason });
        this.logger.info({ ticket: ticket.id, channel, urgent: ticket.urgent, reason, locality: ticket.locality }, 'handoff ticket opened');
        events.push({ kind: 'ticket_opened', ticket });
      } else if (reply.urgent && !ticket.urgent) {
        ticket = (await this.store.updateTicket(ticket.id, { urgent: true, reason }, now)) ?? ticket;
      }
    }
    if (ticket) {
      const held = ticket.state === 'claimed' ? ticket.claimedBy : undefined;
      next.handoff = { since: now, reason: ticket.reason, ...(next.handoff ?? {}), ticketId: ticket.id, ...(held ? { heldBy: held } : {}) };
      if (ticket.state === 'claimed' && !events.length) {
        const lines = [...ticket.lastMessages, userLine, ...(botLine ? [botLine] : [])].slice(-this.historySize());
        ticket = (await this.store.updateTicket(ticket.id, { lastMessages: lines }, now)) ?? ticket;
        events.push({ kind: 'user_message', ticket, text: redacted });
      }
    } else if (next.handoff && (next.handoff.ticketId || next.handoff.heldBy)) {
      // The ticket was closed elsewhere: the conversation is the bot's again.
      next.handoff = null;
    }

    // 3. Session, inbound log, conversation: issued together (one store round trip, one SQLite commit);
    //    the user's line (markProcessed) is appended before the bot's.
    const handled: HandleResult = {
      duplicate: false,
      reply,
      ...(!reply ? { held: true } : {}),
      ...(ticket && ticket.state !== 'closed' ? { ticket } : {}),
    };
    await Promise.all([
      this.store.saveSession(key, next, now),
      this.store.markProcessed(channel, messageId, {
        intent: reply?.intent ?? (result.intent || 'held'),
        locality: reply?.locality ?? next.locality,
        urgent: reply?.urgent ?? false,
        handoff: reply?.handoff ?? false,
        redactedText: redacted,
        ...this.keep(channel, handled),
      }),
      ...(botLine ? [this.store.appendMessage(channel, user, botLine)] : []),
      ...(reply?.review ? [this.recordReview(inbound, reply, redacted, now)] : []),
    ]);

    // 4. Metrics, staff notifications (not awaited: a slow staff route does not delay the user's reply).
    const intent = reply?.intent ?? 'held';
    this.metrics?.messages.inc({ channel, intent });
    if (intent === 'fallback') this.metrics?.fallbacks.inc({ channel });
    if (reply?.urgent) this.metrics?.urgent.inc({ channel });
    for (const event of events) this.notify(event);

    return handled;
  }

  /** The answer to keep with the message, on channels answered synchronously (for a retry: see handle). */
  private keep(channel: ChannelName, r: HandleResult): { outcome?: string } {
    return SYNC_CHANNELS.has(channel) ? { outcome: outcomeJson(r) } : {};
  }

  // --- tickets (TicketPort) ----------------------------------------------------------------------------

  async list(filter?: { state?: Ticket['state'] }): Promise<Ticket[]> {
    return this.store.listTickets({ state: filter?.state ?? ['open', 'claimed'] });
  }

  async get(id: string): Promise<Ticket | null> {
    return this.store.getTicket(id);
  }

  async claim(id: string, staff: string): Promise<Ticket> {
    const now = this.now();
    const claimed = await this.store.updateTicket(id, { state: 'claimed', claimedBy: staff }, now, ['open']);
    if (!claimed) {
      const cur = await this.mustGet(id);
      if (cur.state === 'claimed' && cur.claimedBy === staff) return cur;
      throw new ServiceError('ticket_state', `ticket ${id} is ${cur.state}${cur.claimedBy ? ` by ${cur.claimedBy}` : ''}`);
    }
    await this.updateSession(claimed, (s) => {
      s.handoff = { since: s.handoff?.since ?? claimed.createdAt, reason: s.handoff?.reason ?? claimed.reason, ticketId: claimed.id, heldBy: staff };
    });
    this.logger.info({ ticket: id, staff }, 'ticket claimed');
    this.notify({ kind: 'ticket_claimed', ticket: claimed });
    return claimed;
  }

  /** `o.kind`: what the user's page shows it as (`closed`: the closing message); `o.staffName`: the display
   * name the user sees (web chat). */
  async reply(id: string, staff: string, text: string, o: { kind?: 'staff' | 'closed'; staffName?: string } = {}): Promise<Ticket> {
    if (!text.trim()) throw new ServiceError('invalid_field', 'text: must not be empty');
    let ticket = await this.mustGet(id);
    if (ticket.state === 'closed') throw new ServiceError('ticket_state', `ticket ${id} is closed`);
    if (ticket.state === 'open') ticket = await this.claim(id, staff);
    const now = this.now();
    await this.enqueue({
      channel: ticket.channel,
      chat: ticket.chat,
      text,
      urgent: ticket.urgent,
      quickReplies: [],
      createdAt: now,
      meta: { kind: o.kind ?? 'staff', ticketId: id, staff, ...(o.staffName ? { staffName: o.staffName } : {}) },
    });
    const line: ConversationLine = { from: 'staff', text: clip(this.redact(text)), at: now };
    await this.store.appendMessage(ticket.channel, ticket.user, line);
    const lines = [...ticket.lastMessages, line].slice(-this.historySize());
    return (await this.store.updateTicket(id, { lastMessages: lines }, now)) ?? ticket;
  }

  /** Hands a ticket to another staff member (an open one is claimed for them). No staff-route event: the
   * console that asked tells its viewers. */
  async transfer(id: string, to: string): Promise<Ticket> {
    const t = await this.store.updateTicket(id, { state: 'claimed', claimedBy: to }, this.now(), ['open', 'claimed']);
    if (!t) throw new ServiceError('ticket_state', `ticket ${id} is ${(await this.mustGet(id)).state}`);
    await this.updateSession(t, (s) => {
      s.handoff = { since: s.handoff?.since ?? t.createdAt, reason: s.handoff?.reason ?? t.reason, ticketId: t.id, heldBy: to };
    });
    this.logger.info({ ticket: id, staff: to }, 'ticket transferred');
    return t;
  }

  async close(id: string, staff: string): Promise<Ticket> {
    const now = this.now();
    const closed = await this.store.updateTicket(id, { state: 'closed', ...(staff ? { claimedBy: staff } : {}) }, now, ['open', 'claimed']);
    if (!closed) {
      const cur = await this.mustGet(id);
      return cur; // already closed: closing again changes nothing
    }
    await this.updateSession(closed, (s) => {
      if (!s.handoff?.ticketId || s.handoff.ticketId === id) s.handoff = null;
    });
    this.logger.info({ ticket: id, staff }, 'ticket closed');
    this.notify({ kind: 'ticket_closed', ticket: closed });
    return closed;
  }

  // --- escalation --------------------------------------------------------------------------------------

  /** Escalates urgent tickets nobody claimed in time: level+1, `ticket_escalated` to the staff routes, and
   * on the first escalation the user is sent the hotline. Returns how many were escalated. */
  async escalateDue(): Promise<number> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = this.sweep().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async sweep(): Promise<number> {
    const now = this.now();
    const afterMs = this.opts.escalateAfterS * 1000;
    const max = this.opts.maxEscalationLevel ?? 3;
    const due = await this.store.listTickets({ state: 'open', urgent: true, createdBefore: now - afterMs });
    let n = 0;
    for (const t of due) {
      if (t.level >= max || now < t.createdAt + (t.level + 1) * afterMs) continue;
      const up = await this.store.updateTicket(t.id, { level: t.level + 1 }, now, ['open']);
      if (!up) continue;
      n += 1;
      this.metrics?.escalations.inc();
      this.logger.warn({ ticket: t.id, escalationLevel: up.level, locality: t.locality }, 'urgent ticket escalated: not claimed in time');
      this.notify({ kind: 'ticket_escalated', ticket: up });
      if (t.level === 0) {
        const session = (await this.store.loadSession(sessionKey(t.channel, t.user))) ?? newSession();
        const l = { script: session.script ?? 'simplified', lang: session.lang ?? 'zh' } as const;
        let text: string | null = null;
        try {
          text = this.escalationNotice?.(up, l) ?? null;
        } catch (err) {
          this.logger.error({ err, ticket: t.id }, 'escalation notice failed');
        }
        text ??= genericEscalationNotice(l);
        await this.enqueue({
          channel: t.channel,
          chat: t.chat,
          text,
          urgent: true,
          quickReplies: [],
          createdAt: now,
          dedupeKey: `escalation:${t.id}`,
          meta: { kind: 'escalation', ticketId: t.id, level: up.level },
        });
        await this.store.appendMessage(t.channel, t.user, { from: 'bot', text: clip(text), at: now });
      }
    }
    return n;
  }

  /** Sweeps for escalations every `intervalMs` (default: a quarter of the escalation delay, 1–15 s). */
  startEscalation(intervalMs?: number): void {
    if (this.escalationTimer) return;
    const every = intervalMs ?? Math.min(15_000, Math.max(1000, (this.opts.escalateAfterS * 1000) / 4));
    this.escalationTimer = setInterval(() => {
      this.escalateDue().catch((err: unknown) => this.logger.error({ err }, 'escalation sweep failed'));
    }, every);
    this.escalationTimer.unref();
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
    if (this.escalationTimer) clearInterval(this.escalationTimer);
    this.escalationTimer = null;
    await this.lock.idle();
    if (this.sweeping) await this.sweeping.catch(() => 0);
    await Promise.all([...this.pendingNotifications]);
  }

  /** Waits for staff notifications sent so far (tests). */
  async settled(): Promise<void> {
    await this.lock.idle();
    await Promise.all([...this.pendingNotifications]);
  }

  // --- helpers -----------------------------------------------------------------------------------------

  /** A reply worth a human's look (Reply.review) joins the console's review queue: redacted words only. */
  private async recordReview(inbound: Inbound, reply: Reply, redacted: string, now: number): Promise<void> {
    await this.store.addReviewItem({
      at: now,
      channel: inbound.channel,
      messageId: inbound.messageId,
      ...(reply.locality ? { locality: reply.locality } : {}),
      intent: reply.intent,
      reason: reply.review!,
      text: redacted,
      reply: clip(reply.parts.join('\n')),
    });
  }

  private historySize(): number {
    return this.opts.ticketHistory ?? 10;
  }

  private async mustGet(id: string): Promise<Ticket> {
    const t = await this.store.getTicket(id);
    if (!t) throw new ServiceError('ticket_not_found', `no ticket ${id}`);
    return t;
  }

  private async updateSession(ticket: Ticket, change: (s: Session) => void): Promise<void> {
    const key = sessionKey(ticket.channel, ticket.user);
    await this.lock.run(key, async () => {
      const s = (await this.store.loadSession(key)) ?? newSession();
      change(s);
      await this.store.saveSession(key, s, this.now());
    });
  }

  private async enqueue(item: Parameters<OutboxSink['enqueue']>[0] & NewOutboxItem): Promise<void> {
    await this.outbox.enqueue(item);
  }

  private notify(event: StaffEvent): void {
    const p = this.registry.notifyStaff(event).finally(() => this.pendingNotifications.delete(p));
    this.pendingNotifications.add(p);
  }
}

function clip(text: string): string {
  return text.length > BOT_LINE_MAX ? `${text.slice(0, BOT_LINE_MAX - 1)}…` : text;
}

export type { Reply };
