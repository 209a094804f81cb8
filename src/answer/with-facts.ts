// Facts retrieved from a locality's notice for what a question asks, and a topic's answer checked against them:
// the block stands, has the fact asked besides added, or gives way to it (see withFacts).
import type { AnswerInput, AnswerResult } from './answer';
import { plainWordList, plainWordScan } from './domain';
import { cueScan } from '../data/cue-scan';
import { whereFor } from './asked';
import { say, type Line } from './plan';
import type { RetrieveQuery, Retrieved } from './retrieve';

/** The words a list of lines says, to tell whether a fact is already in an answer. */
function wordsOf(lines: readonly Line[]): string {
  return lines.map((l) => ('fact' in l ? l.fact : 'steps' in l ? l.steps.join('\n') : Object.values(l.vars ?? {}).flat().map(String).join('\n'))).join('\n');
}

/** The facts a question asks for, by retrieval over the rule book. */
export function retrieveFacts(a: AnswerInput, topics: readonly string[] = [], limit = 3): Retrieved[] {
  if (!a.facts) return [];
  return a.facts.search(factQuery(a, topics), limit);
}

function factQuery(a: AnswerInput, topics: readonly string[]): RetrieveQuery {
  const facility = a.slots.facility?.locality === a.book.id ? a.slots.facility.facility.id : undefined;
  // the notices' own words for the resident's (城里的大医院…来帮 → 二级及以上…帮扶), searched beside them
  let text = a.text;
  const plain = plainWordList(a.domain);
  for (const k of plainWordScan(a.domain).which(a.text)) text += ` ${(plain[k] as readonly [string, string])[1]}`;
  // (the notice named as where to look is not what is asked: 方案里有没有说…)
  const mentions = cueScan(a.domain.documentMentions).which(text).map((k) => a.domain.documentMentions[k] as string);
  const drop = mentions.length || a.slots.plainTexts.length ? [...(a.placeTexts ?? []), ...a.slots.plainTexts, ...mentions] : a.placeTexts;
  return { text, drop, topics, recent: a.session.lastUnits, facility };
}

/** An answer made of retrieved facts. */
export function factAnswer(a: AnswerInput, hits: readonly Retrieved[]): AnswerResult {
  const lines = hits.flatMap((h) => h.unit.lines);
  const units = hits.map((h) => h.unit.id);
  return { kind: 'answer', lines, session: { ...a.session, lastUnits: units }, found: true, units };
}

/**
 * A topic answer checked against retrieval: when the facts the question asks for are not in the topic's
 * block (the wrong block, or a block without the figure asked for), the facts are said instead.
 */
/** An intent read this surely keeps its topic's block. */
const SURE = 0.95;

/** The hits whose match rests on at least `n` words of the question that few facts of the book have. */
export function particular(a: AnswerInput, topics: readonly string[], n = 1): Retrieved[] {
  // a hit's words are the question's: with fewer than n rare ones in the question, no hit can have n, unsearched
  if (!a.facts || a.facts.rareWords(factQuery(a, topics)) < n) return [];
  return retrieveFacts(a, topics).filter((h) => h.words.filter((t) => rareIn(a, t)).length >= n);
}

/** A word few of the book's facts state. */
const rareIn = (a: AnswerInput, t: string): boolean => a.facts?.rare(t) ?? false;

export function withFacts(a: AnswerInput, r: AnswerResult, topics: readonly string[]): AnswerResult {
  if (r.kind !== 'answer') return r;
  // ranked by the words alone: the block already says what the topic has; this asks what else is asked
  const hits = retrieveFacts(a, [], 6);
  if (!hits.length) return r.found ? r : { ...r, lines: [...r.lines.slice(0, 1), ...whereFor(a), ...r.lines.slice(1)] };
  if (!r.found) {
    // the message names a topic the book is silent on (晋江…能几个人陪着): that it is silent is said first, and
    // what the words find besides is offered after it, not in its place
    const silent = topics.some((t) => a.slots.topics.includes(t) && !a.domain.aspectTopics.includes(t)) && !hits.some((h) => h.unit.topic && topics.includes(h.unit.topic));
    const found = factAnswer(a, hits.slice(0, 3));
    if (!silent || found.kind !== 'answer') return found;
    return { ...found, lines: [say('missing', { locality: a.book.name }), ...whereFor(a), ...found.lines] };
  }
  const said = wordsOf(r.lines);
  // the topic's block stands unless the question asks for something it does not mention: a word of the question
  // (not a mere pair of characters) that a fact has and the block lacks (招远…协议, 对口帮扶, 盆底康复, 一对多)
  // — or a fact of another topic the message names by its cue words (先住哪…核酸结果 beside 急诊), its own words
  // matching it too: the two readings agree
  const asksElse = hits.filter((h) => !inside(h, said) && (namedElse(a, h, topics) || h.words.some((t) => rareIn(a, t) && !said.includes(t) && h.unit.text.includes(t))));
  // …and the block's own facts are a clearly worse match for the question than the one that has that word
  const blockScore = Math.max(0, ...hits.filter((h) => inside(h, said) || (h.unit.topic && topics.includes(h.unit.topic))).map((h) => h.score));
  // (sure of the topic, the fact is only added: it need only be a fair match beside the block)
  const top = asksElse[0];
  // (sure too when the message names the topic by its own words: 谁能帮忙转诊)
  // (and when the block matched the question's own words to what the facility has: 颈椎 → 针灸推拿科)
  const matched = r.lines.some((l) => 'key' in l && (l.key === 'facility_department_match' || l.key === 'facility_department_named'));
  const sure = (a.confidence ?? 0) >= SURE || matched || topics.some((t) => a.slots.topics.includes(t) && !a.domain.aspectTopics.includes(t));
  if (!top || top.score < blockScore * (sure ? 0.5 : 1.2)) return { ...r, session: { ...r.session, lastUnits: hits.map((h) => h.unit.id) } };
  // sure of the topic: its block stays and the fact asked besides is added; unsure: the fact is the answer
  if (sure) {
    const extra = asksElse.slice(0, 2);
    return { ...r, lines: [...r.lines, ...extra.flatMap((h) => h.unit.lines)], session: { ...r.session, lastUnits: extra.map((h) => h.unit.id) } };
  }
  // (the hospitals a where-question was given stay: 120打了…送到哪个医院)
  const facts = factAnswer(a, asksElse.slice(0, 3));
  const hospitals = r.lines.filter((l) => 'key' in l && l.key === 'designation');
  return facts.kind === 'answer' && hospitals.length ? { ...facts, lines: [...hospitals, ...facts.lines] } : facts;
}

/** A hit the block's words already say. */
const inside = (h: Retrieved, said: string): boolean => h.unit.sentences.some((x) => x && said.includes(x.slice(0, 24)));

/** A hit of another topic the message names by its cue words, found by words of the question too. */
const namedElse = (a: AnswerInput, h: Retrieved, topics: readonly string[]): boolean =>
  !!h.unit.topic && a.slots.topics.includes(h.unit.topic) && !topics.includes(h.unit.topic) && h.words.length > 0;
