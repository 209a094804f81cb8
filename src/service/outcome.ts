// The answer given to a message on a channel answered synchronously (the HTTP API, the web chat), kept with
// the message in the store so that a client retrying after a lost response (same message id) gets the
// answer it missed instead of nothing.
import { performance } from 'node:perf_hooks';
import type { Inbound, Reply } from '../core/types';
import type { Store } from '../store/port';
import type { HandleResult } from './types';

interface Stored {
  reply: Reply | null;
  held?: boolean;
  ticket?: { id: string; state: 'open' | 'claimed' | 'closed' };
  rateLimited?: { retryAfterMs: number; text: string };
}

export function outcomeJson(r: HandleResult): string {
  const stored: Stored = {
    reply: r.reply,
    ...(r.held ? { held: true } : {}),
    ...(r.ticket ? { ticket: { id: r.ticket.id, state: r.ticket.state } } : {}),
    ...(r.rateLimited ? { rateLimited: r.rateLimited } : {}),
  };
  return JSON.stringify(stored);
}

/** The stored answer as a duplicate's result; null when there is none to give (or it cannot be read). */
export function fromOutcome(json: string | null): HandleResult | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as Stored;
    if (typeof s !== 'object' || s === null || !('reply' in s)) return null;
    return { duplicate: true, reply: s.reply, ...(s.held ? { held: true } : {}), ...(s.ticket ? { ticket: s.ticket } : {}), ...(s.rateLimited ? { rateLimited: s.rateLimited } : {}) };
  } catch {
    return null;
  }
}

/** The answer kept with a message already recorded. With other instances on the store, one of them may be
 * answering it right now: its answer is waited for, up to `waitMs` (as long as a turn may take). */
export async function answerGiven(store: Pick<Store, 'inboundOutcome'>, inbound: Inbound, waitMs: number, stopped: () => boolean): Promise<HandleResult | null> {
  const until = performance.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(200, pause * 2)) {
    const kept = await store.inboundOutcome(inbound.channel, inbound.messageId);
    if (kept?.processed) return fromOutcome(kept.outcome);
    if (performance.now() + pause > until || stopped()) return null;
    await new Promise((r) => setTimeout(r, pause));
  }
}
