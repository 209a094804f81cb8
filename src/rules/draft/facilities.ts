// Facilities: the mentions of every paragraph merged into facilities (one name however it is spelled:
// 江城市医专… and 江城医专…, 市中心医院 and 江城市中心医院, a tier and its variants), with the
// address and the departments the text gives them. Pure.
import { TIER_NOUNS } from './cues';
import type { Ev, Field } from './evidence';
import { findMentions, type Mention } from './mentions';
import { sentences } from './sentences';
import type { Paragraph } from './structure';
import { sub } from './text';
import type { DraftTools } from './tools';
import type { VocabMatcher } from './vocab';

export interface FacilityDraft {
  key: string;
  name: string;
  aliases: string[];
  generic: boolean;
  role: boolean;
  ev: Ev;
  address?: Field<string>;
  phones: { number: string; label?: string; ev: Ev }[];
  departments: string[];
  departmentsEv?: Ev;
  /** Printed name → mentions count: the fullest, most used spelling becomes the name. */
  spellings: Map<string, number>;
}

export interface Located {
  mention: Mention;
  facility: FacilityDraft;
  para: Paragraph;
}

export interface FacilityIndex {
  facilities: FacilityDraft[];
  /** Every mention, paragraph by paragraph, in text order. */
  located: Located[];
  inPara(p: Paragraph): Located[];
}

const VARIANT = new Map(TIER_NOUNS.flatMap((t) => t.variants.map((v) => [v, t.name] as const)));

/** The key two spellings of one facility share: locality and 市 dropped, brackets half-width. */
export function facilityKey(name: string, locality: string): string {
  let k = name.normalize('NFKC').replace(/\s+/g, '');
  k = VARIANT.get(k) ?? k;
  const core = locality.replace(/(?:街道|市|县|区|镇|乡|旗)$/, '');
  if (core.length >= 2 && k.startsWith(locality) && k.length > locality.length + 1) k = k.slice(locality.length);
  else if (core.length >= 2 && k.startsWith(core) && k.length > core.length + 1) k = k.slice(core.length);
  k = k.replace(/^[市县区]/, '').replace(/^([\u4e00-\u9fa5]{2,3})市/, '$1');
  return k;
}

export function draftFacilities(paras: Paragraph[], tools: DraftTools, vocab: VocabMatcher, locality: string, known: string[] = [locality]): FacilityIndex {
  const facilities: FacilityDraft[] = [];
  const byKey = new Map<string, FacilityDraft>();
  const located: Located[] = [];
  for (const p of paras) {
    for (const m of findMentions(p.seg.norm, tools, vocab, known)) {
      const text = p.seg.text.slice(m.start, m.end).replace(/\s+/g, '');
      const keys = [facilityKey(text, locality), ...m.aliases.map((a) => facilityKey(a, locality))];
      if (m.head) keys.push(facilityKey(m.head, locality));
      let f = keys.map((k) => byKey.get(k)).find((x) => x);
      if (!f) {
        const valueSeg = sub(p.seg, m.start, m.end);
        const sentence = sentences(p.seg).find((s) => s.offs.includes(valueSeg.offs[0] as number)) ?? p.seg;
        f = {
          key: keys[0] as string,
          name: text,
          aliases: [],
          generic: m.kind !== 'named',
          role: m.kind === 'role',
          ev: { sentence, value: valueSeg },
          phones: [],
          departments: [],
          spellings: new Map(),
        };
        facilities.push(f);
      }
      if (m.kind === 'named') {
        f.generic = false;
        f.role = false;
      }
      f.spellings.set(text, (f.spellings.get(text) ?? 0) + 1);
      for (const a of m.aliases) f.spellings.set(a, f.spellings.get(a) ?? 0);
      // a generic compound (基层医疗卫生机构发热哨点诊室) answers to its head noun too
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, f);
      if (m.kind !== 'named' && m.head && m.head !== text) byKey.set(facilityKey(m.head, locality), f);
      located.push({ mention: m, facility: f, para: p });
    }
  }
  for (const f of facilities) {
    // the fullest spelling is the name (江城市中心医院 over 市中心医院), the others aliases
    const names = [...f.spellings.keys()].sort((a, b) => b.length - a.length || (f.spellings.get(b) ?? 0) - (f.spellings.get(a) ?? 0));
    const best = names[0] ?? f.name;
    if (best !== f.name) {
      const at = located.find((l) => l.facility === f && l.para.seg.text.slice(l.mention.start, l.mention.end).replace(/\s+/g, '') === best);
      if (at) {
        const valueSeg = sub(at.para.seg, at.mention.start, at.mention.end);
        f.ev = { sentence: sentences(at.para.seg).find((s) => s.offs.includes(valueSeg.offs[0] as number)) ?? at.para.seg, value: valueSeg };
      }
      f.name = best;
    }
    f.aliases = names.filter((n) => n !== f.name);
  }
  addAddresses(located);
  addDepartments(located);
  return { facilities, located, inPara: (p) => located.filter((l) => l.para === p) };
}

/** 滨江路188号（江景花园）, 解放街9号: a road, a number, maybe a building in brackets. */
const ADDRESS = /[\u4e00-\u9fa5]{1,10}(?:路|街|大道|大街|巷|弄|道|里)\s*\d{1,5}(?:-\d{1,4})?\s*号(?:\s*[(（][^()（）]{1,14}[)）])?/g;
const ADDRESS_LEAD = /^.*(?:搬迁到|迁至|迁到|位于|设在|坐落于|地址为|地址是|地址|地点|在|于|到|至)[:：]?/;

function addAddresses(located: Located[]): void {
  for (const l of located) {
    if (l.facility.generic || l.facility.address) continue;
    const sent = sentences(l.para.seg).find((s) => s.offs.includes(l.para.seg.offs[l.mention.start] as number));
    if (!sent) continue;
    // the address must follow this facility in its sentence, before any other facility
    const others = located.filter((o) => o.para === l.para && o !== l && o.mention.start > l.mention.start).map((o) => o.mention.start);
    const mentionAt = sent.offs.indexOf(l.para.seg.offs[l.mention.start] as number);
    ADDRESS.lastIndex = 0;
    for (let m = ADDRESS.exec(sent.norm); m; m = ADDRESS.exec(sent.norm)) {
      if (m.index < mentionAt) continue;
      const paraAt = l.para.seg.offs.indexOf(sent.offs[m.index] as number);
      if (others.some((o) => o < paraAt)) break;
      const lead = ADDRESS_LEAD.exec(m[0]);
      const a = m.index + (lead ? lead[0].length : 0);
      const value = sub(sent, a, m.index + m[0].length);
      if (value.text.length < 4) continue;
      l.facility.address = { value: value.text.replace(/\s+/g, ''), ev: { sentence: sent, value } };
      break;
    }
  }
}

/** 设置内科、外科…等十几个临床科室: the departments of the facility the sentence is about. */
function addDepartments(located: Located[]): void {
  const seen = new Set<Paragraph>();
  for (const l of located) {
    if (seen.has(l.para) || l.facility.generic) continue;
    seen.add(l.para);
    for (const s of sentences(l.para.seg)) {
      const m = /(?:设置|设有|开设|设立)(?:有)?([^。；;]{4,300}?)等[^。；;]{0,8}(?:科室|科|门诊)/.exec(s.norm);
      if (!m) continue;
      const items = (m[1] as string).split(/[、,，]/).map((x) => x.trim()).filter((x) => /^[\u4e00-\u9fa5]{1,10}(?:科|室|门诊|馆|中心|部)$/.test(x));
      if (items.length < 2) continue;
      const f = l.facility;
      for (const d of items) if (!f.departments.includes(d)) f.departments.push(d);
      f.departmentsEv ??= { sentence: s };
    }
  }
}
