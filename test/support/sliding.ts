// Counting sends as a platform does: the largest number of `times` (ms) inside any window of `perMs`
// (half-open: a send exactly `perMs` after another is in the next window).
export function maxInWindow(times: number[], perMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= perMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** How many sliding windows of `perMs` held more than `limit` sends (one per send that ends such a window). */
export function violations(times: number[], perMs: number, limit: number): number {
  const t = [...times].sort((a, b) => a - b);
  let n = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= perMs) j++;
    if (i - j + 1 > limit) n++;
  }
  return n;
}

/** The smallest gap (ms) between two sends to one chat, over every chat (Infinity: none sent twice). */
export function minChatGap(sends: { chat: string; at: number }[]): number {
  const by = new Map<string, number[]>();
  for (const s of sends) by.set(s.chat, [...(by.get(s.chat) ?? []), s.at]);
  let min = Infinity;
  for (const times of by.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) min = Math.min(min, times[i]! - times[i - 1]!);
  }
  return min;
}
