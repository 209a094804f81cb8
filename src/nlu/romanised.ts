// Chinese typed in pinyin without a Chinese keyboard ("bao bao fa shao 39 du", "wo xiang si, yi jing chi le hen duo
// yao"): read back into characters, so every later stage — the urgent detector first — reads the words it knows.
// Only a message whose Latin words are mostly pinyin syllables is read, run by run (words apart or joined:
// "baobao fashao"), with the words of our own data (romanised-model.ts) and which follows which (a bigram model,
// Viterbi over the syllables). A capitalised name in the middle (Longkou, Xinzhou) is left to the English
// place-name reader; English words stay as they are. Pure: the model is an argument.
import { plainSyllable, type RomanisedModel } from './romanised-model';

export type RomanisedReader = (text: string) => string;

interface Candidate {
  word: string;
  n: number;
}

/** Syllables a word is read over at most (喘不过气来 is 5). */
const MAX_WORD = 8;
/** Candidate words kept per syllable key, most frequent first. */
const PER_KEY = 4;
/** Paths kept at each position. */
const BEAM = 8;
/** Weight of the bigram against the unigram when the previous word was seen. */
const LAMBDA = 0.5;
/** A syllable no word of ours reads: kept as typed, at this cost. */
const UNKNOWN = Math.log(1e-8);
/** A message is read only when this share of its Latin words are pinyin, and this many of them (one English word
 * among Chinese characters, "headache", splits into syllables too). */
const MIN_SHARE = 0.75;
const MIN_WORDS = 3;
/** A longer message is not a resident typing pinyin (and the reading grows with its square). */
const MAX_SYLLABLES = 400;
/** …and when this share of its syllables fall inside words of two or more characters. */
const MIN_COVERED = 0.3;

const LATIN_WORD = /[A-Za-zÜüÀ-ɏ]+/g;

interface Piece {
  start: number;
  end: number;
  /** Its syllables when it is pinyin; undefined for an English word or a name (Longkou), which break a run. */
  syllables?: string[];
}

/** Whether a word at `start` begins a sentence: only spaces before it, or a full stop, ! or ? and spaces. */
function beginsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return i < 0 || '.!?。！？'.includes(text[i] as string);
}

export function createRomanisedReader(model: RomanisedModel): RomanisedReader {
  const inventory = new Set(model.syllables);
  const byKey = new Map<string, Candidate[]>();
  const count = new Map<string, number>();
  let total = 0;
  for (const [key, word, n] of model.words) {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    if (!list.some((c) => c.word === word)) list.push({ word, n });
    if (!count.has(word)) {
      count.set(word, n);
      total += n;
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => b.n - a.n).splice(PER_KEY);
  const pairs = new Map(model.pairs.map(([a, b, n]) => [`${a}\t${b}`, n]));

  /** One Latin word as syllables: itself, or the fewest syllables it splits into (baobao → bao bao). */
  function split(word: string): string[] | undefined {
    if (inventory.has(word)) return [word];
    if (word.length > 30) return undefined;
    const best: (string[] | undefined)[] = [[]];
    for (let i = 0; i < word.length; i++) {
      const before = best[i];
      if (!before) continue;
      for (let j = i + 1; j <= Math.min(word.length, i + 6); j++) {
        const s = word.slice(i, j);
        if (!inventory.has(s)) continue;
        const path = best[j];
        if (!path || path.length > before.length + 1) best[j] = [...before, s];
      }
    }
    return best[word.length];
  }

  /** log P(word | prev), the bigram interpolated with the unigram (`n`: the word's count in this reading). */
  const logP = (word: string, n: number, prev: string | undefined): number => {
    const uni = n / total;
    const seen = prev === undefined ? 0 : (count.get(prev) ?? 0);
    if (!seen) return Math.log(uni);
    return Math.log(LAMBDA * ((pairs.get(`${prev}\t${word}`) ?? 0) / seen) + (1 - LAMBDA) * uni);
  };

  interface Path {
    score: number;
    words: string[];
    covered: number;
  }

  /** The likeliest words for a run of syllables (Viterbi over syllable positions, the last word as state). */
  function read(syllables: string[]): Path {
    const at: Path[][] = [[{ score: 0, words: [], covered: 0 }]];
    for (let i = 0; i < syllables.length; i++) {
      const here = (at[i] ?? []).sort((a, b) => b.score - a.score).slice(0, BEAM);
      for (const path of here) {
        const prev = path.words[path.words.length - 1];
        let key = '';
        for (let len = 1; len <= MAX_WORD && i + len <= syllables.length; len++) {
          key = len === 1 ? (syllables[i] as string) : `${key} ${syllables[i + len - 1] as string}`;
          const candidates = byKey.get(key);
          const next: Path[] = (at[i + len] ??= []);
          if (!candidates) {
            if (len === 1) next.push({ score: path.score + UNKNOWN, words: [...path.words, key], covered: path.covered });
            continue;
          }
          for (const c of candidates) {
            next.push({ score: path.score + logP(c.word, c.n, prev), words: [...path.words, c.word], covered: path.covered + (c.word.length > 1 ? len : 0) });
          }
        }
      }
    }
    const end = at[syllables.length] ?? [];
    return end.reduce((a, b) => (b.score > a.score ? b : a), end[0] as Path);
  }

  return function readRomanised(text: string): string {
    const words = [...text.matchAll(LATIN_WORD)];
    if (words.length < MIN_WORDS) return text;
    // (an English message stops here after a few words: more English words than a share allows)
    const englishAllowed = words.length * (1 - MIN_SHARE);
    const pieces: Piece[] = [];
    let pinyinWords = 0;
    let english = 0;
    let syllableCount = 0;
    for (const m of words) {
      const raw = m[0];
      const start = m.index;
      const lower = plainSyllable(raw.toLowerCase());
      const parts = /^[a-z]+$/.test(lower) ? split(lower) : undefined;
      const end = start + raw.length;
      // a capitalised word of several syllables inside a sentence is a name (Longkou, Xinzhou Nanguan)
      if (parts && parts.length > 1 && /^[A-Z][a-z]/.test(raw) && !beginsSentence(text, start)) pieces.push({ start, end });
      else if (parts) {
        pieces.push({ start, end, syllables: parts });
        pinyinWords++;
        syllableCount += parts.length;
      } else {
        pieces.push({ start, end });
        if (++english > englishAllowed) return text;
      }
    }
    if (pinyinWords < MIN_WORDS || syllableCount > MAX_SYLLABLES || pinyinWords < MIN_SHARE * (pinyinWords + english)) return text;

    // runs: pinyin words apart only by spaces or an apostrophe (xi'an)
    const runs: { start: number; end: number; syllables: string[] }[] = [];
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k] as Piece;
      if (!p.syllables) continue;
      const last = runs[runs.length - 1];
      if (last && pieces[k - 1]?.syllables && /^[\s'’-]*$/.test(text.slice(last.end, p.start))) {
        last.end = p.end;
        last.syllables.push(...p.syllables);
      } else runs.push({ start: p.start, end: p.end, syllables: [...p.syllables] });
    }
    const readings = runs.map((r) => read(r.syllables));
    const covered = readings.reduce((s, p) => s + p.covered, 0);
    if (covered < MIN_COVERED * syllableCount) return text;

    let out = '';
    let from = 0;
    runs.forEach((r, k) => {
      let before = text.slice(from, r.start);
      // no space between the characters read and a number beside them (fa shao 39 du → 发烧39度); a space beside
      // Chinese characters stays, a pause as any other
      if (/\d $/.test(before)) before = before.slice(0, -1);
      out += before + (readings[k] as Path).words.join('');
      from = r.end;
      if (/^ \d/.test(text.slice(from, from + 2))) from++;
    });
    return out + text.slice(from);
  };
}
