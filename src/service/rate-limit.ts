// Message rate limits (per user, per client address): how many in a one-minute window. One instance (SQLite)
// counts in memory; several (MongoDB) count in the store, so that the limit holds whichever instance a
// message reaches (shared-limit.ts). A message given by its id counts once: platforms deliver the same
// message again (a retry), and a resident is not limited for messages they sent once.

export interface LimitResult {
  limited: boolean;
  /** The first message over the limit in this window (the user is told once a window, not every time). */
  firstOver: boolean;
  retryAfterMs: number;
  /** Messages counted in this window, this one included. */
  count: number;
  /** Whether this hit was counted (false: its message id was counted before). */
  counted: boolean;
}

export interface Limiter {
  readonly perMinute: number;
  /** Counts a hit at `now`; with `once` (a message's id), only if that id was not counted in the last `SEEN_MS`. */
  hit(key: string, now: number, once?: string): LimitResult | Promise<LimitResult>;
  /** Takes back a hit counted at `now` (its message turned out to be one answered before: a delivery again). */
  undo(key: string, now: number): void | Promise<void>;
}

/** How long a message id is remembered as counted: longer than platforms keep delivering a message again
 * in a burst (WeCom resends within seconds, Telegram backs off over minutes). A delivery after that is
 * recognised by the service when it would refuse it (user-limit.ts). */
export const SEEN_MS = 10 * 60_000;

/** Message ids remembered at most (~130 bytes each): ids are forgotten after SEEN_MS, and under a load beyond
 * MAX_SEEN / SEEN_MS (333 messages a second) the oldest a little sooner — a delivery again after that is
 * counted again, as one after SEEN_MS is. */
export const MAX_SEEN = 200_000;

/** A fixed one-minute window per key, from the key's first message, in this process's memory.
 * Both maps are kept in the order their entries expire (a window from its start, an id from when it was
 * counted: an entry set again is moved to the end), so each hit forgets what has expired by looking at the
 * maps' heads only — a hit costs the same with a million entries as with ten. (They used to be swept whole
 * once past a size: with more live entries than that, every hit swept them all and found nothing to drop.) */
export class RateLimiter implements Limiter {
  private readonly windows = new Map<string, { start: number; count: number; warned: boolean }>();
  /** `${key}\n${id}` → until when the id counts as seen. */
  private readonly seen = new Map<string, number>();

  constructor(
    readonly perMinute: number,
    private readonly windowMs = 60_000,
    private readonly maxSeen = MAX_SEEN,
  ) {}

  /** Message ids remembered as counted (the ids of the last SEEN_MS, at most `maxSeen`). */
  get remembered(): number {
    return this.seen.size;
  }

  /** Keys with a window (those with a message in the last window). */
  get keys(): number {
    return this.windows.size;
  }

  hit(key: string, now: number, once?: string): LimitResult {
    this.expire(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (w) this.windows.delete(key); // the new window goes to the end: the map stays in order of start
      w = { start: now, count: 0, warned: false };
      this.windows.set(key, w);
    }
    const id = once === undefined ? undefined : `${key}\n${once}`;
    const counted = id === undefined || !((this.seen.get(id) ?? 0) > now);
    if (counted) w.count += 1;
    // ids remembered up to twice the limit: beyond it is a script, refused whatever it sends
    if (id !== undefined && counted && w.count <= 2 * this.perMinute) {
      this.seen.delete(id); // (expired, when there: remembered again at the end)
      this.seen.set(id, now + SEEN_MS);
      if (this.seen.size > this.maxSeen) this.seen.delete(this.seen.keys().next().value as string);
    }
    const limited = w.count > this.perMinute;
    const firstOver = limited && counted && !w.warned;
    if (firstOver) w.warned = true;
    return { limited, firstOver, retryAfterMs: Math.max(0, w.start + this.windowMs - now), count: w.count, counted };
  }

  undo(key: string, now: number): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs || w.count === 0) return; // a window gone is forgotten anyway
    w.count -= 1;
    if (w.count <= this.perMinute) w.warned = false;
  }

  /** Forgets the windows and ids expired by `now`, from the maps' heads: the work is what is dropped, plus one. */
  private expire(now: number): void {
    for (const [k, w] of this.windows) {
      if (now - w.start < this.windowMs) break;
      this.windows.delete(k);
    }
    for (const [k, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(k);
    }
  }
}
