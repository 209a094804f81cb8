// The place names the English glossary reads in English and pinyin (Xinzhou, Puxi Garden, Hong Kong): the rule
// books' localities and places, their facilities' roads and compounds, every province and city, and the counties
// that sound like one of ours (with their kind only, so that Jinjiang District in Chengdu is not 晋江).
import { isLocalPlace, type RuleSet } from '../rules/types';
import type { Phrase } from './english';
import { shortName, type Gazetteer } from './gazetteer';
import { ADDRESS_PART } from './lexicon';
import { pinyinOf, placePhrases } from './place-names';

/** Places the English say in English, not in pinyin. */
const ENGLISH_NAMES: Phrase[] = [
  { phrase: 'hong kong', gloss: '香港特别行政区' },
  { phrase: 'macau', gloss: '澳门特别行政区' },
  { phrase: 'macao', gloss: '澳门特别行政区' },
  { phrase: 'taiwan', gloss: '台湾省' },
  { phrase: 'canton', gloss: '广州市' },
  { phrase: 'peking', gloss: '北京市' },
];

/** Whether a place is read in English and pinyin too: not a village, community or landmark (Daixian county is 代县,
 * not the village 埭边村 one letter away). */
const romanisable = (p: { kind: string }): boolean => !isLocalPlace(p);
/** Every locality and place name of the rule books (but villages, communities and landmarks), with their aliases. */
export const bookPlaceNames = (rules: RuleSet): string[] => rules.books.flatMap((b) => [b.name, ...b.aliases, ...b.places.filter(romanisable).flatMap((p) => [p.name, ...p.aliases])]);

/** English phrases of the counties and districts whose name sounds like a rule book's place, with their kind only. */
function soundAlikeCounties(rules: RuleSet, gazetteer: Gazetteer, syllablesOf: (text: string) => string[]): Phrase[] {
  const ours = new Set(bookPlaceNames(rules).map((n) => pinyinOf(shortName(n), syllablesOf).joined));
  return gazetteer.divisions
    .filter((d) => d.level === 'county' && !d.code.includes('/') && ours.has(pinyinOf(shortName(d.name), syllablesOf).joined))
    .flatMap((d) => placePhrases(d.name, d.name, syllablesOf).filter((p) => p.gloss === d.name && !p.phrase.endsWith(' area')));
}

/** One gloss per phrase: a place name shared by two books' aliases is read as the first. */
function dedupePhrases(list: Phrase[]): Phrase[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.phrase) && seen.add(p.phrase));
}

/** The place phrases of the English glossary, one gloss each. */
export function englishPlaces(rules: RuleSet, gazetteer: Gazetteer, syllablesOf: (text: string) => string[]): Phrase[] {
  return dedupePhrases([
    ...rules.books.flatMap((b) => [
      ...[b.name, ...b.aliases].flatMap((n) => placePhrases(n, n, syllablesOf)),
      ...b.places.filter(romanisable).flatMap((p) => [p.name, ...p.aliases].flatMap((n) => placePhrases(n, p.name, syllablesOf))),
      // the roads and compounds of its facilities' addresses (Puxi Garden, Dengrong Road)
      ...b.facilities.flatMap((f) => (f.address?.match(ADDRESS_PART) ?? []).flatMap((n) => placePhrases(n, n, syllablesOf))),
    ]),
    // every province and city in English too (Wuhan, Shandong), for "no notice for …"
    ...gazetteer.divisions.filter((d) => (d.level === 'province' || d.level === 'city') && !d.code.includes('/')).flatMap((d) => placePhrases(shortName(d.name), d.name, syllablesOf)),
    // and, with its kind, every county or district that sounds like one of the books' places (Jinjiang District in
    // Chengdu, Xinzhou District of Wuhan: not 晋江, 忻州)
    ...soundAlikeCounties(rules, gazetteer, syllablesOf),
    ...ENGLISH_NAMES,
  ]);
}
