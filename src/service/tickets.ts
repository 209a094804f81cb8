// The staff side of handoff tickets (TicketPort): claim, reply, transfer, close, and the escalation of
// urgent tickets nobody claimed in time. The service (service.ts) delegates to it. A ticket's state changes
// by compare-and-set in the store, and the conversation's session by a versioned save tried again when
// another instance saved it meanwhile (sessions.ts), so two instances never undo each other's changes.
import type { Logger } from 'pino';
import { newSession, type Session } from '../core/types';
import type { ConversationLine, NewOutboxItem, Store } from '../store/port';
import { ServiceError } from './errors';
import type { KeyedLock } from './keyed-lock';
import type { Metrics } from './metrics';
import { genericEscalationNotice } from './notices';
import type { Notifier } from './notifier';
import type { Ticket } from './ports';
import { sessionKey, updateSession } from './sessions';
import type { EscalationNotice, OutboxSink } from './types';

export const BOT_LINE_MAX = 600;

export function clip(text: string): string {
  return text.length > BOT_LINE_MAX ? `${text.slice(0, BOT_LINE_MAX - 1)}…` : text;
}

export interface TicketDeskDeps {
  store: Store;
  outbox: OutboxSink;
  lock: KeyedLock;
  notifier: Notifier;
  logger: Logger;
  metrics?: Metrics;
  now: () => number;
  redact: (text: string) => string;
  escalateAfterS: number;
  maxEscalationLevel?: number;
  escalationNotice?: EscalationNotice;
  /** Conversation lines kept on a ticket (default 10). */
  ticketHistory?: number;
}

export class TicketDesk {
  private escalationTimer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;

  constructor(private readonly d: TicketDeskDeps) {}

  get historySize(): number {
    return this.d.ticketHistory ?? 10;
  }

  async list(filter?: { state?: Ticket['state'] }): Promise<Ticket[]> {
    return this.d.store.listTickets({ state: filter?.state ?? ['open', 'claimed'] });
  }

  async get(id: string): Promise<Ticket | null> {
    return this.d.store.getTicket(id);
  }

  async claim(id: string, staff: string): Promise<Ticket> {
    const now = this.d.now();
    const claimed = await this.d.store.updateTicket(id, { state: 'claimed', claimedBy: staff }, now, ['open']);
    if (!claimed) {
      const cur = await this.mustGet(id);
      if (cur.state === 'claimed' && cur.claimedBy === staff) return cur;
      throw new ServiceError('ticket_state', `ticket ${id} is ${cur.state}${cur.claimedBy ? ` by ${cur.claimedBy}` : ''}`);
    }
    await this.session(claimed, (s) => {
      s.handoff = { since: s.handoff?.since ?? claimed.createdAt, reason: s.handoff?.reason ?? claimed.reason, ticketId: claimed.id, heldBy: staff };
    });
    this.d.logger.info({ ticket: id, staff }, 'ticket claimed');
    this.d.notifier.notify({ kind: 'ticket_claimed', ticket: claimed });
    return claimed;
  }

  /** `o.kind`: what the user's page shows it as (`closed`: the closing message); `o.staffName`: the display
   * name the user sees (web chat). */
  async reply(id: string, staff: string, text: string, o: { kind?: 'staff' | 'closed'; staffName?: string } = {}): Promise<Ticket> {
    if (!text.trim()) throw new ServiceError('invalid_field', 'text: must not be empty');
    let ticket = await this.mustGet(id);
    if (ticket.state === 'closed') throw new ServiceError('ticket_state', `ticket ${id} is closed`);
    if (ticket.state === 'open') ticket = await this.claim(id, staff);
    const now = this.d.now();
    await this.enqueue({
      channel: ticket.channel,
      chat: ticket.chat,
      text,
      urgent: ticket.urgent,
      quickReplies: [],
      createdAt: now,
      meta: { kind: o.kind ?? 'staff', ticketId: id, staff, ...(o.staffName ? { staffName: o.staffName } : {}) },
    });
    const line: ConversationLine = { from: 'staff', text: clip(this.d.redact(text)), at: now };
    await this.d.store.appendMessage(ticket.channel, ticket.user, line);
    const lines = [...ticket.lastMessages, line].slice(-this.historySize);
    return (await this.d.store.updateTicket(id, { lastMessages: lines }, now)) ?? ticket;
  }

  /** Hands a ticket to another staff member (an open one is claimed for them). No staff-route event: the
   * console that asked tells its viewers. */
  async transfer(id: string, to: string): Promise<Ticket> {
    const t = await this.d.store.updateTicket(id, { state: 'claimed', claimedBy: to }, this.d.now(), ['open', 'claimed']);
    if (!t) throw new ServiceError('ticket_state', `ticket ${id} is ${(await this.mustGet(id)).state}`);
    await this.session(t, (s) => {
      s.handoff = { since: s.handoff?.since ?? t.createdAt, reason: s.handoff?.reason ?? t.reason, ticketId: t.id, heldBy: to };
    });
    this.d.logger.info({ ticket: id, staff: to }, 'ticket transferred');
    return t;
  }

  async close(id: string, staff: string): Promise<Ticket> {
    const now = this.d.now();
    const closed = await this.d.store.updateTicket(id, { state: 'closed', ...(staff ? { claimedBy: staff } : {}) }, now, ['open', 'claimed']);
    if (!closed) return this.mustGet(id); // already closed: closing again changes nothing
    await this.session(closed, (s) => {
      if (!s.handoff?.ticketId || s.handoff.ticketId === id) s.handoff = null;
    });
    this.d.logger.info({ ticket: id, staff }, 'ticket closed');
    this.d.notifier.notify({ kind: 'ticket_closed', ticket: closed });
    return closed;
  }

  // --- escalation --------------------------------------------------------------------------------------

  /** Escalates urgent tickets nobody claimed in time: level+1 (compare-and-set: one instance does it),
   * `ticket_escalated` to the staff routes, and on the first escalation the user is sent the hotline.
   * Returns how many were escalated. */
  async escalateDue(): Promise<number> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = this.sweep().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  /** Sweeps for escalations every `intervalMs` (default: a quarter of the escalation delay, 1–15 s). */
  startEscalation(intervalMs?: number): void {
    if (this.escalationTimer) return;
    const every = intervalMs ?? Math.min(15_000, Math.max(1000, (this.d.escalateAfterS * 1000) / 4));
    this.escalationTimer = setInterval(() => {
      this.escalateDue().catch((err: unknown) => this.d.logger.error({ err }, 'escalation sweep failed'));
    }, every);
    this.escalationTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.escalationTimer) clearInterval(this.escalationTimer);
    this.escalationTimer = null;
    if (this.sweeping) await this.sweeping.catch(() => 0);
  }

  private async sweep(): Promise<number> {
    const now = this.d.now();
    const afterMs = this.d.escalateAfterS * 1000;
    const max = this.d.maxEscalationLevel ?? 3;
    const due = await this.d.store.listTickets({ state: 'open', urgent: true, createdBefore: now - afterMs });
    let n = 0;
    for (const t of due) {
      if (t.level >= max || now < t.createdAt + (t.level + 1) * afterMs) continue;
      const up = await this.d.store.updateTicket(t.id, { level: t.level + 1 }, now, ['open'], t.level);
      if (!up) continue; // claimed meanwhile, or another instance escalated it
      n += 1;
      this.d.metrics?.escalations.inc();
      this.d.logger.warn({ ticket: t.id, escalationLevel: up.level, locality: t.locality }, 'urgent ticket escalated: not claimed in time');
      this.d.notifier.notify({ kind: 'ticket_escalated', ticket: up });
      if (t.level === 0) await this.tellUser(t, up, now);
    }
    return n;
  }

  /** The first escalation: the user is given the locality's hotline (or 120). */
  private async tellUser(t: Ticket, up: Ticket, now: number): Promise<void> {
    const session = (await this.d.store.loadSession(sessionKey(t.channel, t.user))) ?? newSession();
    const l = { script: session.script ?? 'simplified', lang: session.lang ?? 'zh' } as const;
    let text: string | null = null;
    try {
      text = this.d.escalationNotice?.(up, l) ?? null;
    } catch (err) {
      this.d.logger.error({ err, ticket: t.id }, 'escalation notice failed');
    }
    text ??= genericEscalationNotice(l);
    const { duplicate } = await this.enqueue({
      channel: t.channel,
      chat: t.chat,
      text,
      urgent: true,
      quickReplies: [],
      createdAt: now,
      dedupeKey: `escalation:${t.id}`,
      meta: { kind: 'escalation', ticketId: t.id, level: up.level },
    });
    if (!duplicate) await this.d.store.appendMessage(t.channel, t.user, { from: 'bot', text: clip(text), at: now });
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private async mustGet(id: string): Promise<Ticket> {
    const t = await this.d.store.getTicket(id);
    if (!t) throw new ServiceError('ticket_not_found', `no ticket ${id}`);
    return t;
  }

  private session(ticket: Ticket, change: (s: Session) => void): Promise<void> {
    const key = sessionKey(ticket.channel, ticket.user);
    return this.d.lock.run(key, () => updateSession(this.d.store, key, change, this.d.now));
  }

  private enqueue(item: NewOutboxItem): Promise<{ id: string; duplicate: boolean }> {
    return this.d.outbox.enqueue(item);
  }
}
