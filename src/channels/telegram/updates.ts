// Pure mapping of Telegram messages to the service's Inbound (no I/O).
import type { Message } from 'telegraf/types';
import type { Inbound } from '../../core/types';

/** A `/command@bot args` at the start of a message, or null. */
export interface Command {
  name: string;
  args: string;
}

export function parseCommand(text: string | undefined, botUsername?: string): Command | null {
  if (!text) return null;
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  // A command addressed to another bot in a group is not ours.
  if (m[2] && botUsername && m[2].toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: m[1]!.toLowerCase(), args: (m[3] ?? '').trim() };
}

/** Where a forwarded message came from, without keeping more personal data than needed. */
export function forwardOrigin(message: Message): string | undefined {
  const m = message as Message & {
    forward_origin?: { type: string; sender_user?: { id: number }; sender_chat?: { id: number }; chat?: { id: number } };
    forward_from?: { id: number };
    forward_from_chat?: { id: number };
    forward_sender_name?: string;
    forward_date?: number;
  };
  const o = m.forward_origin;
  if (o) {
    switch (o.type) {
      case 'user':
        return `user:${o.sender_user?.id ?? 'unknown'}`;
      case 'hidden_user':
        return 'hidden_user';
      case 'chat':
        return `chat:${o.sender_chat?.id ?? 'unknown'}`;
      case 'channel':
        return `channel:${o.chat?.id ?? 'unknown'}`;
      default:
        return o.type || 'forwarded';
    }
  }
  // Bot API before 7.0
  if (m.forward_from) return `user:${m.forward_from.id}`;
  if (m.forward_from_chat) return `chat:${m.forward_from_chat.id}`;
  if (m.forward_sender_name !== undefined || m.forward_date !== undefined) return 'hidden_user';
  return undefined;
}

/** The Inbound kind of a non-text message, or null for kinds we ignore (service messages). */
function mediaKind(message: Message): string | null {
  const has = (k: string) => k in message;
  if (has('sticker')) return 'sticker';
  if (has('photo')) return 'photo';
  if (has('voice')) return 'voice';
  if (has('video') || has('video_note') || has('animation')) return 'video';
  if (has('audio')) return 'voice';
  if (has('document')) return 'file';
  if (has('contact') || has('poll') || has('dice') || has('game') || has('story')) return 'other';
  return null;
}

/**
 * The Inbound for a user's message, or null when it carries nothing for the pipeline (a member joined,
 * a pinned message…). `/start` and `/help` go through as text (the core greets); other commands are
 * handled by the caller before this.
 */
export function messageToInbound(updateId: number, message: Message, now: number): Inbound | null {
  const from = 'from' in message && message.from ? message.from : undefined;
  const base = {
    channel: 'telegram' as const,
    messageId: String(updateId),
    user: String(from?.id ?? message.chat.id),
    chat: String(message.chat.id),
    sentAt: message.date ? message.date * 1000 : now,
  };
  const forwardedFrom = forwardOrigin(message);
  const fwd = forwardedFrom ? { forwardedFrom } : {};
  if ('text' in message && typeof message.text === 'string') {
    const cmd = parseCommand(message.text);
    const text = cmd && (cmd.name === 'start' || cmd.name === 'help') ? `/${cmd.name}` : message.text;
    return { ...base, kind: 'text', text, ...fwd };
  }
  if ('location' in message && message.location) {
    const { latitude, longitude } = message.location;
    return { ...base, kind: 'location', text: '', location: { latitude, longitude }, ...fwd };
  }
  const kind = mediaKind(message);
  if (!kind) return null;
  return { ...base, kind, text: '', ...fwd };
}
