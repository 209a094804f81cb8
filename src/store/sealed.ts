// A Store that seals personal data before the store underneath writes it, and opens it as it is read, so
// that neither the database file nor its write-ahead log (nor MongoDB's) holds a resident's words, numbers
// or ids, or a staff member's name, readably. What stays in clear is what carries nothing personal and the
// service filters or counts by: channels, times, states, intents, localities, urgency, facility status,
// quick-reply buttons (the bot's own words), error strings of the platforms.
//
//   by value (sealKey: equal values seal equally, so lookups work)   user ids, chats, session keys,
//                                                                    outbox de-duplication keys, key/value keys
//   tagged (a keyed digest: looked up, never read back)              message ids (the id itself is sealed with
//                                                                    the message)
//   sealed (seal: a new nonce every time)                            message text, choice, location and
//                                                                    forward origin; the user's (redacted)
//                                                                    and staff's conversation lines;
//                                                                    sessions; outbox text and meta (staff
//                                                                    names); ticket lines and claimedBy;
//                                                                    mailbox text; key/value values
//   in clear                                                         the bot's own lines and the answers kept
//                                                                    for retries (words from the rule books)
//
// The staff console's data: sealed-console.ts. Callers see the same Store as before: every value goes in
// and comes out in clear.
import type { Inbound, Session } from '../core/types';
import type { MailboxMessage, OutboxItem, Ticket } from '../service/ports';
import type { ConversationLine, InboundSummary, NewOutboxItem, NewTicket, OutboxRecord, Store, StoredSession, TicketPatch } from './port';
import type { Sealer } from './seal';
import { sealedConsole } from './sealed-console';

/** What of an Inbound is sealed as one value (the text field carries it). */
interface InboundSecret {
  /** The message id itself: the store keeps only its tag. */
  messageId?: string;
  text: string;
  choice?: string;
  forwardedFrom?: string;
  location?: { latitude: number; longitude: number };
}

/** A session or an outbox item's meta, sealed: the store keeps this object as it would the original. */
interface SealedObject {
  _sealed: string;
}

const isSealedObject = (v: unknown): v is SealedObject => typeof v === 'object' && v !== null && typeof (v as SealedObject)._sealed === 'string';

export function sealedStore(inner: Store, s: Sealer): Store {
  const K = (v: string) => s.sealKey(v);
  const T = (v: string) => s.tag(v);
  const S = (v: string) => s.seal(v);
  const O = (v: string) => s.open(v);
  const sealObject = (v: unknown): SealedObject => ({ _sealed: S(JSON.stringify(v)) });
  const openObject = <T>(v: unknown): T => (isSealedObject(v) ? (JSON.parse(O(v._sealed)) as T) : (v as T));

  const sealInbound = (m: Inbound): Inbound => {
    const secret: InboundSecret = {
      messageId: m.messageId,
      text: m.text,
      ...(m.choice !== undefined ? { choice: m.choice } : {}),
      ...(m.forwardedFrom !== undefined ? { forwardedFrom: m.forwardedFrom } : {}),
      ...(m.location !== undefined ? { location: m.location } : {}),
    };
    return { channel: m.channel, messageId: T(m.messageId), user: K(m.user), chat: K(m.chat), kind: m.kind, sentAt: m.sentAt, text: S(JSON.stringify(secret)) };
  };
  const openInbound = (m: Inbound): Inbound => {
    const opened = O(m.text);
    // a message recorded before sealing keeps its fields as they were
    const secret: InboundSecret = opened === m.text ? { text: m.text } : (JSON.parse(opened) as InboundSecret);
    return { ...m, user: O(m.user), chat: O(m.chat), ...secret, messageId: secret.messageId ?? O(m.messageId) };
  };

  // A ticket's last lines are sealed as one value (one line holding them all), not line by line.
  type Lines = Ticket['lastMessages'];
  const SEALED_LINES = 'sealed' as Lines[number]['from'];
  const sealLines = (lines: Lines): Lines => [{ from: SEALED_LINES, text: S(JSON.stringify(lines)), at: 0 }];
  const openLines = (lines: Lines): Lines =>
    lines.length === 1 && lines[0]!.from === SEALED_LINES ? (JSON.parse(O(lines[0]!.text)) as Lines) : lines.map((l) => ({ ...l, text: O(l.text) }));
  // A conversation's lines: the user's (redacted) and staff's sealed; the bot's are its own words, from the
  // rule books, kept in clear (they are a third of what a message writes).
  const sealLine = (l: ConversationLine): ConversationLine => (l.from === 'bot' ? l : { ...l, text: S(l.text) });
  const openLine = (l: ConversationLine): ConversationLine => (l.from === 'bot' ? l : { ...l, text: O(l.text) });
  /** `known`: fields given in clear by the caller (an update's patch), not opened again. */
  const openTicket = (t: Ticket, known: Partial<Pick<Ticket, 'lastMessages' | 'claimedBy'>> = {}): Ticket => {
    const claimedBy = known.claimedBy ?? (t.claimedBy !== undefined ? O(t.claimedBy) : undefined);
    return {
      ...t,
      user: O(t.user),
      chat: O(t.chat),
      ...(claimedBy !== undefined ? { claimedBy } : {}),
      lastMessages: known.lastMessages ?? openLines(t.lastMessages),
    };
  };
  const sealPatch = (p: TicketPatch): TicketPatch => ({
    ...p,
    ...(p.claimedBy !== undefined ? { claimedBy: S(p.claimedBy) } : {}),
    ...(p.lastMessages !== undefined ? { lastMessages: sealLines(p.lastMessages) } : {}),
  });

  const openItem = <T extends OutboxItem>(i: T): T => ({
    ...i,
    chat: O(i.chat),
    text: O(i.text),
    ...(i.meta !== undefined ? { meta: openObject<Record<string, unknown>>(i.meta) } : {}),
  });
  const openRecord = (r: OutboxRecord): OutboxRecord => ({ ...openItem(r), ...(r.dedupeKey !== undefined ? { dedupeKey: O(r.dedupeKey) } : {}) });
  // the outcome kept for a retry is the bot's answer (its own words, a ticket's id and state): in clear
  const sealSummary = (x: InboundSummary): InboundSummary => ({ ...x, redactedText: S(x.redactedText) });

  const sealItem = (item: NewOutboxItem): NewOutboxItem => ({
    ...item,
    chat: K(item.chat),
    text: S(item.text),
    ...(item.meta !== undefined ? { meta: sealObject(item.meta) as unknown as Record<string, unknown> } : {}),
    ...(item.dedupeKey !== undefined ? { dedupeKey: K(item.dedupeKey) } : {}),
  });
  const openStored = (v: StoredSession | null): StoredSession | null => (v === null ? null : { ...v, session: openObject<Session>(v.session) });
  const sealSession = (v: Session): Session => sealObject(v) as unknown as Session;

  return {
    kind: inner.kind,
    expiresItself: inner.expiresItself,
    ...sealedConsole(inner, s),

    beginTurn: async (m, key) => {
      const r = await inner.beginTurn(sealInbound(m), K(key));
      return { duplicate: r.duplicate, stored: openStored(r.stored) };
    },
    finishTurn: (w) =>
      inner.finishTurn({
        ...w,
        sessionKey: K(w.sessionKey),
        session: sealSession(w.session),
        inbound: { ...w.inbound, messageId: T(w.inbound.messageId), user: K(w.inbound.user) },
        summary: sealSummary(w.summary),
        lines: w.lines.map(sealLine),
        outbox: w.outbox.map(sealItem),
      }),

    recordInbound: (m) => inner.recordInbound(sealInbound(m)),
    markProcessed: (channel, messageId, summary) => inner.markProcessed(channel, T(messageId), sealSummary(summary)),
    inboundOutcome: (channel, messageId) => inner.inboundOutcome(channel, T(messageId)),
    unprocessedInbound: async (o) => (await inner.unprocessedInbound(o)).map(openInbound),
    appendMessage: (channel, user, line: ConversationLine) => inner.appendMessage(channel, K(user), sealLine(line)),
    recentMessages: async (channel, user, limit) => (await inner.recentMessages(channel, K(user), limit)).map(openLine),

    loadSession: async (key) => {
      const v = await inner.loadSession(K(key));
      return v === null ? null : openObject<Session>(v);
    },
    readSession: async (key) => openStored(await inner.readSession(K(key))),
    saveSession: (key, session, now, expect) => inner.saveSession(K(key), sealSession(session), now, expect),

    // what was just sealed is given back from the clear values, not opened again
    openTicket: async (t: NewTicket, now) => {
      const r = await inner.openTicket({ ...t, user: K(t.user), chat: K(t.chat), lastMessages: sealLines(t.lastMessages) }, now);
      return r.created
        ? { created: true, ticket: { ...r.ticket, user: t.user, chat: t.chat, lastMessages: t.lastMessages } }
        : { created: false, ticket: openTicket(r.ticket) };
    },
    updateTicket: async (id, patch, now, ifState, ifLevel) => {
      const t = await inner.updateTicket(id, sealPatch(patch), now, ifState, ifLevel);
      if (!t) return null;
      const { lastMessages, claimedBy } = patch;
      return openTicket({ ...t, ...(lastMessages !== undefined ? { lastMessages: [] } : {}) }, { lastMessages, claimedBy });
    },
    getTicket: async (id) => {
      const t = await inner.getTicket(id);
      return t && openTicket(t);
    },
    listTickets: async (filter) => (await inner.listTickets(filter)).map((t) => openTicket(t)),
    openTicketFor: async (channel, user) => {
      const t = await inner.openTicketFor(channel, K(user));
      return t && openTicket(t);
    },

    getStatus: () => inner.getStatus(),
    setFacilityStatus: (id, st, now) => inner.setFacilityStatus(id, st, now),
    clearFacilityStatus: (id) => inner.clearFacilityStatus(id),

    enqueue: (item: NewOutboxItem) => inner.enqueue(sealItem(item)),
    claimDue: async (channel, now, limit, leaseMs) => (await inner.claimDue(channel, now, limit, leaseMs)).map(openItem),
    markSent: (id, now, hold) => inner.markSent(id, now, hold && { ...hold, chat: K(hold.chat) }),
    defer: (id, notBefore) => inner.defer(id, notBefore),
    markRetry: (id, notBefore, error) => inner.markRetry(id, notBefore, error),
    markDead: (id, error, now) => inner.markDead(id, error, now),
    outboxDepth: (channel) => inner.outboxDepth(channel),
    getOutboxItem: async (id) => {
      const r = await inner.getOutboxItem(id);
      return r && openRecord(r);
    },
    deadLetters: async (limit) => (await inner.deadLetters(limit)).map(openRecord),
    nextDue: (channel) => inner.nextDue(channel),
    releaseLeases: () => inner.releaseLeases(),

    mailboxPut: (channel, chat, m: MailboxMessage) => inner.mailboxPut(channel, K(chat), { ...m, text: S(m.text) }),
    mailboxTake: async (channel, chat, limit) => (await inner.mailboxTake(channel, K(chat), limit)).map((m) => ({ ...m, text: O(m.text) })),

    get: async (key) => {
      const v = await inner.get(K(key));
      return v === null ? null : O(v);
    },
    set: (key, value) => inner.set(K(key), S(value)),
    delete: (key) => inner.delete(K(key)),

    // rate-limit keys name users and client addresses: sealed by value like every other key
    countHit: (key, windowStart, windowMs, by) => inner.countHit(K(key), windowStart, windowMs, by),
    countOnce: (key, once, windowStart, windowMs, seenMs) => inner.countOnce(K(key), T(once), windowStart, windowMs, seenMs),
    heartbeat: (self, now, ttlMs) => inner.heartbeat(self, now, ttlMs),
    leave: (id) => inner.leave(id),

    purgeOlderThan: (ageMs, now) => inner.purgeOlderThan(ageMs, now),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
