// Small in-memory implementations of the service ports for the Telegram channel tests: an InboundPort that
// records, a KeyValuePort on a Map, and a ticket desk that behaves like the service's (state changes raise
// staff events; a staff reply is delivered to the user through the channel's sender, as the outbox would).
import pino from 'pino';
import type { CannedAnswer, Inbound } from '../../src/core/types';
import type {
  ChannelDeps,
  ChannelSender,
  InboundPort,
  KeyValuePort,
  OutboxItem,
  SendOutcome,
  StaffEvent,
  StaffRoute,
  Ticket,
  TicketPort,
} from '../../src/service/ports';

export class MemoryKv implements KeyValuePort {
  readonly map = new Map<string, string>();
  async get(key: string) {
    return this.map.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.map.set(key, value);
  }
}

/** Records every accepted Inbound; `duplicate` is reported for a messageId seen before. */
export class RecordingInbound implements InboundPort {
  readonly accepted: Inbound[] = [];
  failNext = 0;
  async accept(inbound: Inbound) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('store unavailable');
    }
    const duplicate = this.accepted.some((a) => a.channel === inbound.channel && a.messageId === inbound.messageId);
    this.accepted.push(inbound);
    return { duplicate };
  }
}

export class TicketDesk implements TicketPort {
  readonly tickets = new Map<string, Ticket>();
  readonly routes: StaffRoute[] = [];
  /** What the outbox would do with a staff reply: set to the channel's sender in tests. */
  sender: ChannelSender | null = null;
  readonly delivered: { item: OutboxItem; outcome: SendOutcome }[] = [];
  private n = 0;
  constructor(private readonly now: () => number = () => 1_700_000_000_000) {}

  private async emit(event: StaffEvent) {
    for (const r of this.routes) await r.notify(event);
  }

  async open(t: Partial<Ticket> & { user: string; chat: string }): Promise<Ticket> {
    const ticket: Ticket = {
      id: `T${++this.n}`,
      channel: 'telegram',
      reason: 'requested',
      urgent: false,
      state: 'open',
      level: 0,
      createdAt: this.now(),
      updatedAt: this.now(),
      lastMessages: [],
      ...t,
    };
    this.tickets.set(ticket.id, ticket);
    await this.emit({ kind: 'ticket_opened', ticket });
    return ticket;
  }

  async list(filter?: { state?: Ticket['state'] }) {
    return [...this.tickets.values()].filter((t) => !filter?.state || t.state === filter.state);
  }
  async get(id: string) {
    return this.tickets.get(id) ?? null;
  }
  private must(id: string): Ticket {
    const t = this.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }
  async claim(id: string, staff: string) {
    const t = { ...this.must(id), state: 'claimed' as const, claimedBy: staff, updatedAt: this.now() };
    this.tickets.set(id, t);
    await this.emit({ kind: 'ticket_claimed', ticket: t });
    return t;
  }
  async reply(id: string, staff: string, text: string) {
    const t = this.must(id);
    if (t.state !== 'claimed' || t.claimedBy !== staff) throw new Error('not yours');
    const updated = { ...t, lastMessages: [...t.lastMessages, { from: 'staff' as const, text, at: this.now() }] };
    this.tickets.set(id, updated);
    if (this.sender) {
      const item: OutboxItem = { id: `o${this.delivered.length + 1}`, channel: t.channel, chat: t.chat, text, urgent: false, quickReplies: [], attempts: 0, createdAt: this.now() };
      this.delivered.push({ item, outcome: await this.sender.send(item) });
    }
    return updated;
  }
  async close(id: string, staff: string) {
    const t = { ...this.must(id), state: 'closed' as const, claimedBy: this.must(id).claimedBy ?? staff, updatedAt: this.now() };
    this.tickets.set(id, t);
    await this.emit({ kind: 'ticket_closed', ticket: t });
    return t;
  }
}

export const LOCALITIES = [
  { id: 'xinzhou', name: '忻州市' },
  { id: 'jinjiang', name: '晋江市' },
  { id: 'yantai', name: '烟台市' },
];

export interface FakeDeps extends ChannelDeps {
  inbound: RecordingInbound;
  tickets: TicketDesk;
  kv: MemoryKv;
}

export function fakeDeps(o: { kb?: CannedAnswer[] } = {}): FakeDeps {
  const now = () => 1_700_000_000_000;
  return {
    inbound: new RecordingInbound(),
    tickets: new TicketDesk(now),
    kv: new MemoryKv(),
    kb: (q: string) => (o.kb ?? []).filter((a) => q.split(/\s+/).every((w) => a.keywords.some((k) => k.includes(w)) || a.title.includes(w))),
    localities: () => LOCALITIES,
    logger: pino({ level: 'silent' }),
    now,
  };
}
