// "At most `count` messages in any `perMs`", as the platforms state their limits. A sliding log of send
// times rather than a token bucket: a bucket holding `count` tokens lets up to twice `count` through in
// one window (a full burst, then the refill), which a platform counting per window would refuse.
export interface Window {
  count: number;
  perMs: number;
}

export class RateWindow {
  private readonly times: number[] = [];
  private head = 0;
  /** At most this many in the window (this instance's share of `window.count`); default `window.count`. */
  cap: number | null = null;
  /** Pacing: at least this many ms between two messages, so that a window's messages are spread across it
   * rather than sent in a burst at its start (0: no pacing). */
  gap = 0;

  constructor(readonly window: Window) {
    if (!(window.count >= 1) || !(window.perMs > 0)) throw new Error(`rate limit must be positive: ${JSON.stringify(window)}`);
  }

  private trim(now: number): void {
    const from = now - this.window.perMs;
    while (this.head < this.times.length && this.times[this.head]! <= from) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  private get count(): number {
    return Math.floor(this.cap ?? this.window.count);
  }

  private get used(): number {
    return this.times.length - this.head;
  }

  /** Messages that may be sent now. */
  available(now: number): number {
    this.trim(now);
    if (this.gap > 0) return this.wait(now) === 0 ? 1 : 0;
    return Math.max(0, this.count - this.used);
  }

  /** 0 when one may be sent now, else the ms until one may. */
  wait(now: number): number {
    this.trim(now);
    const count = this.count;
    const last = this.times.length > this.head ? this.times[this.times.length - 1]! : -Infinity;
    const paced = this.gap > 0 && last + this.gap > now ? last + this.gap - now : 0;
    if (this.used < count) return paced;
    const oldest = this.times[this.times.length - count]!;
    return Math.max(1, paced, oldest + this.window.perMs - now);
  }

  /** Counts one message sent at `now` (call after `wait` returned 0). */
  take(now: number): void {
    this.times.push(now);
  }

  /** Nothing sent within the window: an idle chat's log can be forgotten. */
  idle(now: number): boolean {
    this.trim(now);
    return this.used === 0;
  }
}
