// Tickets as the console shows them: the locality by name, the reason in words, who holds it by name,
// how long the user has waited; urgent first, then the longest wait.
import type { ConversationLine } from '../store/port';
import type { Ticket } from '../service/ports';
import { reasonInWords } from './strings';

export interface TicketView extends Ticket {
  localityName?: string;
  reasonText: string;
  claimedByName?: string;
}

export interface ViewContext {
  localities: ReadonlyMap<string, string>;
  /** username → display name */
  names: ReadonlyMap<string, string>;
}

export function ticketView(t: Ticket, c: ViewContext): TicketView {
  const localityName = t.locality ? c.localities.get(t.locality) ?? t.locality : undefined;
  const claimedByName = t.claimedBy ? c.names.get(t.claimedBy) ?? t.claimedBy : undefined;
  return { ...t, reasonText: reasonInWords(t.reason), ...(localityName ? { localityName } : {}), ...(claimedByName ? { claimedByName } : {}) };
}

/** Urgent first; then open before claimed; then the longest waiting first. */
export function inboxOrder(a: Ticket, b: Ticket): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.state !== b.state) return a.state === 'open' ? -1 : 1;
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The conversation for the ticket's detail: the store's lines, or the ticket's own when they are gone. */
export const transcriptOf = (t: Ticket, lines: ConversationLine[]): ConversationLine[] => (lines.length ? lines : t.lastMessages);
