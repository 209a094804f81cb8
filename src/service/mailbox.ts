// The HTTP API and the web chat answer synchronously, but a staff reply or an escalation notice reaches
// their users later: the outbox "sends" those into this mailbox, which the page polls
// (GET /api/v1/messages?user=…). Kept in the store, so a restart loses nothing not yet taken; each message
// is handed out once.
import type { ChannelName } from '../core/types';
import type { Store } from '../store/port';
import type { ChannelSender, MailboxMessage, OutboxItem, SendOutcome } from './ports';

export type { MailboxMessage } from './ports';

/** Channels whose users poll their mailbox. */
export const MAILBOX_CHANNELS = ['api', 'web', 'cli'] as const satisfies readonly ChannelName[];

export class Mailbox {
  constructor(
    private readonly store: Pick<Store, 'mailboxPut' | 'mailboxTake'>,
    private readonly opts: { perTake?: number; now?: () => number } = {},
  ) {}

  /** Returns and removes the chat's waiting messages on those channels (default: the API and web chat),
   * oldest first per channel, at most `perTake` (default 50) per channel; the rest wait for the next call. */
  async take(chat: string, channels: readonly ChannelName[] = ['api', 'web']): Promise<MailboxMessage[]> {
    const limit = this.opts.perTake ?? 50;
    const boxes = await Promise.all(channels.map((ch) => this.store.mailboxTake(ch, chat, limit)));
    return boxes.flat().sort((a, b) => a.at - b.at);
  }

  /** A ChannelSender for the outbox: delivery is the message kept in the store. */
  sender(channel: ChannelName): ChannelSender {
    return {
      channel,
      limits: { global: { count: 1000, perMs: 1000 }, perChat: { count: 100, perMs: 1000 } },
      maxLength: { value: 100_000, unit: 'chars' },
      send: async (item: OutboxItem): Promise<SendOutcome> => {
        await this.store.mailboxPut(channel, item.chat, {
          id: item.id,
          text: item.text,
          urgent: item.urgent,
          quickReplies: item.quickReplies,
          kind: typeof item.meta?.kind === 'string' ? item.meta.kind : 'message',
          ...(typeof item.meta?.staffName === 'string' ? { staff: item.meta.staffName } : {}),
          at: this.opts.now?.() ?? Date.now(),
        });
        return { ok: true };
      },
    };
  }
}
