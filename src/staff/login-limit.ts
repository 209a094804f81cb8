// Login attempts: failures counted in fixed windows per account and address and per address, in memory
// (each instance counts its own). A success clears the account's count for that address.
export interface LoginLimits {
  /** Failures allowed for one username from one address per window (default 5). */
  perAccount: number;
  /** Failures allowed from one address per window, whatever the usernames (default 20). */
  perAddress: number;
  windowMs: number;
}

const DEFAULTS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private readonly counts = new Map<string, { start: number; n: number }>();
  private readonly limits: LoginLimits;

  constructor(limits: Partial<LoginLimits> = {}) {
    this.limits = { ...DEFAULTS, ...limits };
  }

  /** ms until another attempt is allowed, 0 when one is allowed now. */
  blockedFor(username: string, address: string, now: number): number {
    const a = this.live(`u:${username.toLowerCase()}|${address}`, now);
    const b = this.live(`a:${address}`, now);
    const wait = (w: { start: number; n: number } | undefined, max: number) => (w && w.n >= max ? w.start + this.limits.windowMs - now : 0);
    return Math.max(wait(a, this.limits.perAccount), wait(b, this.limits.perAddress));
  }

  failed(username: string, address: string, now: number): void {
    for (const key of [`u:${username.toLowerCase()}|${address}`, `a:${address}`]) {
      const w = this.live(key, now) ?? { start: now, n: 0 };
      w.n += 1;
      this.counts.set(key, w);
    }
    if (this.counts.size > 10_000) for (const [k, w] of this.counts) if (now - w.start >= this.limits.windowMs) this.counts.delete(k);
  }

  succeeded(username: string, address: string): void {
    this.counts.delete(`u:${username.toLowerCase()}|${address}`);
  }

  private live(key: string, now: number) {
    const w = this.counts.get(key);
    if (w && now - w.start >= this.limits.windowMs) {
      this.counts.delete(key);
      return undefined;
    }
    return w;
  }
}
