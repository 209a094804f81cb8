// What createNlu derives from the data files alone and would otherwise derive at every start (a second of
// CPU): the trained intent tables, the training examples' keys, the dictionary's look-alikes of our place
// names. Kept in the model cache under a key hashed from the data files, the code that reads them and the
// lock file (the segmenter's dictionary, natural's classifier); read back only when the key matches and the
// shape is intact (fileCache also checks the bytes), else derived again and written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isIntentTables, type IntentTables } from './classifier';
import { contentKey } from './model-cache';
import { projectRoot } from '../data/root';

export interface NluBuild {
  intent: IntentTables;
  /** An example's key (its normalised text without punctuation) → its intent (null: examples of two intents). */
  examples: [string, string | null][];
  /** Dictionary words that look like a place name of ours, and their frequency. */
  lookAlikes: [string, number][];
  /** The toneless pinyin of the place names and urgent concept words read at start-up. */
  syllables: [string, string[]][];
  /** The streets and towns of the rule books' prefectures (code, name, county): the national list is 4 MB of JSON. */
  streets: [string, string, string][];
  /** The common toneless reading of each character of the urgent concepts' words (urgent/lexicon.ts readingsOf). */
  readings: [string, string[]][];
  /** scope.yml's serious turns (说正经的, joking aside) as messages are normalised (the English ones glossed). */
  seriousTurn: string[];
}

/** `toneless` remembering what it read (and starting from what a build remembered). */
export function rememberingSyllables(known: [string, string[]][] | undefined, toneless: (text: string) => string[]) {
  const seen = new Map(known);
  return {
    of: (text: string): string[] => {
      let s = seen.get(text);
      if (!s) seen.set(text, (s = toneless(text)));
      return [...s];
    },
    entries: (): [string, string[]][] => [...seen],
  };
}

/** [text, strings] pairs: the syllables of a word, the readings of a character. */
const isWordLists = (v: unknown): v is [string, string[]][] =>
  Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].every((x) => typeof x === 'string'));

export function isNluBuild(v: unknown): v is NluBuild {
  const b = v as NluBuild;
  return (
    !!b &&
    isIntentTables(b.intent) &&
    Array.isArray(b.examples) &&
    b.examples.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && (e[1] === null || typeof e[1] === 'string')) &&
    Array.isArray(b.lookAlikes) &&
    b.lookAlikes.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'number') &&
    Array.isArray(b.streets) &&
    b.streets.every((e) => Array.isArray(e) && e.length === 3 && e.every((x) => typeof x === 'string')) &&
    isWordLists(b.syllables) &&
    isWordLists(b.readings) &&
    Array.isArray(b.seriousTurn) &&
    b.seriousTurn.every((t) => typeof t === 'string')
  );
}

/** The key of a build from these data directories, read with this segmenter by this code. */
export function nluBuildKey(dataDirs: readonly string[], segmenter: string): string {
  const code = join(__dirname, '..');
  const lock = join(projectRoot(), 'package-lock.json');
  const paths = [...dataDirs, ...['nlu', 'urgent', 'rules', 'data'].map((d) => join(code, d)), ...(existsSync(lock) ? [lock] : [])];
  return contentKey(paths, `nlu-build/3 ${segmenter}`);
}
