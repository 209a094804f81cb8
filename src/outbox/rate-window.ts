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

  private get used(): number {
    return this.times.length - this.head;
  }

  /** Messages that may be sent now. */
  available(now: number): number {
    this.trim(now);
    return Math.max(0, Math.floor(this.window.count) - this.used);
  }

  /** 0 when one may be sent now, else the ms until one may. */
  wait(now: number): number {
    this.trim(now);
    const count = Math.floor(this.window.count);
    if (this.used < count) return 0;
    const oldest = this.times[this.times.length - count]!;
    return Math.max(1, oldest + this.window.perMs - now);
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
