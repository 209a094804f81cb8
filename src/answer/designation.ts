// The designation answer: for each care category asked about, the designated hospitals for the user's
// zone or status in the notice's order — the active one first when some are full — with the backups,
// what starts them, and how to get there.
import { designatesFor, expandGroup, findDesignations, type DesignationAnswer } from '../rules/query';
import type { Designation, LiveStatus, RuleBook, Vocabulary } from '../rules/types';
import { hotlineOf } from './contacts';
import { say, type Line, type MessageRef } from './plan';
import { guidanceLines, topicGuidance, topicLines, type TopicQuery } from './topics';

export interface DesignationQuery {
  categories: string[];
  audience?: string;
  /** Audiences to name beside `audience` in the lines, when the answer is theirs too (a comparison found them alike). */
  alike?: string[];
  status: LiveStatus;
  /** Facilities the user said are full in this conversation. */
  assumedFull: readonly string[];
  vocabulary: Vocabulary;
  /** Topics that answer for a category the book designates nothing for. */
  categoryTopics: Readonly<Record<string, readonly string[]>>;
  fallbackTopics: readonly string[];
  /** Categories whose designations answer for a care the book designates nothing for and says nothing on. */
  categoryFallbacks?: Readonly<Record<string, readonly string[]>>;
  /** Topics that answer for a care with no designation, no line and no stand-in (烟台's family doctors). */
  careFallbackTopics?: readonly string[];
  topicQuery: Omit<TopicQuery, 'topics'>;
  /** Zones differing and none known: each zone's hospitals rather than a question (where an ambulance takes them). */
  everyZone?: boolean;
}

export type DesignationResult =
  | { kind: 'answer'; lines: Line[] }
  /** The designations differ by zone and the user has not said theirs. */
  | { kind: 'ask_zone'; audiences: string[] };

const nameOf = (list: { id: string; name: string }[], id: string): string => list.find((t) => t.id === id)?.name ?? id;

/**
 * The care's name as a designation prints it: the notice's own words when its note is one of the category's
 * notice names (晋江's 肿瘤化疗 is not 放化疗, its 婴幼儿诊疗 not every child), else the canonical name.
 */
export function categoryLabel(v: Vocabulary, d: Pick<Designation, 'category' | 'note'>): string {
  const term = v.categories.find((t) => t.id === d.category);
  const said = d.note?.replace(/定点医院$/, '');
  return said && term?.notice_names && said in term.notice_names ? said : (term?.name ?? d.category);
}

/** Where a designation covers a whole group (Jinjiang's 特定对象), the group's name and its members. */
function audienceLabel(d: Designation, vocabulary: Vocabulary, book: RuleBook): Label {
  for (const g of vocabulary.groups) {
    const members = vocabulary.audiences.filter((a) => a.groups.includes(g.id) && book.audiences.includes(a.id)).map((a) => a.id);
    if (members.length > 2 && members.every((m) => d.audiences.includes(m)))
      return [{ key: 'audience_group', vars: { group: g.name, members: members.map((m) => nameOf(vocabulary.audiences, m)) } }];
  }
  return d.audiences.map((a) => nameOf(vocabulary.audiences, a));
}

/** Whom a designation is for, as names a reply shows in its language (a group with its members). */
type Label = (string | MessageRef)[];

/** A facility's name, marked when it is full or closed. */
const marked = (name: string, state: string): string | MessageRef => (state === 'open' ? name : { key: 'facility_full', vars: { name } });

/** The lines for one designation, or for several categories that share the same facilities and backups. */
function designationLines(a: DesignationAnswer, labels: string[], audience: Label): Line[] {
  const lines: Line[] = [];
  const full = a.facilities.filter((f) => f.state !== 'open').map((f) => f.facility.name);
  if (a.exhausted) lines.push(say('designation_all_full', { full }));
  else if (full.length) lines.push(say('designation_backup_active', { full, active: a.active.map((f) => f.name) }));
  const designated = a.facilities.filter((f) => f.role === 'designated' || f.active);
  lines.push(
    say('designation', {
      audience: audience.length ? [{ key: 'designation_audience', vars: { name: audience } }] : [],
      category: labels,
      facilities: designated.map((f) => marked(f.facility.name, f.state)),
    }),
  );
  const backups = a.facilities.filter((f) => f.role === 'backup').sort((x, y) => x.order - y.order);
  if (backups.length) {
    lines.push(say('designation_backups', { backups: backups.map((f) => marked(`${f.order}. ${f.facility.name}`, f.state)) }));
    if (a.activation) lines.push(say('designation_activation', { text: a.activation }));
  }
  return lines;
}

/** How to get to a designated hospital: the book's transport procedure, else its care route. */
export function routeLines(book: RuleBook, audiences?: string[], categories: readonly string[] = []): Line[] {
  const g = topicGuidance(book, 'transport', audiences, categories)[0] ?? topicGuidance(book, 'care_route', audiences, categories)[0];
  return g ? [say('route_head'), { steps: g.steps }] : [];
}

/** One designation found for a category, with the audience label to print. */
interface Found {
  answer: DesignationAnswer;
  category: string;
  audience: Label;
}

type CategoryResult = { kind: 'found'; found: Found[] } | { kind: 'lines'; lines: Line[] } | { kind: 'ask_zone'; audiences: string[] };

/** An audience's or a group's name (特定对象). */
const audienceName = (v: Vocabulary, id: string): string => nameOf([...v.audiences, ...v.groups], id);

function oneCategory(book: RuleBook, category: string, q: DesignationQuery): CategoryResult {
  const v = q.vocabulary;
  const lookup = findDesignations(book, { category }, q.status, [...q.assumedFull]);
  const categoryName = nameOf(v.categories, category);
  if (!lookup.items.length) {
    // what the notice says for the care instead, after saying it designates no hospital for it (the rural plan,
    // written for no one place, only says what it has)
    let lines = categoryTopicLines(book, q, category, q.categoryTopics[category] ?? []);
    if (!lines.length && book.fallback) lines = categoryTopicLines(book, q, category, q.fallbackTopics);
    const none = say('designation_none', { locality: book.name, category: categoryName });
    if (!lines.length) lines = insteadLines(book, category, q);
    return { kind: 'lines', lines: !lines.length ? [none] : book.fallback ? lines : [none, ...lines] };
  }
  if (q.audience) {
    const wanted = expandGroup(v, q.audience);
    const mine = lookup.items.filter((a) => a.designation.audiences.some((x) => wanted.includes(x)));
    if (mine.length) return found(mine, category, () => [q.audience as string, ...(q.alike ?? [])].map((x) => audienceName(v, x)));
    // No designation for this audience: what the notice says for it instead (防范区就近就医…), else whom they are for.
    const own = book.guidance.filter((g) => g.audiences.some((x) => wanted.includes(x)) && (!g.categories.length || g.categories.includes(category)));
    const none = say('designation_none_for_audience', { audience: audienceName(v, q.audience), category: categoryName });
    if (own.length) return { kind: 'lines', lines: [none, ...own.flatMap(guidanceLines)] };
    return { kind: 'lines', lines: [none, ...lookup.items.flatMap((a) => designationLines(a, [categoryLabel(v, a.designation)], audienceLabel(a.designation, v, book)))] };
  }
  if (!lookup.uniform && q.everyZone) return found(lookup.items, category, (a) => audienceLabel(a.designation, v, book));
  if (!lookup.uniform) return { kind: 'ask_zone', audiences: [...new Set(lookup.items.flatMap((a) => a.designation.audiences))] };
  const first = lookup.items[0] as DesignationAnswer;
  const label =
    lookup.items.length > 1
      ? [...new Set(lookup.items.flatMap((a) => a.designation.audiences))].map((x) => nameOf(v.audiences, x))
      : audienceLabel(first.designation, v, book);
  return found([first], category, () => label);
}

/**
 * The designations of the categories that stand in for a care with none of its own (综合诊疗 for a chronic illness),
 * else who the notice says looks after residents (烟台's family doctors for a child's care).
 */
function insteadLines(book: RuleBook, category: string, q: DesignationQuery): Line[] {
  for (const other of q.categoryFallbacks?.[category] ?? []) {
    if (other === category) continue;
    const r = oneCategory(book, other, { ...q, categoryFallbacks: {} });
    if (r.kind === 'found') return r.found.flatMap((f) => designationLines(f.answer, [categoryLabel(q.vocabulary, f.answer.designation)], f.audience));
  }
  return book.fallback ? [] : categoryTopicLines(book, q, category, q.careFallbackTopics ?? []);
}

/** Designations found for a category, each with its audience label. */
const found = (list: DesignationAnswer[], category: string, label: (a: DesignationAnswer) => Label): CategoryResult => ({
  kind: 'found',
  found: list.map((answer) => ({ answer, category, audience: label(answer) })),
});

/** What a book says of a care under the topics given (`categoryTopics`: fever → its fever rule and sentinel clinics), for the
 * audience asked about. */
export const categoryTopicLines = (book: RuleBook, q: DesignationQuery, category: string, topics: readonly string[]): Line[] =>
  topicLines(book, { ...q.topicQuery, audiences: q.audience ? expandGroup(q.vocabulary, q.audience) : undefined, topics, categories: [category] });

/** The care asked for that a notice's name for it leaves out (放疗, beside 晋江's 肿瘤化疗): said not to be mentioned. */
function leftOut(q: DesignationQuery, labels: readonly string[]): Line[] {
  const text = q.topicQuery.text.toLowerCase();
  return labels.flatMap((label) => {
    const out = q.vocabulary.categories.find((t) => t.notice_leaves_out?.[label])?.notice_leaves_out?.[label] ?? {};
    const words = Object.keys(out).filter((w) => text.includes(w.toLowerCase()));
    return words.length ? [say('designation_leaves_out', { label, words: words.slice(0, 1) })] : [];
  });
}

/**
 * What makes two designations one line: the same audience label, facilities (each's id, state and role, in order)
 * and activation. Written as the label's JSON, then the facilities' ids (lower-case letters, digits, _), states
 * and roles, then the activation's JSON: each part is read back unambiguously, and a hospital list is not written
 * out as JSON a category.
 */
function groupKey(f: Found): string {
  let facilities = '';
  for (const x of f.answer.facilities) facilities += `${x.facility.id}:${x.state}:${x.role},`;
  return `${JSON.stringify(f.audience)}|${facilities}|${JSON.stringify(f.answer.activation)}`;
}

/**
 * Answers for the categories asked about. Categories whose designations name the same facilities,
 * backups and audiences are said in one line (晋江市医院 serves six of them).
 */
export function designationAnswer(book: RuleBook, q: DesignationQuery): DesignationResult {
  // Where some of the categories asked about have designations, answer those; the others' topics are noise.
  const designated = q.categories.filter((c) => designatesFor(book, c));
  const lines: Line[] = [];
  const groups = new Map<string, { first: Found; labels: string[] }>();
  for (const category of designated.length ? designated : q.categories) {
    const r = oneCategory(book, category, q);
    if (r.kind === 'ask_zone') return r;
    if (r.kind === 'lines') lines.push(...r.lines);
    else
      for (const f of r.found) {
        const key = groupKey(f);
        const g = groups.get(key);
        const label = categoryLabel(q.vocabulary, f.answer.designation);
        if (g) g.labels.push(label);
        else groups.set(key, { first: f, labels: [label] });
      }
  }
  for (const g of groups.values()) lines.push(...designationLines(g.first.answer, g.labels, g.first.audience), ...leftOut(q, g.labels));
  // every hospital listed is full: the number to call, where the notice gives one
  const hotline = [...groups.values()].some((g) => g.first.answer.exhausted) ? hotlineOf(book) : undefined;
  if (hotline) lines.push(say('missing_hotline', { name: hotline.name, phones: hotline.phones.map((p) => p.number) }));
  return { kind: 'answer', lines };
}
