// The two ChannelSenders: 'wecom' (self-built app, message/send) and 'wecom_kf' (微信客服, kf/send_msg).
// An item longer than 2048 bytes is split (src/render/split.ts) and its parts sent in order; the parts already sent
// are remembered by item id so a retry after a failure in the middle does not send them twice.
import type { QuickReply } from '../../core/types';
import type { ChannelSender, OutboxItem, SendOutcome } from '../../service/ports';
import { outcomeOf, type WecomApi, type WecomResponse } from './api';
import { splitText } from '../../render/split';

export const TEXT_MAX_BYTES = 2048;
/** message/send's duplicate check: WeCom delivers the same request (same user, same text) once within this
 * many seconds. A reply sent again after a crash or a failure part-way (its first send may have arrived) is
 * then not shown twice; the price is that two identical messages to one user within ten minutes arrive
 * once, which the user, who has the first on screen, does not miss. */
export const DUPLICATE_CHECK_S = 600;
/** msgmenu: head_content and each option are limited; beyond, the text goes as a plain message first. */
const MENU_HEAD_MAX_BYTES = 1024;
const MENU_ITEM_MAX_BYTES = 128;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

type SendOne = (body: Record<string, unknown>) => Promise<WecomResponse>;

/** Sends `bodies` in order, resuming after the ones a previous attempt of the same item delivered. */
class PartTracker {
  private readonly sent = new Map<string, number>();

  async run(itemId: string, bodies: Record<string, unknown>[], sendOne: SendOne): Promise<SendOutcome> {
    let i = this.sent.get(itemId) ?? 0;
    for (; i < bodies.length; i++) {
      let outcome: SendOutcome;
      try {
        outcome = outcomeOf(await sendOne(bodies[i]!));
      } catch (err) {
        outcome = outcomeOf(err instanceof Error ? err : new Error(String(err)));
      }
      if (!outcome.ok) {
        if (outcome.permanent) this.sent.delete(itemId);
        else if (i > 0) this.sent.set(itemId, i);
        return outcome;
      }
    }
    this.sent.delete(itemId);
    return { ok: true };
  }
}

export function createAppSender(api: WecomApi, agentId: string | number): ChannelSender {
  const tracker = new PartTracker();
  return {
    channel: 'wecom',
    // per member: 30 a minute (beyond that WeCom silently drops); per app API: 10 000 calls a minute, kept below
    limits: { global: { count: 9_000, perMs: 60_000 }, perChat: { count: 30, perMs: 60_000 } },
    maxLength: { value: TEXT_MAX_BYTES, unit: 'bytes' },
    async send(item: OutboxItem): Promise<SendOutcome> {
      const agent = item.meta?.['agentId'] ?? agentId;
      const text = withChoices(item.text, item.quickReplies);
      const bodies = splitText(text, TEXT_MAX_BYTES, 'bytes').map((content) => ({
        touser: item.chat,
        msgtype: 'text',
        agentid: Number(agent),
        text: { content },
        enable_duplicate_check: 1,
        duplicate_check_interval: DUPLICATE_CHECK_S,
      }));
      return tracker.run(item.id, bodies, async (body) => {
        const res = await api.post('/cgi-bin/message/send', body);
        // errcode 0 with the user listed as invalid: the message went nowhere
        const invalid = typeof res['invaliduser'] === 'string' ? (res['invaliduser'] as string).split('|') : [];
        if (res.errcode === 0 && invalid.includes(item.chat)) return { errcode: 81013, errmsg: 'invalid user' };
        return res;
      });
    },
  };
}

/** The app's text messages have no buttons: the options are listed as a line the user can type back. */
function withChoices(text: string, choices: QuickReply[]): string {
  if (choices.length === 0) return text;
  return `${text}\n\n${choices.map((c) => `【${c.label}】`).join(' ')}`;
}

/** `${open_kfid}:${external_userid}` → its two halves. */
export function parseKfChat(chat: string): { openKfid: string; externalUserid: string } | null {
  const i = chat.indexOf(':');
  if (i <= 0 || i === chat.length - 1) return null;
  return { openKfid: chat.slice(0, i), externalUserid: chat.slice(i + 1) };
}

export function createKfSender(api: WecomApi): ChannelSender {
  const tracker = new PartTracker();
  return {
    channel: 'wecom_kf',
    // WeCom lets a kf account send at most 5 messages per customer message within 48 h
    limits: { global: { count: 9_000, perMs: 60_000 }, perChat: { count: 5, perMs: 60_000 } },
    maxLength: { value: TEXT_MAX_BYTES, unit: 'bytes' },
    async send(item: OutboxItem): Promise<SendOutcome> {
      const to = parseKfChat(item.chat);
      if (!to) return { ok: false, error: `bad kf chat id`, permanent: true };
      const base = { touser: to.externalUserid, open_kfid: to.openKfid };
      const parts = splitText(item.text, TEXT_MAX_BYTES, 'bytes');
      const bodies: Record<string, unknown>[] = parts.map((content) => ({ ...base, msgtype: 'text', text: { content } }));
      const menu = item.quickReplies
        .filter((q) => bytes(q.value) <= MENU_ITEM_MAX_BYTES && bytes(q.label) <= MENU_ITEM_MAX_BYTES)
        .map((q) => ({ type: 'click', click: { id: q.value, content: q.label } }));
      if (menu.length > 0) {
        // the options as a clickable menu (a click comes back as a text with menu_id = the option's value)
        const last = parts[parts.length - 1] ?? '';
        if (bytes(last) <= MENU_HEAD_MAX_BYTES) bodies.pop();
        const head = bytes(last) <= MENU_HEAD_MAX_BYTES ? { head_content: last } : {};
        bodies.push({ ...base, msgtype: 'msgmenu', msgmenu: { ...head, list: menu } });
      }
      return tracker.run(item.id, bodies, (body) => api.post('/cgi-bin/kf/send_msg', body));
    },
  };
}
