// "封控区和管控区去的定点医院一样吗", "Is it the same for close contacts?": two audiences named beside a comparison cue
// (answers.yml `compareCues`). Whether the notice designates the same hospitals for them is said first, then the
// hospitals: once when alike, for each audience when not. Pure.
import { expandGroup } from '../rules/query';
import { designationAnswer, type DesignationQuery } from './designation';
import type { AnswerInput, AnswerResult } from './answer';
import { say, type Line } from './plan';
import { lowerCase } from './domain';

/** What a book designates for an audience, category by category: facilities and backups in order. */
function designatedFor(a: AnswerInput, audience: string, categories: readonly string[]): string {
  const members = expandGroup(a.rules.vocabulary, audience);
  return JSON.stringify(
    categories.map((c) =>
      a.book.designations
        .filter((d) => d.category === c && d.audiences.some((x) => members.includes(x)))
        .map((d) => [d.facilities, d.backups.map((b) => [b.order, b.facility])]),
    ),
  );
}

/** The comparison answer, or undefined when the message compares nothing; `query` makes the designation query. */
export function compareAudiences(a: AnswerInput, categories: readonly string[], query: (categories: string[]) => DesignationQuery): AnswerResult | undefined {
  const audiences = a.slots.audiences ?? [];
  const text = a.text.toLowerCase();
  if (audiences.length < 2 || !lowerCase(a.domain.compareCues).some((c) => text.includes(c))) return undefined;
  const offered = [...new Set(a.book.designations.map((d) => d.category))];
  const asked = categories.filter((c) => offered.includes(c));
  const cats = asked.length ? asked : offered;
  if (!cats.length) return undefined;
  const signatures = audiences.map((x) => designatedFor(a, x, cats));
  const alike = signatures.every((s) => s === signatures[0]) && JSON.parse(signatures[0] as string).some((l: unknown[]) => l.length);
  const v = a.rules.vocabulary;
  const names = audiences.map((x) => [...v.audiences, ...v.groups].find((t) => t.id === x)?.name ?? x);
  const lines: Line[] = [say(alike ? 'compare_alike' : 'compare_differ', { audiences: names })];
  for (const audience of alike ? audiences.slice(0, 1) : audiences) {
    const r = designationAnswer(a.book, { ...query(cats), audience, ...(alike ? { alike: audiences.slice(1) } : {}) });
    if (r.kind === 'answer') lines.push(...r.lines);
  }
  return { kind: 'answer', lines, session: a.session, found: true, designated: true };
}
