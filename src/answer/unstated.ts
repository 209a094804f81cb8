// "周末开吗", "几点开门": a particular of a topic that notices seldom state (answers.yml `particulars`). Asked, and
// mentioned nowhere in what the rule book says on the topic, it is said to be unstated, then what the book does
// say, then the numbers to ask. Pure.
import { contactAnswer } from './contacts';
import { lowerCase, type Domain } from './domain';
import { cueScan } from '../data/cue-scan';
import { say, type Line } from './plan';
import { lineWords } from './topics';
import type { RuleBook } from '../rules/types';

/** `lines` (what the book says on `topics`) with what the question asks and they leave unstated said around them;
 * without `topics`, the particulars of any answer (a fee, a street address: answers.yml particulars with no topic). */
export function withUnstated(domain: Domain, book: RuleBook, text: string, topics: readonly string[] | undefined, lines: readonly Line[]): Line[] {
  const asking = text.toLowerCase();
  const candidates = particularsOf(domain).filter(
    ([p, asks]) => (topics ? p.topic !== undefined && topics.includes(p.topic) : p.topic === undefined) && cueScan(asks).any(asking),
  ).map(([p]) => p);
  if (!candidates.length) return [...lines];
  // (what the lines say, read only when a particular is asked)
  const said = lines.map(lineWords).join('\n');
  const asked = candidates.filter((p) => !p.said.some((w) => said.includes(w)));
  if (!asked.length) return [...lines];
  return [...asked.map((p) => say(`particular_${p.id}`)), ...lines, ...numbersToAsk(book, said)];
}

/** The book's numbers to ask, less those already said (`said`: the words of the lines given). */
export function numbersToAsk(book: RuleBook, said: string): Line[] {
  const ask = contactAnswer(book, { text: '', channels: [], knownNumbers: new Set(), topics: ['contact_info'] });
  return ask.lines.filter((l) => !said.includes(lineWords(l)));
}

type Particular = Domain['particulars'][number];
const lowered = new WeakMap<Domain, readonly (readonly [Particular, readonly string[]])[]>();

/** The domain's particulars with their asking words in lower case, made once per domain. */
function particularsOf(domain: Domain): readonly (readonly [Particular, readonly string[]])[] {
  let list = lowered.get(domain);
  if (!list) lowered.set(domain, (list = domain.particulars.map((p) => [p, lowerCase(p.asks)] as const)));
  return list;
}
