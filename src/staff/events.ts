// Live updates for the console: a hub the SSE route subscribes to, fed by a staff route (every ticket event
// the service raises, from every channel) and by the console's own actions. It also keeps the audit of
// claims and closes (whoever made them: the console, the API, the Telegram staff group) and the
// time-to-claim histogram.
import type { Logger } from 'pino';
import type { Histogram } from 'prom-client';
import type { ConsoleStore } from '../store/console-port';
import type { StaffEvent, StaffRoute, Ticket } from '../service/ports';

export type ConsoleEvent =
  | { type: 'ticket'; ticket: Ticket; event: StaffEvent['kind'] | 'reply' | 'transfer' }
  | { type: 'status'; facility: string; actor: string }
  | { type: 'review'; id: string }
  | { type: 'audit'; action: string; actor: string; target?: string };

export class ConsoleHub {
  private readonly listeners = new Set<(e: ConsoleEvent) => void>();

  subscribe(fn: (e: ConsoleEvent) => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  publish(e: ConsoleEvent): void {
    for (const fn of this.listeners) {
      try {
        fn(e);
      } catch {
        // one broken subscriber does not stop the others
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}

export function consoleRoute(d: {
  hub: ConsoleHub;
  store: Pick<ConsoleStore, 'addAudit'>;
  timeToClaim?: Histogram;
  logger?: Logger;
}): StaffRoute {
  return {
    name: 'console',
    async notify(event: StaffEvent): Promise<void> {
      const t = event.ticket;
      if (event.kind === 'ticket_claimed') {
        const waitMs = Math.max(0, t.updatedAt - t.createdAt);
        d.timeToClaim?.observe({ urgent: String(t.urgent) }, waitMs / 1000);
        await audit(d, { at: t.updatedAt, actor: t.claimedBy ?? 'staff', action: 'claim', target: t.id, detail: { waitMs, urgent: t.urgent, channel: t.channel } });
      } else if (event.kind === 'ticket_closed') {
        await audit(d, { at: t.updatedAt, actor: t.claimedBy ?? 'staff', action: 'close', target: t.id });
      }
      d.hub.publish({ type: 'ticket', ticket: t, event: event.kind });
    },
  };
}

async function audit(d: { store: Pick<ConsoleStore, 'addAudit'>; logger?: Logger; hub: ConsoleHub }, e: Parameters<ConsoleStore['addAudit']>[0]) {
  try {
    await d.store.addAudit(e);
    d.hub.publish({ type: 'audit', action: e.action, actor: e.actor, ...(e.target ? { target: e.target } : {}) });
  } catch (err) {
    d.logger?.error({ err, action: e.action }, 'audit entry not written');
  }
}
