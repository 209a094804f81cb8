// Segmenter port: jieba behind one small interface, with two adapters (@node-rs/jieba, the default,
// and nodejieba, loaded lazily) fed the same user dictionary. The choice is passed in; env is read
// only at the edges (the CLI, the service's config).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type SegmenterName = 'node-rs' | 'nodejieba';

/** Where a segmentation cuts a text: 0 and the end of every word (a typo read as a word must be whole words of it). */
export function cutsOf(text: string, segment: (t: string) => readonly string[]): Set<number> {
  const cuts = new Set([0]);
  let pos = 0;
  for (const w of segment(text)) cuts.add((pos += w.length));
  return cuts;
}

export interface Segmenter {
  readonly name: SegmenterName;
  /** Milliseconds it took to load the dictionary and the user words. */
  readonly loadMs: number;
  /** Cut without HMM: every token is a dictionary word (main or user) or a single character. The last few texts'
   * cuts are remembered (a turn cuts its message in the NLU, then often the same text for the fact retrieval):
   * the arrays given back are shared — read them, never change them. */
  cut(text: string): string[];
}

/** What the user words weigh together in jieba's dictionary, shared out among them: each is frequent enough that
 * 封控区 beats 封/控/区 and 忻州市人民医院 beats 忻州市/人民/医院, and the dictionary's total stays the same however many
 * the data defines (at a fixed weight a word, a thousand more made every other text's longer words likelier: 看完 became
 * one word and intents moved). */
const USER_MASS = 200_000_000;
const userFrequency = (words: number): number => Math.round(USER_MASS / Math.max(1, words));

/** Words worth a user-dictionary entry: at least two characters, no spaces. */
export function userDictionaryWords(words: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const w of words) {
    const t = w.trim();
    if (t.length >= 2 && !/\s/.test(t) && !/[.*+?^${}()|[\]\\]/.test(t)) out.add(t);
  }
  return [...out].sort();
}

function nodeRs(words: string[]): Segmenter {
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  // the dictionary's file itself (@node-rs/jieba/dict also reads idf.txt, 6 MB that no cut uses, at every start)
  const jieba = Jieba.withDict(readFileSync(join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')));
  const freq = userFrequency(words.length);
  if (words.length) jieba.loadDict(Buffer.from(words.map((w) => `${w} ${freq} n`).join('\n') + '\n', 'utf8'));
  const loadMs = performance.now() - started;
  return { name: 'node-rs', loadMs, cut: (text) => jieba.cut(text, false) };
}

interface NodeJieba {
  load(opts?: Record<string, string>): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

function nodejieba(words: string[]): Segmenter {
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nj = require('nodejieba') as NodeJieba;
  nj.load();
  for (const w of words) nj.insertWord(w);
  const loadMs = performance.now() - started;
  return { name: 'nodejieba', loadMs, cut: (text) => nj.cut(text, false) };
}

/** How many of the last texts cut are remembered. */
const REMEMBERED = 4;

/**
 * The cut of `text` read off an earlier text's cut, where jieba (@node-rs/jieba, without HMM) provably cuts it
 * the same: `text` is `before` with one stretch replaced by spaces (the retrieval's question with its places
 * blanked, `before` the NLU's cut message — 47% of turns). Jieba cuts each block between non-Han characters on
 * its own (each space a word), and a block's best route from any point depends only on the text from there to
 * the block's end (it is found from the end backwards). So after the stretch, from where `before`'s cut has a
 * word boundary — where the stretch ends, else the end of that block — `before`'s words are `text`'s; what comes
 * before that point is cut again (`cutHead`, a fresh array: it is extended). Undefined when the texts are not so
 * related, or nothing would be saved.
 */
export function cutAfterBlanking(text: string, before: string, words: readonly string[], cutHead: (head: string) => string[]): string[] | undefined {
  if (text.length > before.length) return undefined;
  let p = 0;
  while (p < text.length && text.charCodeAt(p) === before.charCodeAt(p)) p++;
  let q = 0;
  const most = text.length - p;
  while (q < most && text.charCodeAt(text.length - 1 - q) === before.charCodeAt(before.length - 1 - q)) q++;
  const blankEnd = text.length - q;
  if (blankEnd === p) return undefined;
  for (let i = p; i < blankEnd; i++) if (text.charCodeAt(i) !== 0x20) return undefined;
  // (a stretch's edge inside a surrogate pair: no such blanking)
  if (isSurrogate(text.charCodeAt(p - 1)) || isSurrogate(text.charCodeAt(blankEnd))) return undefined;
  // where the words are shared: the stretch's end in `before` if its cut has a boundary there, else the next block's end
  const tailAt = before.length - q;
  let at = 0;
  let k = 0;
  while (k < words.length && at < tailAt) at += (words[k++] as string).length;
  // (a character no block has is a word of its own: a boundary)
  if (at !== tailAt) while (at < before.length && !breaksBlock(before.charCodeAt(at))) at += (words[k++] as string).length;
  if (at >= before.length) return undefined;
  const headEnd = blankEnd + (at - tailAt);
  let out: string[];
  if (p || headEnd > blankEnd) out = cutHead(text.slice(0, headEnd));
  else for (out = []; out.length < blankEnd; ) out.push(' ');
  for (; k < words.length; k++) out.push(words[k] as string);
  return out;
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** A character that is surely no part of a jieba block (its Han blocks are of CJK ideographs, ASCII letters and
 * digits, and + # & . _ % -): ASCII space and punctuation but those, CJK and full-width punctuation. (Not a line
 * break: \r\n is one word.) */
function breaksBlock(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c > 0x20 && c < 0x7f && !ASCII_IN_BLOCK.test(String.fromCharCode(c)));
  return (c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || c === 0xff01 || c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff1f;
}

const ASCII_IN_BLOCK = /[a-zA-Z0-9+#&._%-]/;

/** The segmenter's cut, remembering the last few texts' (a cut is deterministic: the same text, the same words);
 * with `blanked`, a text that is a remembered one with a stretch blanked is read off its cut (cutAfterBlanking). */
function remembering(s: Segmenter, blanked: boolean): Segmenter {
  const texts: string[] = [];
  const cuts: string[][] = [];
  let next = 0;
  // (the adapter's own cut: a fresh array, which cutAfterBlanking extends)
  const cutHead = (head: string): string[] => s.cut(head);
  const cut = (text: string): string[] => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return cuts[i] as string[];
    let words: string[] | undefined;
    for (let i = 0; blanked && !words && i < texts.length; i++) words = cutAfterBlanking(text, texts[i] as string, cuts[i] as string[], cutHead);
    words ??= s.cut(text);
    texts[next] = text;
    cuts[next] = words;
    next = (next + 1) % REMEMBERED;
    return words;
  };
  return { name: s.name, loadMs: s.loadMs, cut };
}

/** Loads the chosen segmenter (throws when nodejieba's native binding is missing). */
export function createSegmenter(name: SegmenterName, userWords: Iterable<string>): Segmenter {
  const words = userDictionaryWords(userWords);
  // (cppjieba splits its text otherwise: its cuts are not read off one another)
  if (name === 'nodejieba') return remembering(nodejieba(words), false);
  if (name !== 'node-rs') throw new Error(`unknown segmenter "${String(name)}" (node-rs | nodejieba)`);
  return remembering(nodeRs(words), true);
}
