// What a turn does with tickets and the review queue, once the core has answered: a handoff opens the
// conversation's ticket (one per conversation, whichever instance asks: the store's unique index decides),
// a red flag makes it urgent, and the session follows the ticket; a reply worth a human's look joins the
// console's review queue.
import type { Logger } from 'pino';
import type { Inbound, Reply, Session } from '../core/types';
import type { ConversationLine, Store } from '../store/port';
import type { Metrics } from './metrics';
import type { StaffEvent, Ticket } from './ports';
import { clip } from './tickets';

export interface HandoffDeps {
  store: Store;
  metrics?: Metrics;
  logger: Logger;
  /** Conversation lines a new ticket carries. */
  historySize: number;
}

/** Tickets of a turn: one opened on a handoff (or the conversation's open one), made urgent on a red flag;
 * `next.handoff` follows the ticket. */
export async function handoff(
  d: HandoffDeps,
  inbound: Inbound,
  reply: Reply | null,
  session: Session,
  next: Session,
  lines: ConversationLine[],
  now: number,
): Promise<{ ticket: Ticket | null; events: StaffEvent[] }> {
  const { channel, user } = inbound;
  const events: StaffEvent[] = [];
  let ticket: Ticket | null = null;
  if (reply?.handoff || next.handoff || session.handoff) ticket = await d.store.openTicketFor(channel, user);
  if (reply?.handoff) {
    const reason = reply.handoffReason ?? (reply.urgent ? 'urgent' : 'requested');
    if (!ticket) {
      const history = await d.store.recentMessages(channel, user, d.historySize - 2);
      const opened = await d.store.openTicket(
        { channel, user, chat: inbound.chat, locality: reply.locality ?? next.locality, reason, urgent: reply.urgent, lastMessages: [...history, ...lines] },
        now,
      );
      ticket = opened.ticket;
      if (opened.created) {
        d.metrics?.handoffs.inc({ reason: reason.split(':')[0] ?? reason });
        d.logger.info({ ticket: ticket.id, channel, urgent: ticket.urgent, reason, locality: ticket.locality }, 'handoff ticket opened');
        events.push({ kind: 'ticket_opened', ticket });
      }
    }
    if (reply.urgent && !ticket.urgent) ticket = (await d.store.updateTicket(ticket.id, { urgent: true, reason }, now)) ?? ticket;
  }
  if (ticket) {
    const held = ticket.state === 'claimed' ? ticket.claimedBy : undefined;
    next.handoff = { since: now, reason: ticket.reason, ...(next.handoff ?? {}), ticketId: ticket.id, ...(held ? { heldBy: held } : {}) };
  } else if (next.handoff && (next.handoff.ticketId || next.handoff.heldBy)) {
    // The ticket was closed elsewhere: the conversation is the bot's again.
    next.handoff = null;
  }
  return { ticket, events };
}

/** A reply worth a human's look (Reply.review) joins the console's review queue: redacted words only. */
export async function recordReview(store: Pick<Store, 'addReviewItem'>, inbound: Inbound, reply: Reply, redacted: string, now: number): Promise<void> {
  await store.addReviewItem({
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
