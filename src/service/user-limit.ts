// The per-user rate limit as the service applies it: counted before anything is read or written, so that a
// message over it costs a counter; an urgent one still goes through. A message counts once: platforms
// deliver the same message again (Telegram retrying an update, WeCom resending a callback, an API client
// retrying a lost response). The limiter counts a message id once (for SEEN_MS, whichever instance sees it:
// a mark in the store when there are several). A delivery later than that is counted again, and taken back
// once it is known to be recorded: when the store refuses to record it again (recorded()), or, when it would
// be refused, by asking the store first (it goes on to be answered as the duplicate it is).
import type { Logger } from 'pino';
import type { Inbound } from '../core/types';
import type { Store } from '../store/port';
import type { Metrics } from './metrics';
import { SEEN_MS, type Limiter } from './rate-limit';
import type { TurnOutcome } from './turn';
import type { HandleResult, OutboxSink } from './types';

export interface UserLimitDeps {
  limiter: Limiter;
  store: Pick<Store, 'inboundOutcome'>;
  outbox: OutboxSink;
  logger: Logger;
  metrics?: Metrics;
  /** Whether the channel's caller gets the refusal as its answer (HTTP API, web chat) rather than a notice. */
  sync: (inbound: Inbound) => boolean;
  /** The core's turn on a new session: is the message urgent, and in which script and language. */
  probe: (inbound: Inbound, now: number) => Promise<TurnOutcome>;
  notice: (perMinute: number, waitS: number, l: { script: 'simplified' | 'traditional'; lang: 'zh' | 'en' }) => string;
}

/** `refused`: the answer to give, or null: go on; `counted`: whether this delivery was counted. */
export interface LimitCheck {
  refused: HandleResult | null;
  counted: boolean;
}

export class UserLimit {
  constructor(private readonly d: UserLimitDeps) {}

  get perMinute(): number {
    return this.d.limiter.perMinute;
  }

  /** Counts the message at `now`. Up to twice the limit a message over it is looked up in the store (a
   * delivery again goes on, uncounted, to be answered as the duplicate it is) and then read by the pure core
   * (no I/O) so that an urgent one goes through; beyond that (a script, not a person in distress) nothing
   * runs at all. A platform user is told once a window, through the outbox (one write); API callers get
   * the 429. */
  async check(inbound: Inbound, key: string, now: number): Promise<LimitCheck> {
    const rl = await this.d.limiter.hit(key, now, inbound.messageId);
    const go = { refused: null, counted: rl.counted };
    if (!rl.limited) return go;
    let script: 'simplified' | 'traditional' = 'simplified';
    let lang: 'zh' | 'en' = 'zh';
    if (rl.count <= 2 * this.perMinute) {
      if (await this.d.store.inboundOutcome(inbound.channel, inbound.messageId)) {
        await this.recorded(inbound, key, now, go.counted);
        return { ...go, counted: false };
      }
      const probe = await this.d.probe(inbound, now);
      if (probe.reply?.urgent) return go;
      script = probe.reply?.script ?? script;
      lang = probe.reply?.lang ?? lang;
    }
    const { channel } = inbound;
    this.d.metrics?.rateLimited.inc({ channel });
    const wait = Math.max(1, Math.ceil(rl.retryAfterMs / 1000));
    const text = this.d.notice(this.perMinute, wait, { script, lang });
    if (!this.d.sync(inbound) && rl.firstOver)
      await this.d.outbox.enqueue({ channel, chat: inbound.chat, text, urgent: false, quickReplies: [], createdAt: now, dedupeKey: `ratelimit:${channel}:${inbound.messageId}`, meta: { kind: 'rate_limited' } });
    return { refused: { duplicate: false, reply: null, rateLimited: { retryAfterMs: rl.retryAfterMs, text } }, counted: rl.counted };
  }

  /** The message counted at `now` was recorded before. Its first count is still in force unless it was sent
   * more than SEEN_MS ago (its mark gone): then this count is taken back. A recent one counted here was
   * recorded by a delivery at another instance that found this one's mark and did not count it. */
  async recorded(inbound: Inbound, key: string, now: number, counted: boolean): Promise<void> {
    if (counted && inbound.sentAt <= now - SEEN_MS) await this.undo(key, now);
  }

  /** Takes back the hit counted at `now`. A failure here leaves the count one high for the rest of the
   * minute: logged, never the message's failure. */
  private async undo(key: string, now: number): Promise<void> {
    try {
      await this.d.limiter.undo(key, now);
    } catch (err) {
      this.d.logger.warn({ err }, 'a delivery again stays counted against the rate limit');
    }
  }
}
