// Entity extraction over the normalised text: a character trie of literals plus the data's regexes,
// leftmost-longest within each layer, negation for audiences and categories, typo-tolerant places and
// facilities (one wrong character), English care words. Pure: reads only its arguments.
import type { Entity } from './types';
import { LAYERS, type EntityLexicon, type LexEntry } from './lexicon';
import { readingsOf, soundsAlike } from './pinyin';
import { sortSmall } from '../data/small-sort';
import { cueScan } from '../data/cue-scan';

/** What stands between two items of one list: 或, or, 、, 也不是. */
const LIST_GAP = /^\s*(?:或者|或|or|、|也不是|也没有|nor)\s*$/i;

interface Candidate {
  entry: LexEntry;
  start: number;
  end: number;
  score: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance') as (a: string, b: string) => number;

/** Place suffixes: a typo in these is not a typo in the place's name. */
const PLACE_SUFFIX = /[市区县镇乡]$|街道$/;

/** Jieba dictionary words that look like a place name with one character changed (广州 for 忻州). */
export type WordFrequency = (word: string) => number;

const CLAUSE = /[,。!?;:、\s]/;

function clauseBefore(text: string, start: number, max: number): string {
  let i = start;
  while (i > 0 && start - i < max && !CLAUSE.test(text[i - 1] as string)) i--;
  return text.slice(i, start);
}

/** Index of the single character of text[start…] that differs from surface, -1 when none or several do. */
function mismatch(text: string, start: number, surface: string): number {
  let diff = -1;
  for (let k = 0; k < surface.length; k++) {
    if (text.charCodeAt(start + k) !== surface.charCodeAt(k)) {
      if (diff >= 0) return -1;
      diff = k;
    }
  }
  return diff;
}

function isLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u3400' && ch <= '\u9fff';
}

/**
 * The message's entities. `plain` receives where the message has words that hold cues but are none (lexicon.yml
 * `not_inside`: 阿莫西林, 楼道里), in the order they start and end: found in the same walk as the literals (the
 * caller needs them too), rather than by a second walk of the cue trie over every character.
 */
export function extractEntities(text: string, lex: EntityLexicon, freq: WordFrequency, plain: [number, number][] = []): Entity[] {
  const cands: Candidate[] = [];
  // literals
  const cues = lex.cues;
  for (let i = 0; i < text.length; i++) {
    let node = cues.rootChild(text.charCodeAt(i));
    let j = i + 1;
    while (node >= 0) {
      const found = cues.payloads[node];
      if (found) {
        if (found.plain) plain.push([i, j]);
        // a Latin cue (CT, QQ) is a word of its own, not letters inside another (doctor, connect)
        if (found.entries && !(isLatin(text.charCodeAt(i)) && (isLatin(text.charCodeAt(i - 1)) || isLatin(text.charCodeAt(j)))))
          for (const entry of found.entries) cands.push({ entry, start: i, end: j, score: 1 });
      }
      if (j >= text.length) break;
      node = cues.innerChild(node, text.charCodeAt(j));
      j++;
    }
  }
  // regexes: one scan for where any may start, then each (sticky) at those places only
  const any = lex.anyRegex;
  if (any) {
    any.lastIndex = 0;
    for (let m = any.exec(text); m; m = any.exec(text)) {
      const at = m.index;
      for (const { re, entry } of lex.stickyRegexes) {
        re.lastIndex = at;
        const r = re.exec(text);
        if (r && r[0].length > 0) cands.push({ entry, start: at, end: at + r[0].length, score: 1 });
      }
      any.lastIndex = at + 1;
    }
  }
  // English words
  if (/[A-Za-z]/.test(text)) {
    const words = /[A-Za-z]+/g;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const e = lex.english.get(m[0].toLowerCase());
      if (e) for (const entry of e.entries) cands.push({ entry, start: m.index, end: m.index + m[0].length, score: 1 });
    }
  }

  const chosen = select(plain.length ? cands.filter((c) => !plain.some(([s, e]) => s <= c.start && c.end <= e)) : cands);
  // a message naming one of our places exactly is not searched for misspelt ones
  const exactPlace = chosen.some((c) => c.entry.type === 'locality' || c.entry.type === 'place');
  const placesFound = !exactPlace && (fuzzyPlaces(text, lex, freq, chosen) || syllablePlaces(text, lex, chosen));
  const facilitiesFound = fuzzyFacilities(text, lex, chosen);
  return finish(text, lex, placesFound || facilitiesFound ? select(chosen) : chosen);
}

/** Leftmost-longest per layer; candidates with the same span and layer are all kept (红黄码). */
function select(cands: Candidate[]): Candidate[] {
  sortSmall(cands, (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.score - a.score);
  // by layer (a small number): where it is free from, and its last span taken
  const nextFree: number[] = [];
  const lastSpan: (Candidate | undefined)[] = [];
  const out: Candidate[] = [];
  for (const c of cands) {
    const layer = LAYERS[c.entry.type];
    const last = lastSpan[layer];
    if (last && last.start === c.start && last.end === c.end) {
      if (!out.some((o) => o.start === c.start && o.end === c.end && o.entry.type === c.entry.type && o.entry.value === c.entry.value)) out.push(c);
      continue;
    }
    if (c.start < (nextFree[layer] ?? 0)) continue;
    out.push(c);
    nextFree[layer] = c.end;
    lastSpan[layer] = c;
  }
  return out;
}

function covered(chosen: Candidate[], layer: number, start: number, end: number): boolean {
  return chosen.some((c) => LAYERS[c.entry.type] === layer && c.start < end && start < c.end);
}

/** Per lexicon, the code units place names are indexed by (placeIndex's keys): most of a message's characters are none. */
const placeUnits = new WeakMap<EntityLexicon, Uint8Array>();

function placeUnitsOf(lex: EntityLexicon): Uint8Array {
  let units = placeUnits.get(lex);
  if (!units) {
    units = new Uint8Array(0x10000);
    for (const ch of lex.placeIndex.keys()) if (ch.length === 1) units[ch.charCodeAt(0)] = 1;
    placeUnits.set(lex, units);
  }
  return units;
}

/** A character typed for another: in one of the lexicon's groups (near sounds, 峙/持) or of the same syllable (罘/福). */
const confusable = (lex: EntityLexicon, typed: string, meant: string): boolean =>
  lex.confusable.get(typed)?.some((g) => lex.confusable.get(meant)?.includes(g)) === true || soundsAlike(typed, meant);

function fuzzyPlaces(text: string, lex: EntityLexicon, freq: WordFrequency, chosen: Candidate[]): boolean {
  const found: Candidate[] = [];
  const units = placeUnitsOf(lex);
  for (let p = 0; p < text.length; p++) {
    if (units[text.charCodeAt(p)] !== 1) continue;
    const anchored = lex.placeIndex.get(text[p] as string);
    if (!anchored) continue;
    for (const { place, pos } of anchored) {
      const { surface, entry } = place;
      const L = surface.length;
      const i = p - pos;
      if (i < 0 || i + L > text.length) continue;
      if (pos === 1 && surface.charCodeAt(0) === text.charCodeAt(i)) continue; // tried from position 0
      const d = mismatch(text, i, surface);
      if (d < 0) continue;
      const window = text.slice(i, i + L);
      const hasSuffix = PLACE_SUFFIX.test(surface);
      const core = hasSuffix ? L - (surface.endsWith('街道') ? 2 : 1) : L;
      if (core < 2 || d < 0 || d >= core || !isCjk(window[d])) continue;
      if (!confusable(lex, window[d] as string, surface[d] as string)) continue;
      if (covered(chosen, 0, i, i + L) || covered(found, 0, i, i + L)) continue;
      // a real word (广州, 新洲, 九州) is not a typo; rare dictionary words (新州) may be
      const coreText = window.slice(0, core);
      if (freq(coreText) >= 100 || freq(window) >= 100) continue;
      if (core === 2) {
        const after = text.slice(i + core);
        const before = text.slice(Math.max(0, i - 3), i);
        // an entity right after it (忻洲透洗去哪) or right before it is a place-like context too
        const adjacent = chosen.some((c) => LAYERS[c.entry.type] !== 0 && (c.start === i + L || c.end === i));
        const context = adjacent || lex.placeAfter.test(after) || lex.placeBefore.test(before) || (i === 0 && after.length === 0);
        if (!context) continue;
      }
      const score = jaroWinkler(window, surface);
      if (score < lex.minSimilarity) continue;
      found.push({ entry, start: i, end: i + L, score: Math.min(score, 0.95) });
    }
  }
  chosen.push(...found);
  return found.length > 0;
}

/** A syllable typed in pinyin for a character pinyin input did not offer, inside a place name (芝fu区 for 芝罘区, xin州 for
 * 忻州): the syllable stands for the name's first or second character, the rest written as the name is. */
const SYLLABLE_IN_HAN = /[a-z]{1,6}/gi;
function syllablePlaces(text: string, lex: EntityLexicon, chosen: Candidate[]): boolean {
  const found: Candidate[] = [];
  for (const m of text.matchAll(SYLLABLE_IN_HAN)) {
    const r = m.index, end = r + m[0].length;
    const before = text[r - 1], after = text[end];
    if (!(before && isCjk(before)) && !(after && isCjk(after))) continue;
    const syllable = m[0].toLowerCase();
    // the syllable as the name's second character (芝fu区: indexed by 芝 at 0), or as its first (xin州: by 州 at 1)
    for (const [anchor, pos] of [[before, 0], [after, 1]] as const) {
      for (const { place, pos: at } of (anchor && lex.placeIndex.get(anchor)) || []) {
        if (at !== pos) continue;
        const { surface, entry } = place;
        const typed = surface[1 - pos] as string;
        const start = pos === 0 ? r - 1 : r;
        const rest = surface.slice(2);
        const tail = pos === 0 ? end : end + 1;
        if (text.slice(tail, tail + rest.length) !== rest || !readingsOf(typed).includes(syllable)) continue;
        if (covered(chosen, 0, start, tail + rest.length)) continue;
        found.push({ entry, start, end: tail + rest.length, score: 0.9 });
      }
    }
  }
  chosen.push(...found);
  return found.length > 0;
}

function fuzzyFacilities(text: string, lex: EntityLexicon, chosen: Candidate[]): boolean {
  const found: Candidate[] = [];
  for (const [tail, list] of lex.facilityTails) {
    for (let e = text.indexOf(tail); e >= 0; e = text.indexOf(tail, e + 1)) {
      const end = e + tail.length;
      for (const { surface, entry } of list) {
        const start = end - surface.length;
        if (start < 0) continue;
        const d = mismatch(text, start, surface);
        if (d < 0 || !isCjk(text[start + d])) continue;
        if (chosen.some((c) => c.entry.type === 'facility' && c.start <= start && c.end >= end)) continue;
        const window = text.slice(start, end);
        const score = jaroWinkler(window, surface);
        if (score < lex.minSimilarity) continue;
        found.push({ entry, start, end, score: Math.min(score, 0.95) });
      }
    }
  }
  // a fuzzy facility replaces shorter exact ones inside it (社区卫生服务中心 inside 泉秀街道社区为生服务中心)
  for (const f of found) {
    for (let k = chosen.length - 1; k >= 0; k--) {
      const c = chosen[k] as Candidate;
      if (c.entry.type === 'facility' && c.start >= f.start && c.end <= f.end && c.end - c.start < f.end - f.start) chosen.splice(k, 1);
    }
  }
  chosen.push(...found);
  return found.length > 0;
}

function finish(text: string, lex: EntityLexicon, cands: Candidate[]): Entity[] {
  const out: Entity[] = [];
  const negated: Candidate[] = [];
  // where an audience is named as whom a service is for (改成专门给隔离的人透析): dropped below when the user says theirs
  const served = new Set<number>();
  const roles = cands.filter((c) => c.entry.type === 'role');
  for (const c of cands) {
    const t = c.entry.type;
    if (t === 'topic' && roles.some((r) => r.start <= c.start && c.end <= r.end)) continue;
    if (t === 'audience' && (lex.askedBefore?.test(clauseBefore(text, c.start, 6)) || lex.askedAfter?.test(text.slice(c.end, c.end + 6)))) continue;
    if (t === 'audience' || t === 'category') {
      const before = clauseBefore(text, c.start, 6);
      if (lex.elsewhere?.test(before)) continue;
      if (t === 'audience' && lex.served?.test(before)) served.add(c.start);
      // (…or the next of a list so denied: 不是封控区或管控区, "not fengkong or guankong")
      const listed = t === 'audience' && negated.some((n) => n.end <= c.start && LIST_GAP.test(text.slice(n.end, c.start)));
      if (listed || lex.negationBefore.test(before) || (t === 'category' && lex.categoryNegationBefore?.test(before))) {
        if (t === 'audience') negated.push(c);
        else out.push({ ...toEntity(text, c), type: 'denied' });
        continue;
      }
    }
    out.push(toEntity(text, c));
  }
  // 不是隔离人员也不是红黄码, 阮是普通透析病人: with a status denied or the ordinary one said, a group named elsewhere
  // (改成特定对象透析点), or the status denied named again of something else (…磁灶变成隔离人员的透析定点了), is not the person
  const ordinary = out.some((e) => e.type === 'audience' && e.value === lex.defaultAudience);
  if (negated.length || ordinary) {
    const denied = new Set(negated.map((c) => c.entry.value));
    for (let k = out.length - 1; k >= 0; k--) {
      const e = out[k] as Entity;
      if (e.type === 'audience' && (lex.groupIds.has(e.value) || denied.has(e.value) || served.has(e.start))) out.splice(k, 1);
    }
  }
  if (negated.length) {
    // 是防范区不是封控的: the status they do say is theirs; only with none is it the ordinary one
    if (!out.some((e) => e.type === 'audience')) {
      const first = negated[0] as Candidate;
      const last = negated[negated.length - 1] as Candidate;
      const before = clauseBefore(text, first.start, 6);
      const m = lex.negationBefore.exec(before);
      const start = first.start - (m ? m[0].length : 0);
      out.push({ type: 'audience', value: lex.defaultAudience, text: text.slice(start, last.end), start, end: last.end, score: 0.9 });
    }
  }
  // facilities: when a locality is named, keep that locality's candidates for an ambiguous span (which takes two)
  let facilities = 0;
  for (const e of out) if (e.type === 'facility') facilities++;
  if (facilities < 2) return sortSmall(out, (a, b) => a.start - b.start || a.end - b.end);
  const localities = new Set(out.filter((e) => e.type === 'locality' || e.type === 'place').map((e) => e.value));
  const facilityAt = new Map<string, Entity[]>();
  for (const e of out) {
    if (e.type !== 'facility') continue;
    const key = `${e.start}:${e.end}`;
    facilityAt.set(key, [...(facilityAt.get(key) ?? []), e]);
  }
  const drop = new Set<Entity>();
  for (const group of facilityAt.values()) {
    if (group.length < 2) continue;
    const local = group.filter((e) => localities.has(e.value.split('/')[0] as string));
    if (local.length && local.length < group.length) for (const e of group) if (!local.includes(e)) drop.add(e);
  }
  return sortSmall(
    out.filter((e) => !drop.has(e)),
    (a, b) => a.start - b.start || a.end - b.end,
  );
}

function toEntity(text: string, c: Candidate): Entity {
  const e: Entity = { type: c.entry.type, value: c.entry.value, text: text.slice(c.start, c.end), start: c.start, end: c.end, score: c.score };
  if (c.entry.name) e.name = c.entry.name;
  if (c.entry.address) e.address = true;
  return e;
}

/** 是晋江 不是忻州, "not Xinzhou, Jinjiang": a place denied beside another one is not where the user is (taken out, in place). */
export function dropDeniedPlaces(text: string, entities: Entity[], lex: EntityLexicon): void {
  if (!lex.placeNegationBefore) return;
  const places = entities.filter((e) => e.type === 'locality' || e.type === 'place');
  if (places.length < 2) return;
  const denied = places.filter((e) => (lex.placeNegationBefore as RegExp).test(clauseBefore(text, e.start, 8)));
  if (denied.length && denied.length < places.length) for (const e of denied) entities.splice(entities.indexOf(e), 1);
}

/** What a message asks about is not what it joked about before turning serious (这俩小祖宗能把我气出心脏病来 哈哈 说正经的
 * …腿关节不好…该去哪): the cares and topics named before the last of `turns` (urgent/scope.yml `serious_turn`) are dropped. */
export function dropJokedEntities(text: string, entities: Entity[], turns: readonly string[]): void {
  // (most messages hold none: one pass over the text says so)
  const found = turns.length ? cueScan(turns).which(text) : [];
  if (!found.length) return;
  const at = Math.max(...found.map((k) => text.lastIndexOf(turns[k] as string)));
  for (let i = entities.length - 1; i >= 0; i--) {
    const e = entities[i] as Entity;
    if (e.end <= at && JOKED_TYPES.has(e.type)) entities.splice(i, 1);
  }
}

const JOKED_TYPES: ReadonlySet<Entity['type']> = new Set(['category', 'topic']);
