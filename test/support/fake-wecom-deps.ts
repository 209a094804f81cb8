// Small in-memory ChannelDeps for WeCom channel tests: an InboundPort that de-duplicates by channel +
// messageId (as the service's store does), a key/value map that outlives a channel (a "restart" keeps it),
// a settable clock, and a pino logger whose lines are kept so tests can check what was (not) logged.
import pino from 'pino';
import { Writable } from 'node:stream';
import type { Inbound } from '../../src/core/types';
import type { ChannelDeps, InboundPort, KeyValuePort, Ticket, TicketPort } from '../../src/service/ports';

export class MemoryInbound implements InboundPort {
  readonly accepted: Inbound[] = [];
  readonly seen = new Set<string>();
  calls = 0;
  /** Fail the next `n` accepts (a store that is down). */
  failNext = 0;

  async accept(inbound: Inbound): Promise<{ duplicate: boolean }> {
    this.calls++;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('store unavailable');
    }
    const key = `${inbound.channel}:${inbound.messageId}`;
    if (this.seen.has(key)) return { duplicate: true };
    this.seen.add(key);
    this.accepted.push(inbound);
    return { duplicate: false };
  }
}

export class MemoryKv implements KeyValuePort {
  readonly map = new Map<string, string>();
  async get(key: string): Promise<string | null> {
    return this.map.get(key) ?? null;
  }
  async set(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }
}

const noTickets: TicketPort = {
  list: async () => [],
  get: async () => null,
  claim: async () => {
    throw new Error('not used');
  },
  reply: async () => {
    throw new Error('not used');
  },
  close: async () => {
    throw new Error('not used');
  },
};

export interface TestDeps extends ChannelDeps {
  inbound: MemoryInbound;
  kv: MemoryKv;
  logLines: string[];
  clock: { now: number };
}

export function makeDeps(opts: { now?: number; kv?: MemoryKv } = {}): TestDeps {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const clock = { now: opts.now ?? Date.now() };
  return {
    inbound: new MemoryInbound(),
    tickets: noTickets,
    kv: opts.kv ?? new MemoryKv(),
    kb: () => [],
    localities: () => [
      { id: 'xinzhou', name: '忻州市' },
      { id: 'jinjiang', name: '晋江市' },
    ],
    logger: pino({ level: 'debug' }, sink),
    now: () => clock.now,
    logLines,
    clock,
  };
}

export function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 'T1',
    channel: 'wecom',
    user: 'ChenJiaShun',
    chat: 'ChenJiaShun',
    locality: 'xinzhou',
    reason: 'urgent:chest_pain',
    urgent: true,
    state: 'open',
    level: 0,
    createdAt: 0,
    updatedAt: 0,
    lastMessages: [{ from: 'user', text: '胸口疼得厉害', at: 0 }],
    ...over,
  };
}
