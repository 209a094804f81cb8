// The HTTP API and the web chat answer synchronously, but a staff reply or an escalation notice reaches
// their users later: the outbox "sends" those into this mailbox, which the page polls
// (GET /api/v1/messages?user=…). In memory and bounded: a restart loses undelivered mailbox messages.
import type { ChannelName, QuickReply } from '../core/types';
import type { ChannelSender, OutboxItem, SendOutcome } from './ports';

export interface MailboxMessage {
  id: string;
  text: string;
  urgent: boolean;
  quickReplies: QuickReply[];
  /** staff | escalation | … (from the outbox item's meta.kind) */
  kind: string;
  at: number;
}

export class Mailbox {
  private readonly boxes = new Map<string, MailboxMessage[]>();

  constructor(
    private readonly opts: { perChat?: number; chats?: number; now?: () => number } = {},
  ) {}

  put(chat: string, msg: MailboxMessage): void {
    let box = this.boxes.get(chat);
    if (!box) {
      if (this.boxes.size >= (this.opts.chats ?? 10_000)) {
        const oldest = this.boxes.keys().next().value;
        if (oldest !== undefined) this.boxes.delete(oldest);
      }
      box = [];
      this.boxes.set(chat, box);
    }
    if (box.some((m) => m.id === msg.id)) return;
    box.push(msg);
    if (box.length > (this.opts.perChat ?? 50)) box.shift();
  }

  /** Returns and removes the chat's waiting messages. */
  take(chat: string): MailboxMessage[] {
    const box = this.boxes.get(chat) ?? [];
    this.boxes.delete(chat);
    return box;
  }

  /** A ChannelSender for the outbox: delivery into the mailbox always succeeds. */
  sender(channel: ChannelName): ChannelSender {
    return {
      channel,
      limits: { global: { count: 1000, perMs: 1000 }, perChat: { count: 100, perMs: 1000 } },
      maxLength: { value: 100_000, unit: 'chars' },
      send: async (item: OutboxItem): Promise<SendOutcome> => {
        this.put(item.chat, {
          id: item.id,
          text: item.text,
          urgent: item.urgent,
          quickReplies: item.quickReplies,
          kind: typeof item.meta?.kind === 'string' ? item.meta.kind : 'message',
          at: this.opts.now?.() ?? Date.now(),
        });
        return { ok: true };
      },
    };
  }
}
