// What the user's words and conversation ask a rule book for, read the same way by every kind of answer: the care
// categories, the designation query, the audience standing for its members, and the designations and guidance
// that go with them. Pure.
import type { AnswerInput } from './answer';
import { categoryTopicLines, designationAnswer, type DesignationQuery } from './designation';
import type { Domain } from './domain';
import type { Line } from './plan';
import type { RuleBook } from '../rules/types';
import { designatesFor, expandGroup } from '../rules/query';
import { guidanceLines } from './topics';

/** Categories asked about: the message's, else the intent's own, else the conversation's last. */
export function categoriesOf(a: AnswerInput, intentCategory?: string): string[] {
  const said = a.slots.categories.filter((c) => !a.domain.broadCategories.includes(c));
  const fromMessage = said.length ? said : a.slots.categories;
  const remembered = a.session.categories ?? (a.session.category ? [a.session.category] : []);
  const asked = fromMessage.length ? fromMessage : remembered.filter((c) => !a.domain.broadCategories.includes(c) || remembered.length === 1);
  if (intentCategory) return [intentCategory, ...asked.filter((c) => c !== intentCategory)];
  return asked;
}

export function designationQuery(a: AnswerInput, categories: string[], assumedFull: readonly string[]): DesignationQuery {
  return {
    categories,
    audience: a.session.audience,
    status: a.status,
    assumedFull,
    vocabulary: a.rules.vocabulary,
    categoryTopics: a.domain.categoryTopics,
    fallbackTopics: a.domain.fallbackTopics,
    categoryFallbacks: a.domain.categoryFallbacks,
    careFallbackTopics: a.domain.careFallbackTopics,
    topicQuery: { text: a.text, departments: a.domain.departments, facility: a.slots.facility?.facility },
  };
}

/**
 * No audience said: what the notice says, for the care asked, to the audiences its designations leave out
 * (晋江's ordinary dialysis patients, moved within the 医共体), after the designated hospitals.
 */
export function othersGuidance(a: AnswerInput, categories: readonly string[]): Line[] {
  if (a.session.audience) return [];
  const designated = a.book.designations.filter((d) => categories.includes(d.category));
  if (!designated.length) return [];
  const covered = new Set(designated.flatMap((d) => d.audiences));
  return a.book.guidance
    .filter((g) => g.categories.some((c) => categories.includes(c)) && g.audiences.length > 0 && g.audiences.every((x) => !covered.has(x)))
    .flatMap(guidanceLines);
}

/** Guidance the notice gives for the user's audience alone, where no designation names that audience. */
export function audienceGuidance(a: AnswerInput): Line[] {
  const audience = a.session.audience;
  if (!audience || a.book.designations.some((d) => d.audiences.includes(audience))) return [];
  return a.book.guidance.filter((g) => g.audiences.includes(audience)).flatMap(guidanceLines);
}

/** The designated hospitals for those of the categories the book designates for (none: no lines). */
export function designatedLines(a: AnswerInput, categories: readonly string[], assumedFull: readonly string[] = a.session.assumedFull ?? []): Line[] {
  const designated = categories.filter((c) => designatesFor(a.book, c));
  if (!designated.length) return [];
  const r = designationAnswer(a.book, designationQuery(a, designated, assumedFull));
  return r.kind === 'answer' ? r.lines : [];
}

/** Where to go for the care the message names (孩子要去看病…能陪几个: the children's hospital), beside a topic the
 * book is silent on. */
export function whereFor(a: AnswerInput): Line[] {
  const categories = a.slots.categories.filter((c) => !a.domain.broadCategories.includes(c));
  const lines = designatedLines(a, categories);
  if (lines.length) return lines;
  // (a care the book designates no hospital for, but says where it is seen: 烟台's fever, its sentinel clinics — 附近社区能看发烧吗)
  const q = designationQuery(a, categories, a.session.assumedFull ?? []);
  return categories.flatMap((c) => categoryTopicLines(a.book, q, c, a.domain.categoryTopics[c] ?? []));
}

/** The book's designation for general care for the user's group, when it has one. */
export const generalFor = (a: AnswerInput, assumedFull: readonly string[]): Line[] => designatedLines(a, a.domain.broadCategories, assumedFull);

/** The user's audience, a group standing for its members (特定对象 → 密接, 隔离人员…). */
export const audiencesOf = (a: AnswerInput): string[] | undefined =>
  a.session.audience ? expandGroup(a.rules.vocabulary, a.session.audience) : undefined;

/** The care emergencies go to in a book: the first of the domain's `emergencyCategories` it designates for. */
export function emergencyCareOf(domain: Domain, book: RuleBook): string | undefined {
  return domain.emergencyCategories.find((c) => designatesFor(book, c));
}
