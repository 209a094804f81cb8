// "胰岛素也能开12周吗", "时空伴随者算不算": a thing the question asks about that the locality's notice never names
// (answers.yml `namedThings`: medicines, statuses, treatments residents ask of) is said to be unmentioned, after what
// the notice does say, so that the answer is not read as covering it. Pure.
import { lowerCase, type Domain } from './domain';
import { cueScan } from '../data/cue-scan';
import { say, type Line } from './plan';
import { lineWords } from './topics';
import { numbersToAsk } from './unstated';
import type { RuleBook } from '../rules/types';

/** Every word a rule book holds, lower case, made once per book. */
const bookWords = new WeakMap<RuleBook, string>();
function wordsOfBook(book: RuleBook): string {
  let text = bookWords.get(book);
  if (text === undefined) bookWords.set(book, (text = JSON.stringify(book).toLowerCase()));
  return text;
}

/** Clauses end at a full stop, question or exclamation mark, a semicolon or a line break (kept with the clause). */
const SENTENCE = /[^。！？!?；;\n]*[。！？!?；;\n]?/g;

/** The domain's things' names in one list (with the thing each names) and its asking words, made once per domain. */
interface Lists {
  names: readonly string[];
  thing: readonly number[];
  asks: readonly string[];
}
const listsOf = new WeakMap<Domain, Lists>();
function lists(domain: Domain): Lists {
  let l = listsOf.get(domain);
  if (!l) {
    const things = domain.namedThings.things;
    l = { names: things.flat(), thing: things.flatMap((names, k) => names.map(() => k)), asks: lowerCase([...domain.questionCues, ...domain.namedThings.asks]) };
    listsOf.set(domain, l);
  }
  return l;
}

/** The things asked about (in a sentence with a question cue) that neither the book nor the answer names. */
export function unmentioned(domain: Domain, book: RuleBook, text: string, lines: readonly Line[]): string[] {
  const lower = text.toLowerCase();
  const l = lists(domain);
  const named = cueScan(l.names).which(lower);
  if (!named.length) return [];
  const asking = cueScan(l.asks);
  const sentences = (lower.match(SENTENCE) ?? []).filter((s) => asking.any(s));
  const known = wordsOfBook(book);
  const said = lines.map(lineWords).join('\n').toLowerCase();
  const out: string[] = [];
  for (const k of new Set(named.map((i) => l.thing[i] as number))) {
    const names = domain.namedThings.things[k] as string[];
    if (!names.some((n) => sentences.some((s) => s.includes(n))) || names.some((n) => known.includes(n) || said.includes(n))) continue;
    out.push(names.find((n) => lower.includes(n)) as string);
  }
  return out;
}

/** `lines` with a line after them for each thing asked of that the notice does not name, and the numbers to ask. */
export function withUnmentioned(domain: Domain, book: RuleBook, text: string, lines: readonly Line[]): Line[] {
  const things = unmentioned(domain, book, text, lines);
  if (!things.length) return [...lines];
  return [...lines, say('thing_unmentioned', { words: things }), ...numbersToAsk(book, lines.map(lineWords).join('\n'))];
}
