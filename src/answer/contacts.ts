// The contact answer: the numbers a notice gives, the ones the user named first; a number the notice
// does not list is said not to be a medical contact, and a missing hotline is said to be missing.
import type { Contact, OtherNumber, RuleBook } from '../rules/types';
import { say, type Line } from './plan';
import { lowerCase } from './domain';
import { findGuidance } from '../rules/query';
import { contactLine, guidanceLines } from './topics';

const PHONE = /\d[\d\- ]{3,}\d/g;
const HAS_DIGIT = /\d/;
/** More digits than any telephone number has (0531 and eight, twelve): numbers written side by side with a space. */
const LONGEST_PHONE = 12;
/** A telephone number's digits alone (0350-3301599 → 03503301599). */
export const digits = (s: string): string => s.replace(/\D/g, '');

const handlesOf = new WeakMap<Contact, string[]>();

/** Words by which a user may name a contact: its name, role and phone labels, with and without 电话, and a
 * role by its office (医务科负责人 → 医务科). Made once per contact. */
function handles(c: Contact): string[] {
  let out = handlesOf.get(c);
  if (!out) handlesOf.set(c, (out = makeHandles(c)));
  return out;
}

function makeHandles(c: Contact): string[] {
  const words = [c.name, c.role, ...c.phones.map((p) => p.label)].filter((w): w is string => !!w && w.length >= 2);
  const forms = words.flatMap((w) => [w, w.replace(/(联系)?电话$/, ''), w.replace(/(负责人|主任|办理人员|人员)$/, '')]);
  return [...new Set(forms.filter((w) => w.length >= 2))];
}

export interface ContactQuery {
  text: string;
  /** The user's audience, or a group's members. */
  audiences?: string[];
  /** Contact media the domain lists (QQ, 微信号…). */
  channels: readonly string[];
  /** Every phone number any rule book lists (digits only), to tell a medical contact from another number. */
  knownNumbers: ReadonlySet<string>;
  /** Words that give a number as the user's own (answers.yml `ownNumberCues`). */
  ownNumberCues?: readonly string[];
  /** Public service lines (12345, 110…): named by the user, they are no number asked about. */
  serviceNumbers?: readonly string[];
  /** Topics the message names (home_nursing, rehab…): the contacts for them come first. */
  topics?: readonly string[];
  /** The user says a number goes unanswered or asks for another (打不通, 没人接, 还有别的号吗): the other ones. */
  unanswered?: boolean;
}

/**
 * The phone-like numbers a message asks about (five digits or more, digits only): not those it gives as the user's
 * own (`ownCues` within a few characters before the number: 我的电话是139…, call me on …).
 */
export function askedNumbers(text: string, ownCues: readonly string[] = []): string[] {
  const out: string[] = [];
  // (most messages have no digit: no number to read)
  if (!HAS_DIGIT.test(text)) return out;
  const lower = text.toLowerCase();
  for (const m of text.matchAll(PHONE)) {
    // (139 1234 5678 is one number; 0531-66661234 96678 two)
    const whole = digits(m[0]);
    const parts = whole.length > LONGEST_PHONE ? m[0].split(/ +/) : [m[0]];
    let at = m.index ?? 0;
    for (const part of parts) {
      const d = digits(part);
      const start = text.indexOf(part, at);
      at = start + part.length;
      if (d.length < 5) continue;
      const before = lower.slice(Math.max(0, start - 12), start);
      if (ownCues.some((c) => before.includes(c))) continue;
      out.push(d);
    }
  }
  return out;
}

/** The numbers a message asks about that no notice lists and no public service number is (打了一天12345 is none). */
export function unlistedNumbers(text: string, q: { ownNumberCues?: readonly string[]; knownNumbers: ReadonlySet<string>; serviceNumbers?: readonly string[] }): string[] {
  return askedNumbers(text, q.ownNumberCues).filter((d) => !q.knownNumbers.has(d) && !q.serviceNumbers?.includes(d));
}

/** A number printed on one of the books' pages that is no medical contact (a news site's line), by its digits. */
export function otherNumberOf(books: readonly RuleBook[], asked: readonly string[]): OtherNumber | undefined {
  for (const b of books) for (const o of b.otherNumbers) if (asked.includes(digits(o.number))) return o;
  return undefined;
}

/** The line for numbers no notice lists as a medical contact: what it is when the page says, never the number itself. */
export function unknownNumberLine(books: readonly RuleBook[], asked: readonly string[]): Line {
  const other = otherNumberOf(books, asked);
  return other ? say('contact_other_number', { what: other.what }) : say('contact_unknown_number');
}

export function contactAnswer(book: RuleBook, q: ContactQuery): { lines: Line[]; found: boolean } {
  const lines: Line[] = [];
  const unknown = unlistedNumbers(q.text, q);
  if (unknown.length) lines.push(unknownNumberLine([book], unknown));
  const text = q.text.toLowerCase();
  const lower = lowerCase(q.channels);
  const channels = q.channels.filter((_, i) => text.includes(lower[i] as string));
  if (channels.length) lines.push(say('contact_no_channel', { channel: channels }));

  const withPhones = book.contacts.filter((c) => c.phones.length && c.phones.some((p) => p.number !== '120'));
  const named = book.contacts.filter((c) => handles(c).some((h) => q.text.includes(h)));
  // "找谁做康复", "home nursing, who do I call": the contacts the notice gives for what is asked about
  const forTopic = withPhones.filter((c) => c.topics.some((t) => q.topics?.includes(t)));
  const hotlines = withPhones.filter((c) => c.kind === 'hotline');
  if (q.unanswered) {
    const o = othersThan(book, named.length ? named : [hotlineOf(book)], withPhones, q);
    return { lines: [...lines, ...o.lines], found: o.found };
  }
  const chosen = named.length ? named : forTopic.length ? forTopic : hotlines.length ? hotlines : withPhones;
  if (chosen.length) return { lines: [...lines, ...chosen.map(contactLine)], found: true };

  lines.push(say('contact_none', { locality: book.name }));
  const info = findGuidance(book, { topics: ['contact_info'], audiences: q.audiences }).items;
  for (const g of info) lines.push(...guidanceLines(g));
  return { lines, found: info.length > 0 };
}

/** The contacts besides those the user could not reach (those for the same things first), or what the notice
 * says of reaching help when it lists no other; then the ones tried, whose number may have been mistyped. */
function othersThan(book: RuleBook, tried: readonly (Contact | undefined)[], withPhones: readonly Contact[], q: ContactQuery): { lines: Line[]; found: boolean } {
  const known = tried.filter((c): c is Contact => !!c && withPhones.includes(c));
  const others = withPhones.filter((c) => !known.includes(c));
  const topics = new Set([...known.flatMap((c) => c.topics), ...(q.topics ?? [])]);
  const related = others.filter((c) => c.topics.some((t) => topics.has(t)));
  const chosen = related.length ? related : others;
  if (chosen.length) return { lines: [say('contact_others'), ...chosen.map(contactLine), ...known.map(contactLine)], found: true };
  // how else the notice says to reach help: its contact guidance, else its route to care (与网格员联系…)
  const contactInfo = findGuidance(book, { topics: ['contact_info'], audiences: q.audiences }).items;
  const info = contactInfo.length ? contactInfo : findGuidance(book, { topics: ['care_route'], audiences: q.audiences }).items.slice(0, 1);
  return { lines: [say('contact_no_other', { locality: book.name }), ...info.flatMap(guidanceLines), ...known.map(contactLine)], found: info.length + known.length > 0 };
}

/** The number to give a user who waits for a human, or who hits a gap in the rule book. */
export function hotlineOf(book: RuleBook): Contact | undefined {
  const withPhones = book.contacts.filter((c) => c.phones.some((p) => p.number !== '120'));
  return (
    withPhones.find((c) => c.id === book.escalation) ??
    withPhones.find((c) => c.kind === 'hotline') ??
    withPhones.find((c) => c.kind === 'duty')
  );
}
