// A platform's sending side for outbox tests: records what it was asked to send and what got through,
// answers with scripted outcomes (429 with retry_after, blocked, errors), can hang to play a crash.
import type { ChannelName } from '../../src/core/types';
import type { ChannelSender, OutboxItem, RateLimit, SendOutcome } from '../../src/service/ports';

export class FakeSender implements ChannelSender {
  /** Every call, with the clock time. */
  readonly calls: { id: string; chat: string; text: string; at: number; attempts: number }[] = [];
  /** Calls that were delivered (ok). */
  readonly delivered: { id: string; chat: string; text: string; at: number }[] = [];
  /** Outcomes to give, in turn, for an item's text; then ok. */
  readonly script = new Map<string, (SendOutcome | 'throw' | 'hang')[]>();
  maxLength = { value: 4096, unit: 'chars' as const };

  constructor(
    readonly channel: ChannelName,
    readonly limits: RateLimit,
    private readonly now: () => number,
  ) {}

  on(text: string, ...outcomes: (SendOutcome | 'throw' | 'hang')[]): this {
    this.script.set(text, outcomes);
    return this;
  }

  async send(item: OutboxItem): Promise<SendOutcome> {
    const at = this.now();
    this.calls.push({ id: item.id, chat: item.chat, text: item.text, at, attempts: item.attempts });
    const next = this.script.get(item.text)?.shift() ?? { ok: true };
    if (next === 'hang') return new Promise<SendOutcome>(() => undefined);
    if (next === 'throw') throw new Error('ECONNRESET');
    if (next.ok) this.delivered.push({ id: item.id, chat: item.chat, text: item.text, at });
    return next;
  }

  deliveredTexts(): string[] {
    return this.delivered.map((d) => d.text);
  }
}
