// What the romanised reader (romanised.ts) knows: the words of our own data — intents' examples, the urgent
// corpus, the rule books' place names — keyed by their toneless pinyin, with how often each occurs and which
// word follows which. Built at load from the data (or read from the start-up cache: segmenting the data takes
// a second), so a phrasing added to the data is read in pinyin too with no other change.

/** Toneless syllables, ü written u (lü, lv and lu are one key), as the reader compares them. */
export const plainSyllable = (s: string): string => s.replace(/ü|v/g, 'u');

export interface RomanisedModel {
  /** Every toneless pinyin syllable (from the pinyin library's readings of the CJK ideographs). */
  syllables: string[];
  /** A word's syllables joined by spaces, the word, how often it occurs in the data. */
  words: [string, string, number][];
  /** Two words in a row and how often (pairs seen at least twice). */
  pairs: [string, string, number][];
}

export interface Readings {
  /** The syllables of a word read in context (调整 tiao zheng, 空调 kong tiao). */
  word: (word: string) => string[];
  /** Every reading of one character, the commonest first (了: le, liao). */
  char: (char: string) => string[];
}

/** How much a character's other readings count, against its commonest. */
const RARE_READING = 0.05;

/** Interjections that are pinyin syllables only on paper; in a Latin text they are noise (I'm, n/a). */
const NOT_SYLLABLES = new Set(['m', 'n', 'ng', 'hm', 'hng', 'r']);

/** The syllable inventory: every reading of every unified CJK ideograph. */
export function syllableInventory(readings: Readings): string[] {
  const set = new Set<string>();
  for (let c = 0x4e00; c <= 0x9fa5; c++) {
    for (const r of readings.char(String.fromCharCode(c))) {
      const s = plainSyllable(r);
      if (/^[a-z]+$/.test(s) && !NOT_SYLLABLES.has(s)) set.add(s);
    }
  }
  return [...set].sort();
}

/** Builds the model from sentences already cut into words (only Han words are kept; anything else breaks a pair). */
export function buildRomanisedModel(sentences: Iterable<readonly string[]>, readings: Readings, syllables: string[]): RomanisedModel {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const words of sentences) {
    let prev: string | undefined;
    for (const w of words) {
      if (!/^[\u3400-\u9fff]+$/.test(w)) {
        prev = undefined;
        continue;
      }
      counts.set(w, (counts.get(w) ?? 0) + 1);
      if (prev !== undefined) {
        const k = `${prev}\t${w}`;
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
      }
      prev = w;
    }
  }
  const words: [string, string, number][] = [];
  for (const [w, n] of counts) {
    // a character's rarer readings count for little (说 is shuo; yue only where nothing else reads yue)
    const keys = w.length === 1 ? readings.char(w).map((k, i) => [k, i === 0 ? n : n * RARE_READING] as const) : [[readings.word(w).join(' '), n] as const];
    const seen = new Set<string>();
    for (const [k, c] of keys) {
      const key = plainSyllable(k);
      if (!seen.has(key) && /^[a-z]+(?: [a-z]+)*$/.test(key)) words.push([key, w, c]);
      seen.add(key);
    }
  }
  const kept: [string, string, number][] = [];
  for (const [k, n] of pairs) {
    if (n < 2) continue;
    const [a = '', b = ''] = k.split('\t');
    kept.push([a, b, n]);
  }
  return { syllables, words, pairs: kept };
}

export function isRomanisedModel(v: unknown): v is RomanisedModel {
  const m = v as RomanisedModel;
  const triple = (e: unknown): boolean => Array.isArray(e) && e.length === 3 && typeof e[0] === 'string' && typeof e[1] === 'string' && typeof e[2] === 'number';
  return (
    !!m &&
    Array.isArray(m.syllables) &&
    m.syllables.every((s) => typeof s === 'string') &&
    Array.isArray(m.words) &&
    m.words.every(triple) &&
    Array.isArray(m.pairs) &&
    m.pairs.every(triple)
  );
}
