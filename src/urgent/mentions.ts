// Concept mentions in a normalised message: the concepts' words (literal), term combinations inside a
// clause (胸口…疼, 嘴…歪), numbers in range after their words (血氧 86), and words typed with homophones
// (婚迷 → 昏迷), the last marked `typo` and, when the typed form is itself a dictionary word (抽出),
// `realWord`. Pure: reads only its arguments.
import { PLAIN, type ConceptLexicon, type NearSpec, type Trie } from './lexicon';
import { pinyinWalk, readingsAt } from './pinyin-walk';
import { APPROXIMATE, chineseNumber } from '../nlu/normalise';
import { frozenValues } from '../data/char-trie';
import { sortSmall } from '../data/small-sort';
import { cutsOf } from '../nlu/segment';

export interface Mention {
  concept: string;
  start: number;
  end: number;
  text: string;
  /** Typed with a homophone of the concept's word. */
  typo?: boolean;
  /** …and the typed form is a word of its own (抽出 "take out" for 抽搐): needs corroboration. */
  realWord?: boolean;
}

interface Hit {
  id: string;
  start: number;
  end: number;
}

const NEAR_BREAK = /[,。!?;:\n.、]/;
/** What ends a sentence (NEAR_BREAK's marks less a clause's), for a combination read across its clauses. */
const SENTENCE_BREAK = /[。!?;\n.]/;
/** A negator between the parts (胸口不疼, 嘴没歪) is not the combination. */
const NEGATOR = /[不没无未冇唔]/;

/** A Latin letter (lower case: the text is scanned lowered). */
const latin = (c: number): boolean => c >= 97 && c <= 122;

/** An English word's inflection after a surface (seizures, banged, choking), and nothing more of the word. */
const INFLECTION = /(?:s|es|ed|d|ing)(?![a-z])/y;

/** Whether a surface ending at `end` ends at a word's edge: not inside an English word (bb is not in bbq, pee not
 * in peel), an inflection aside. */
function wordEnds(text: string, end: number): boolean {
  if (end >= text.length || !latin(text.charCodeAt(end)) || !latin(text.charCodeAt(end - 1))) return true;
  INFLECTION.lastIndex = end;
  return INFLECTION.test(text);
}

function scan(text: string, root: Trie<string>): Hit[] {
  const out: Hit[] = [];
  // walked frozen (char-trie.ts): a walk starts at every character of every message
  const trie = frozenValues(root);
  for (let i = 0; i < text.length; i++) {
    // (an English word starts at a word's edge, not inside another: bb, a baby, is not in rubbish)
    if (i > 0 && latin(text.charCodeAt(i)) && latin(text.charCodeAt(i - 1))) continue;
    let node = trie.rootChild(text.charCodeAt(i));
    let j = i + 1;
    while (node >= 0) {
      const values = trie.payloads[node];
      if (values && wordEnds(text, j)) for (const id of values) out.push({ id, start: i, end: j });
      if (j >= text.length) break;
      node = trie.innerChild(node, text.charCodeAt(j));
      j++;
    }
  }
  return out;
}

/** Hits less those inside a plain word or starting inside one (concepts.yml `plain`: 药 and 药攒 in 芍药攒了一盆). */
function outside(hits: Hit[], plain: readonly Hit[]): Hit[] {
  return plain.length ? hits.filter((h) => !plain.some((p) => within(h, p))) : hits;
}

type Span = { start: number; end: number };
/** `h` starts inside the plain word `p`, or at its start and ends inside it. */
const within = (h: Span, p: Span): boolean => (p.start < h.start && h.start < p.end) || (p.start === h.start && h.end < p.end);

/** Whether a mark of `marks` (a clause's, by default) stands between `from` and `to`. */
function breakBetween(text: string, from: number, to: number, marks: RegExp = NEAR_BREAK): boolean {
  for (let i = from; i < to; i++) if (marks.test(text[i] as string)) return true;
  return false;
}

/** Longest clause read as a fragment of the one before it (血流的,好多 spoken in pauses): the term, one more character at most. */
const FRAGMENT = 3;
/** Longest clause before such a fragment. */
const PHRASE = 6;

/**
 * Whether `h` stands in a fragment that a single comma after `from` sets apart: a pause, not a new clause
 * (血流的,好多 · 喉咙,肿). A longer clause (胸前长了个痘,按着疼), or any other mark, is a break.
 */
function fragmentAfter(text: string, from: number, h: Hit): boolean {
  const comma = text.indexOf(',', from);
  if (comma < 0 || comma >= h.start || breakBetween(text, from, comma) || breakBetween(text, comma + 1, h.start)) return false;
  // the clause before is short too: a message said phrase by phrase
  let begin = from;
  while (begin > 0 && !NEAR_BREAK.test(text[begin - 1] as string)) begin--;
  if (comma - begin > PHRASE) return false;
  let end = h.end;
  while (end < text.length && !NEAR_BREAK.test(text[end] as string)) end++;
  const length = end - (comma + 1);
  return length <= FRAGMENT && length <= h.end - h.start + 1;
}

/** Where the clause holding `to` begins, no earlier than `from`: a negation elsewhere (说没事，但…起不来) is another clause's. */
function clauseStart(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (NEAR_BREAK.test(text[i] as string)) return i + 1;
  return from;
}

function nearMatches(text: string, lex: ConceptLexicon, termHits: Hit[], conceptHits: Hit[]): Mention[] {
  const byTerm = new Map<string, Hit[]>();
  for (const h of termHits) addHit(byTerm, h);
  for (const h of conceptHits) if (lex.conceptTerms.has(h.id)) addHit(byTerm, h);
  if (!byTerm.size) return [];
  // only the combinations whose first term the message has, in the data's order
  const specs: number[] = [];
  for (const id of byTerm.keys()) for (const i of lex.nearByFirst.get(id) ?? []) specs.push(i);
  sortSmall(specs, (a, b) => a - b);
  const out: Mention[] = [];
  for (const i of specs) {
    const spec = lex.near[i] as NearSpec;
    for (const h of byTerm.get(spec.terms[0] as string) as Hit[]) extendNear(text, spec, byTerm, 1, h, h, out);
  }
  return out;
}

function addHit(byTerm: Map<string, Hit[]>, h: Hit): void {
  const list = byTerm.get(h.id);
  if (list) list.push(h);
  else byTerm.set(h.id, [h]);
}

/** Follows a `near` combination from its term `at`, after `last`; each complete chain is a mention. */
function extendNear(text: string, spec: NearSpec, byTerm: Map<string, Hit[]>, at: number, last: Hit, first: Hit, out: Mention[]): void {
  if (at === spec.terms.length) {
    out.push({ concept: spec.concept, start: first.start, end: last.end, text: text.slice(first.start, last.end) });
    return;
  }
  for (const h of byTerm.get(spec.terms[at] as string) ?? []) {
    if (h.start < last.end || h.start - last.end > spec.window) continue;
    if (spec.apart?.some((w) => text.slice(first.start, h.start).includes(w))) continue;
    if (spec.acrossClauses ? breakBetween(text, last.end, h.start, SENTENCE_BREAK) : breakBetween(text, last.end, h.start) && !fragmentAfter(text, last.end, h)) continue;
    // (read across clauses, a negation counts in the last part's own clause only: 说没事，但…起不来)
    if (NEGATOR.test(text.slice(spec.acrossClauses ? clauseStart(text, last.end, h.start) : last.end, h.start))) continue;
    extendNear(text, spec, byTerm, at + 1, h, first, out);
  }
}

const DIGITS = /\d+(?:\.\d+)?/g;
// An approximate count said with two numerals in a row (两三分钟一次, 三四天没透, 七八个月): read as its lower bound.
const RANGE = /([两二三四五六七八九])([三四五六七八九十])/g;

// A number written in Chinese numerals that normalising left as it was (no unit after it: 血氧八十三, 呼吸一分钟六十多下,
// 血压一百八): tens with 十, hundreds with 百 (一百八 is 180, as it is said). A lone digit (一, 三) is not read: it is too
// often part of a word.
const CN_NUMERAL = /(?<![零〇一二两三四五六七八九十百千万\d])(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]十?[一二三四五六七八九]?)?)(?![零〇一二两三四五六七八九十百千万])/g;

/** The value of a CN_NUMERAL match. */
function numeralValue(s: string): number | undefined {
  const hundred = s.indexOf('百');
  if (hundred < 0) return chineseNumber(s);
  const head = chineseNumber(s.slice(0, hundred));
  const rest = s.slice(hundred + 1);
  if (head === undefined) return undefined;
  if (!rest) return head * 100;
  if (rest[0] === '零') return head * 100 + (chineseNumber(rest.slice(1)) ?? 0);
  // 一百八 is 180 (its tens said alone); 一百八十五 is 185
  const tail = chineseNumber(rest.length === 1 || rest.includes('十') ? rest : `${rest[0]}十${rest.slice(1)}`);
  return tail === undefined ? undefined : head * 100 + (rest.length === 1 ? tail * 10 : tail);
}

/** Numbers in the text: digits, Chinese numerals, and approximate ranges (两三, 三五) as their lower bound. */
function* readings(text: string): Generator<{ s: number; e: number; value: number; decimal: boolean }> {
  if (/\d/.test(text)) {
    DIGITS.lastIndex = 0;
    for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
      // a digit inside a word (spo2) is not a reading
      if (/[a-z]/.test(text[m.index - 1] ?? '')) continue;
      yield { s: m.index, e: m.index + m[0].length, value: Number(m[0]), decimal: m[0].includes('.') };
    }
  }
  CN_NUMERAL.lastIndex = 0;
  if (text.includes('十') || text.includes('百'))
    for (let m = CN_NUMERAL.exec(text); m; m = CN_NUMERAL.exec(text)) {
    const value = numeralValue(m[0]);
      if (value !== undefined) yield { s: m.index, e: m.index + m[0].length, value, decimal: false };
    }
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
    const [low, high] = [chineseNumber(m[1] as string) as number, chineseNumber(m[2] as string) as number];
    // 十三四岁 is thirteen or fourteen, 三十 thirty: only a range of numbers said alone
    if (high <= low || high - low > 2 || /[\d十百千万零〇两二三四五六七八九]/.test(text[m.index - 1] ?? '')) continue;
    yield { s: m.index, e: m.index + 2, value: low, decimal: false };
  }
}

function numberMatches(text: string, lex: ConceptLexicon): Mention[] {
  if (!lex.numbers.length) return [];
  const out: Mention[] = [];
  for (const { s, e, value, decimal } of readings(text)) {
    // (a round number with an approximation after it is its tens: 血氧90多 is 90–99, read by its top where the spec says so)
    const top = APPROXIMATE.includes(text[e] as string) && value >= 10 && value % 10 === 0 ? value + 9 : value;
    for (const { concept, spec } of lex.numbers) {
      if (value < spec.min || (spec.approx_top ? top : value) > spec.max) continue;
      if (spec.decimal && !decimal) continue;
      // a unit may follow an approximation (20来天, 30多度)
      // …and a space may stand before a unit, as in mixed writing (孙子 5 个月)
      const space = spec.unit && text[e] === ' ' ? 1 : 0;
      const approx = spec.unit && APPROXIMATE.includes(text[e + space] as string) ? 1 : 0;
      if (spec.unit && !text.startsWith(spec.unit, e + space + approx)) continue;
      const end = spec.unit ? e + space + approx + spec.unit.length : e;
      if (spec.not_followed.some((w) => text.startsWith(w, end))) continue;
      if (spec.not_after.length) {
        const lead = text.slice(Math.max(0, s - 6), s);
        if (spec.not_after.some((w) => lead.includes(w))) continue;
      }
      if (spec.after.length === 1 && spec.after[0] === '') {
        if (/\d/.test(text[s - 1] ?? '')) continue;
        out.push({ concept, start: s, end, text: text.slice(s, end) });
        continue;
      }
      const before = text.slice(Math.max(0, s - spec.within - 12), s);
      let startAt = -1;
      for (const w of spec.after) {
        const k = before.lastIndexOf(w);
        if (k >= 0 && before.length - (k + w.length) <= spec.within && !breakBetween(before, k + w.length, before.length))
          startAt = startAt < 0 ? s - before.length + k : Math.min(startAt, s - before.length + k);
      }
      if (startAt >= 0) out.push({ concept, start: startAt, end, text: text.slice(startAt, end) });
    }
  }
  return out;
}

/** A guessed character that makes a word with a neighbour typed as is (还不行 for 还不醒: 不行 is a word — still no good). */
function guessInWord(window: string, surface: string, isWord: (w: string) => boolean): boolean {
  for (let k = 0; k < window.length; k++) {
    if (window[k] === surface[k]) continue;
    if ((k > 0 && window[k - 1] === surface[k - 1] && isWord(window.slice(k - 1, k + 1))) || (k + 1 < window.length && window[k + 1] === surface[k + 1] && isWord(window.slice(k, k + 2)))) return true;
  }
  return false;
}

function pinyinMatches(text: string, lex: ConceptLexicon, literal: Mention[], isWord: (w: string) => boolean, segment?: (t: string) => string[]): Mention[] {
  const out: Mention[] = [];
  // a typo must be whole words of the segmented message: 封控区|血液 is not 呕血 (the message cut when first needed)
  let cuts: Set<number> | undefined;
  // the trie frozen, by syllable numbers (pinyin-walk.ts); two buffers the walk's frontier alternates between: a
  // step reads one and writes the other (the first step's nodes are shared, read only)
  const walk = pinyinWalk(lex.pinyin);
  const buffers: [number[], number[]] = [[], []];
  for (let i = 0; i < text.length; i++) {
    let frontier: readonly number[] | undefined;
    for (let j = i; j < text.length && j - i < lex.maxLength; j++) {
      if (j === i) frontier = walk.first(text, i);
      else if (j === i + 1) frontier = walk.second(text, i);
      else {
        const rs = readingsAt(text, j);
        if (!rs.length) break;
        frontier = walk.advance(frontier as readonly number[], rs, buffers[(j - i) & 1] as number[]);
      }
      if (!frontier) break;
      for (const node of frontier) {
        const words = walk.words[node];
        if (!words) continue;
        for (const w of words) {
          const window = text.slice(i, j + 1);
          if (window === w.surface) continue;
          let diffs = 0;
          let common = false;
          for (let k = 0; k < window.length; k++)
            if (window[k] !== w.surface[k]) {
              diffs++;
              if (lex.typoNever.has(window[k] as string)) common = true;
            }
          if (diffs > Math.ceil(window.length / 3) || common) continue;
          // two characters with one of them guessed: only when what was typed is not a word of its own
          if (window.length === 2 && isWord(window)) continue;
          if (literal.some((m) => m.concept === w.concept && m.start <= i && m.end >= j + 1)) continue;
          if (segment && !aligned((cuts ??= cutsOf(text, segment)), i, j + 1)) continue;
          out.push({ concept: w.concept, start: i, end: j + 1, text: window, typo: true, ...(isWord(window) || guessInWord(window, w.surface, isWord) ? { realWord: true } : {}) });
        }
      }
    }
  }
  return out;
}

const aligned = (cuts: ReadonlySet<number>, start: number, end: number): boolean => cuts.has(start) && cuts.has(end);

/** The spans of hashtags (#宝宝发烧#, #忻州疫情求助#): a post's topic tags, not something said to be happening. */
function hashtags(text: string): [number, number][] {
  if (!text.includes('#')) return [];
  const out: [number, number][] = [];
  const re = /#[^#\s,。!?]{1,20}#/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Every concept mention, by position; a mention inside a longer one of the same concept is dropped. */
export function findMentions(
  input: string,
  lex: ConceptLexicon,
  isWord: (w: string) => boolean = () => false,
  segment?: (text: string) => string[],
  /** Receives the mentions a word before or after says are something else (网格员的电话打不通, 想死你了). */
  blocked?: Mention[],
): Mention[] {
  const text = input.toLowerCase();
  let termHits = scan(text, lex.terms);
  const plain = termHits.some((h) => h.id === PLAIN) ? termHits.filter((h) => h.id === PLAIN) : [];
  if (plain.length) termHits = outside(termHits.filter((h) => h.id !== PLAIN), plain);
  const wordHits = outside(scan(text, lex.words), plain);
  const literal: Mention[] = wordHits.map((h) => ({ concept: h.id, start: h.start, end: h.end, text: text.slice(h.start, h.end) }));
  const numbered = numberMatches(text, lex);
  // (a concept found by its numbers is a term of combinations too: 吃了20片 beside 安眠药 is an overdose)
  const numberHits = numbered.map((m) => ({ id: m.concept, start: m.start, end: m.end }));
  const all = [...literal, ...nearMatches(text, lex, termHits, numberHits.length ? [...wordHits, ...numberHits] : wordHits), ...numbered];
  // (a homophone reading is no more read inside a plain word than a word is: 指夹式血氧仪 holds no 失血)
  all.push(...pinyinMatches(text, lex, all, isWord, segment).filter((m) => !plain.some((p) => within(m, p))));
  sortSmall(all, (a, b) => a.start - b.start || b.end - a.end);
  const tags = hashtags(text);
  const kept = all.filter((m) => {
    if (tags.some(([s, e]) => m.start >= s && m.end <= e)) return false;
    if (!isBlocked(text, lex, m)) return true;
    blocked?.push(m);
    return false;
  });
  return kept.filter(
    (m, i) =>
      !kept.some((o, k) => k !== i && o.concept === m.concept && o.start <= m.start && o.end >= m.end && (o.end - o.start > m.end - m.start || k < i)),
  );
}

/** A word before or after the mention says it is something else (网格员的电话打不通, 想死你了). */
function isBlocked(text: string, lex: ConceptLexicon, m: Mention): boolean {
  const b = lex.blockers.get(m.concept);
  if (!b) return false;
  if (b.after.some((w) => text.startsWith(w, m.end))) return true;
  // a word right before, or the word and what is its (网格员的…, 网格员的电话…打不通, 咨询电话打了十几遍都打不通)
  const before = text.slice(0, m.start);
  const owner = before.replace(/(?:这个|那个|这|那)?的?(?:电话|号码|号)?(?:我?打了[^,，。!?！？]{0,6}?)?(?:都|也|还|一直|总是|老是)?$/, '');
  const office = b.before.some((w) => before.endsWith(w) || owner.endsWith(w)) || (!!b.beforeRe && (b.beforeRe.test(before) || b.beforeRe.test(owner)));
  if (!office || !b.owners.length) return office;
  // …unless the line is named as a person's (我妈家座机22334455一直没人接)
  const whose = owner.replace(/[-\d]+$/, '').replace(/(?:座机|固话|手机|电话|号码|号)$/, '').replace(/(?:家里?)?的?$/, '');
  return !b.owners.some((w) => whose.endsWith(w));
}
