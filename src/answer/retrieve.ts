// Fact retrieval: BM25 (bm25.ts) over every fact unit of a rule book, by the words of the question — jieba
// tokens and character pairs, so that 对口帮扶 finds 对口帮扶机制 and 帮扶 alone finds it too — with the
// question's place names left out (the locality is already known) and the units of the intent's topics and of
// the last answer ranked up. Below a floor, nothing is returned: the notice does not say. Built once per book;
// `search` is pure.
import type { RuleBook, Vocabulary } from '../rules/types';
import { buildBm25 } from './bm25';
import { factUnits, type FactUnit } from './facts';
import type { Line } from './plan';
import { unitLines } from './unit-lines';

export type Tokenize = (text: string) => string[];

export interface RetrieveQuery {
  /** The normalised question. */
  text: string;
  /** Spans of the question that name places (left out). */
  drop?: readonly string[];
  /** Topics of the intent the NLU read: their units rank higher. */
  topics?: readonly string[];
  /** Units of the last answer: a follow-up ("签了有什么服务") stays with them. */
  recent?: readonly string[];
  /** A facility the question or the conversation names. */
  facility?: string;
}

export interface Retrieved {
  unit: FactUnit;
  score: number;
  /** Query terms it matched. */
  matched: string[];
  /** Those of them that are words of the question (jieba's), not pairs of characters. */
  words: string[];
}

export interface FactIndex {
  units: FactUnit[];
  search(q: RetrieveQuery, limit?: number): Retrieved[];
  /** How many units of the book a word is in: a word in many (医院, 就医) says little of which fact is meant. */
  spread(word: string): number;
  /** A word few of the book's facts state names something particular (招远, 协议, 盆底康复), not 医院. */
  rare(word: string): boolean;
  /** How many of the question's words (those `search` finds by) are rare: a hit's `words` are among them. */
  rareWords(q: RetrieveQuery): number;
  /** The units a reply's lines state (each unit known by its first line): what a follow-up is about. */
  said(lines: readonly Line[]): string[];
  unit(id: string): FactUnit | undefined;
}

/** Words that ask rather than say (and say nothing of a fact), or only frame a time (封控期间 is no 就医期间). */
const STOP = new Set(
  '期间 时候 的 了 是 吗 呢 啊 呀 吧 么 嘛 什么 怎么 怎么样 怎样 哪 哪里 哪儿 哪个 哪家 哪些 多少 几 如何 是否 可以 能 能不能 可不可以 会 会不会 有没有 没有 有 要 想 问 问问 请问 一下 我 我们 你 你们 他 她 他们 在 和 与 及 或 也 都 就 还 这 那 这个 那个 个 些 吗 说 说的 里 里面 方面 情况 问题 一般 现在 主要 干 干什么 做什么 该 应该 需要 去 到 给 让 被 把 对 为 从 以 及其 其 呢 啥 咋 那么 这么 如果 的话 请 谢谢 第一 第二 第三 第一步'.split(' '),
);

/** Whether a code unit is a CJK ideograph (U+3400–U+9FFF). */
const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/** Every code unit a CJK ideograph (and at least one). */
function allCjk(t: string): boolean {
  if (!t.length) return false;
  for (let i = 0; i < t.length; i++) if (!isCjk(t.charCodeAt(i))) return false;
  return true;
}

/** Has a CJK ideograph, or is made of Latin lower-case letters and digits alone. */
function wordLike(t: string): boolean {
  let latin = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isCjk(c)) return true;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) latin = false;
  }
  return latin && t.length > 0;
}

/** A token worth searching by: two characters or more, not an asking word. */
const isWord = (t: string): boolean => t.length >= 2 && !STOP.has(t) && wordLike(t);

/** The words of a text worth searching by: jieba's, two characters or more, not asking words. */
export function wordsOf(text: string, tokenize: Tokenize): string[] {
  return tokenize(text.toLowerCase()).filter(isWord);
}

const LATIN = /[a-z]{3,}|\d{2,}/g;

/** Every pair of adjacent characters of a run. */
function addPairs(out: Set<string>, run: string): void {
  for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
}

/**
 * Index terms of a text: its jieba words, Latin words, and the pairs of characters of every run of Chinese
 * words that are not asking words — so 盆底 finds 盆底康复室, but 有没有 adds no 有没 or 没有.
 * (One cut of the text serves both the words and the runs: the words first, then the pairs, then the Latin
 * words, the order the index and the search depend on.)
 */
export function termsOf(text: string, tokenize: Tokenize): string[] {
  const lower = text.toLowerCase();
  const tokens = tokenize(lower);
  const out = new Set<string>();
  for (const t of tokens) if (isWord(t)) out.add(t);
  let run = '';
  for (const t of tokens) {
    if (allCjk(t) && !STOP.has(t)) run += t;
    else if (run) {
      addPairs(out, run);
      run = '';
    }
  }
  addPairs(out, run);
  const latin = lower.match(LATIN);
  if (latin) for (const w of latin) out.add(w);
  return [...out];
}

/**
 * What the retrieval reads of a text — its index terms and its distinct words — remembered for the last texts
 * read. A turn searches the same few texts more than once and in every rule book (the question, then again for
 * another answer; a question with no locality in all five books): one reader shared by the books cuts each once.
 * The arrays given back are shared: read them, never change them.
 */
export interface TermReader {
  terms(text: string): readonly string[];
  /** The distinct words (wordsOf), in the order first found. */
  words(text: string): readonly string[];
}

export function termReader(tokenize: Tokenize, size = 16): TermReader {
  const cut = lastRead(tokenize, size);
  return { terms: lastRead((t) => termsOf(t, cut), size), words: lastRead((t) => [...new Set(wordsOf(t, cut))], size) };
}

/** `read` remembering its last `size` texts' results (the oldest forgotten first; a result is never undefined).
 * A turn reads a few texts again and again: a ring compared text by text (most differ in length) costs less
 * than a Map's hashing, and forgetting is overwriting a slot. */
function lastRead<T>(read: (text: string) => T, size: number): (text: string) => T {
  const texts: string[] = [];
  const values: T[] = [];
  // the slot the next text goes in: the oldest once the ring is full
  let next = 0;
  return (text) => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return values[i] as T;
    const v = read(text);
    texts[next] = text;
    values[next] = v;
    next = (next + 1) % size;
    return v;
  };
}

/** Below this BM25 score, or with fewer than this share of the question's terms matched, nothing is said. */
const MIN_SCORE = 6;
const MIN_SCORE_RECENT = 2;
const MIN_SHARE = 0.2;

/** `read`: the segmenter, or a reader shared with the other books' indexes (termReader). */
export function buildFactIndex(book: RuleBook, vocabulary: Vocabulary, read: Tokenize | TermReader, cues: Readonly<Record<string, readonly string[]>> = {}): FactIndex {
  const reader = typeof read === 'function' ? termReader(read) : read;
  const units = factUnits(book, vocabulary, cues);
  const byId = new Map(units.map((u) => [u.id, u]));
  // the locality's own names say nothing of which fact is asked for, nor do the words of the user's status every
  // fact for it has (封控区, 隔离点, 密接: the zones and the special targets); a town or a population the question
  // names may (招远…重点人群, 老人行动不便), so those stay
  const ZONES = new Set(['sealed_zone', 'controlled_zone', 'prevention_zone']);
  const places = [
    book.name,
    ...book.aliases,
    ...(book.within ?? []),
    ...(book.parent ? [book.parent] : []),
    ...vocabulary.audiences.filter((x) => ZONES.has(x.id) || x.groups.length > 0).flatMap((x) => [x.name, ...x.synonyms]),
  ]
    .filter((p) => p.length >= 2)
    .sort((a, b) => b.length - a.length);
  // a lower length normalisation than BM25's usual 0.75: a short fact full of common words (a definition of
  // 定点医院) should not outrank the longer one that answers
  const bm25 = buildBm25(
    units.map((u) => [reader.terms(u.text), reader.terms(u.keys)]),
    { boosts: [1, 0.5], k: 1.2, b: 0.4, d: 0.5 },
  );
  const counts = new Map<string, number>();
  const spread = (w: string): number => {
    let n = counts.get(w);
    if (n === undefined) {
      n = units.filter((u) => u.text.includes(w) || u.keys.includes(w)).length;
      if (counts.size < 10_000) counts.set(w, n);
    }
    return n;
  };

  // few: three facts, or in a larger book up to about one in seven
  const fewest = Math.max(3, Math.round(units.length * 0.15));
  // …stated by them, in the notice's words (a topic's cue word every unit of the topic is keyed by is not)
  const statedBy = new Map<string, number>();
  const stated = (w: string): number => {
    let n = statedBy.get(w);
    if (n === undefined) {
      n = units.filter((u) => u.text.includes(w)).length;
      if (statedBy.size < 10_000) statedBy.set(w, n);
    }
    return n;
  };
  const rare = (w: string): boolean => {
    const n = stated(w);
    return n >= 1 && n <= fewest;
  };

  const firstChars = new Set(places.map((p) => p.charCodeAt(0)));
  // the question without the locality's names, for the last few questions
  const dropPlaces = lastRead((question: string): string => {
    let text = question;
    // (a question with none of the places' first characters has none of them)
    let may = false;
    for (let i = 0; i < question.length && !may; i++) may = firstChars.has(question.charCodeAt(i));
    if (may) for (const d of places) if (text.includes(d)) text = text.split(d).join(' ');
    return text;
  }, 16);

  /** The question as searched: without the places it names nor the locality's names. */
  const searched = (q: RetrieveQuery): string => {
    let text = q.text;
    for (const d of q.drop ?? []) if (d && text.includes(d)) text = text.split(d).join(' ');
    return dropPlaces(text);
  };

  const rareWords = (q: RetrieveQuery): number => {
    let n = 0;
    for (const w of reader.words(searched(q))) if (rare(w)) n++;
    return n;
  };

  function search(q: RetrieveQuery, limit = 3): Retrieved[] {
    const text = searched(q);
    const terms = reader.terms(text);
    if (!terms.length) return [];
    const words = reader.words(text);
    const topics = new Set(q.topics ?? []);
    const recent = new Set(q.recent ?? []);
    const found = bm25.search(terms, (i) => {
      const u = units[i] as FactUnit;
      let b = 1;
      if (u.topic && topics.has(u.topic)) b *= 1.6;
      if (recent.has(u.id)) b *= 1.5;
      if (q.facility && u.facility === q.facility) b *= 1.3;
      return b;
      // (a hit below the lower floor ends the reading below: none is kept from there on)
    }, MIN_SCORE_RECENT);
    const out: Retrieved[] = [];
    for (const r of found) {
      // best first: from here on none reaches even the lower floor, nor 0.6 of the best kept (below), nor is
      // there room for another
      if (r.score < MIN_SCORE_RECENT || out.length >= limit || (out.length && r.score < (out[0] as Retrieved).score * 0.6)) break;
      const unit = units[r.doc] as FactUnit;
      const matched = bm25.matched(terms, r.doc);
      // the question's words the fact has: as a term of both, or written inside a longer word of the notice's
      // (行动不便 in 高龄行动不便感染者)
      const asked = words.filter((t) => matched.includes(t) || unit.text.includes(t));
      // a follow-up about the last answer ("收费怎么算", "签了有什么服务") needs less to stay with it, and so
      // does a fact found by a word of the question that one or two facts alone state (远程 in a short book)
      const floor = recent.has(unit.id) || asked.some((t) => stated(t) <= 2 && unit.text.includes(t)) ? MIN_SCORE_RECENT : MIN_SCORE;
      const share = Math.max(matched.length / terms.length, words.length ? asked.length / words.length : 0);
      if (r.score < floor || share < MIN_SHARE) continue;
      out.push({ unit, score: r.score, matched, words: asked });
    }
    // keep the ones near the best: a second fact only when it is nearly as good an answer
    const best = out[0]?.score ?? 0;
    return out.filter((r) => r.score >= best * 0.6).slice(0, limit);
  }

  const said = unitLines(units);

  return { units, search, spread, rare, rareWords, said, unit: (id) => byId.get(id) };
}
