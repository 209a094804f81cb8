// A rate limit every instance counts against: the store keeps one count per key and minute (windows
// aligned to the clock, so every instance means the same minute), MongoDB expiring it afterwards.
//
// `exact` (per user): every message adds one in the store and reads the total back, so N instances
// together let through exactly the limit. Batched (per client address, where one address — a carrier's
// NAT, a load test — can send hundreds a second, and one counter document written by every request would
// be the hottest document of the database): far from the limit an instance counts in memory and adds its
// count to the store every `flushMs`; from half the limit on (as far as it knows) every message is counted
// in the store and waits for the total. Instances together may let through, beyond the limit, what the
// others counted but had not yet added in the last `flushMs` — only while they were themselves under half.
import type { Store } from '../store/port';
import { SEEN_MS, type Limiter, type LimitResult } from './rate-limit';

interface Local {
  windowStart: number;
  /** The store's total at the last look. */
  known: number;
  /** Counted here since, not yet in the store. */
  pending: number;
}

export interface SharedLimiterOptions {
  /** Names the limit in the store's keys ('user', 'client'). */
  scope: string;
  windowMs?: number;
  /** Count far from the limit in memory, adding to the store every `flushMs` (default: every hit in the store). */
  batch?: boolean;
  flushMs?: number;
}

export class SharedLimiter implements Limiter {
  private readonly windowMs: number;
  private readonly local = new Map<string, Local>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Pick<Store, 'countHit' | 'countOnce'>,
    readonly perMinute: number,
    private readonly o: SharedLimiterOptions,
  ) {
    this.windowMs = o.windowMs ?? 60_000;
  }

  /** `once`: a message's id, counted once whichever instance sees it (a mark in the store; exact counting only). */
  async hit(key: string, now: number, once?: string): Promise<LimitResult> {
    const windowStart = now - (now % this.windowMs);
    if (!this.o.batch && once !== undefined) {
      const { n, counted } = await this.store.countOnce(this.key(key), once, windowStart, this.windowMs, SEEN_MS);
      return this.result(n, counted, windowStart, now);
    }
    if (!this.o.batch) return this.result(await this.store.countHit(this.key(key), windowStart, this.windowMs), true, windowStart, now);
    let l = this.local.get(key);
    if (!l || l.windowStart !== windowStart) {
      l = { windowStart, known: 0, pending: 0 };
      this.local.set(key, l);
    }
    if ((l.known + l.pending + 1) * 2 <= this.perMinute) {
      l.pending += 1;
      this.schedule();
      return this.result(l.known + l.pending, true, windowStart, now);
    }
    const by = l.pending + 1;
    l.pending = 0;
    l.known = await this.store.countHit(this.key(key), windowStart, this.windowMs, by);
    return this.result(l.known, true, windowStart, now);
  }

  /** Takes back a hit counted at `now`: one less in the store (or in memory, when it is still there). */
  async undo(key: string, now: number): Promise<void> {
    const windowStart = now - (now % this.windowMs);
    const l = this.o.batch ? this.local.get(key) : undefined;
    if (l && l.windowStart === windowStart && l.pending > 0) l.pending -= 1;
    else await this.store.countHit(this.key(key), windowStart, this.windowMs, -1);
  }

  /** Adds what was counted in memory to the store (the timer does it every `flushMs`). */
  async flush(): Promise<void> {
    this.timer = null;
    const now = Date.now();
    const work: Promise<void>[] = [];
    for (const [key, l] of this.local) {
      if (l.windowStart + this.windowMs <= now - this.windowMs) {
        this.local.delete(key);
        continue;
      }
      if (!l.pending) continue;
      const by = l.pending;
      l.pending = 0;
      work.push(
        this.store.countHit(this.key(key), l.windowStart, this.windowMs, by).then(
          (n) => void (l.known = Math.max(l.known, n)),
          () => void (l.pending += by), // counted again with the next flush
        ),
      );
    }
    await Promise.all(work);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.o.flushMs ?? 200);
    this.timer.unref();
  }

  private key(key: string): string {
    return `rate:${this.o.scope}:${key}`;
  }

  /** This message (when `counted`) brought the window's count to `count`: counts are unique across instances
   * (the store adds atomically), so one message is the first over — or, rarely, two, when a delivery again
   * was taken back (undo) in between: the user is told once more. */
  private result(count: number, counted: boolean, windowStart: number, now: number): LimitResult {
    const limited = count > this.perMinute;
    return { limited, firstOver: limited && counted && count - 1 <= this.perMinute, retryAfterMs: Math.max(0, windowStart + this.windowMs - now), count, counted };
  }
}
