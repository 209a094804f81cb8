// "胰岛素也能开12周吗", "时空伴随者算不算": a thing the question asks about that the locality's notice never names
// (answers.yml `namedThings`: medicines, statuses, treatments residents ask of) is said to be unmentioned, after what
// the notice does say, so that the answer is not read as covering it. Pure.
import type { Domain } from './domain';
import { say, type Line } from './plan';
import { lineWords } from './topics';
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

/** The things asked about (in a sentence with a question cue) that neither the book nor the answer names. */
export function unmentioned(domain: Domain, book: RuleBook, text: string, lines: readonly Line[]): string[] {
  const lower = text.toLowerCase();
  const things = domain.namedThings.things.filter((names) => names.some((n) => lower.includes(n)));
  if (!things.length) return [];
  const sentences = lower.match(SENTENCE) ?? [];
  const asked = (n: string): boolean => sentences.some((s) => s.includes(n) && [...domain.questionCues, ...domain.namedThings.asks].some((q) => s.includes(q.toLowerCase())));
  const known = wordsOfBook(book);
  const said = lines.map(lineWords).join('\n').toLowerCase();
  return things
    .filter((names) => names.some(asked) && !names.some((n) => known.includes(n) || said.includes(n)))
    .map((names) => names.find((n) => lower.includes(n)) as string);
}

/** `lines` with a line after them for each thing asked of that the notice does not name. */
export function withUnmentioned(domain: Domain, book: RuleBook, text: string, lines: readonly Line[]): Line[] {
  const things = unmentioned(domain, book, text, lines);
  return things.length ? [...lines, say('thing_unmentioned', { words: things })] : [...lines];
}
