// Guidance: procedures as ordered steps and rules as statements, from the paragraphs that are not
// designations. A procedure's sentence is split into steps where the notice moves on (…联系，由…；诊疗
// 结束后，…); consecutive sentences on one topic of the vocabulary make one entry. Pure.
import { PREAMBLE } from './cues';
import type { Ev } from './evidence';
import type { FacilityDraft, FacilityIndex } from './facilities';
import { clauses, sentences } from './sentences';
import type { Paragraph } from './structure';
import { join, sub, trim, type Seg } from './text';
import type { VocabMatcher } from './vocab';

export interface StepDraft {
  text: string;
  ev: Ev;
}

export interface GuidanceDraft {
  topic: string;
  title: string;
  steps: StepDraft[];
  facilities: FacilityDraft[];
  /** Paragraph text the entry covers (audiences and contacts are read from it). */
  text: string;
  headings: string[];
  review?: string;
}

/** Words that make a sentence a rule (要, 应当, 不得, 实行…) rather than a report. */
const RULE_WORD = /要|应|须|不得|严禁|禁止|鼓励|务必|一律|实行|可以|可由|请/;
const PROCEDURE_HEADING = /流程|程序|步骤|办法|方式|路径/;
/** A clause that moves a procedure on to its next step. */
const NEXT_STEP = /^(?:由|再由|再|然后|随后|之后|最后|并由)/;
const AFTER = /(?:后|之后|以后|结束后|完成后)$/;
const AFTER_LEAD = /^.{0,10}(?:结束|完成|之)后/;

/** Steps of one sentence: whole, or split where a procedure moves on. */
export function stepsOf(s: Seg): Seg[] {
  const cl = clauses(s);
  if (cl.length < 3 || s.text.length < 40) return [s];
  const groups: Seg[][] = [];
  cl.forEach((c, i) => {
    const prev = cl[i - 1];
    const body = c.norm.replace(/[,，。;；]$/, '');
    // a condition (不需要外出就诊的，…) belongs with what follows it
    const afterCondition = !!prev && (/的$/.test(prev.norm.replace(/[,，]$/, '')) || (i === 1 && prev.norm.length < 16));
    const starts =
      i > 0 &&
      !afterCondition &&
      ((NEXT_STEP.test(body) && !(prev && AFTER.test(prev.norm.replace(/[,，]$/, '')))) || (AFTER.test(body) && !NEXT_STEP.test(body)) || AFTER_LEAD.test(body));
    if (starts || !groups.length) groups.push([c]);
    else (groups[groups.length - 1] as Seg[]).push(c);
  });
  return groups.map((g) => join(g));
}

/**
 * Parts of a sentence that states several rules: its ；-separated parts, and a very long sentence cut where
 * its clauses move to another topic of the vocabulary (a centre's address, then its departments, then its
 * night clinic…).
 */
export function partsOf(s: Seg, vocab: VocabMatcher): Seg[] {
  const semi: Seg[] = [];
  let start = 0;
  for (let i = 0; i < s.norm.length - 1; i++) {
    if (s.norm[i] !== ';') continue;
    semi.push(sub(s, start, i + 1));
    start = i + 1;
  }
  semi.push(sub(s, start));
  // A;B;C are rules of their own, unless a colon introduced them as one rule's list (实现以下目标:A;B;C)
  const listed = /[:：]/.test(s.norm.slice(0, s.norm.indexOf(';') + 1));
  const parts = semi.length > 1 && !listed && semi.every((x) => x.text.trim().length >= 6) ? semi.map((x) => trim(x)) : [s];
  return parts.flatMap((part) => {
    const cl = clauses(part);
    if (part.text.length <= 100 || cl.length < 4) return [part];
    const groups: { topic?: string; segs: Seg[] }[] = [];
    for (const c of cl) {
      const topic = topicOf(c.norm, vocab);
      const last = groups[groups.length - 1];
      if (last && (!topic || !last.topic || topic === last.topic)) {
        last.segs.push(c);
        last.topic ??= topic;
      } else groups.push({ topic, segs: [c] });
    }
    // a piece too short to stand as a rule stays with the one before it
    const merged: Seg[][] = [];
    for (const g of groups) {
      const len = g.segs.reduce((n, x) => n + x.text.length, 0);
      if (merged.length && len < 25) (merged[merged.length - 1] as Seg[]).push(...g.segs);
      else merged.push([...g.segs]);
    }
    return merged.map((g) => join(g));
  });
}

export interface GuidanceInput {
  paras: Paragraph[];
  index: FacilityIndex;
  vocab: VocabMatcher;
  /** Sentences already read as designations, backups or their activation (by their first offset). */
  used: Set<number>;
}

export function draftGuidance({ paras, index, vocab, used }: GuidanceInput): GuidanceDraft[] {
  const out: GuidanceDraft[] = [];
  const firstSection = paras.findIndex((p) => p.level > 0);
  paras.forEach((p, k) => {
    if (p.heading || p.caption) return;
    const all = sentences(p.seg);
    if (k < Math.max(firstSection, 1) && PREAMBLE.test((all[all.length - 1] as Seg | undefined)?.norm ?? '')) return;
    const heading = p.headings[p.headings.length - 1]?.seg.norm ?? '';
    const title = leadTitle(p, all);
    const procedure = PROCEDURE_HEADING.test(heading) || all.some((s) => stepsOf(s).length > 1);
    const steps: { seg: Seg; topic?: string }[] = [];
    for (const s of all) {
      if (used.has(s.offs[0] as number) || (title && s === all[0] && s.text.replace(/[。.]$/, '').length <= 24)) continue;
      // a sentence with no topic, facility, number or rule word says nothing to act on (a report's figures)
      const mentions = index.inPara(p).some((l) => s.offs.includes(p.seg.offs[l.mention.start] as number));
      if (!procedure && !topicOf(s.norm, vocab) && !mentions && !/\d{5,}/.test(s.norm) && !RULE_WORD.test(s.norm)) continue;
      for (const st of procedure ? stepsOf(s) : partsOf(s, vocab)) steps.push({ seg: st, topic: topicOf(st.norm, vocab) });
    }
    if (!steps.length) return;
    // consecutive steps on one topic make one entry; a procedure stays whole
    const groups: { topic?: string; steps: Seg[] }[] = [];
    for (const st of steps) {
      const last = groups[groups.length - 1];
      if (last && (procedure || !st.topic || !last.topic || st.topic === last.topic)) {
        last.steps.push(st.seg);
        last.topic ??= st.topic;
      } else groups.push({ topic: st.topic, steps: [st.seg] });
    }
    for (const g of groups) {
      const text = g.steps.map((s) => s.norm).join('');
      const topic = procedure ? (topicOf(`${heading}${title ?? ''}${text}`, vocab, true) ?? g.topic) : (g.topic ?? topicOf(`${heading}${title ?? ''}`, vocab));
      const facilities = [...new Set(index.inPara(p).filter((l) => g.steps.some((s) => s.offs.includes(p.seg.offs[l.mention.start] as number))).map((l) => l.facility))];
      out.push({
        topic: topic ?? 'care_route',
        title: (groups.length === 1 ? title : undefined) || (topic ? vocab.name('topic', topic) : undefined) || heading.replace(/[:：]$/, '') || '就诊须知',
        steps: g.steps.map((s) => ({ text: s.text.replace(/\s*\n\s*/g, '').trim(), ev: { sentence: s, value: s } })),
        facilities,
        text,
        headings: p.headings.map((h) => h.seg.norm),
        review: topic ? undefined : 'no topic of the vocabulary fits: topic set to care_route; choose one',
      });
    }
  });
  return out;
}

/** An item's lead (1.有序启动后备定点医院。…, 统筹部署,落实好…。): its title. */
function leadTitle(p: Paragraph, all: Seg[]): string | undefined {
  const first = all[0];
  if (!first || all.length < 2) return undefined;
  const t = first.text.replace(/[。.]$/, '').trim();
  return t.length >= 4 && t.length <= 24 ? t : undefined;
}

/** The topic a text is most about: the vocabulary topic with the most (then the longest) hits. */
function topicOf(norm: string, vocab: VocabMatcher, procedure = false): string | undefined {
  const score = new Map<string, number>();
  for (const h of vocab.find(norm, ['topic'])) score.set(h.id, (score.get(h.id) ?? 0) + 1 + (h.end - h.start) / 10);
  if (procedure && score.has('care_route')) score.set('care_route', (score.get('care_route') ?? 0) + 1);
  let best: string | undefined;
  let top = 0;
  for (const [id, n] of score) if (n > top) [best, top] = [id, n];
  return best;
}
