// Suppositions that hold beyond their own clause: a supposing word said as a clause of its own (假设啊，只是假设，…)
// holds for the rest of its sentence; one opening its clause (万一夜里停电了，制氧机一停，老人喘不上气，该怎么做) holds up
// to the question it leads to. Pure.
import { bounds, CLAUSE_END, Cue, SENTENCE_END, type Hit } from './scope-text';

export type SupposedSpans = (text: string, hits: readonly Hit[]) => [number, number][];

/** `asked`: the supposing words that hold up to a question (scope.yml `supposing_asked`); `question`: that question
 * (`supposed_question`). */
export function supposedReader(asked: ReadonlySet<string>, question: RegExp | undefined): SupposedSpans {
  return (text, hits) => {
    const spans: [number, number][] = [];
    for (const h of hits) {
      if (!(h.cues & Cue.Suppose)) continue;
      const [a, b] = bounds(text, h.start, CLAUSE_END);
      const end = bounds(text, h.start, SENTENCE_END)[1];
      const rest = (text.slice(a, h.start) + text.slice(h.end, b)).replace(/[\s啊呀吧哈嘛呢]|我是说|只是|就是|说|比如|打个比方/g, '');
      if (!rest) spans.push([h.end, end]);
      else if (question && asked.has(text.slice(h.start, h.end)) && !text.slice(a, h.start).trim()) {
        const q = text.slice(h.end, end).search(question);
        if (q >= 0) spans.push([h.end, h.end + q]);
      }
    }
    return spans;
  };
}
