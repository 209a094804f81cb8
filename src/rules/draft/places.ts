// Place names: the ones an issuer's name starts with (江南区人民政府滨湖街道办事处 → 江南区, 滨湖街道), the ones
// a clause or a list item opens with (江阳市为方便群众…), the ones facility names start with, and a site's
// list of its counties run together (江南区江北区青山县…). Pure.
import type { Gazetteer } from './gazetteer';

export interface PlaceHit {
  name: string;
  /** The name without its suffix when that is still a name (江南区 → 江南). */
  core: string;
  suffix: string;
  start: number;
  end: number;
}

const SUFFIX = '(?:特别行政区|自治区|自治州|自治县|经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|街道|省|市|盟|县|区|旗|镇|乡)';
const LEADING = new RegExp(`^([\\u4e00-\\u9fa5]{1,6}?)(${SUFFIX})`);

/** Words ending like a place that are not one (封控区, 社区, 全市…). */
const NOT_PLACES =
  /^(?:封控|管控|防范|社|小|辖|城|市|地|片|园|景|疫|风险|全|我|本|各|该|此|其|城乡|山|老|新|郊|农|牧|灾|街|开发|高新|示范|试验|功能|核心|中心|商|病|学|校|厂|矿|营|重点|低风险|中风险|高风险|管理|服务|行政|省|县|乡|镇)$/;
const BAD_START = /^[各全本我该在对向由为从将把被到至经和与及或等的了是有无也都已可需要请对于]/;

const NOT_NAME_END = /(?:地区|社区|小区|片区|园区|景区|城区|辖区|市区|风险区|控区|范区|疫区|病区|院区|分区|划区|街区|校区|厂区|矿区|营区|库区|网区)$/;

export function isPlace(name: string, core: string): boolean {
  if (core.length < 1 || name.length < 2 || NOT_NAME_END.test(name)) return false;
  if (NOT_PLACES.test(core) || BAD_START.test(name)) return false;
  if (/[为是与和及或到至在由向对从将把被的等并我本该全各其这那时报要需可之个]|医院|卫生|中心|机构/.test(core)) return false;
  return true;
}

function hit(name: string, suffix: string, start: number): PlaceHit {
  const core = name.slice(0, name.length - suffix.length);
  return { name, core: core.length >= 2 && !/^(?:经济|高新)$/.test(core) ? core : name, suffix, start, end: start + name.length };
}

/** Places a string opens with, one after the other (江州市江南区 → 江州市, 江南区). */
export function leadingPlaces(s: string, at = 0): PlaceHit[] {
  const out: PlaceHit[] = [];
  let rest = s;
  let pos = at;
  for (;;) {
    const m = LEADING.exec(rest);
    if (!m) break;
    const [name, core, suffix] = m as unknown as [string, string, string];
    if (!isPlace(name, core)) break;
    out.push(hit(name, suffix, pos));
    rest = rest.slice(name.length);
    pos += name.length;
  }
  return out;
}

/** Places in an issuer's or a title's name: each organ word (人民政府, 办事处…) may be followed by another. */
export function issuerPlaces(s: string): PlaceHit[] {
  const out: PlaceHit[] = [];
  const chunks = /[^]*?(?:人民政府|政府|党委|党工委|委员会|办事处|管委会|$)/g;
  for (let m = chunks.exec(s); m && m[0]; m = chunks.exec(s)) out.push(...leadingPlaces(m[0], m.index));
  return out;
}

/**
 * A line of place names run together (a site's list of its counties): each piece is 1–4 characters and a
 * county-level suffix, and there are at least three of them.
 */
export function gazetteer(line: string): PlaceHit[] {
  const t = line.replace(/^[^:：]{0,12}[:：]/, '').replace(/\s+/g, '');
  const base = line.length - line.replace(/^[^:：]{0,12}[:：]/, '').length;
  const re = /([\u4e00-\u9fa5]{1,4}?)(区|县|市|旗)/y;
  const out: PlaceHit[] = [];
  let pos = 0;
  while (pos < t.length) {
    re.lastIndex = pos;
    const m = re.exec(t);
    if (!m) return [];
    out.push(hit(m[0], m[2] as string, base + pos));
    pos += m[0].length;
  }
  return out.length >= 3 ? out : [];
}

/** Words that end like a place but are common nouns (城乡, 社区, 城市…): a place never ends inside one. */
const COMMON_WORDS = /^(?:城乡|社区|地区|城区|市区|郊区|山区|景区|园区|小区|辖区|片区|灾区|疫区|校区|院区|城市|都市|超市|门市|上市|省市|县市|区县|县区|市县|全县|全区|全市|本市|我市|该市|各市|各区|各县|全省|本省|该省|外省|乡镇|城镇|村镇|集镇|小镇|重镇|市镇)$/;

export interface Tokens {
  cut(text: string): string[];
  isFunctionWord(word: string): boolean;
  /** A full name in the national list of divisions. */
  isDivision?(name: string): boolean;
  gazetteer?: Gazetteer;
}

/**
 * Places among the segmenter's words: a place starts and ends where words do, its suffix is a word of its
 * own or ends a word of three characters or more (西安市, 白/沙/镇, 滨/湖/街道 — not 城乡, 遴选省内), and no
 * word of it is a verb or a function word (形成县、乡…).
 */
export function alignedPlaces(text: string, tokens: Tokens): PlaceHit[] {
  const words = tokens.cut(text);
  const ends = new Map<number, string>();
  const starts = new Set<number>([0]);
  let pos = 0;
  for (const w of words) {
    pos += w.length;
    ends.set(pos, w);
    starts.add(pos);
  }
  const out: PlaceHit[] = [];
  for (const h of leadingPlaces(text)) {
    // a name of the national list is a place wherever the segmenter cuts it
    if (tokens.isDivision?.(h.name) && isPlace(h.name, h.core)) {
      out.push(h);
      continue;
    }
    const last = ends.get(h.end);
    if (!starts.has(h.start) || !last || !last.endsWith(h.suffix) || COMMON_WORDS.test(last)) break;
    const inside = words.filter((_, k) => {
      const a = words.slice(0, k).join('').length;
      return a >= h.start && a < h.end;
    });
    if (inside.some((w) => tokens.isFunctionWord(w))) break;
    out.push(h);
  }
  return out;
}

/** Whether text[start, end) is whole words of the segmenter, none of them a verb or function word. */
export function wholeWords(text: string, start: number, end: number, tokens: Tokens): boolean {
  const words = tokens.cut(text);
  let pos = 0;
  let startOk = start === 0;
  let endOk = false;
  for (const w of words) {
    const a = pos;
    pos += w.length;
    if (a === start) startOk = true;
    if (pos === end) endOk = true;
    if (a >= start && pos <= end && tokens.isFunctionWord(w)) return false;
    if (a < start && pos > start) return false;
  }
  return startOk && endOk;
}

/** Places that open a clause or a list item (…，江阳市为方便群众…；江南区、江北区…). */
export function clausePlaces(norm: string, tokens: Tokens): PlaceHit[] {
  const out: PlaceHit[] = [];
  const starts = [0];
  for (let i = 0; i < norm.length; i++) if (/[,，、;；。:：\s(（“]/.test(norm[i] as string)) starts.push(i + 1);
  for (const s of starts) {
    const clause = norm.slice(s, s + 16).split(/[,，、;；。:：\s(（“]/)[0] ?? '';
    if (!clause) continue;
    const hits = alignedPlaces(clause, tokens).map((h) => ({ ...h, start: h.start + s, end: h.end + s }));
    out.push(...hits.filter((h) => (h.core !== h.name || h.name.length >= 3) && h.core.length <= (h.suffix.length > 1 ? 6 : 4)));
  }
  return out;
}

export const placeKind = (suffix: string): 'district' | 'county' | 'county_city' | 'town' | 'street' | 'area' =>
  suffix === '区' ? 'district' : suffix === '县' || suffix === '旗' || suffix === '自治县' ? 'county' : suffix === '市' ? 'county_city' : suffix === '镇' || suffix === '乡' ? 'town' : suffix === '街道' ? 'street' : 'area';

/** The kind of a rule book for its locality's suffix. */
export const bookKind = (suffix: string): 'city' | 'county' | 'district' | 'street' =>
  suffix === '区' ? 'district' : suffix === '县' || suffix === '旗' ? 'county' : suffix === '街道' || suffix === '镇' || suffix === '乡' ? 'street' : 'city';

/** Organ words after a place that make it the authority above the notice (报江州市卫健委). */
export const AUTHORITY_AFTER = /^(?:卫健委|卫生健康委|卫生健康局|卫健局|人民政府|政府|委员会|疫情防控|防控办|指挥部|疾控|疾病预防控制中心)/;
