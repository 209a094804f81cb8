// Every fact of a rule book as a unit an answer can state and cite: a guidance entry (its steps), a facility's
// note, service, hours, address, departments, experts or insurance terms, a contact, a figure, the load marks,
// the source. Each unit carries the words it is found by (its own text, its title, its facility's and its
// topic's names) and the lines that say it. Built once per rule book; pure.
import type { Contact, Facility, FacilityService, Guidance, RuleBook, Vocabulary } from '../rules/types';
import { fact, say, steps, type Line } from './plan';
import { contactLine, sectionLines, serviceLines } from './topics';

export interface FactUnit {
  /** Unique in the book: `guidance:transport`, `facility:qx_centre:service:home_nursing`, `stat:family_doctors`… */
  id: string;
  kind: 'guidance' | 'note' | 'service' | 'section' | 'contact' | 'stat' | 'load_marks' | 'source';
  topic?: string;
  facility?: string;
  /** The notice's words: what the retrieval matches first. */
  text: string;
  /** Names that also find it (title, facility and topic names and synonyms). */
  keys: string;
  /** What a reply says for it. */
  lines: Line[];
  /** Single sentences of it, for the coverage test and for long units (a step of a long procedure). */
  sentences: string[];
}

const SECTIONS = ['address', 'hours', 'departments', 'experts', 'insurance'] as const;

function topicWords(vocabulary: Vocabulary, cues: Readonly<Record<string, readonly string[]>>, topic?: string): string {
  if (!topic) return '';
  const t = vocabulary.topics.find((x) => x.id === topic);
  const own = (cues[topic] ?? []).filter((c) => !c.startsWith('/'));
  return [t?.name ?? '', ...(t?.synonyms ?? []), ...own].join(' ');
}

function facilityNames(f?: Facility): string {
  return f ? [f.name, ...f.aliases].join(' ') : '';
}

function serviceText(s: FacilityService): string {
  return [s.name, s.text, s.eligibility, ...(s.items ?? []), ...Object.entries(s.restrictions ?? {}).map(([k, v]) => `${k}${v}`), s.fees].filter(Boolean).join('。');
}

/** The units of one rule book. `cues`: the NLU's topic cue words (lexicon.yml), so a unit is found by them too. */
export function factUnits(book: RuleBook, vocabulary: Vocabulary, cues: Readonly<Record<string, readonly string[]>> = {}): FactUnit[] {
  const out: FactUnit[] = [];
  const facility = (id?: string): Facility | undefined => (id ? book.facilities.find((f) => f.id === id) : undefined);
  for (const g of book.guidance) out.push(guidanceUnit(book, g, vocabulary, cues, facility(g.facilities[0])));
  for (const f of book.facilities) {
    f.notes.forEach((n, i) =>
      out.push({ id: `facility:${f.id}:note:${i}`, kind: 'note', facility: f.id, text: n, keys: facilityNames(f), lines: [say('facility_service', { facility: f.name, text: n })], sentences: [n] }),
    );
    for (const s of f.services)
      out.push({
        id: `facility:${f.id}:service:${s.id}`,
        kind: 'service',
        topic: s.id,
        facility: f.id,
        text: serviceText(s),
        keys: `${facilityNames(f)} ${topicWords(vocabulary, cues, s.id)}${s.fees ? ` ${topicWords(vocabulary, cues, 'fees')}` : ''}`,
        lines: serviceLines(f, s, book),
        sentences: [s.text, ...(s.eligibility ? [s.eligibility] : []), ...(s.fees ? [s.fees] : [])],
      });
    for (const section of SECTIONS) {
      const lines = sectionLines(f, section, { text: '', departments: {}, topics: [] });
      if (!lines.length) continue;
      const text =
        section === 'address'
          ? (f.address ?? '')
          : section === 'hours'
            ? f.hours.map((h) => h.text).join('。')
            : section === 'departments'
              ? f.departments.join('、')
              : section === 'experts'
                ? (f.experts?.text ?? f.experts?.specialties.join('、') ?? '')
                : f.insurance.join('。');
      out.push({ id: `facility:${f.id}:${section}`, kind: 'section', topic: section, facility: f.id, text, keys: `${facilityNames(f)} ${topicWords(vocabulary, cues, section)}`, lines, sentences: [text] });
    }
  }
  for (const c of book.contacts) out.push(contactUnit(c, book, vocabulary, cues));
  for (const s of book.stats)
    out.push({ id: `stat:${s.id}`, kind: 'stat', topic: s.topic, text: s.text, keys: `${s.label} ${topicWords(vocabulary, cues, s.topic)}`, lines: [fact(s.text)], sentences: [s.text] });
  if (book.loadMarks) {
    const marks = book.loadMarks.marks;
    out.push({
      id: 'load_marks',
      kind: 'load_marks',
      topic: 'load_mark',
      text: marks.map((m) => `${m.name}${m.meaning}`).join('；'),
      keys: `${book.loadMarks.area} ${marks.flatMap((m) => m.synonyms).join(' ')} ${topicWords(vocabulary, cues, 'load_mark')}`,
      lines: [say('load_marks_head', { area: book.loadMarks.area }), ...marks.map((m) => say('load_mark', { mark: m.name, meaning: m.meaning }))],
      sentences: marks.map((m) => m.meaning),
    });
  }
  const src = book.source;
  out.push({
    id: 'source',
    kind: 'source',
    topic: 'source',
    text: [src.title, src.issuer, src.number, src.date, src.via].filter(Boolean).join(' '),
    keys: '通告 通知 文件 出处 依据 文号 发文 source notice document',
    lines: [say('source_is', { title: src.title, issuer: src.issuer })],
    sentences: [src.title],
  });
  return out;
}

function guidanceUnit(book: RuleBook, g: Guidance, vocabulary: Vocabulary, cues: Readonly<Record<string, readonly string[]>>, f?: Facility): FactUnit {
  return {
    id: `guidance:${g.id}`,
    kind: 'guidance',
    topic: g.topic,
    facility: f?.id,
    text: g.steps.join('。'),
    keys: `${g.title} ${topicWords(vocabulary, cues, g.topic)} ${facilityNames(f)}`,
    lines: [steps(g.steps, g.title)],
    sentences: g.steps,
  };
}

function contactUnit(c: Contact, book: RuleBook, vocabulary: Vocabulary, cues: Readonly<Record<string, readonly string[]>>): FactUnit {
  const f = c.facility ? book.facilities.find((x) => x.id === c.facility) : undefined;
  return {
    id: `contact:${c.id}`,
    kind: 'contact',
    topic: c.topics[0],
    facility: c.facility,
    text: [c.name, c.role, c.remit].filter(Boolean).join('，'),
    keys: `电话 联系 ${c.phones.map((p) => p.label ?? '').join(' ')} ${facilityNames(f)} ${c.topics.map((t) => topicWords(vocabulary, cues, t)).join(' ')}`,
    lines: [contactLine(c)],
    sentences: [c.remit],
  };
}
