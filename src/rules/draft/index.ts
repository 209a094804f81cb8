// draftRuleBook(text, {id, vocabulary}): a notice as pasted → a draft rule book (YAML with its evidence as
// comments), the book itself, the evidence of every value with offsets into the text, what to review, the
// numbers left out and why, and the problems `rules validate` would report. Pure but for the language tools
// (the segmenter and jieba's dictionary), which are loaded once unless the caller passes its own.
import type { Problem } from '../check';
import type { RuleBook, Vocabulary } from '../types';
import { assemble, type DraftBook } from './book';
import { draftContacts, unitContacts, type KeptNumber } from './contacts';
import { draftDesignations, type AudienceContext } from './designations';
import { EvidenceLog, type Evidence, type LeftOut, type Review } from './evidence';
import { draftFacilities } from './facilities';
import { draftGuidance } from './guidance';
import { layout, type Classified } from './layout';
import { numbersIn } from './phones';
import { draftLocality, draftSource, type LocalityDraft } from './source';
import { pinyinOf } from '../../nlu/place-names';
import { paragraphs, type Paragraph } from './structure';
import { draftTables, findTables } from './tables';
import { prepare, range, sub } from './text';
import { defaultTools, type DraftTools } from './tools';
import { PREAMBLE } from './cues';
import { validateDraft } from './validate';
import { vocabMatcher } from './vocab';
import { writeYaml } from './yaml-out';

export type { DraftBook } from './book';
export type { Evidence, LeftOut, Review } from './evidence';
export type { DraftTools } from './tools';

export interface DraftOptions {
  /** The locality id (the rule book's file name); when not given, the pinyin of the locality (江南区 → jiangnan). */
  id?: string;
  vocabulary: Vocabulary;
  /** The books the draft would sit beside in rules/, for the cross-checks (ids, places). */
  others?: RuleBook[];
  /** Where the text came from, for the YAML's header. */
  from?: string;
  tools?: DraftTools;
}

export interface DraftResult {
  yaml: string;
  book: DraftBook;
  evidence: Evidence[];
  review: Review[];
  leftOut: LeftOut[];
  /** What `rules validate` would say of the draft; a text with nothing to draft says so here. */
  problems: Problem[];
  /** Nothing could be drafted from the text. */
  empty: boolean;
}

const ID = /^[a-z][a-z0-9_]*$/;

export function draftRuleBook(text: string, opts: DraftOptions): DraftResult {
  if (opts.id !== undefined && !ID.test(opts.id)) throw new Error(`"${opts.id}" is not a valid locality id (lower-case letters, digits, _; a letter first)`);
  const tools = opts.tools ?? defaultTools(opts.vocabulary);
  const vocab = vocabMatcher(opts.vocabulary);
  const prepared = prepare(text);
  const lay = layout(prepared.lines);
  const paras = paragraphs(lay.lines);
  const log = new EvidenceLog(text);

  const source = draftSource(lay);
  const locality = draftLocality(lay, source, paras, tools);
  const id = opts.id ?? idFor(locality.name) ?? 'draft';
  const file = `rules/${id}.yml`;
  const named = new Set(paras.flatMap((p) => vocab.find(p.seg.norm, ['audience']).map((h) => h.id)));
  // audiences of the notice as a whole (its title, its 通知如下 preamble), for lists that name none
  const preamble = paras.filter((p, k) => k < 3 && p.level === 0 && PREAMBLE.test(p.seg.norm)).map((p) => p.seg.norm);
  const whole = [lay.title?.norm ?? '', ...preamble].join(' ');
  const ctx: AudienceContext = { vocab, named, whole };
  const known = [locality.name.value, ...locality.aliases, ...locality.places.flatMap((p) => [p.name, ...p.aliases]), ...locality.within];
  const index = draftFacilities(paras, tools, vocab, locality.name.value, known);
  const designations = [...draftDesignations(paras, index, ctx), ...draftTables(paras, index, ctx)];

  const used = new Set<number>();
  for (const d of designations) {
    if (d.alsoGuidance) continue;
    for (const s of [d.ev.sentence, d.backupEv?.sentence, ...(d.activationSentences ?? [])]) if (s?.offs[0] !== undefined) used.add(s.offs[0]);
  }
  const tableRows = new Set(findTables(paras).flatMap((t) => t.rows.flatMap((r) => r.paras)));
  const { kept, leftOut } = numbers(lay.lines, paras, tableRows, log);
  const contacts = draftContacts(kept, index, vocab, tools);
  contacts.push(...unitContacts(paras, vocab, locality.within, contacts, tools));
  const guidance = draftGuidance({ paras: paras.filter((p) => !tableRows.has(p)), index, vocab, used });

  const book = assemble({ id, locality, source, facilities: index.facilities, designations, guidance, contacts, ctx }, log);
  const empty = book.facilities.length + book.designations.length + book.guidance.length + book.contacts.length === 0;
  const yaml = writeYaml(book, log.evidence, log.review, leftOut, opts.from ?? 'a pasted notice');
  const problems = empty
    ? [{ file, path: '', message: 'nothing to draft: no facility, designation, procedure or contact could be read from the text (is it the notice itself, not only the page around it?)' }]
    : validateDraft(yaml, file, opts.vocabulary, opts.others);
  return { yaml, book, evidence: log.evidence, review: log.review, leftOut, problems, empty };
}

/** The locality's id from its name: the pinyin the bot reads English place names with (src/nlu/place-names.ts). */
function idFor(name: LocalityDraft['name']): string | undefined {
  if (name.review && !name.ev) return undefined; // no place found
  const core = name.value.replace(/(?:街道|地区|市|县|区|镇|乡|旗)$/, '');
  const id = pinyinOf(core.length >= 2 ? core : name.value).joined.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ID.test(id) ? id : undefined;
}

/** Every number of the page: those of the notice's sentences that are contacts are kept, the rest listed with why. */
function numbers(lines: Classified[], paras: Paragraph[], tableRows: Set<Paragraph>, log: EvidenceLog): { kept: KeptNumber[]; leftOut: LeftOut[] } {
  const kept: KeptNumber[] = [];
  const leftOut: LeftOut[] = [];
  const out = (seg: { text: string; offs: number[] }, v: { number: string; start: number; end: number; reason?: string }) => {
    const [start, end] = range(sub({ ...seg, norm: seg.text }, v.start, v.end));
    leftOut.push({ number: log.original.slice(start, end), reason: v.reason ?? 'not a contact', start, end, line: log.lineOf(start), context: seg.text.trim().slice(0, 120) });
  };
  for (const c of lines) {
    if (c.region === 'body' && (c.kind === 'text' || c.kind === 'title' || c.kind === 'signature' || c.kind === 'date' || c.kind === 'addressee' || c.kind === 'number')) continue;
    const reason =
      c.kind === 'link'
        ? 'in a list of links to other articles around the notice'
        : c.kind === 'chrome'
          ? "the site's page furniture (navigation, footer), not the notice"
          : c.region === 'header'
            ? "above the notice's title (the page's header)"
            : c.region === 'footer'
              ? "below the notice's signature (the site's footer)"
              : "the page's dateline or source line, not the notice";
    for (const v of numbersIn(c.line, reason)) out(c.line, v);
  }
  for (const p of paras) {
    if (tableRows.has(p)) continue;
    for (const v of numbersIn(p.seg, undefined, p.headings.map((h) => h.seg.norm).join(' '))) {
      if (v.keep) kept.push({ verdict: v, para: p });
      else out(p.seg, v);
    }
  }
  leftOut.sort((a, b) => a.start - b.start);
  return { kept, leftOut };
}
