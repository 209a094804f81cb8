// A clock for tests: time moves only when told; timers fire in time order as it moves.
import type { Clock } from '../../src/outbox/clock';

export class FakeClock implements Clock {
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  constructor(private t = Date.UTC(2026, 10, 23, 4, 0, 0)) {}

  now = (): number => this.t;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return timer;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((x) => x !== handle);
  };

  /** Timers waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** When the next timer fires, or Infinity. */
  get nextAt(): number {
    return this.timers.reduce((m, x) => Math.min(m, x.at), Infinity);
  }

  /** Moves time forward to `at`, firing the timers due on the way, in order. */
  advanceTo(at: number): void {
    for (;;) {
      const due = this.timers.filter((x) => x.at <= at).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = Math.max(this.t, at);
  }

  advance(ms: number): void {
    this.advanceTo(this.t + ms);
  }
}
