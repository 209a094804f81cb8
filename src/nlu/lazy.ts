// A part of the NLU made at its first use rather than at a start (the English glossary and the pinyin reader, which
// only a message with Latin letters needs).

/** A part made at its first use; `made` says whether it has been. */
export interface Lazy<T> {
  get(): T;
  readonly made: boolean;
}

export function lazy<T>(make: () => T): Lazy<T> {
  let value: T | undefined;
  let made = false;
  return {
    get: () => {
      if (!made) [value, made] = [make(), true];
      return value as T;
    },
    get made() {
      return made;
    },
  };
}
