// The concept lexicon compiled for matching: a character trie of every concept's words, a trie of the
// terms that `near` combinations are made of, the number specs, and a trie over toneless pinyin of the
// words that may be typed with homophones (婚迷 for 昏迷). Built once; matching is in mentions.ts.
import { pinyin } from '../nlu/pinyin';
import type { ConceptsFile, NumberSpec } from './schema';
import { spellingsOf, type Spell } from './spellings';

export interface Trie<T> {
  next: Map<number, Trie<T>>;
  values?: T[];
}

export interface NearSpec {
  concept: string;
  terms: string[];
  window: number;
  /** Read across a comma (not a sentence's end). */
  acrossClauses?: boolean;
  /** Words that part its terms when they stand anywhere from its first term to a later one (mentions.ts extendNear). */
  apart?: string[];
}

export interface PinyinNode {
  next: Map<string, PinyinNode>;
  /** Concepts whose word reads as this path, with the word. */
  words?: { concept: string; surface: string }[];
}

export interface ConceptLexicon {
  /** A data word's spellings (concepts.yml `interchangeable`), for the scope reader's cue words too. */
  spell: Spell;
  words: Trie<string>;
  /** term id → its words, in one trie (a word may stand for several terms). */
  terms: Trie<string>;
  near: NearSpec[];
  /** Indexes into `near` by a combination's first term, in the data's order: only those whose first term a message has are tried. */
  nearByFirst: Map<string, number[]>;
  /** Concepts that are terms of other concepts' `near` (missed_dialysis near dialysis_patient). */
  conceptTerms: Set<string>;
  numbers: { concept: string; spec: NumberSpec }[];
  pinyin: PinyinNode;
  /** The longest word in characters, bounding the pinyin walk. */
  maxLength: number;
  /** Every literal (concept words and terms), for the segmenter's user dictionary. */
  surfaces: Set<string>;
  /** Words that, following or preceding a concept's mention, say it is something else. */
  blockers: Map<string, { after: string[]; before: string[]; beforeRe?: RegExp; owners: string[] }>;
  /** Characters never read as a homophone typo of another (concepts.yml `typo_never`). */
  typoNever: Set<string>;
  /** Concepts whose blocked mentions the scorer does not read (`unread_when_blocked`). */
  unreadWhenBlocked: Set<string>;
}

/** The terms trie's id of the plain words (concepts.yml `plain`). */
export const PLAIN = ' plain';

export function insert<T>(root: Trie<T>, key: string, value: T): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let n = node.next.get(c);
    if (!n) node.next.set(c, (n = { next: new Map() }));
    node = n;
  }
  const values = (node.values ??= []);
  if (!values.includes(value)) values.push(value);
}

const CJK_ONLY = /^[\u3400-\u9fff]+$/;

/** The toneless reading of one character, its common one only (区 is qu, not the surname ou). */
const readings = new Map<string, string[]>();

/** The readings of the characters of these words, in code order (kept in the start-up cache: pinyin-pro's first look at
 * the concept words' ~1,700 characters is a tenth of a start), and those of a cache put back. */
export function readingsFor(words: Iterable<string>): [string, string[]][] {
  const chars = new Set<string>();
  for (const w of words) for (const ch of w) if (CJK_ONLY.test(ch)) chars.add(ch);
  return [...chars].sort().map((ch) => [ch, readingsOf(ch)]);
}
export function rememberReadings(entries: readonly (readonly [string, readonly string[]])[]): void {
  for (const [ch, r] of entries) if (readings.size < 30_000 && !readings.has(ch)) readings.set(ch, [...r]);
}

export function readingsOf(ch: string): string[] {
  let r = readings.get(ch);
  if (!r) {
    r = CJK_ONLY.test(ch) ? (pinyin(ch, { toneType: 'none', type: 'array' }) as string[]) : [];
    if (readings.size < 30_000) readings.set(ch, r);
  }
  return r;
}

/** The syllable paths a word is found by: as it is read (喝了 he le) and, when that differs, as a walk over a message
 * reads it, a character at a time in its common reading (了 liao). */
export function pinyinPaths(word: string, syllablesOf: (s: string) => string[], readingOf: (ch: string) => string = (ch) => readingsOf(ch)[0] ?? ''): string[][] {
  const inWord = syllablesOf(word);
  const byChar = [...word].map((ch, k) => readingOf(ch) || (inWord[k] ?? ''));
  return byChar.join() === inWord.join() ? [inWord] : [inWord, byChar];
}

/** Builds the lexicon; `simplify` makes the data's words the form messages are normalised to; `syllablesOf`
 * reads a word in toneless pinyin (pinyin-pro, or what the start-up cache remembers of it). */
export function buildConceptLexicon(
  data: ConceptsFile,
  simplify: (s: string) => string = (s) => s,
  syllablesOf: (s: string) => string[] = (s) => pinyin(s, { toneType: 'none', type: 'array' }) as string[],
): ConceptLexicon {
  const norm = (w: string): string => simplify(w.normalize('NFKC')).toLowerCase();
  const spell = spellingsOf(data.interchangeable.map((c) => c.map(norm)));
  /** A data word as messages are read, in each of its spellings. */
  const forms = (w: string): string[] => spell(norm(w));
  const words: Trie<string> = { next: new Map() };
  const terms: Trie<string> = { next: new Map() };
  const near: NearSpec[] = [];
  const numbers: ConceptLexicon['numbers'] = [];
  const pinyinRoot: PinyinNode = { next: new Map() };
  const surfaces = new Set<string>();
  const conceptIds = new Set(data.concepts.map((c) => c.id));
  const conceptTerms = new Set<string>();
  let maxLength = 0;
  const blockers: ConceptLexicon['blockers'] = new Map();
  for (const [id, list] of Object.entries(data.terms))
    for (const w of list)
      for (const s of forms(w)) {
        insert(terms, s, id);
        surfaces.add(s);
      }
  // (in the same trie, under an id no term has: a term's hit inside one is dropped — mentions.ts)
  for (const w of data.plain) for (const s of forms(w)) insert(terms, s, PLAIN);
  for (const c of data.concepts) {
    for (const s of c.words.flatMap(forms)) {
      insert(words, s, c.id);
      surfaces.add(s);
      maxLength = Math.max(maxLength, s.length);
      if (!c.exact && s.length >= 2 && CJK_ONLY.test(s)) {
        for (const path of pinyinPaths(s, syllablesOf)) {
          let node = pinyinRoot;
          for (const syllable of path) {
            let n = node.next.get(syllable);
            if (!n) node.next.set(syllable, (n = { next: new Map() }));
            node = n;
          }
          (node.words ??= []).push({ concept: c.id, surface: s });
        }
      }
    }
    for (const combo of c.near) {
      near.push({ concept: c.id, terms: combo, window: c.window, ...(c.across_clauses ? { acrossClauses: true } : {}), ...(c.near_apart.length ? { apart: c.near_apart.flatMap(forms) } : {}) });
      for (const t of combo) if (conceptIds.has(t)) conceptTerms.add(t);
    }
    for (const spec of c.numbers) numbers.push({ concept: c.id, spec: { ...spec, after: spec.after.map(norm), not_after: spec.not_after.map(norm), not_followed: spec.not_followed.map(norm) } });
    if (c.unless_followed.length || c.unless_preceded.length || c.unless_preceded_pattern)
      blockers.set(c.id, {
        after: c.unless_followed.flatMap(forms),
        before: c.unless_preceded.flatMap(forms),
        owners: c.owners.map(norm),
        ...(c.unless_preceded_pattern ? { beforeRe: new RegExp(`(?:${c.unless_preceded_pattern})$`) } : {}),
      });
  }
  const nearByFirst = new Map<string, number[]>();
  near.forEach((spec, i) => {
    const first = spec.terms[0] as string;
    nearByFirst.set(first, [...(nearByFirst.get(first) ?? []), i]);
  });
  return { spell, words, terms, near, nearByFirst, conceptTerms, numbers, pinyin: pinyinRoot, maxLength, surfaces, blockers, typoNever: new Set(data.typo_never), unreadWhenBlocked: new Set(data.concepts.filter((c) => c.unread_when_blocked).map((c) => c.id)) };
}
