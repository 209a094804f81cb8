// The general answer: everything a rule book says under some topics — guidance entries, a facility's
// services and sections (address, hours, departments, experts, insurance), contacts and figures.
import type { Contact, Facility, FacilityService, Guidance, RuleBook } from '../rules/types';
import { fact, say, steps, type Line } from './plan';
import { isPattern } from './domain';

export interface TopicQuery {
  topics: readonly string[];
  /** The user's audience, or a group's members (特定对象 → 密接, 隔离人员…). */
  audiences?: string[];
  /** A facility the user named: its sections come first, and only its. */
  facility?: Facility;
  /** Words of the message, to match department names people use (B超 → 彩超科). */
  text: string;
  /** Department aliases from the domain data. */
  departments: Readonly<Record<string, readonly string[]>>;
  /** The message asks how many: the notice's figures are given even beside other facts. */
  counts?: boolean;
  /** Care categories asked about: guidance limited to other categories (透析 only) is left out. */
  categories?: readonly string[];
  /** Topics the message names: a figure that is the notice's word on one of them (stat `answers`) is given. */
  named?: readonly string[];
}

const FACILITY_SECTIONS = new Set(['address', 'hours', 'departments', 'experts', 'insurance']);

/**
 * A topic's guidance for the audiences and care categories asked: entries limited to categories only for those
 * asked (晋江's dialysis arrangements are not the care route of a child, nor of someone who named no care).
 */
export function topicGuidance(book: RuleBook, topic: string, audiences?: string[], categories: readonly string[] = []): Guidance[] {
  // (findGuidance's items for the one topic, without the report of what is missing nobody reads here)
  const items = indexOf(book).guidance.get(topic);
  if (!items) return [];
  return items.filter(
    (g) =>
      (!audiences || g.audiences.length === 0 || audiences.some((a) => g.audiences.includes(a))) &&
      (!g.categories.length || g.categories.some((c) => categories.includes(c))),
  );
}

/** What a book holds under each topic, found once per book rather than by walking the book for every topic asked. */
interface TopicIndex {
  /** Guidance entries by topic, in the notice's order. */
  guidance: Map<string, Guidance[]>;
  /** The facilities not standing for a kind (所有定点医院), and the ids of their services. */
  facilities: Facility[];
  services: Set<string>;
  /** Contacts by topic, in the notice's order. */
  contacts: Map<string, Contact[]>;
  /** Topics with figures. */
  stats: Set<string>;
}

const indexes = new WeakMap<RuleBook, TopicIndex>();

function indexOf(book: RuleBook): TopicIndex {
  let x = indexes.get(book);
  if (x) return x;
  const guidance = new Map<string, Guidance[]>();
  for (const g of book.guidance) guidance.set(g.topic, [...(guidance.get(g.topic) ?? []), g]);
  const facilities = book.facilities.filter((f) => !f.generic);
  const contacts = new Map<string, Contact[]>();
  for (const c of book.contacts) for (const t of new Set(c.topics)) contacts.set(t, [...(contacts.get(t) ?? []), c]);
  x = { guidance, facilities, services: new Set(facilities.flatMap((f) => f.services.map((s) => s.id))), contacts, stats: new Set(book.stats.map((s) => s.topic).filter((t): t is string => !!t)) };
  indexes.set(book, x);
  return x;
}

export function guidanceLines(g: Guidance): Line[] {
  return [steps(g.steps, g.title)];
}

export function contactLine(c: Contact): Line {
  const role = c.role ? `（${c.role}）` : '';
  const remit = c.remit ? `；${c.remit}` : '';
  return c.phones.length
    ? say('contact_line', { name: c.name, role, phones: c.phones.map((p) => p.number).join(' / '), remit })
    : say('contact_no_phone', { name: c.name, role, remit });
}

export function serviceLines(f: Facility, s: FacilityService, book: RuleBook): Line[] {
  const lines: Line[] = [say('facility_service', { facility: f.name, text: s.text })];
  if (s.eligibility) lines.push(say('service_eligibility', { eligibility: s.eligibility }));
  if (s.items?.length) lines.push(say('service_items', { items: s.items }));
  for (const [item, restriction] of Object.entries(s.restrictions ?? {}))
    lines.push(say('service_restriction', { item, restriction }));
  if (s.fees) lines.push(say('service_fees', { fees: s.fees }));
  for (const id of s.contacts ?? []) {
    const c = book.contacts.find((x) => x.id === id);
    if (c) lines.push(contactLine(c));
  }
  return lines;
}

/** A department word written /…/, compiled once. */
const compiled = new Map<string, RegExp>();
function patternOf(w: string): RegExp {
  let r = compiled.get(w);
  if (!r) compiled.set(w, (r = new RegExp(w.slice(1, -1))));
  return r;
}

function departmentLines(f: Facility, q: TopicQuery): Line[] {
  if (!f.departments.length) return [];
  const lines: Line[] = [];
  for (const [department, aliases] of Object.entries(q.departments)) {
    if (!f.departments.includes(department)) continue;
    // (words apart are said as the department's first plain word: 狗…咬了一口 as 狗咬)
    const plain = aliases.find((a) => !isPattern(a));
    const asked = [...new Set(aliases.flatMap((a) => (isPattern(a) ? (patternOf(a).test(q.text) ? [plain ?? department] : []) : q.text.includes(a) ? [a] : [])))];
    if (asked.length) lines.push(say('facility_department_match', { asked, department }));
    // the department named as such (犬伤门诊哪里有): that the facility has it
    else if (q.text.includes(department)) lines.push(say('facility_department_named', { facility: f.name, department }));
  }
  // (a care found at the facility is somewhere to go: where the facility is)
  const where = lines.length && f.address ? [say('facility_address', { facility: f.name, address: f.address })] : [];
  return [...lines, say('facility_departments', { facility: f.name, departments: f.departments }), ...where];
}

export function sectionLines(f: Facility, topic: string, q: TopicQuery): Line[] {
  switch (topic) {
    case 'address':
      return f.address ? [say('facility_address', { facility: f.name, address: f.address })] : [];
    case 'hours':
      return f.hours.map((h) => say('facility_hours', { facility: f.name, text: h.text }));
    case 'departments':
      return departmentLines(f, q);
    case 'experts': {
      const e = f.experts;
      if (!e) return [];
      const text = e.text ?? `${e.count ? `${e.count}名` : ''}上级医院专家：${e.specialties.join('、')}`;
      return [say('facility_experts', { facility: f.name, text })];
    }
    case 'insurance':
      return f.insurance.map((text) => say('facility_insurance', { facility: f.name, text }));
    default:
      return [];
  }
}

/** What the facility (or every facility of the book) says under `topic`. */
function facilityLines(book: RuleBook, topic: string, q: TopicQuery): Line[] {
  if (!q.facility && !FACILITY_SECTIONS.has(topic) && !indexOf(book).services.has(topic)) return [];
  const facilities = q.facility ? [q.facility] : indexOf(book).facilities;
  return facilities.flatMap((f) => [
    ...(FACILITY_SECTIONS.has(topic) ? sectionLines(f, topic, q) : []),
    ...f.services.filter((s) => s.id === topic).flatMap((s) => serviceLines(f, s, book)),
  ]);
}

/**
 * Lines for every topic in order; an empty result means the rule book says nothing about them. A facility's
 * own sections and services answer first; guidance on the same topic is used where they say nothing. A
 * contact whose number is already given is not repeated.
 */
export function topicLines(book: RuleBook, q: TopicQuery): Line[] {
  if (!q.topics.length) return [];
  const index = indexOf(book);
  const lines: Line[] = [];
  for (const topic of q.topics) {
    const own = facilityLines(book, topic, q);
    const said = own.length ? own : topicGuidance(book, topic, q.audiences, q.categories).flatMap(guidanceLines);
    lines.push(...said);
    // Figures: those the message asks for by name ("多少个家庭医生团队") or answer a question it names (送药上门: the home
    // visits bringing medicines), or all of the topic's when it has nothing else.
    if (index.stats.has(topic))
      for (const s of book.stats)
        if (s.topic === topic && (!said.length || (q.counts && q.text.includes(s.label)) || s.answers?.some((t) => q.named?.includes(t)))) lines.push(fact(s.text));
    const topicContacts = index.contacts.get(topic);
    if (!topicContacts) continue;
    const given = lines.map(lineWords).join('\n');
    for (const c of topicContacts) if (!c.phones.some((p) => given.includes(p.number))) lines.push(contactLine(c));
  }
  return dedupe(lines);
}

/**
 * The notice's lines on topics written for other audiences than the one asked about (忻州's transport, for 封(管)控区
 * residents, asked by someone in home isolation): given, said to be theirs, rather than nothing.
 */
export function topicLinesForOthers(book: RuleBook, q: TopicQuery, asked: readonly string[], audiences: readonly { id: string; name: string }[]): Line[] {
  const others = topicLines(book, { ...q, audiences: undefined });
  const whom = [...new Set(asked.flatMap((t) => topicGuidance(book, t).flatMap((g) => g.audiences)))];
  if (!others.length || !whom.length) return [];
  return [say('topic_for_audience', { audience: whom.map((x) => audiences.find((v) => v.id === x)?.name ?? x) }), ...others];
}

/** The words a line carries, to tell whether a number was already given. */
export const lineWords = (l: Line): string =>
  'fact' in l ? l.fact : 'steps' in l ? l.steps.join('\n') : Object.values(l.vars ?? {}).flat().join('\n');

/** A sentence the notice repeats in several entries (the rural plan's tiers) is said once. */
export function dedupe(lines: Line[]): Line[] {
  const seen = new Set<string>();
  const out: Line[] = [];
  // a message line is known by its JSON, written only when one could repeat (below): a list of hospitals is long
  const written = mayRepeatMessages(lines);
  for (const line of lines) {
    if ('steps' in line) {
      const keys = line.steps.map(key);
      const fresh = line.steps.filter((_, i) => !seen.has(keys[i] as string));
      for (const k of keys) seen.add(k);
      if (fresh.length) out.push(fresh.length === line.steps.length ? line : { ...line, steps: fresh });
    } else if ('fact' in line || written) {
      const k = 'fact' in line ? key(line.fact) : JSON.stringify(line);
      if (!seen.has(k)) out.push(line);
      seen.add(k);
    } else out.push(line);
  }
  return out;
}

/** Whether a message line of these could equal an earlier line: one of the same message key, or a sentence that
 * reads as JSON does ("{…", as a message line's JSON does). */
function mayRepeatMessages(lines: readonly Line[]): boolean {
  const keys = new Set<string>();
  for (const l of lines) {
    if ('steps' in l) {
      if (l.steps.some((t) => t.startsWith('{'))) return true;
    } else if ('fact' in l) {
      if (l.fact.startsWith('{')) return true;
    } else if (keys.has(l.key)) return true;
    else keys.add(l.key);
  }
  return false;
}

const TRAILING = new Set(['。', '；', ';', '，', ',']);
const SPACE = /\s/u;

/** A sentence without the punctuation and spaces it ends with (as `t.replace(/[。；;，,\s]+$/u, '')`, without a
 * regex scanning the whole sentence). */
function key(t: string): string {
  let end = t.length;
  while (end > 0) {
    const c = t[end - 1] as string;
    if (!TRAILING.has(c) && !SPACE.test(c)) break;
    end--;
  }
  return end === t.length ? t : t.slice(0, end);
}
