// Suppositions that hold beyond their own clause: a supposing word said as a clause of its own (假设啊，只是假设，…)
// holds for the rest of its sentence; one opening its clause (万一夜里停电了，制氧机一停，老人喘不上气，该怎么做) holds up
// to the question it leads to, as does one whose clause is a time supposed (如果封控的时候，…). Pure.
import type { ScopeFile } from './schema';
import { bounds, CLAUSE_END, CLAUSE_NO_LIST, Cue, SENTENCE_END, type Hit } from './scope-text';

export type SupposedSpans = (text: string, hits: readonly Hit[]) => [number, number][];

/** scope.yml's `supposing_asked`: the supposing words that hold up to a question; `supposed_question`: that question;
 * `supposed_diagnosis`: what, right after the word, supposes what a sign is (万一是心梗，他胸口疼了半小时，怎么办: the pain
 * is so) — that holds in its own clause only. */
export function supposedReader(data: Pick<ScopeFile, 'supposing_asked' | 'supposed_question' | 'supposed_diagnosis' | 'supposing_lead' | 'supposed_time' | 'supposed_loose' | 'supposed_actual'>, norm: (s: string) => string): SupposedSpans {
  const asked = new Set(data.supposing_asked.map(norm));
  const time = data.supposed_time ? new RegExp(data.supposed_time) : undefined;
  const question = data.supposed_question ? new RegExp(data.supposed_question) : undefined;
  const diagnosis = data.supposed_diagnosis ? new RegExp(data.supposed_diagnosis) : undefined;
  const loose = data.supposed_loose ? new RegExp(data.supposed_loose) : undefined;
  const actual = data.supposed_actual ? new RegExp(data.supposed_actual) : undefined;
  /** Where, after the supposing clause (ending at `from`), a clause tells what is so (…，我妈已经昏过去了，怎么办): the
   * supposition stops there; else at `to`. */
  const toldFrom = (text: string, from: number, to: number): number => {
    for (let k = from; k < to; ) {
      const e = Math.min(to, bounds(text, k + 1, CLAUSE_END)[1]);
      if (actual?.test(text.slice(k, e))) return k;
      k = e;
    }
    return to;
  };
  const lead = data.supposing_lead ? new RegExp(`^(?:${data.supposing_lead})$`) : undefined;
  const opens = (before: string): boolean => !before || !!lead?.test(before);
  return (text, hits) => {
    const spans: [number, number][] = [];
    for (const h of hits) {
      if (!(h.cues & Cue.Suppose)) continue;
      const [a, b] = bounds(text, h.start, CLAUSE_END);
      const end = bounds(text, h.start, SENTENCE_END)[1];
      const rest = (text.slice(a, h.start) + text.slice(h.end, b)).replace(/[\s啊呀吧哈嘛呢]|我是说|只是|就是|说|比如|打个比方/g, '');
      if (!rest) spans.push([h.end, end]);
      // (any supposing word whose clause is a time supposed: 如果封控的时候，我突然要生了，应该怎么办)
      else if (question && (asked.has(text.slice(h.start, h.end)) || !!time?.test(text.slice(h.end, b).trim()) || !!loose?.test(text.slice(h.start, b).trim())) && opens(text.slice(a, h.start).trim()) && !diagnosis?.test(text.slice(h.end, b))) {
        const q = text.slice(h.end, end).search(question);
        if (q >= 0) spans.push([h.end, toldFrom(text, b, h.end + q)]);
      }
    }
    return spans;
  };
}

/** A supposition's cue opens the mention's clause before it (如果吃避孕药过敏了): said done, but only supposed. */
export function supposedIn(text: string, hits: readonly Hit[], o: { start: number }): boolean {
  const from = bounds(text, o.start, CLAUSE_NO_LIST)[0];
  return hits.some((h) => h.cues & (Cue.Hypo | Cue.Suppose) && h.start >= from && h.end <= o.start);
}
