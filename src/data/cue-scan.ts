// Which of a list of cue words a text holds, in one pass over the text: `list.some((w) => text.includes(w))`
// and `list.filter(…)` without a string search per word. Many of a turn's checks are such lists (where-cues,
// full-cues, the particulars' asking words, the notices' plain words: some 190 searches a message, each a
// string search over the whole text); scanned, each position of the text is a bit looked up, and only the
// words starting with a flagged character are compared there. Built once per list (remembered by the list
// itself: the lists are the domain's, made at load); reading it is pure.

/** Bits of the first-character filter: a 128-byte table (a character's code modulo this), two cache lines. */
const BITS = 1024;

export interface CueScan {
  /** Whether the text holds any of the words (`list.some((w) => text.includes(w))`). */
  any(text: string): boolean;
  /** The indexes of the words the text holds, in the list's order (`text.includes(list[k])`). */
  which(text: string): number[];
}

const made = new WeakMap<readonly string[], CueScan>();

/** The scanner of a list of words (made once per list). */
export function cueScan(list: readonly string[]): CueScan {
  let scan = made.get(list);
  if (!scan) made.set(list, (scan = build(list)));
  return scan;
}

function build(list: readonly string[]): CueScan {
  const filter = new Int32Array(BITS >> 5);
  // the words' indexes by their first code unit
  const byFirst = new Map<number, number[]>();
  // an empty word is held by every text, as `includes('')` says
  const empty: number[] = [];
  list.forEach((w, k) => {
    if (!w.length) return void empty.push(k);
    const c = w.charCodeAt(0);
    filter[(c % BITS) >> 5] = (filter[(c % BITS) >> 5] as number) | (1 << (c & 31));
    const at = byFirst.get(c);
    if (at) at.push(k);
    else byFirst.set(c, [k]);
  });
  const flagged = (c: number): boolean => ((filter[(c % BITS) >> 5] as number) & (1 << (c & 31))) !== 0;

  function any(text: string): boolean {
    if (empty.length) return true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!flagged(c)) continue;
      const at = byFirst.get(c);
      if (at) for (let j = 0; j < at.length; j++) if (text.startsWith(list[at[j] as number] as string, i)) return true;
    }
    return false;
  }

  function which(text: string): number[] {
    let out: number[] | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!flagged(c)) continue;
      const at = byFirst.get(c);
      if (at)
        for (let j = 0; j < at.length; j++) {
          const k = at[j] as number;
          if (text.startsWith(list[k] as string, i) && !(out ??= []).includes(k)) out.push(k);
        }
    }
    if (empty.length) (out ??= []).push(...empty);
    return out ? out.sort((a, b) => a - b) : [];
  }

  return { any, which };
}
