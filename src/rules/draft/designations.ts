// Designations read from the three ways notices write them:
//  - a list item “<category>定点医院：A、B” under a heading that names the audience (一、封控区人员就诊定点医院);
//  - a sentence “A为<audience>…<category>定点医院，提供<category>、<category>…服务”, with
//    “B、C、D分别为第一、第二、第三后备医院” and the sentence that says when backups start;
//  - a table flattened into lines (tables.ts), one row per category.
// Audiences come from the item's label, else its headings; a group (特定对象) reads as its members. Pure.
import { ACTIVATION_CONDITION, DESIGNATION_CUE } from './cues';
import type { Ev, Field } from './evidence';
import type { FacilityDraft, FacilityIndex, Located } from './facilities';
import { clauses, sentences } from './sentences';
import type { Paragraph } from './structure';
import { sub, type Seg } from './text';
import type { VocabMatcher } from './vocab';

export interface DesignationDraft {
  audiences: string[];
  category: string;
  facilities: FacilityDraft[];
  backups: FacilityDraft[];
  activation?: Field<string>;
  note?: string;
  ev: Ev;
  review?: string;
  /** The paragraph it was read from (backups and activation are looked for there). */
  para?: Paragraph;
  /** The sentence naming the backups, and its paragraph. */
  backupEv?: Ev;
  backupPara?: Paragraph;
  /** Sentences read as this designation's activation (not to be read again as guidance). */
  activationSentences?: Seg[];
  /** Read from a sentence that says more than the designation (到…就诊，由…接送): keep it as guidance too. */
  alsoGuidance?: boolean;
}

export interface AudienceContext {
  vocab: VocabMatcher;
  /** Audience ids the notice names anywhere: a group reads as those of its members the notice names. */
  named: Set<string>;
  /** The notice's title and preamble: their audiences apply where nothing nearer names one. */
  whole?: string;
}

/** Audiences (and groups, expanded) named in a string; [] when none. */
export function audiencesIn(norm: string, ctx: AudienceContext): string[] {
  const out: string[] = [];
  for (const h of ctx.vocab.find(norm, ['audience', 'group'])) {
    if (h.kind === 'audience') out.push(h.id);
    else {
      const members = ctx.vocab.members(h.id);
      const named = members.filter((m) => ctx.named.has(m));
      out.push(...(named.length ? named : members));
    }
  }
  return [...new Set(out)];
}

export const categoriesIn = (norm: string, vocab: VocabMatcher): string[] => [...new Set(vocab.find(norm, ['category']).map((h) => h.id))];

/** Audiences of a paragraph from its headings, innermost first, else from the notice's title and preamble. */
export function headingAudiences(p: Paragraph, ctx: AudienceContext): { audiences: string[]; review?: string } {
  for (let i = p.headings.length - 1; i >= 0; i--) {
    const a = audiencesIn((p.headings[i] as Paragraph['headings'][number]).seg.norm, ctx);
    if (a.length) return { audiences: a };
  }
  const a = ctx.whole ? audiencesIn(ctx.whole, ctx) : [];
  return a.length
    ? { audiences: a, review: 'the audience is the one of the notice’s title or preamble: check it applies to this list' }
    : { audiences: [], review: 'no audience named for this designation: it applies to everyone; check' };
}

const ORDINAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function draftDesignations(paras: Paragraph[], index: FacilityIndex, ctx: AudienceContext): DesignationDraft[] {
  const out: DesignationDraft[] = [];
  for (const p of paras) {
    if (p.heading) continue;
    const located = index.inPara(p);
    if (!located.length) continue;
    for (const s of sentences(p.seg)) {
      for (const unit of units(s)) {
        listItem(unit, p, located, ctx, out) || sentenceForm(unit, s, p, located, ctx, out) || routing(unit, p, located, ctx, out);
      }
    }
  }
  addActivation(paras, out, ctx.vocab);
  return out;
}

/** A sentence's units: the whole sentence, or its ；-separated parts when they are label：list pairs. */
function units(s: Seg): Seg[] {
  const parts: Seg[] = [];
  let start = 0;
  for (let i = 0; i < s.norm.length; i++) {
    if (s.norm[i] === ';') {
      parts.push(sub(s, start, i + 1));
      start = i + 1;
    }
  }
  parts.push(sub(s, start));
  return parts.length > 1 && parts.filter((x) => /[:：]/.test(x.norm)).length >= 2 ? parts : [s];
}

const facilitiesIn = (located: Located[], seg: Seg, from: number, to: number): Located[] => {
  const lo = seg.offs[from];
  const hi = seg.offs[Math.max(from, to - 1)];
  if (lo === undefined || hi === undefined) return [];
  return located.filter((l) => {
    const at = l.para.seg.offs[l.mention.start] as number;
    return at >= lo && at <= hi;
  });
};

const uniq = (ls: Located[]) => [...new Set(ls.map((l) => l.facility))];

/** “<label>：A、B” where the label names a care category (and an audience, or its heading does). */
function listItem(unit: Seg, p: Paragraph, located: Located[], ctx: AudienceContext, out: DesignationDraft[]): boolean {
  const colon = unit.norm.search(/[:：]/);
  if (colon < 2) return false;
  const label = unit.norm.slice(0, colon);
  if (label.length > 40 || /[,，。]/.test(label)) return false;
  let cats = categoriesIn(label, ctx.vocab);
  // 封控区人员就医定点医院：A、B — designated for every need: general care, to be checked
  let general: string | undefined;
  if (!cats.length && /定点(?:医院|医疗机构)|救治医院|就医医院/.test(label) && !/后备|备用/.test(label) && audiencesIn(label, ctx).length) {
    cats = ['general'];
    general = 'no care category named: read as general care (综合诊疗) for the audience named; check';
  }
  if (!cats.length || !ctx.vocab.vocabulary.categories.some((c) => c.id === cats[0])) return false;
  const context = [label, ...p.headings.map((h) => h.seg.norm)].join(' ');
  if (!DESIGNATION_CUE.test(context)) return false;
  const listed = uniq(facilitiesIn(located, unit, colon + 1, unit.norm.length)).filter((f) => !f.role);
  if (!listed.length) return false;
  const backup = /后备|备用/.test(label);
  let audiences = audiencesIn(label, ctx);
  let review: string | undefined;
  if (!audiences.length) ({ audiences, review } = headingAudiences(p, ctx));
  const note = label.replace(/^\s*\d+[.、]\s*/, '').trim();
  if (backup) {
    attachBackups(out, p, cats, listed, { sentence: unit });
    return true;
  }
  for (const category of cats) {
    out.push({
      audiences,
      category,
      facilities: listed,
      backups: [],
      note,
      ev: { sentence: unit },
      para: p,
      review: general ?? review,
    });
  }
  return true;
}

/** A clause opening with facilities then 为/是/作为 … 定点医院 (or 后备医院). */
const DESIGNATED = /^(?:分别)?(?:为|是|作为|确定为|列为)(.{0,60}?)(?:医院|医疗机构|机构|单位|救治点|诊疗点)$/;
const OPENERS = /^(?:指定|确定|明确|设立|设置|由|将|以)?$/;

function sentenceForm(unit: Seg, sentence: Seg, p: Paragraph, located: Located[], ctx: AudienceContext, out: DesignationDraft[]): boolean {
  const cl = clauses(unit);
  let found = false;
  cl.forEach((c, i) => {
    const inClause = facilitiesIn(located, c, 0, c.norm.length).filter((l) => !l.facility.role);
    if (!inClause.length) return;
    const first = inClause[0] as Located;
    const firstAt = c.offs.indexOf(p.seg.offs[first.mention.start] as number);
    if (!OPENERS.test(c.norm.slice(0, firstAt).trim())) return;
    // the facilities listed at the clause's start (A、B和C)
    let end = firstAt;
    const listed: Located[] = [];
    for (const l of inClause) {
      const a = c.offs.indexOf(p.seg.offs[l.mention.start] as number);
      if (a < end || !/^[、，,和及与\s]*$/.test(c.norm.slice(end, a))) break;
      listed.push(l);
      end = c.offs.indexOf(p.seg.offs[l.mention.end - 1] as number) + 1;
    }
    const rest = c.norm.slice(end).replace(/[，,。;；\s]+$/, '');
    const m = DESIGNATED.exec(rest);
    if (!m || !/定点|指定|后备|备用|救治|收治/.test(rest)) return;
    const desc = m[1] as string;
    const facilities = uniq(listed);
    const cats = categoriesIn(desc, ctx.vocab);
    if (/后备|备用/.test(desc)) {
      const ordinals = [...desc.matchAll(/第([一二三四五六七八九十])/g)].map((x) => ORDINAL[x[1] as string] as number);
      const ordered = ordinals.length === facilities.length ? facilities.map((f, k) => ({ f, o: ordinals[k] as number })).sort((x, y) => x.o - y.o).map((x) => x.f) : facilities;
      attachBackups(out, p, cats, ordered, { sentence });
      found = true;
      return;
    }
    // categories from the description, else from the services clauses that follow (提供发热门诊、孕产妇分娩…)
    let categories = cats;
    // “A为…特定对象就医定点医院，提供发热门诊、孕产妇分娩…”: designated for care in general (就医), and for the
    // services the next clauses list
    const forCare = !cats.length && /就医|就诊|看病/.test(desc) && ctx.vocab.vocabulary.categories.some((c) => c.id === 'general');
    if (!categories.length) {
      for (const next of cl.slice(i + 1)) {
        if (!/^(?:提供|承担|负责|收治|开展|接诊|主要|为|用于|专门)/.test(next.norm)) break;
        categories = categoriesIn(next.norm, ctx.vocab);
        if (categories.length) break;
      }
    }
    if (forCare && !categories.includes('general')) categories = [...categories, 'general'];
    let audiences = audiencesIn(desc, ctx);
    let review: string | undefined;
    if (!audiences.length) ({ audiences, review } = headingAudiences(p, ctx));
    if (!categories.length) return;
    for (const category of categories) {
      out.push({
        audiences,
        category,
        facilities,
        backups: [],
        note: noteFor(desc, category, ctx.vocab, sentence),
        ev: { sentence },
        para: p,
        review,
      });
    }
    found = true;
  });
  return found;
}

/** Going to a facility for care: …需要血液透析的，统一到A医院治疗；孕产妇…的，到B医院就诊. */
const ROUTE_BEFORE = /(?:统一|均|请|可|须|需|应|直接|一律)?(?:到|至|前往|去|转至|转到|送至|送往)$/;
const ROUTE_AFTER = /^[\u4e00-\u9fa5]{0,8}?(?:就诊|就医|治疗|救治|分娩|诊治|接诊|透析|住院|收治|门诊|急诊)/;
const PROMOTION = /推动|鼓励|引导|宣传|倡导|动员|提倡/;

function routing(unit: Seg, p: Paragraph, located: Located[], ctx: AudienceContext, out: DesignationDraft[]): boolean {
  let found = false;
  for (const l of facilitiesIn(located, unit, 0, unit.norm.length)) {
    if (l.facility.generic || l.facility.role) continue;
    const at = unit.offs.indexOf(p.seg.offs[l.mention.start] as number);
    const end = unit.offs.indexOf(p.seg.offs[l.mention.end - 1] as number) + 1;
    const before = unit.norm.slice(0, at);
    if (!ROUTE_BEFORE.test(before) || !ROUTE_AFTER.test(unit.norm.slice(end)) || PROMOTION.test(before)) continue;
    let categories = categoriesIn(before, ctx.vocab);
    if (!categories.length) categories = categoriesIn(unit.norm.slice(end, end + 8), ctx.vocab);
    if (!categories.length) continue;
    let audiences = audiencesIn(before, ctx);
    if (!audiences.length) audiences = headingAudiences(p, ctx).audiences;
    for (const category of categories) {
      if (out.some((d) => d.para === p && d.category === category && d.facilities.includes(l.facility))) continue;
      out.push({
        audiences,
        category,
        facilities: [l.facility],
        backups: [],
        note: ctx.vocab.name('category', category),
        ev: { sentence: unit },
        para: p,
        review: 'read from a sentence sending people there (到…就诊), not from a list of designated hospitals: check',
        alsoGuidance: true,
      });
    }
    found = true;
  }
  return found;
}

function noteFor(desc: string, category: string, vocab: VocabMatcher, sentence: Seg): string {
  const hit = vocab.find(desc, ['category']).find((h) => h.id === category) ?? vocab.find(sentence.norm, ['category']).find((h) => h.id === category);
  const surface = hit?.surface ?? vocab.name('category', category);
  return /定点/.test(desc) && hit && desc.includes(hit.surface) ? `${surface}定点医院` : surface;
}

/** Backups go to the designations of the same paragraph (of the category named, when one is). */
function attachBackups(out: DesignationDraft[], p: Paragraph, cats: string[], backups: FacilityDraft[], ev: Ev | undefined): void {
  let targets = out.filter((d) => d.para === p && (!cats.length || cats.includes(d.category)));
  if (!targets.length) targets = out.filter((d) => d.para?.headings.at(-1) === p.headings.at(-1) && (!cats.length || cats.includes(d.category)));
  for (const d of targets) {
    for (const b of backups) if (!d.backups.includes(b) && !d.facilities.includes(b)) d.backups.push(b);
    d.backupEv ??= ev;
    d.backupPara ??= p;
  }
}

/**
 * When the backups start: the sentences that start a backup under a condition, in the designation's
 * paragraph, else in the paragraph naming the backups, else under the same heading.
 */
function addActivation(paras: Paragraph[], all: DesignationDraft[], vocab: VocabMatcher): void {
  const said = (p: Paragraph) =>
    sentences(p.seg).filter((s) => /启动|启用|激活|开放|转为|接收/.test(s.norm) && /后备|备用/.test(s.norm) && ACTIVATION_CONDITION.test(s.norm.replace(/后备|备用/g, '')));
  for (const d of all) {
    if (!d.backups.length) continue;
    const scopes = [d.para ? [d.para] : [], d.backupPara ? [d.backupPara] : [], paras.filter((p) => p.headings.at(-1) === d.para?.headings.at(-1))];
    const mine = all.filter((o) => o.para === d.para);
    let fits: Seg[] = [];
    for (const scope of scopes) {
      // a category named in an activation sentence limits it to that category's designations
      fits = scope.flatMap(said).filter((s) => {
        const cats = categoriesIn(s.norm, vocab);
        return !cats.length || cats.includes(d.category) || !mine.some((o) => o !== d && cats.includes(o.category));
      });
      if (fits.length) break;
    }
    if (fits.length) {
      const text = fits.map((s, i) => (i < fits.length - 1 ? conditionPart(s).replace(/[。；;]$/, '') : conditionPart(s))).join('；');
      d.activation = { value: text, ev: { sentence: fits[0] as Seg } };
      d.activationSentences = fits;
    } else {
      d.activation = { value: '（通知未写明后备医院何时启用）', review: 'the notice names backups but not when they start: check' };
    }
  }
}

/** The clauses of an activation sentence that carry the condition and the start (not the list of backups before them). */
function conditionPart(s: Seg): string {
  const cl = clauses(s);
  const from = cl.findIndex((c) => ACTIVATION_CONDITION.test(c.norm.replace(/后备|备用/g, '')) && !/分别为/.test(c.norm));
  const parts = from >= 0 ? cl.slice(from) : cl;
  return parts.map((c) => c.text).join('').replace(/\s*\n\s*/g, '').replace(/[，,]$/, '');
}
