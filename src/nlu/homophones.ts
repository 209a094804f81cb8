// The domain's words typed with a homophone by a pinyin input method (透西 for 透析, 医元 for 医院, 话疗 for 化疗,
// 街到 for 街道): read as the word meant before segmenting, entities and the intent, as the urgent detector reads its
// own concepts' words (urgent/mentions.ts). A window is read as a word of `words` (lexicon.yml `homophones`) when it
// sounds the same, tones aside, differs in at most one character
// in three (a word of two in both, as voice input writes it — 头戏 for 透析 — only where each character was cut as a
// word of its own), none of them a character never guessed (`never`: 的, 是…), is whole words of the message as
// segmented (头发少 holds no 发烧) and is no word of its own (一元 is not 医院). Pure: reads only its arguments.
import type { Lexicon } from './data';
import { pinyinPaths, readingsOf } from '../urgent/lexicon';
import { cutsOf } from './segment';

export interface HomophoneOptions {
  /** A word's syllables, tones aside, as read in the word (pinyin-pro, or the start-up cache). */
  syllablesOf: (word: string) => string[];
  /** A character's syllable in its common reading, tones aside ('' when it has none). */
  readingOf: (ch: string) => string;
  /** Whether a few characters are one word of the segmenter's dictionary. */
  isWord: (w: string) => boolean;
  /** Characters never read as another's homophone. */
  never: ReadonlySet<string>;
  /** Words nothing is read inside (lexicon `not_inside`: 舍曲林 holds no 社区). */
  keep?: readonly string[];
}

export interface HomophoneReader {
  /** The text with the domain's words read where a homophone stands for them; the same length (one character for
   * one), so offsets hold. `cut` segments the text, asked only when a window sounds like a word. */
  correct(text: string, cut: (t: string) => string[]): string;
}

interface Node {
  next: Map<string, Node>;
  word?: string;
}

const CJK_ONLY = /^[\u3400-\u9fff]+$/;

export function createHomophoneReader(words: readonly string[], o: HomophoneOptions): HomophoneReader {
  const root: Node = { next: new Map() };
  let maxLength = 0;
  const ambiguous = new Set<Node>();
  for (const w of new Set(words)) {
    if (w.length < 2 || !CJK_ONLY.test(w)) continue;
    for (const path of pinyinPaths(w, o.syllablesOf, o.readingOf)) {
      let node = root;
      for (const s of path) {
        let n = node.next.get(s);
        if (!n) node.next.set(s, (n = { next: new Map() }));
        node = n;
      }
      // two words that sound alike (发热, 发热): neither is guessed from the other
      if (node.word !== undefined && node.word !== w) ambiguous.add(node);
      node.word ??= w;
    }
    maxLength = Math.max(maxLength, w.length);
  }

  const keep = (o.keep ?? []).filter((w) => w.length >= 2);
  function correct(text: string, cut: (t: string) => string[]): string {
    let cuts: Set<number> | undefined;
    let out: string[] | undefined;
    // where the words nothing is read inside stand (most messages have none)
    let kept: [number, number][] | undefined;
    for (const w of keep) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) (kept ??= []).push([at, at + w.length]);
    for (let i = 0; i < text.length; ) {
      let node: Node | undefined = root;
      let found: [number, string] | undefined;
      for (let j = i; j < text.length && j - i < maxLength; j++) {
        const s = o.readingOf(text[j] as string);
        node = s ? node.next.get(s) : undefined;
        if (!node) break;
        const w = node.word;
        if (w === undefined || ambiguous.has(node) || j === i) continue;
        const window = text.slice(i, j + 1);
        if (window === w || kept?.some(([a, b]) => i < b && j + 1 > a)) continue;
        // (a word of two said whole by voice with both characters another's — 头戏 for 透析 — only where the segmenter
        // found each character a word of its own)
        const strict = guessable(window, w, o);
        if (!strict && !(window.length === 2 && guessable(window, w, o, 2))) continue;
        cuts ??= cutsOf(text, cut);
        if (cuts.has(i) && cuts.has(j + 1) && (strict || cuts.has(i + 1))) found = [j + 1, w];
      }
      if (!found) {
        i++;
        continue;
      }
      out ??= [...text];
      for (let k = i; k < found[0]; k++) out[k] = found[1][k - i] as string;
      i = found[0];
    }
    return out ? out.join('') : text;
  }

  return { correct };
}

/** At most one character in three differs (or `most`), none of them one never guessed; what was typed is no word of its
 * own (卫生员 is a health worker, not 卫生院). */
function guessable(window: string, word: string, o: HomophoneOptions, most = Math.ceil(window.length / 3)): boolean {
  let diffs = 0;
  for (let k = 0; k < window.length; k++) {
    if (window[k] === word[k]) continue;
    if (o.never.has(window[k] as string)) return false;
    diffs++;
  }
  return diffs <= most && !o.isWord(window);
}

/** The reader of lexicon.yml's `homophones` (none: the text as it is), built on the first message it reads: its
 * characters' readings come from pinyin-pro, which a start from the start-up cache does not load (pinyin.ts). */
export function homophoneReaderOf(lexicon: Pick<Lexicon, 'homophones'> & Partial<Pick<Lexicon, 'not_inside'>>, syllablesOf: (w: string) => string[], isWord: (w: string) => boolean): HomophoneReader {
  const h = lexicon.homophones;
  if (!h) return { correct: (t) => t };
  let reader: HomophoneReader | undefined;
  return {
    correct: (text, cut) =>
      (reader ??= createHomophoneReader(h.words, { syllablesOf, readingOf: (ch) => readingsOf(ch)[0] ?? '', isWord, never: new Set(h.never), keep: lexicon.not_inside })).correct(text, cut),
  };
}
