// "Did you mean …?" for a value that names nothing known: the closest known name by edit distance, when it
// is close enough to be a typo (a third of the length, at least one edit).

/** Levenshtein distance, with an early stop once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known name closest to `value`, if it is close enough to be what was meant. */
export function closest(value: string, known: Iterable<string>): string | undefined {
  const max = Math.max(1, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const k of known) {
    if (k === value) return undefined;
    const d = k.toLowerCase() === value.toLowerCase() ? 0 : editDistance(value, k, max);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(value: string, known: Iterable<string>): string {
  const c = closest(value, known);
  return c === undefined ? '' : ` (did you mean "${c}"?)`;
}
