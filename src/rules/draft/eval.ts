// Comparing a draft with the hand-made rule book of the same notice: precision and recall of facilities (by
// name or alias), phone numbers, designations (audiences, category and the ordered facility list all
// right), backups in order, contacts (by number, else by name) and guidance steps (fuzzy sentence match),
// and the numbers kept that are in no rule book at all (distractors). Pure.
import type { RuleBook } from '../types';
import type { DraftBook } from './book';
import { nfkc, prepare } from './text';

export interface Score {
  /** Drafted values that match the hand-made book. */
  correct: number;
  drafted: number;
  expected: number;
}

export const METRICS = ['facilities', 'phones', 'designations', 'backups', 'contacts', 'steps'] as const;
export type Metric = (typeof METRICS)[number];

export interface Comparison {
  scores: Record<Metric, Score>;
  /** Phone numbers of the draft that no rule book has (a news line, an advert…). */
  distractors: string[];
}

export const precision = (s: Score): number => (s.drafted === 0 ? (s.expected === 0 ? 1 : 0) : s.correct / s.drafted);
export const recall = (s: Score): number => (s.expected === 0 ? 1 : Math.min(s.correct, s.expected) / s.expected);

const norm = (s: string) => nfkc(s).replace(/\s+/g, '').replace(/[“”"'‘’]/g, '');

/** The hand-made book a seed notice was transcribed into: the one whose title, facilities and phones it prints most. */
export function matchBook(text: string, books: RuleBook[]): RuleBook | undefined {
  const flat = norm(prepare(text).lines.map((l) => l.text).join('\n'));
  let best: RuleBook | undefined;
  let top = 0;
  for (const b of books) {
    let score = flat.includes(norm(b.source.title)) ? 5 : 0;
    for (const f of b.facilities) if (!f.generic && flat.includes(norm(f.name))) score += 1;
    for (const p of phonesOf(b)) if (flat.includes(p)) score += 1;
    if (score > top) [best, top] = [b, score];
  }
  return best;
}

function phonesOf(b: Pick<RuleBook, 'facilities' | 'contacts'>): Set<string> {
  return new Set([...b.facilities.flatMap((f) => f.phones), ...b.contacts.flatMap((c) => c.phones)].map((p) => p.number));
}

export function compare(draft: DraftBook, hand: RuleBook, all: RuleBook[]): Comparison {
  // facilities: one to one, exact names first, then a name among the other's aliases
  const fmap = new Map<string, string>();
  const taken = new Set<string>();
  const names = (f: { name: string; aliases: string[] }) => [f.name, ...f.aliases].map(norm);
  for (const pass of [0, 1]) {
    for (const d of draft.facilities) {
      if (fmap.has(d.id)) continue;
      const h = hand.facilities.find((x) => !taken.has(x.id) && (pass === 0 ? norm(x.name) === norm(d.name) : names(x).includes(norm(d.name)) || names(d).includes(norm(x.name))));
      if (h) {
        fmap.set(d.id, h.id);
        taken.add(h.id);
      }
    }
  }
  const facilities: Score = { correct: fmap.size, drafted: draft.facilities.length, expected: hand.facilities.length };

  const dp = phonesOf(draft);
  const hp = phonesOf(hand);
  const phones: Score = { correct: [...dp].filter((p) => hp.has(p)).length, drafted: dp.size, expected: hp.size };
  const known = new Set(all.flatMap((b) => [...phonesOf(b)]));
  const distractors = [...dp].filter((p) => !known.has(p));

  const aud = (a: string[]) => [...a].sort().join(',');
  const same = (d: DraftBook['designations'][number], h: RuleBook['designations'][number]) => h.category === d.category && aud(h.audiences) === aud(d.audiences);
  const mapped = (ids: string[]) => ids.map((id) => fmap.get(id) ?? `?${id}`).join(',');
  const used = new Set<number>();
  let dCorrect = 0;
  for (const d of draft.designations) {
    const i = hand.designations.findIndex((h, k) => !used.has(k) && same(d, h) && h.facilities.join(',') === mapped(d.facilities));
    if (i >= 0) {
      used.add(i);
      dCorrect++;
    }
  }
  const designations: Score = { correct: dCorrect, drafted: draft.designations.length, expected: hand.designations.length };
  const withBackups = draft.designations.filter((d) => d.backups.length);
  const handBackups = hand.designations.filter((h) => h.backups.length);
  const bUsed = new Set<number>();
  let bCorrect = 0;
  for (const d of withBackups) {
    const i = handBackups.findIndex((h, k) => !bUsed.has(k) && same(d, h) && h.backups.map((b) => b.facility).join(',') === mapped(d.backups.map((b) => b.facility)));
    if (i >= 0) {
      bUsed.add(i);
      bCorrect++;
    }
  }
  const backups: Score = { correct: bCorrect, drafted: withBackups.length, expected: handBackups.length };

  // contacts: by a shared number, else (neither has a number) by name
  const cUsed = new Set<string>();
  let cCorrect = 0;
  for (const d of draft.contacts) {
    const numbers = new Set(d.phones.map((p) => p.number));
    const h =
      hand.contacts.find((x) => !cUsed.has(x.id) && x.phones.some((p) => numbers.has(p.number))) ??
      (numbers.size === 0 ? hand.contacts.find((x) => !cUsed.has(x.id) && x.phones.length === 0 && similarName(x.name, d.name)) : undefined);
    if (h) {
      cUsed.add(h.id);
      cCorrect++;
    }
  }
  const contacts: Score = { correct: cCorrect, drafted: draft.contacts.length, expected: hand.contacts.length };

  const dSteps = draft.guidance.flatMap((g) => g.steps);
  const hSteps = hand.guidance.flatMap((g) => g.steps);
  const steps: Score = { correct: fuzzyMatches(dSteps, hSteps), drafted: dSteps.length, expected: hSteps.length };
  return { scores: { facilities, phones, designations, backups, contacts, steps }, distractors };
}

function bigrams(s: string): Map<string, number> {
  const t = norm(s).replace(/[\p{P}\p{S}\s]/gu, '');
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice coefficient of character bigrams. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let n = 0;
  for (const [k, v] of x) {
    common += Math.min(v, y.get(k) ?? 0);
    n += v;
  }
  for (const v of y.values()) n += v;
  return n === 0 ? 0 : (2 * common) / n;
}

function similarName(a: string, b: string): boolean {
  const x = norm(a).replace(/^(?:我局|局|市|区|县)/, '');
  const y = norm(b).replace(/^(?:我局|局|市|区|县)/, '');
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return (short.length >= 3 && long.includes(short)) || dice(a, b) >= 0.5;
}

/** Steps matched one to one, best pairs first, at a Dice of 0.5 or more. */
function fuzzyMatches(drafted: string[], expected: string[]): number {
  const pairs: { i: number; j: number; s: number }[] = [];
  drafted.forEach((d, i) =>
    expected.forEach((e, j) => {
      const s = dice(d, e);
      if (s >= 0.5) pairs.push({ i, j, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s);
  const di = new Set<number>();
  const ej = new Set<number>();
  for (const p of pairs) {
    if (di.has(p.i) || ej.has(p.j)) continue;
    di.add(p.i);
    ej.add(p.j);
  }
  return di.size;
}

export function sumScores(list: Score[]): Score {
  return list.reduce((a, s) => ({ correct: a.correct + s.correct, drafted: a.drafted + s.drafted, expected: a.expected + s.expected }), { correct: 0, drafted: 0, expected: 0 });
}
