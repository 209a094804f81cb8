// Facility mentions in a paragraph: a facility noun (医院, 中心卫生院, 社区卫生服务中心…) found, its proper
// prefix read back over the segmenter's tokens up to a verb, preposition or particle (预约|江城市医专附属
// 人民医院), and the mention judged named (with a place or a proper word in its prefix), a generic tier
// (乡镇卫生院, 二级及以上医院), a role (定点医院) or not a facility at all (后备医院, 上级医院, 实施治疗的医院).
import { BRANCH_SUFFIXES, FACILITY_SUFFIXES, GENERIC_MODIFIERS, LEVEL_TIER, NAME_STOPS, ROLE_NOUNS, TIER_NOUNS } from './cues';
import { alignedPlaces } from './places';
import type { DraftTools } from './tools';
import type { VocabMatcher } from './vocab';
import { escapeRegExp } from '../../data/regex';

export interface Mention {
  /** As printed (within the searched string). */
  name: string;
  start: number;
  end: number;
  kind: 'named' | 'generic' | 'role';
  /** Other names given with it in brackets: 卫生服务站(村卫生室). */
  aliases: string[];
  /** For a generic mention, the tier noun it is (its last one, for 基层医疗卫生机构发热哨点诊室). */
  head?: string;
}

const TIERS = TIER_NOUNS.flatMap((t) => [t.name, ...t.variants].map((v) => ({ surface: v, name: t.name })));
const TIER_OF = new Map(TIERS.map((t) => [t.surface, t.name]));
const NOUNS = [...new Set([...TIERS.map((t) => t.surface), ...ROLE_NOUNS, ...FACILITY_SUFFIXES])].sort((a, b) => b.length - a.length);
const NOUN_RE = new RegExp(`${LEVEL_TIER}|${NOUNS.map(escapeRegExp).join('|')}`, 'g');
const LEVEL_RE = new RegExp(`^${LEVEL_TIER}$`);
const BRANCH_RE = new RegExp(`^[\\u4e00-\\u9fa5]{0,8}?(?:${BRANCH_SUFFIXES.join('|')})`);
const NOT_IN_NAME = /[为是与和及或到至在由向对从将把被的等并要需可]/;
/** Words of a description rather than a name (患者定点医院, 透析后备医院). */
const DESCRIPTIVE = /患者|病人|人员|人群|对象|居民|群众|市民|特殊|疫情|期间|紧急|应急|服务|提供|能力|条件|需求/;
/** 八名, 十几个, 两家: a count is never part of a name. */
const QUANTITY = /^[一二三四五六七八九十百千两几多\d]+[名个家所位处座间]?$/;
const BOUNDARY = /[\s,，、;；:：。!！?？“”"'‘’《》〈〉【】\[\]()（）\d]/;

/** `known`: place names the notice is known to use (its locality, its places), read as places whatever the segmenter says. */
export function findMentions(norm: string, tools: DraftTools, vocab: VocabMatcher, known: string[] = []): Mention[] {
  const out: Mention[] = [];
  NOUN_RE.lastIndex = 0;
  for (let m = NOUN_RE.exec(norm); m; m = NOUN_RE.exec(norm)) {
    const noun = m[0];
    const start = m.index;
    let end = start + noun.length;
    const level = LEVEL_RE.test(noun);
    const tier = level ? noun : TIER_OF.get(noun);
    const role = ROLE_NOUNS.includes(noun);
    // 江城市医院高新区院区: a branch continues the name
    const ext = BRANCH_RE.exec(norm.slice(end));
    if (ext && !NOT_IN_NAME.test(ext[0]) && !tier) end += ext[0].length;
    NOUN_RE.lastIndex = end;
    const prefix = level ? '' : prefixBefore(norm, start, out[out.length - 1]?.end ?? 0, tools);
    const named = !!prefix && isNamed(prefix, noun, !!tier, vocab, tools, known);
    const pstart = start - prefix.length;
    const name = norm.slice(pstart, end);
    let kind: Mention['kind'] | undefined;
    if (named) kind = 'named';
    else if (tier) kind = 'generic';
    else if (role && !prefix) kind = 'role';
    if (!kind) continue;
    const mention: Mention = kind === 'named' ? { name, start: pstart, end, kind, aliases: [] } : { name: noun, start, end, kind, aliases: [], head: tier ?? noun };
    // 卫生服务站(村卫生室): a facility noun in brackets right after is another name of the same
    const paren = /^[(（]([^()（）]{2,20})[)）]/.exec(norm.slice(end));
    if (paren) {
      const inner = paren[1] as string;
      const innerNoun = new RegExp(`(?:${NOUNS.map(escapeRegExp).join('|')})$`).exec(inner);
      if (innerNoun) {
        mention.aliases.push(mention.name, inner);
        mention.name = norm.slice(mention.start, end + paren[0].length);
        mention.end = end + paren[0].length;
        NOUN_RE.lastIndex = mention.end;
      }
    }
    // 基层医疗卫生机构发热哨点诊室: two tier nouns in a row are one kind of facility
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'generic' && mention.kind === 'generic' && prev.end === mention.start && !prev.aliases.length) {
      prev.name += mention.name;
      prev.end = mention.end;
      prev.head = mention.head;
      continue;
    }
    out.push(mention);
  }
  return out;
}

/** The proper part of a name before its facility noun, read back over tokens to the first stop. */
function prefixBefore(norm: string, at: number, floor: number, tools: DraftTools): string {
  let a = at;
  // 第960医院: an ordinal in digits belongs to the name
  const inName = (k: number) => /\d/.test(norm[k] as string) && /第\d*$/.test(norm.slice(Math.max(floor, k - 6), k));
  while (a > floor && (!BOUNDARY.test(norm[a - 1] as string) || inName(a - 1)) && at - a < 24) a--;
  const span = norm.slice(a, at);
  if (!span) return '';
  const tokens = tools.cut(span).reduce<string[]>((out, t) => {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^第\d*$/.test(prev) && /^\d+$/.test(t)) out[out.length - 1] = prev + t;
    else out.push(t);
    return out;
  }, []);
  let prefix = '';
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as string;
    if (NAME_STOPS.has(t) || tools.isFunctionWord(t) || t.endsWith('的') || QUANTITY.test(t)) break;
    prefix = t + prefix;
    if (prefix.length > 16) break;
  }
  // determiners are not part of a name (各医院, 我市定点医院)
  return prefix.replace(/^(?:各|其他|其它|本|该|我市|我区|我县|全市|全区|全县|本市|本区|本县|上述|下列|以下|所有|相关|有关)/, '');
}

/** A named facility: a place in its prefix, or a proper word that is neither a modifier nor a description. */
function isNamed(prefix: string, noun: string, tier: boolean, vocab: VocabMatcher, tools: DraftTools, known: string[]): boolean {
  // 省人民医院, 市中医院: a facility of the province, city or county named by its level
  if (/^[省市县区]$/.test(prefix)) return !tier && !ROLE_NOUNS.includes(noun) && noun !== '医院';
  if (prefix.length < 2) return false;
  if (known.some((k) => k.length >= 2 && prefix.startsWith(k))) return true;
  const places = alignedPlaces(prefix, tools);
  if (places.length) return true;
  if (tier) return false; // a tier with no place in front stays generic (基层医疗卫生机构发热哨点诊室)
  if (DESCRIPTIVE.test(prefix) || vocab.find(prefix, ['category', 'audience', 'group']).length) return false;
  if (TIER_OF.has(prefix) || LEVEL_RE.test(prefix + noun)) return false;
  // every part a modifier (后备, 上级, 第三, 城乡…): not a name
  let rest = prefix;
  for (const g of [...GENERIC_MODIFIERS].sort((x, y) => y.length - x.length)) rest = rest.split(g).join('');
  rest = rest.replace(/第[一二三四五六七八九十]+/g, '');
  return rest.length >= 2;
}
