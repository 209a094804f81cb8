// Place names as English writers spell them: the pinyin of every locality and place of the rule books
// (Xinzhou, Xinfu District, Cizao Town, Quanxiu Subdistrict), generated at load with pinyin-pro, so that a
// new place in a rule book is read in English with no other change.
import { pinyin } from './pinyin';
import type { Phrase } from './english';

const SUFFIXES: [RegExp, string[]][] = [
  [/街道$/, ['subdistrict', 'sub-district', 'street', 'sub district']],
  [/市$/, ['city']],
  [/区$/, ['district', 'area']],
  [/县$/, ['county']],
  [/镇$/, ['town', 'township']],
  [/乡$/, ['township']],
  [/花园$/, ['garden', 'gardens']],
  [/小区$/, ['compound', 'estate', 'residential compound']],
  [/路$/, ['road', 'rd']],
  [/街$/, ['street', 'st']],
];

/** Toneless pinyin syllables of a text, as pinyin-pro reads it (the start-up cache may remember them). */
export type Syllables = (text: string) => string[];
export const toneless: Syllables = (text) => pinyin(text, { toneType: 'none', type: 'array' }) as string[];

/** Toneless pinyin of a Chinese name, syllables joined (忻府 → xinfu) and spaced (xin fu). */
export function pinyinOf(name: string, syllablesOf: Syllables = toneless): { joined: string; spaced: string } {
  const syllables = syllablesOf(name).map((s) => s.replace(/ü/g, 'u').replace(/v/g, 'u'));
  return { joined: syllables.join(''), spaced: syllables.join(' ') };
}

/** The English phrases of one Chinese place name: bare pinyin and pinyin with its English suffix. */
export function placePhrases(name: string, gloss = name, syllablesOf: Syllables = toneless): Phrase[] {
  if (!/^[\u3400-\u9fff]{2,}$/.test(name)) return [];
  const out: Phrase[] = [];
  const suffix = SUFFIXES.find(([re]) => re.test(name));
  const core = suffix ? name.replace(suffix[0], '') : name;
  if (core.length < 2) return [];
  const { joined, spaced } = pinyinOf(core, syllablesOf);
  for (const p of new Set([joined, spaced])) {
    out.push({ phrase: p, gloss: suffix ? core : gloss });
    for (const word of suffix?.[1] ?? []) out.push({ phrase: `${p} ${word}`, gloss });
  }
  return out;
}
