// Which of a list of cue words a text holds, in one pass over the text: `list.some((w) => text.includes(w))`
// and `list.filter(…)` without a string search per word — save that a word's Latin edge holds only at a word's
// edge (fee is not in "feels"). Many of a turn's checks are such lists (where-cues, full-cues, the particulars'
// asking words, the notices' plain words: some 190 searches a message, each a string search over the whole
// text); scanned, each position of the text is a bit looked up, and only the words starting with a flagged
// character are compared there. Built once per list (remembered by the list itself: the lists are the domain's,
// made at load); reading it is pure.

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
  // a word that begins or ends with a Latin letter stands alone there (fee is not in "feels", where not in "anywhere";
  // a plural's s may follow it)
  const latinStart = list.map((w) => isLatin(w.charCodeAt(0)));
  const latinEnd = list.map((w) => isLatin(w.charCodeAt(w.length - 1)));
  const at = (text: string, k: number, i: number): boolean => {
    const w = list[k] as string;
    if (!text.startsWith(w, i)) return false;
    if (latinStart[k] && i > 0 && isLatin(text.charCodeAt(i - 1))) return false;
    const end = i + w.length;
    // (…or with a plural's s: saturday in "saturdays")
    return !latinEnd[k] || !isLatin(text.charCodeAt(end)) || ((text.charCodeAt(end) | 32) === 115 && !isLatin(text.charCodeAt(end + 1)));
  };

  function any(text: string): boolean {
    if (empty.length) return true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!flagged(c)) continue;
      const ks = byFirst.get(c);
      if (ks) for (let j = 0; j < ks.length; j++) if (at(text, ks[j] as number, i)) return true;
    }
    return false;
  }

  function which(text: string): number[] {
    let out: number[] | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!flagged(c)) continue;
      const ks = byFirst.get(c);
      if (ks)
        for (let j = 0; j < ks.length; j++) {
          const k = ks[j] as number;
          if (at(text, k, i) && !(out ??= []).includes(k)) out.push(k);
        }
    }
    if (empty.length) (out ??= []).push(...empty);
    return out ? out.sort((a, b) => a - b) : [];
  }

  return { any, which };
}

/** A Latin letter (a–z, A–Z); NaN (past the text's end) is none. */
function isLatin(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}
