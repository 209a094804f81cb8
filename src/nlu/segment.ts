// Segmenter port: jieba behind one small interface, with two adapters (@node-rs/jieba, the default,
// and nodejieba, loaded lazily) fed the same user dictionary. The choice is passed in; env is read
// only at the edges (the CLI, the service's config).

export type SegmenterName = 'node-rs' | 'nodejieba';

export interface Segmenter {
  readonly name: SegmenterName;
  /** Milliseconds it took to load the dictionary and the user words. */
  readonly loadMs: number;
  /** Cut without HMM: every token is a dictionary word (main or user) or a single character. The last few texts'
   * cuts are remembered (a turn cuts its message in the NLU, then often the same text for the fact retrieval):
   * the arrays given back are shared — read them, never change them. */
  cut(text: string): string[];
}

/** Frequency given to user words: high enough that 封控区 beats 封/控/区 and 忻州市人民医院 beats 忻州市/人民/医院. */
const USER_FREQ = 200000;

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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  if (words.length) jieba.loadDict(Buffer.from(words.map((w) => `${w} ${USER_FREQ} n`).join('\n') + '\n', 'utf8'));
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

/** The segmenter's cut, remembering the last few texts' (a cut is deterministic: the same text, the same words). */
function remembering(s: Segmenter): Segmenter {
  const texts: string[] = [];
  const cuts: string[][] = [];
  let next = 0;
  const cut = (text: string): string[] => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return cuts[i] as string[];
    const words = s.cut(text);
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
  if (name === 'nodejieba') return remembering(nodejieba(words));
  if (name !== 'node-rs') throw new Error(`unknown segmenter "${String(name)}" (node-rs | nodejieba)`);
  return remembering(nodeRs(words));
}
