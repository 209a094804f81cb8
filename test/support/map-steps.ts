// How much of any Map a piece of code walks: a test that a structure's work per call does not grow with its size.

/** Entries of any Map visited while `fn` runs (its iterators' steps). */
export function mapSteps(fn: () => void): number {
  const proto = Map.prototype as unknown as Record<string | symbol, (this: Map<unknown, unknown>) => Iterator<unknown>>;
  const names = [Symbol.iterator, 'entries', 'keys', 'values'] as const;
  const originals = names.map((n) => proto[n]!);
  let steps = 0;
  names.forEach((n, i) => {
    proto[n] = function (this: Map<unknown, unknown>) {
      const it = originals[i]!.call(this);
      return {
        next: () => {
          steps += 1;
          return it.next();
        },
        [Symbol.iterator]() {
          return this;
        },
      } as Iterator<unknown>;
    };
  });
  try {
    fn();
  } finally {
    names.forEach((n, i) => (proto[n] = originals[i]!));
  }
  return steps;
}
