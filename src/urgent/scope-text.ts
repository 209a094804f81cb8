// The text a scope is read in: the cue kinds a cue word carries (scope.yml's lists, as bits), the hits of cue words
// in a message, and the bounds of a sentence or a clause around a position. Pure.

export const Cue = {
  Neg: 1 << 0,
  Gap: 1 << 1,
  Sep: 1 << 2,
  ListEnd: 1 << 3,
  NegAfter: 1 << 4,
  Resolved: 1 << 5,
  Past: 1 << 6,
  Ongoing: 1 << 7,
  History: 1 << 8,
  Now: 1 << 9,
  Hypo: 1 << 10,
  Know: 1 << 11,
  Fig: 1 << 12,
  Literal: 1 << 13,
  FigSubject: 1 << 14,
  Reported: 1 << 15,
  Symptom: 1 << 16,
  Break: 1 << 17,
  Present: 1 << 18,
  Continuing: 1 << 19,
  Sequela: 1 << 20,
  HistDuration: 1 << 21,
  HypoAfter: 1 << 22,
  Joke: 1 << 23,
  ServiceAfter: 1 << 24,
  KnowAfter: 1 << 25,
  PastAfter: 1 << 26,
  Plain: 1 << 27,
  Since: 1 << 28,
  Plea: 1 << 29,
  Suppose: 1 << 30,
  Serious: 2 ** 31,
} as const;

/** A cue word found in a message: where, and the kinds of cue it is (bits of Cue). */
export interface Hit {
  start: number;
  end: number;
  cues: number;
}

export const SENTENCE_END = /[。!?;\n！？；]/;
export const CLAUSE_END = /[,，:：、。!?;\n！？；—–]/;
/** A clause's end that is not a list's comma (、): what a supposition or a joke reaches across. */
export const CLAUSE_NO_LIST = /[,，:：。!?;\n！？；]/;

/** The sentence or clause (`end`: SENTENCE_END, CLAUSE_END…) around `pos`: from after the last end before it to the next. */
export function bounds(text: string, pos: number, end: RegExp): [number, number] {
  let s = pos;
  while (s > 0 && !endsAt(text, s - 1, end)) s--;
  let e = pos;
  while (e < text.length && !endsAt(text, e, end)) e++;
  return [s, e];
}

/** Whether `text[i]` ends a sentence or clause; an English full stop does where a space or the end follows it (not 38.5),
 * and a question's comma ends a sentence (`asked`: 煤气中毒都啥症状啊 俺家停暖了 — a space typed for the question mark). */
const endsAt = (text: string, i: number, end: RegExp): boolean =>
  end.test(text[i] as string) || (text[i] === '.' && (i + 1 >= text.length || text[i + 1] === ' ')) || (end === SENTENCE_END && asked(text, i));

/** 啊/呀 after a question word in its clause (咋区分啊, 都啥症状啊), closing a clause at `i` — not 吗: a question that goes on
 * (…剧里喝到吐血，现实里真的会这样吗，喝多少会吐血) keeps what its sentence said before it. */
const EXCLAIM_CLOSE = /^[啊呀][,，]/;
const QUESTION_WORD = /什么|啥|咋|怎么|哪|几|多少|谁/;
function asked(text: string, i: number): boolean {
  if (i < 1 || !EXCLAIM_CLOSE.test(text.slice(i - 1, i + 1))) return false;
  let s = i - 1;
  while (s > 0 && !CLAUSE_END.test(text[s - 1] as string)) s--;
  return QUESTION_WORD.test(text.slice(s, i));
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Whether a cue that begins or ends with a Latin letter sits inside a longer word (lol in lola, a grandmother): letters
 * before it, or after it letters that are no inflection (haha·s) nor the cue drawn out (lolol, hahaha). Read for the
 * joke cues (scope.ts): for every Latin cue it was right too (app in happen) but moved a clean set's turn. */
export function insideWord(text: string, h: Hit): boolean {
  if (isLetter(text.charCodeAt(h.start)) && isLetter(text.charCodeAt(h.start - 1))) return true;
  if (!isLetter(text.charCodeAt(h.end - 1))) return false;
  let b = h.end;
  while (b < text.length && isLetter(text.charCodeAt(b))) b++;
  const after = text.slice(h.end, b).toLowerCase();
  if (!after || INFLECTION.test(after)) return false;
  const own = text.slice(h.start, h.end).toLowerCase();
  for (const c of after) if (!own.includes(c)) return true;
  return false;
}

const INFLECTION = /^(?:s|es|d|ed|ing|ly|er|est|ness)$/;

/** Whether a cue of digits sits inside a number holding other digits (233 in 22334455, not in 2333333). */
export function insideNumber(text: string, h: Hit): boolean {
  if (!isDigit(text.charCodeAt(h.start))) return false;
  let a = h.start;
  let b = h.end;
  while (a > 0 && isDigit(text.charCodeAt(a - 1))) a--;
  while (b < text.length && isDigit(text.charCodeAt(b))) b++;
  const own = text.slice(h.start, h.end);
  for (let k = a; k < b; k++) if (!own.includes(text.charAt(k))) return true;
  return false;
}

/** A joke word within its own clause or the one on either side (a comma between). */
export function jokeReaches(text: string, h: Hit, m: { start: number; end: number }): boolean {
  const [from, to] = h.end <= m.start ? [h.end, m.start] : [m.end, h.start];
  let breaks = 0;
  for (let i = from; i < to; i++) if (CLAUSE_NO_LIST.test(text[i] as string) && ++breaks > 1) return false;
  return true;
}

/** A joke word said not to be one (不是开玩笑, 没开玩笑, 别开玩笑), or what others took it for (他们还以为我在开玩笑: a
 * joke they believed, not one the writer makes): it makes nothing figurative. */
export const jokeDisowned = (text: string, h: Hit): boolean =>
  /(?:不是|没有|没|并非|别|不)(?:在|是)?(?:跟你|和你)?(?:开)?\s*$|(?:以为|当成|当作|当是|还当|都当|只当)(?:我|他|她|你)?(?:在|是)?(?:开)?\s*$/.test(text.slice(Math.max(0, h.start - 6), h.start));

/** The sentence after the one ending at `sentenceEnd` is only a joke word (…要去跳黄浦江了吗？开玩笑的。/ 哈哈哈):
 * said of the sentence before it. At most two characters besides the word (的, 啦, 哈), and not denied; `counts` says
 * which joke words count. */
export function jokeSaidAfter(text: string, hits: readonly Hit[], sentenceEnd: number, counts: (h: Hit) => boolean = () => true): boolean {
  if (sentenceEnd >= text.length) return false;
  const [from, to] = bounds(text, sentenceEnd + 1, SENTENCE_END);
  const joke = hits.find((h) => h.cues & Cue.Joke && h.start >= from && h.end <= to && counts(h));
  if (!joke || jokeDisowned(text, joke)) return false;
  const rest = (text.slice(from, joke.start) + text.slice(joke.end, to)).replace(/[\s,，.…~～]/g, '');
  return [...rest].length <= 2;
}

/** A negator between a verb of deciding and the same verb again (scope.yml `weighing_verbs`: 要不要, 该不该): weighing
 * whether to do it, not a denial. */
export const aNotA = (text: string, h: Hit, verbs: ReadonlySet<string>): boolean =>
  text[h.start] === '不' && h.start > 0 && verbs.has(text[h.start - 1] as string) && text[h.start - 1] === text[h.start + 1];

/** 胸痛：无; 气促(-); 胸痛已排除 — a negation right after the mention that ends its clause. */
export function negatedAfter(text: string, hits: readonly Hit[], m: { end: number }): boolean {
  let pos = m.end;
  while (pos < text.length && /[\s:：]/.test(text[pos] as string)) pos++;
  for (const h of hits) {
    if (h.start !== pos || !(h.cues & Cue.NegAfter)) continue;
    const next = text[h.end];
    // (not English "without" and what it is without: 喘不上气没有 stopping)
    if (next === undefined || CLAUSE_END.test(next) || (next === ' ' && !/[a-z]/.test(text[h.end + 1] ?? ''))) return true;
  }
  return false;
}

/** A hit within the span [from, to] (a mention's sentence). */
export const inSpan = (h: Hit, from: number, to: number): boolean => h.start >= from && h.end <= to;

/** A past cue right after a since-cue (spaces between): a time it started, not one it happened in. */
export function sinceCued(text: string, hits: readonly Hit[], h: Hit): boolean {
  let p = h.start;
  while (p > 0 && text[p - 1] === ' ') p--;
  return hits.some((o) => o.cues & Cue.Since && o.end === p);
}

/** A cue that is part of a longer symptom's word (我也开始嗓子疼). */
export const insideSymptom = (hits: readonly Hit[], o: Hit): boolean => hits.some((x) => x.cues & Cue.Symptom && x.start <= o.start && x.end >= o.end && x.end - x.start > o.end - o.start);
