// Platform sending limits: the defaults from the platforms' published limits, and per-chat limiting.
import type { ChannelName } from '../core/types';
import type { RateLimit } from '../service/ports';
import { RateWindow, type Window } from './rate-window';

/** A sender's RateLimit plus the extra windows some platforms have. */
export interface ChannelLimits extends RateLimit {
  /** Further windows for one chat (WeCom: also 1000 an hour to one member). */
  perChatExtra?: Window[];
  /** A further limit for group chats (Telegram: 20 a minute in a group, besides one a second). */
  perGroup?: Window;
  isGroup?: (chat: string) => boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Telegram Bot API FAQ: about 30 messages a second overall, no more than one a second to one chat, and
 * no more than 20 a minute to one group (group chat ids are negative).
 * WeCom app messages (message/send): at most 30 a minute and 1000 an hour to one member per app; each
 * API at most 10,000 calls a minute per enterprise. WeCom 微信客服 send_msg: treated like the app.
 */
export const DEFAULT_LIMITS: Readonly<Partial<Record<ChannelName, ChannelLimits>>> = {
  telegram: {
    global: { count: 30, perMs: SECOND },
    perChat: { count: 1, perMs: SECOND },
    perGroup: { count: 20, perMs: MINUTE },
    isGroup: (chat) => chat.startsWith('-'),
  },
  wecom: {
    global: { count: 10_000, perMs: MINUTE },
    perChat: { count: 30, perMs: MINUTE },
    perChatExtra: [{ count: 1000, perMs: HOUR }],
  },
  wecom_kf: {
    global: { count: 10_000, perMs: MINUTE },
    perChat: { count: 30, perMs: MINUTE },
    perChatExtra: [{ count: 1000, perMs: HOUR }],
  },
};

/** WeCom group robot webhook: 20 messages a minute per robot (for staff alerts). */
export const WECOM_ROBOT_LIMIT: RateLimit = {
  global: { count: 20, perMs: MINUTE },
  perChat: { count: 20, perMs: MINUTE },
};

/** The effective limits of a channel: its defaults, then the sender's, then configured overrides. */
export function effectiveLimits(channel: ChannelName, sender: RateLimit, override?: Partial<ChannelLimits>): ChannelLimits {
  return { ...DEFAULT_LIMITS[channel], ...sender, ...override };
}

/** Per-platform and per-chat windows of one channel, and pauses a platform asked for (429 retry_after). */
export class ChannelLimiter {
  readonly global: RateWindow;
  private readonly chats = new Map<string, RateWindow[]>();
  private readonly blocked = new Map<string, number>();
  /** The number of chats at which idle ones are next looked for: after a look, twice the chats still active (at least
   * `maxChats`), so that with more active chats than `maxChats` a new chat does not walk them all each time. */
  private forgetAt: number;

  constructor(
    readonly limits: ChannelLimits,
    private readonly maxChats = 50_000,
  ) {
    this.global = new RateWindow(limits.global);
    this.forgetAt = maxChats;
  }

  private windows(chat: string, now: number): RateWindow[] {
    let b = this.chats.get(chat);
    if (!b) {
      if (this.chats.size >= this.forgetAt) {
        this.forgetIdle(now);
        this.forgetAt = Math.max(this.maxChats, 2 * this.chats.size);
      }
      const group = this.limits.perGroup && this.limits.isGroup?.(chat) ? [this.limits.perGroup] : [];
      b = [this.limits.perChat, ...group, ...(this.limits.perChatExtra ?? [])].map((w) => new RateWindow(w));
      this.chats.set(chat, b);
    }
    return b;
  }

  /** ms until `chat` may be sent to (0: now). */
  chatWait(chat: string, now: number): number {
    const until = this.blocked.get(chat);
    let wait = until !== undefined && until > now ? until - now : 0;
    if (until !== undefined && until <= now) this.blocked.delete(chat);
    for (const b of this.windows(chat, now)) wait = Math.max(wait, b.wait(now));
    return wait;
  }

  /** Counts one message to `chat` against the global and chat windows. */
  take(chat: string, now: number): void {
    this.global.take(now);
    for (const b of this.windows(chat, now)) b.take(now);
  }

  /** This instance's part of the platform's overall limit: `1 / instances` of it, spread across the window
   * (`pace`: a message every window/count ms, with a tenth to spare for the network's jitter). */
  share(instances: number, pace: boolean): void {
    const { count, perMs } = this.limits.global;
    const cap = Math.max(1, Math.floor(count / Math.max(1, instances)));
    this.global.cap = cap;
    this.global.gap = pace ? Math.ceil((perMs / cap) * 1.1) : 0;
  }

  /** How long a chat is held after a send (every instance waits that long before its next one to it). */
  get chatGapMs(): number {
    const { count, perMs } = this.limits.perChat;
    return Math.ceil(perMs / Math.max(1, count));
  }

  /** The platform said to wait (a 429's retry_after): nothing more to this chat until then. */
  block(chat: string, until: number): void {
    this.blocked.set(chat, Math.max(until, this.blocked.get(chat) ?? 0));
  }

  private forgetIdle(now: number): void {
    for (const [chat, b] of this.chats) if (b.every((x) => x.idle(now))) this.chats.delete(chat);
  }
}
