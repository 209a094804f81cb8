// A short follow-up that names no subject of its own — "收费怎么算", "找谁？", "晚上呢", "How is it charged?" —
// asks about what the last answer said. Its subject is carried over from the fact units that answer stated:
// the contacts for their topics, a section of their facility, or the part of one of them that matches the
// question's words. Pure: the slots, the session's last units and the locality's facts come in.
import type { Session } from '../core/types';
import type { Slots } from '../dialog/slots';
import type { RuleBook } from '../rules/types';
import { contactLine, sectionLines } from './topics';
import { asksWhere, type Domain } from './domain';
import { withUnstated } from './unstated';
import { cueScan } from '../data/cue-scan';
import type { Line } from './plan';
import type { FactIndex } from './retrieve';
import type { FactUnit } from './facts';

export interface FollowUpInput {
  book: RuleBook;
  domain: Domain;
  facts: FactIndex;
  slots: Slots;
  session: Session;
  /** The normalised message, and the original (its length in English words). */
  text: string;
  original: string;
  lang: 'zh' | 'en';
  /** The intent read: contacts are answered by topic. */
  answerKind?: string;
}

const FACILITY_SECTIONS = ['hours', 'address', 'departments', 'experts', 'insurance'];

/** Whether the message is a follow-up: short, and naming nothing but aspects (who, when, how much…). */
export function isFollowUp(f: Omit<FollowUpInput, 'book' | 'facts'>): boolean {
  const s = f.slots;
  if (!f.session.lastUnits?.length) return false;
  if (s.categories.length || s.facility || s.locality || s.audience || s.loadMarks.length || s.full || s.unknownPlace || s.ordinal) return false;
  if (s.topics.some((t) => !f.domain.aspectTopics.includes(t))) return false;
  // where to go, asked again (那她会被送去哪家医院): the hospitals' question, not an aspect of what was just said
  if (asksWhere(f.domain, f.text)) return false;
  // a resident's word for something the notice names otherwise (那轻症呢 → 居家治疗) names a subject, not an aspect
  if (Object.keys(f.domain.plainWords).some((w) => w.length > 1 && f.text.includes(w))) return false;
  const said = withoutAsides(f.domain.followUpAsides, f.lang === 'en' ? f.original.toLowerCase() : f.text);
  const length = f.lang === 'en' ? (said.match(/[a-z]+/g) ?? []).length : (said.match(/[\u3400-\u9fff]/g) ?? []).length;
  return length > 0 && length <= f.domain.followUpLength;
}

/** The text less the asides it holds (他手机号再发我一遍，我记一下 → 他手机号再发我一遍), the longest first. */
function withoutAsides(asides: readonly string[], text: string): string {
  const found = cueScan(asides).which(text);
  if (!found.length) return text;
  return found.map((k) => asides[k] as string).sort((a, b) => b.length - a.length).reduce((t, w) => t.split(w).join(' '), text);
}

/** The line of a service that answers an aspect asked by topic ("要多少钱" → its fees). */
const ASPECT_LINES: Readonly<Record<string, string>> = { fees: 'service_fees', eligibility: 'service_eligibility' };

/** The lines of a unit that say what the question asked (the fees of a service), else the whole unit. */
function focus(unit: FactUnit, words: readonly string[], topics: readonly string[]): Line[] {
  const keys = new Set(topics.map((t) => ASPECT_LINES[t]).filter(Boolean));
  const says = (l: Line): string => JSON.stringify(l);
  const part = unit.lines.slice(1).filter((l) => ('key' in l && keys.has(l.key)) || words.some((w) => says(l).includes(w)));
  return part.length ? part : unit.lines;
}

/** The answer to a follow-up about the last answer, or undefined when that answer holds nothing for it. */
export function followUp(f: FollowUpInput): { lines: Line[]; units: string[] } | undefined {
  const r = carriedOver(f);
  if (!r) return r;
  // "星期几来" about the experts just named: a particular the notice leaves unstated is said to be
  const topics = r.units.map((id) => f.facts.unit(id)?.topic ?? id.split(':').pop() ?? '');
  const lines = withUnstated(f.domain, f.book, f.text, topics, r.lines);
  // (of a number just given, what the notice leaves unstated of any answer: 这个号晚上有人接吗)
  return { ...r, lines: r.units.every((id) => id.startsWith('contact:')) ? withUnstated(f.domain, f.book, f.text, undefined, lines) : lines };
}

function carriedOver(f: FollowUpInput): { lines: Line[]; units: string[] } | undefined {
  const recent = (f.session.lastUnits ?? []).map((id) => f.facts.unit(id)).filter((u): u is FactUnit => !!u);
  if (!recent.length) return undefined;
  const asksContact = f.answerKind === 'contacts' || f.slots.topics.some((t) => t === 'contact_info' || t === 'hotline');
  if (asksContact) {
    // the contacts the notice gives for what was just answered (家庭护理 → its nurse's number)
    const topics = new Set(recent.map((u) => u.topic).filter((t): t is string => !!t));
    const contacts = f.book.contacts.filter((c) => c.phones.length && c.topics.some((t) => topics.has(t)));
    if (contacts.length) return { lines: contacts.map(contactLine), units: contacts.map((c) => `contact:${c.id}`) };
    return undefined;
  }
  // "那这个号晚上有人接吗": the number just given, asked about — that contact again
  if (cueScan(f.domain.numberReferences).any(f.text.toLowerCase())) {
    const contacts = recent.filter((u) => u.kind === 'contact');
    if (contacts.length) return { lines: contacts.flatMap((u) => u.lines), units: contacts.map((u) => u.id) };
  }
  // "晚上呢", "地址呢": that section of the facility the last answer was about
  const section = f.slots.topics.find((t) => FACILITY_SECTIONS.includes(t));
  const facilityId = recent.find((u) => u.facility)?.facility;
  const facility = facilityId ? f.book.facilities.find((x) => x.id === facilityId) : undefined;
  if (section && facility) {
    const lines = sectionLines(facility, section, { text: f.text, departments: f.domain.departments, topics: [] });
    if (lines.length) return { lines, units: [`facility:${facility.id}:${section}`] };
  }
  // "收费怎么算": the part of a unit just stated that the question's words find
  const ids = new Set(recent.map((u) => u.id));
  const hit = f.facts.search({ text: f.text, recent: [...ids] }, 6).find((h) => ids.has(h.unit.id) && h.matched.length > 0);
  if (hit) return { lines: focus(hit.unit, hit.words, f.slots.topics), units: [hit.unit.id] };
  return byCharacter(f.text, recent);
}

/** Words and characters that ask or fill, not name (谁去报 → 报, 具体怎么帮 → 帮). */
const FILLERS = /具体|详细|到底|一下|其实|的话|怎么|什么|哪里|哪个|多少|可以|能不能/g;
/** Asking for the details of what was said. */
const DETAIL = /具体|详细|细说|展开说|详情/;
const ASKING = new Set([...'的了吗呢啊吧嘛呀是在有去来我你他她它们谁啥咋哪些个这那要能会就都也还和与及或把被给让对为从以想问请说做办得着过']);

/**
 * "谁去报", "怎么签", "具体怎么帮": too short for words, but each of its characters that names something is in
 * the steps just said (报告, 签订, 帮扶): those steps again. Nothing found: undefined.
 */
function byCharacter(text: string, recent: readonly FactUnit[]): { lines: Line[]; units: string[] } | undefined {
  const chars = [...text.replace(FILLERS, '')].filter((c) => /[\u3400-\u9fff]/.test(c) && !ASKING.has(c));
  if (!chars.length) return undefined;
  const has = (t: string): boolean => chars.some((c) => t.includes(c));
  // asked for the details (具体怎么帮): every step of what it finds, not only the steps with its characters
  const whole = DETAIL.test(text);
  for (const unit of recent) {
    if (whole && unit.lines.some((l) => has(JSON.stringify(l)))) return { lines: unit.lines, units: [unit.id] };
    const lines: Line[] = [];
    for (const l of unit.lines) {
      if ('steps' in l) {
        const steps = l.steps.filter(has);
        if (steps.length) lines.push({ ...l, steps });
      } else if (has(JSON.stringify(l))) lines.push(l);
    }
    if (lines.length) return { lines, units: [unit.id] };
  }
  return undefined;
}
