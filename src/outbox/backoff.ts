// Exponential backoff with jitter for retries the platform gave no retry_after for.
export interface BackoffOptions {
  /** Delay after the first failed attempt (default 1 s). */
  baseMs: number;
  /** Largest delay (default 10 min). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 10 * 60 * 1000 };

/** Delay before attempt `attempts + 1`: base·2^(attempts−1), capped, scaled by a jitter in [0.5, 1). */
export function backoffDelay(attempts: number, opts: BackoffOptions, random: () => number): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.round(exp * (0.5 + random() / 2)));
}
