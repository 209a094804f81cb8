// Message rate limits (per user, per client address): a fixed one-minute window per key, in memory (each
// instance counts its own).
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number; warned: boolean }>();

  constructor(
    private readonly perMinute: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one message; `limited` once the user is over the limit in this window, `firstOver` on the
   * first message over it (so the user is told once per window, not on every message). */
  hit(key: string, now: number): { limited: boolean; firstOver: boolean; retryAfterMs: number; count: number } {
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
