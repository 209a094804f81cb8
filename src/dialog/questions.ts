// A message that asks two things ("药能开多久？另外孩子发烧去哪"): its questions one by one, so that each is answered.
// Pure: the normalised text and the domain's cues in, the questions out.
import { cueScan } from '../data/cue-scan';
import { lowerCase, type Domain } from '../answer/domain';
import type { Line, Plan } from '../answer/plan';
import { dedupe } from '../answer/topics';

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[,，]/;

/** The parts of a message that each ask something, when there are two or more of them; else none. */
export function questionsOf(text: string, domain: Domain): string[] {
  const lower = text.toLowerCase();
  const cues = cueScan(lowerCase(domain.questionCues));
  /** Whether lower-cased text asks: a question cue, or a choice asked (domain.ts compiles `choiceAsks` case-blind). */
  const asks = (lowered: string): boolean => cues.any(lowered) || domain.choiceAsks.some((re) => re.test(lowered)) || domain.questionForms.some((re) => re.test(lowered));
  const cuts = new Set<number>();
  // a sentence ends a question, and so does a clause that asks, what was said before it in its sentence its context
  // (120接上了,去人民医院还是妇幼,俺们是封控区的,到了要跟人家说啥 — voice typing's pauses become commas; a choice asked,
  // 还是 after a verb, asks too)
  for (let i = 0, clause = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!SENTENCE_END.test(c) && !CLAUSE_END.test(c)) continue;
    if (SENTENCE_END.test(c) || asks(lower.slice(clause, i))) cuts.add(i + 1);
    clause = i + 1;
  }
  // a separator word starts a new question (另外, 还有, 顺便问一下, also)
  for (const sep of lowerCase(domain.questionSeparators))
    for (let at = lower.indexOf(sep); at >= 0; at = lower.indexOf(sep, at + sep.length)) cuts.add(at);
  const bounds = [0, ...[...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  const parts: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = text.slice(bounds[k], bounds[k + 1]).trim();
    if (part.replace(/[\s\p{P}\p{S}]/gu, '').length >= 4 && asks(part.toLowerCase())) parts.push(part);
  }
  return parts.length >= 2 ? parts : [];
}

/** A plan with the lines of the same book's answers to the message's other questions added where they say something
 * new (a hospital already given for the same people and these cares is not given again). */
export function withAnswers(p: Plan, more: readonly Plan[]): Plan {
  let lines = dedupe([...p.lines]);
  for (const q of more) {
    const own = q.lines.filter((l) => !designatedBefore(lines, l));
    // (an answer whose every line is said already is not said again, nor what introduces them: 通告没有写…以下是…)
    if (JSON.stringify(dedupe([...lines, ...own.filter((l) => !introduces(l))])) === JSON.stringify(lines)) continue;
    lines = dedupe([...lines, ...own]);
  }
  return { ...p, lines };
}

/** A line that only introduces the lines after it (…的通告没有写这件事的具体安排，以下是它写明的相关内容：). */
const introduces = (l: Line): boolean => 'key' in l && l.key === 'topic_missing';

type Vars = { audience?: unknown; category?: unknown; facilities?: unknown };
const varsOf = (l: Line): Vars | undefined => ('key' in l && l.key === 'designation' ? ((l as { vars?: Vars }).vars ?? {}) : undefined);

/** A designation line whose people and hospitals a line before gives, for every care it names. */
function designatedBefore(lines: readonly Line[], l: Line): boolean {
  const v = varsOf(l);
  if (!v) return false;
  const cares = Array.isArray(v.category) ? (v.category as unknown[]).map(String) : [];
  return lines.some((o) => {
    const w = varsOf(o);
    if (!w || JSON.stringify(w.audience) !== JSON.stringify(v.audience) || JSON.stringify(w.facilities) !== JSON.stringify(v.facilities)) return false;
    const given = new Set(Array.isArray(w.category) ? (w.category as unknown[]).map(String) : []);
    return cares.every((c) => given.has(c));
  });
}
