// A number printed in one locality's notice tells where the user is asking about when no place does
// (在网页最底下看到个电话 0350-3026833，打这个行不行: 忻州's news page; 0350-3301599 打不通: 忻州's line).
import { askedNumbers, digits } from '../answer/contacts';
import type { RuleSet } from '../rules/types';

const byRules = new WeakMap<RuleSet, ReadonlyMap<string, string>>();

/** Each number (digits only) printed in exactly one rule book, to that book's id — a telephone number of seven digits
 * or more: a short service line (12345) belongs to no one place. */
function numbersOf(rules: RuleSet): ReadonlyMap<string, string> {
  let m = byRules.get(rules);
  if (m) return m;
  const owners = new Map<string, Set<string>>();
  const own = (n: string, book: string): void => {
    const d = digits(n);
    if (d.length < 7) return;
    let books = owners.get(d);
    if (!books) owners.set(d, (books = new Set()));
    books.add(book);
  };
  for (const b of rules.books) {
    if (b.fallback) continue;
    for (const c of b.contacts) for (const p of c.phones) own(p.number, b.id);
    for (const o of b.otherNumbers) own(o.number, b.id);
  }
  m = new Map([...owners].filter(([, books]) => books.size === 1).map(([d, books]) => [d, [...books][0] as string]));
  byRules.set(rules, m);
  return m;
}

/** The one locality whose notice prints the numbers the message asks about, if they all point to one. */
export function numberLocality(text: string, rules: RuleSet): string | undefined {
  const asked = askedNumbers(text);
  if (!asked.length) return undefined;
  const table = numbersOf(rules);
  const found = new Set(asked.flatMap((d) => (table.has(d) ? [table.get(d) as string] : [])));
  return found.size === 1 ? [...found][0] : undefined;
}
