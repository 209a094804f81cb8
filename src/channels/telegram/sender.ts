// The outbox's way to Telegram: one OutboxItem → one or more sendMessage calls.
// The outbox enforces rate limits and retries; this maps the Bot API's answer to a SendOutcome.
import type { Telegram } from 'telegraf';
import type { ChannelSender, KeyValuePort, OutboxItem, SendOutcome } from '../../service/ports';
import { outcomeOf } from './errors';
import { escapeHtml } from './html';
import { quickReplyKeyboard } from './keyboard';
import { splitText } from '../../render/split';

export const TELEGRAM_MAX_CHARS = 4096;

export const blockedKey = (chat: string) => `telegram:blocked:${chat}`;
const progressKey = (itemId: string) => `telegram:sent:${itemId}`;

export interface SenderDeps {
  telegram: Telegram;
  kv: KeyValuePort;
}

export function createTelegramSender({ telegram, kv }: SenderDeps): ChannelSender {
  return {
    channel: 'telegram',
    // Bot API FAQ: about 30 messages a second overall, no more than one a second to the same chat.
    limits: { global: { count: 30, perMs: 1000 }, perChat: { count: 1, perMs: 1000 } },
    maxLength: { value: TELEGRAM_MAX_CHARS, unit: 'chars' },
    async send(item: OutboxItem): Promise<SendOutcome> {
      if ((await kv.get(blockedKey(item.chat))) === '1') {
        return { ok: false, error: 'telegram: the user has blocked the bot', permanent: true, blocked: true };
      }
      const parts = splitText(item.text, TELEGRAM_MAX_CHARS).filter((p) => p.trim().length > 0);
      if (parts.length === 0) return { ok: false, error: 'telegram: empty message', permanent: true };
      // A long reply goes out in several messages; after a failure part-way, a retry resumes where it stopped.
      const done = parts.length > 1 ? Number((await kv.get(progressKey(item.id))) ?? 0) || 0 : 0;
      const replyTo = typeof item.meta?.replyTo === 'number' ? item.meta.replyTo : undefined;
      for (let i = done; i < parts.length; i++) {
        const last = i === parts.length - 1;
        const markup = last && item.quickReplies.length > 0 ? await quickReplyKeyboard(item.quickReplies, kv) : undefined;
        try {
          await telegram.sendMessage(item.chat, escapeHtml(parts[i]!), {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(markup ? { reply_markup: markup } : {}),
            ...(replyTo !== undefined && i === 0 ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
          });
        } catch (err) {
          const outcome = outcomeOf(err);
          if (outcome.permanent && outcome.blocked) await kv.set(blockedKey(item.chat), '1');
          return outcome;
        }
        if (parts.length > 1) await kv.set(progressKey(item.id), String(i + 1));
      }
      return { ok: true };
    },
  };
}
