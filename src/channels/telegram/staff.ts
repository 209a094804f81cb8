// The staff group: ticket cards with Claim / Close buttons, replies to a card go to the user,
// and the staff commands /kb and /tickets.
import type { Telegram } from 'telegraf';
import type { Message, User } from 'telegraf/types';
import type { ChannelDeps, StaffEvent, StaffRoute, Ticket } from '../../service/ports';
import { escapeHtml } from './html';
import { cardKeyboard, type Callback } from './keyboard';
import { splitText } from '../../render/split';
import { TELEGRAM_MAX_CHARS } from './sender';
import { STAFF } from './strings';
import type { Command } from './updates';

const cardKey = (chat: string, messageId: number) => `telegram:card:${chat}:${messageId}`;
const ticketCardKey = (ticketId: string) => `telegram:ticket-card:${ticketId}`;
const cardStateKey = (ticketId: string) => `telegram:card-state:${ticketId}`;
const staffNameKey = (staff: string) => `telegram:staff-name:${staff}`;

/** How a Telegram staff member is named in tickets (`claimedBy`). */
export const staffId = (user: User) => `tg:${user.id}`;
const displayName = (user: User) =>
  [user.first_name, user.last_name].filter(Boolean).join(' ') || (user.username ? `@${user.username}` : `tg:${user.id}`);

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const MAX_LAST_MESSAGES = 8;
const MAX_QUOTE = 300;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface StaffDeskDeps {
  telegram: Telegram;
  staffChatId: string;
  deps: ChannelDeps;
  /** Run a Telegram call without holding up the update (webhook answered at once); errors are logged. */
  background(task: () => Promise<unknown>, what: string): void;
}

export interface StaffDesk {
  route: StaffRoute;
  isStaffChat(chatId: number | string): boolean;
  /** For a staff chat configured as @username: learn its numeric id (updates carry only that). */
  resolve(): Promise<void>;
  onCallback(q: { id: string; from: User; data: Callback }): Promise<void>;
  onMessage(message: Message, command: Command | null): Promise<void>;
}

export function createStaffDesk({ telegram, staffChatId, deps, background }: StaffDeskDeps): StaffDesk {
  const { kv, tickets, logger } = deps;
  const locks = new Map<string, Promise<unknown>>();
  let resolvedId: string | undefined;

  /** Serialise the card updates of one ticket (a claim and its ticket_claimed event may race). */
  function serial<T>(ticketId: string, fn: () => Promise<T>): Promise<T> {
    const prev = locks.get(ticketId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    locks.set(ticketId, next);
    void next.finally(() => {
      if (locks.get(ticketId) === next) locks.delete(ticketId);
    }).catch(() => undefined);
    return next;
  }

  async function nameOf(staff: string | undefined): Promise<string> {
    if (!staff) return STAFF.unknown;
    return (await kv.get(staffNameKey(staff))) ?? staff;
  }

  async function renderCard(t: Ticket, escalated: boolean): Promise<string> {
    const state =
      t.state === 'open' ? STAFF.stateOpen : t.state === 'claimed' ? STAFF.stateClaimed(await nameOf(t.claimedBy)) : STAFF.stateClosed(t.claimedBy ? await nameOf(t.claimedBy) : undefined);
    const lines = [`<b>${escapeHtml(STAFF.title(t.urgent, t.id))}</b>`];
    if (escalated || t.level > 0) lines.push(escapeHtml(STAFF.escalated(t.level)));
    lines.push(
      `${STAFF.locality}：${escapeHtml(t.locality ?? STAFF.unknown)}`,
      `${STAFF.reason}：${escapeHtml(t.reason)}`,
      `${STAFF.channel}：${escapeHtml(t.channel)}`,
      `${STAFF.state}：${escapeHtml(state)}`,
    );
    const last = t.lastMessages.slice(-MAX_LAST_MESSAGES);
    if (last.length > 0) {
      lines.push('', STAFF.lastMessages);
      for (const m of last) lines.push(`${STAFF.who[m.from] ?? ''} ${TIME.format(new Date(m.at))} ${escapeHtml(clip(m.text, MAX_QUOTE))}`);
    }
    if (t.state !== 'closed') lines.push('', `<i>${escapeHtml(STAFF.hint)}</i>`);
    return lines.join('\n');
  }

  const signature = (t: Ticket) => `${t.state}|${t.claimedBy ?? ''}|${t.level}`;

  async function postCard(t: Ticket, escalated: boolean): Promise<void> {
    await serial(t.id, async () => {
      const msg = await telegram.sendMessage(staffChatId, await renderCard(t, escalated), {
        parse_mode: 'HTML',
        reply_markup: await cardKeyboard(t.id, t.state, kv),
      });
      await kv.set(cardKey(staffChatId, msg.message_id), t.id);
      await kv.set(ticketCardKey(t.id), String(msg.message_id));
      await kv.set(cardStateKey(t.id), signature(t));
    });
  }

  /** Bring the ticket's card up to date (once per state: the claim's event and the button both ask). */
  async function updateCard(t: Ticket): Promise<void> {
    const cardId = Number(await kv.get(ticketCardKey(t.id)));
    if (!cardId) return postCard(t, false);
    await serial(t.id, async () => {
      if ((await kv.get(cardStateKey(t.id))) === signature(t)) return;
      const markup = await cardKeyboard(t.id, t.state, kv);
      try {
        await telegram.editMessageText(staffChatId, cardId, undefined, await renderCard(t, false), {
          parse_mode: 'HTML',
          reply_markup: markup.inline_keyboard.length > 0 ? markup : { inline_keyboard: [] },
        });
      } catch (err) {
        // Edited twice with the same content: nothing to do.
        if (!/not modified/i.test(String((err as { description?: string }).description ?? err))) throw err;
      }
      await kv.set(cardStateKey(t.id), signature(t));
    });
  }

  /** Send plain `text` to the staff group (escaped, split), with an optional bold title on the first part. */
  async function say(text: string, replyTo?: number, title?: string): Promise<void> {
    const head = title ? `<b>${escapeHtml(title)}</b>\n` : '';
    const parts = splitText(text, TELEGRAM_MAX_CHARS - (title?.length ?? 0) - 1);
    for (let i = 0; i < parts.length; i++) {
      await telegram.sendMessage(staffChatId, (i === 0 ? head : '') + escapeHtml(parts[i]!), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      });
    }
  }

  const route: StaffRoute = {
    name: 'telegram',
    async notify(event: StaffEvent): Promise<void> {
      switch (event.kind) {
        case 'ticket_opened':
          return postCard(event.ticket, false);
        case 'ticket_escalated':
          // A fresh card (a new notification) rather than an edit nobody sees.
          return postCard(event.ticket, true);
        case 'ticket_claimed':
        case 'ticket_closed':
          return updateCard(event.ticket);
        case 'user_message': {
          const cardId = Number(await kv.get(ticketCardKey(event.ticket.id))) || undefined;
          const msg = await telegram.sendMessage(
            staffChatId,
            `<b>${escapeHtml(STAFF.userMessage(event.ticket.id))}</b>\n${escapeHtml(clip(event.text, TELEGRAM_MAX_CHARS - 200))}`,
            { parse_mode: 'HTML', ...(cardId ? { reply_parameters: { message_id: cardId, allow_sending_without_reply: true } } : {}) },
          );
          // Replying to this message reaches the user too.
          await kv.set(cardKey(staffChatId, msg.message_id), event.ticket.id);
          return;
        }
      }
    },
  };

  async function remember(user: User): Promise<string> {
    const id = staffId(user);
    await kv.set(staffNameKey(id), displayName(user));
    return id;
  }

  async function onCallback(q: { id: string; from: User; data: Callback }): Promise<void> {
    const answer = (text: string) => background(() => telegram.answerCbQuery(q.id, text), 'answerCallbackQuery');
    if (q.data.kind !== 'claim' && q.data.kind !== 'close') return answer('');
    const staff = await remember(q.from);
    const ticket = await tickets.get(q.data.ticketId);
    if (!ticket) return answer(STAFF.ticketMissing);
    let updated: Ticket;
    try {
      if (q.data.kind === 'claim') {
        if (ticket.state === 'closed') return answer(STAFF.ticketClosed);
        if (ticket.state === 'claimed' && ticket.claimedBy !== staff) return answer(STAFF.alreadyClaimed(await nameOf(ticket.claimedBy)));
        updated = ticket.state === 'claimed' ? ticket : await tickets.claim(ticket.id, staff);
        answer(STAFF.claimed);
      } else {
        if (ticket.state === 'closed') {
          updated = ticket;
        } else {
          updated = await tickets.close(ticket.id, staff);
        }
        answer(STAFF.closed);
      }
    } catch (err) {
      logger.warn({ err, ticket: ticket.id, action: q.data.kind }, 'telegram staff action failed');
      return answer(STAFF.actionFailed);
    }
    background(() => updateCard(updated), 'update ticket card');
  }

  async function onReply(message: Message.TextMessage, ticketId: string): Promise<void> {
    const staff = await remember(message.from!);
    const ticket = await tickets.get(ticketId);
    const tell = (text: string) => background(() => say(text, message.message_id), 'staff notice');
    if (!ticket) return tell(STAFF.ticketMissing);
    if (ticket.state === 'closed') return tell(STAFF.ticketClosed);
    if (ticket.state === 'open') return tell(STAFF.claimFirst);
    if (ticket.claimedBy !== staff) return tell(STAFF.alreadyClaimed(await nameOf(ticket.claimedBy)));
    try {
      await tickets.reply(ticket.id, staff, message.text);
    } catch (err) {
      logger.warn({ err, ticket: ticket.id }, 'telegram staff reply failed');
      return tell(STAFF.replyFailed);
    }
    tell(STAFF.replySent);
  }

  async function kb(args: string, replyTo: number): Promise<void> {
    if (!args) return background(() => say(STAFF.kbUsage, replyTo), '/kb');
    const found = deps.kb(args);
    if (found.length === 0) return background(() => say(STAFF.kbNone(args), replyTo), '/kb');
    background(async () => {
      for (const a of found.slice(0, 3)) await say(a.text, replyTo, `${a.title}（${a.locality}）`);
      if (found.length > 3) await say(STAFF.kbMore(found.length - 3), replyTo);
    }, '/kb');
  }

  async function list(replyTo: number): Promise<void> {
    const open = [...(await tickets.list({ state: 'open' })), ...(await tickets.list({ state: 'claimed' }))];
    if (open.length === 0) return background(() => say(STAFF.ticketsNone, replyTo), '/tickets');
    open.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.createdAt - b.createdAt);
    const lines = [STAFF.ticketsTitle(open.length)];
    for (const t of open) {
      const state = t.state === 'open' ? STAFF.stateOpen : STAFF.stateClaimed(await nameOf(t.claimedBy));
      lines.push(`${t.urgent ? '🆘' : '•'} #${t.id} · ${t.locality ?? STAFF.unknown} · ${t.reason} · ${state}`);
    }
    const text = lines.join('\n');
    background(() => say(text, replyTo), '/tickets');
  }

  async function onMessage(message: Message, command: Command | null): Promise<void> {
    if (command?.name === 'kb') return kb(command.args, message.message_id);
    if (command?.name === 'tickets') return list(message.message_id);
    const replyTo = 'reply_to_message' in message ? message.reply_to_message : undefined;
    if (!replyTo || !('text' in message) || !message.from || message.from.is_bot) return;
    const ticketId = await kv.get(cardKey(staffChatId, replyTo.message_id));
    if (ticketId) await onReply(message, ticketId);
  }

  return {
    route,
    isStaffChat: (chatId) => String(chatId) === staffChatId || String(chatId) === resolvedId,
    async resolve() {
      if (staffChatId.startsWith('@') && !resolvedId) resolvedId = String((await telegram.getChat(staffChatId)).id);
    },
    onCallback,
    onMessage,
  };
}
