// What staff do, whoever asks (the console page, the API with a token): the inbox, claim, reply, transfer,
// close with a closing message, live status, review, the audit log and today's figures. It checks who may
// do what (only the holder replies to a claimed ticket, unless an administrator) and records every action.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { dataDir } from '../data/root';
import { loadRuleSet } from '../rules/load';
import type { Service } from '../service/service';
import { ServiceError } from '../service/errors';
import type { Ticket } from '../service/ports';
import type { AuditEntry, ReviewItem, ReviewMark, StaffAccount } from '../store/console-port';
import type { Store } from '../store/port';
import type { Actor } from './accounts';
import type { ConsoleHub } from './events';
import { consoleStrings } from './strings';
import { inboxOrder, ticketView, transcriptOf, type TicketView } from './views';

export class ConsoleError extends Error {
  constructor(
    readonly code: 'ticket_held' | 'forbidden' | 'staff_not_found' | 'review_not_found',
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

export interface FacilityView {
  id: string;
  name: string;
  locality: string;
  localityName: string;
  state: 'open' | 'full' | 'closed';
  load?: string;
  note?: string;
  updatedAt?: string;
  /** Who made the last change, from the audit log. */
  changedBy?: string;
  changedByName?: string;
}

export interface TodayStats {
  since: number;
  until: number;
  messages: number;
  urgent: number;
  openTickets: number;
  timeToClaim: { n: number; p50Ms: number | null; p90Ms: number | null };
  byLocality: { locality: string | null; name: string; messages: number; urgent: number; open: number }[];
  byHour: { hour: number; messages: number }[];
}

const TRANSCRIPT = 50;

export const percentile = (sorted: number[], p: number): number | null =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null;

export class StaffConsole {
  private names = new Map<string, string>();
  private intentNames: string[] | undefined;
  private marks: Record<string, { id: string; name: string; meaning: string }[]> | undefined;
  private namesAt = 0;

  constructor(
    private readonly d: { service: Service; store: Store; hub: ConsoleHub; logger: Logger; now?: () => number },
  ) {}

  private now(): number {
    return this.d.now?.() ?? Date.now();
  }

  private get core() {
    return this.d.service.core;
  }

  /** username → display name, re-read at most every 10 s. */
  private async staffNames(): Promise<Map<string, string>> {
    const now = Date.now();
    if (now - this.namesAt > 10_000) {
      this.names = new Map((await this.d.store.listStaff()).map((a: StaffAccount) => [a.username, a.displayName]));
      this.namesAt = now;
    }
    return this.names;
  }

  private async ctx() {
    return { localities: new Map(this.core.localities().map((l) => [l.id, l.name])), names: await this.staffNames() };
  }

  async view(t: Ticket): Promise<TicketView> {
    return ticketView(t, await this.ctx());
  }

  private async audit(actor: Actor, action: string, target?: string, detail?: Record<string, unknown>): Promise<void> {
    const e: Omit<AuditEntry, 'id'> = { at: this.now(), actor: actor.username, action, ...(target ? { target } : {}), ...(detail ? { detail } : {}) };
    await this.d.store.addAudit(e);
    this.d.hub.publish({ type: 'audit', action, actor: actor.username, ...(target ? { target } : {}) });
  }

  private async publish(t: Ticket, event: 'reply' | 'transfer'): Promise<void> {
    this.d.hub.publish({ type: 'ticket', ticket: t, event });
  }

  // --- inbox ---------------------------------------------------------------------------------------------

  async inbox(): Promise<TicketView[]> {
    const c = await this.ctx();
    return (await this.d.service.list()).sort(inboxOrder).map((t) => ticketView(t, c));
  }

  async list(state: Ticket['state']): Promise<TicketView[]> {
    const c = await this.ctx();
    return (await this.d.service.list({ state })).map((t) => ticketView(t, c));
  }

  async ticket(id: string): Promise<TicketView & { transcript: { from: string; text: string; at: number }[] }> {
    const t = await this.mustGet(id);
    const lines = await this.d.store.recentMessages(t.channel, t.user, TRANSCRIPT);
    return { ...(await this.view(t)), transcript: transcriptOf(t, lines) };
  }

  private async mustGet(id: string): Promise<Ticket> {
    const t = await this.d.service.get(id);
    if (!t) throw new ServiceError('ticket_not_found', `no ticket ${id}`);
    return t;
  }

  /** A claimed ticket is its holder's: others may not act on it unless they are administrators. */
  private mayAct(actor: Actor, t: Ticket): void {
    if (t.state === 'claimed' && t.claimedBy !== actor.username && actor.role !== 'admin') {
      const name = this.names.get(t.claimedBy ?? '') ?? t.claimedBy ?? '';
      throw new ConsoleError('ticket_held', `ticket ${t.id} is held by ${name}: only they or an administrator may act on it`);
    }
  }

  async claim(actor: Actor, id: string): Promise<TicketView> {
    return this.view(await this.d.service.claim(id, actor.username));
  }

  async reply(actor: Actor, id: string, text: string): Promise<TicketView> {
    const t = await this.mustGet(id);
    this.mayAct(actor, t);
    if (t.state === 'claimed' && t.claimedBy !== actor.username) {
      // an administrator answering another's ticket takes it over, so the conversation has one holder
      await this.d.service.transfer(id, actor.username);
      await this.audit(actor, 'transfer', id, { from: t.claimedBy, to: actor.username });
    }
    const up = await this.d.service.reply(id, actor.username, text, { staffName: actor.displayName });
    await this.audit(actor, 'reply', id, { chars: text.length });
    await this.publish(up, 'reply');
    return this.view(up);
  }

  async transfer(actor: Actor, id: string, to: string): Promise<TicketView> {
    const t = await this.mustGet(id);
    this.mayAct(actor, t);
    const target = await this.d.store.getStaff(to.toLowerCase());
    if (!target || target.disabled) throw new ConsoleError('staff_not_found', `no active staff account "${to}"`);
    const up = await this.d.service.transfer(id, target.username);
    await this.audit(actor, 'transfer', id, { from: t.claimedBy ?? null, to: target.username });
    await this.publish(up, 'transfer');
    return this.view(up);
  }

  /** Closes the ticket; the closing message (when not empty) is sent to the user first. */
  async close(actor: Actor, id: string, message?: string): Promise<TicketView> {
    const t = await this.mustGet(id);
    if (t.state === 'closed') return this.view(t);
    this.mayAct(actor, t);
    const text = message?.trim();
    if (text) await this.d.service.reply(id, t.claimedBy ?? actor.username, text, { kind: 'closed', staffName: actor.displayName });
    return this.view(await this.d.service.close(id, actor.username));
  }

  /** Staff judged an urgent handoff a false alarm: the message that raised it goes to review. */
  async falseAlarm(actor: Actor, id: string): Promise<ReviewItem> {
    const t = await this.mustGet(id);
    // the message that opened the ticket and the bot's urgent reply carry the ticket's creation time
    const lines = t.lastMessages;
    const opening = lines.filter((l) => l.at === t.createdAt).reverse();
    const user = opening.find((l) => l.from === 'user') ?? [...lines].reverse().find((l) => l.from === 'user');
    const bot = opening.find((l) => l.from === 'bot');
    const item = await this.d.store.addReviewItem({
      at: this.now(),
      channel: t.channel,
      messageId: `ticket:${t.id}`,
      ...(t.locality ? { locality: t.locality } : {}),
      intent: 'urgent',
      reason: 'false_alarm',
      text: user?.text ?? '',
      reply: bot?.text ?? '',
    });
    await this.audit(actor, 'false_alarm', id, { review: item.id });
    this.d.hub.publish({ type: 'review', id: item.id });
    return item;
  }

  // --- live status ---------------------------------------------------------------------------------------

  async facilities(): Promise<FacilityView[]> {
    const [status, changes, names] = await Promise.all([this.d.service.status(), this.d.store.listAudit({ action: 'status', limit: 1000 }), this.staffNames()]);
    const localities = new Map(this.core.localities().map((l) => [l.id, l.name]));
    const last = new Map<string, AuditEntry>();
    for (const e of changes) if (e.target && !last.has(e.target)) last.set(e.target, e);
    return this.core.facilities().map((f) => {
      const s = status.facilities[f.id];
      const by = last.get(f.id)?.actor;
      return {
        ...f,
        localityName: localities.get(f.locality) ?? f.locality,
        state: s?.state ?? 'open',
        ...(s?.load ? { load: s.load } : {}),
        ...(s?.note ? { note: s.note } : {}),
        ...(s?.updatedAt ? { updatedAt: s.updatedAt } : {}),
        ...(by ? { changedBy: by, changedByName: names.get(by) ?? by } : {}),
      };
    });
  }

  status() {
    return this.d.service.status();
  }

  /** Load colours by locality (Longkou's blue / yellow / red / ×), from the rule books, read once. */
  loadMarks(): Record<string, { id: string; name: string; meaning: string }[]> {
    this.marks ??= Object.fromEntries(
      loadRuleSet(dataDir('rules')).books.flatMap((b) => (b.loadMarks ? [[b.id, b.loadMarks.marks.map((m) => ({ id: m.id, name: m.name, meaning: m.meaning }))]] : [])),
    );
    return this.marks;
  }

  async setStatus(actor: Actor, facility: string, s: { state: 'open' | 'full' | 'closed'; load?: string; note?: string }) {
    const status = await this.d.service.setFacilityStatus(facility, s);
    await this.audit(actor, 'status', facility, { ...s });
    this.d.hub.publish({ type: 'status', facility, actor: actor.username });
    return status;
  }

  // --- review --------------------------------------------------------------------------------------------

  async review(filter: { state?: 'pending' | 'reviewed' | 'all'; limit?: number } = {}) {
    const items = await this.d.store.listReviewItems({ state: filter.state ?? 'pending', limit: filter.limit ?? 300 });
    const localities = new Map(this.core.localities().map((l) => [l.id, l.name]));
    const groups = new Map<string, { locality: string | null; localityName: string; intent: string; items: ReviewItem[] }>();
    for (const i of items) {
      const key = `${i.locality ?? ''}|${i.intent}`;
      let g = groups.get(key);
      if (!g) {
        g = { locality: i.locality ?? null, localityName: i.locality ? localities.get(i.locality) ?? i.locality : consoleStrings().ui.unknown_locality!, intent: i.intent, items: [] };
        groups.set(key, g);
      }
      g.items.push(i);
    }
    return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.localityName.localeCompare(b.localityName));
  }

  /** The NLU's intents (intents/classes), for marking the right one. */
  intents(): string[] {
    this.intentNames ??= readdirSync(join(dataDir('intents'), 'classes'))
      .filter((n) => n.endsWith('.yml'))
      .map((n) => n.slice(0, -4))
      .sort();
    return this.intentNames;
  }

  async markReview(actor: Actor, id: string, m: Omit<ReviewMark, 'reviewedBy'>): Promise<ReviewItem> {
    const item = await this.d.store.markReviewItem(id, { ...m, reviewedBy: actor.username }, this.now());
    if (!item) throw new ConsoleError('review_not_found', `no review item ${id}`);
    await this.audit(actor, 'review', id, { verdict: m.verdict, ...(m.rightIntent ? { rightIntent: m.rightIntent } : {}) });
    this.d.hub.publish({ type: 'review', id });
    return item;
  }

  // --- audit, figures ------------------------------------------------------------------------------------

  async auditLog(filter: { limit?: number; target?: string; action?: string } = {}) {
    const [entries, names] = await Promise.all([this.d.store.listAudit({ limit: filter.limit ?? 200, ...filter }), this.staffNames()]);
    return entries.map((e) => ({ ...e, actorName: names.get(e.actor) ?? e.actor }));
  }

  /** Figures from `since` (default: the last 24 hours; at most 31 days back) until now. */
  async stats(from?: number): Promise<TodayStats> {
    const until = this.now();
    const since = Math.max(from ?? until - 24 * 3_600_000, until - 31 * 24 * 3_600_000);
    const [inbound, claims, open] = await Promise.all([
      this.d.store.inboundStats(since, until),
      this.d.store.listAudit({ action: 'claim', since, limit: 10_000 }),
      this.d.service.list(),
    ]);
    const waits = claims.map((c) => Number(c.detail?.waitMs)).filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
    const localities = new Map(this.core.localities().map((l) => [l.id, l.name]));
    const rows = new Map<string | null, TodayStats['byLocality'][number]>();
    const row = (id: string | null) => {
      let r = rows.get(id);
      if (!r) rows.set(id, (r = { locality: id, name: id ? localities.get(id) ?? id : consoleStrings().ui.unknown_locality!, messages: 0, urgent: 0, open: 0 }));
      return r;
    };
    for (const l of inbound.byLocality) Object.assign(row(l.locality), { messages: l.messages, urgent: l.urgent });
    for (const t of open) row(t.locality ?? null).open += 1;
    return {
      since,
      until,
      messages: inbound.messages,
      urgent: inbound.urgent,
      openTickets: open.length,
      timeToClaim: { n: waits.length, p50Ms: percentile(waits, 50), p90Ms: percentile(waits, 90) },
      byLocality: [...rows.values()].sort((a, b) => b.messages - a.messages || b.open - a.open),
      byHour: inbound.byHour,
    };
  }
}
