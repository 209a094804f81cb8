// Message rate limits (per user, per client address): how many in a one-minute window. One instance (SQLite)
// counts in memory; several (MongoDB) count in the store, so that the limit holds whichever instance a
// message reaches (shared-limit.ts).

export interface LimitResult {
  limited: boolean;
  /** The first message over the limit in this window (the user is told once a window, not every time). */
  firstOver: boolean;
  retryAfterMs: number;
  /** Messages counted in this window, this one included. */
  count: number;
}

export interface Limiter {
  readonly perMinute: number;
  hit(key: string, now: number): LimitResult | Promise<LimitResult>;
}

/** A fixed one-minute window per key, from the key's first message, in this process's memory. */
export class RateLimiter implements Limiter {
  private readonly windows = new Map<string, { start: number; count: number; warned: boolean }>();

  constructor(
    readonly perMinute: number,
    private readonly windowMs = 60_000,
  ) {}

  hit(key: string, now: number): LimitResult {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0, warned: false };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    w.count += 1;
    const limited = w.count > this.perMinute;
    const firstOver = limited && !w.warned;
    if (limited) w.warned = true;
    return { limited, firstOver, retryAfterMs: Math.max(0, w.start + this.windowMs - now), count: w.count };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
