// Red flags: a lexicon-and-pattern detector over the normalised text, independent of the classifier.
// A match is dropped when a negation ends right before it in its clause (没有胸痛, 也不喘) or when its
// clause is hypothetical (如果破水了怎么办). Patterns live in intents/redflags.yml.
import type { RedFlag } from './types';
import { compile, type RedFlagsData } from './data';

interface CompiledFlag {
  id: string;
  patterns: RegExp[];
  requires: RegExp[][];
}

export interface RedFlagDetector {
  detect(text: string): RedFlag[];
}

export function createRedFlagDetector(data: RedFlagsData, file = 'intents/redflags.yml'): RedFlagDetector {
  const negation = compile(`(?:${data.negation})$`, `${file}: negation`);
  const hypothetical = compile(data.hypothetical, `${file}: hypothetical`);
  const clauseBreak = compile(data.clause_break, `${file}: clause_break`, 'g');
  const flags: CompiledFlag[] = data.flags.map((f, i) => ({
    id: f.id,
    patterns: f.patterns.map((p, j) => compile(p, `${file}: flags.${i}.patterns.${j}`, 'g')),
    requires: f.requires.map((list, j) => list.map((p, k) => compile(p, `${file}: flags.${i}.requires.${j}.${k}`))),
  }));

  // one combined test first: most messages match no pattern at all
  const any = compile(flags.flatMap((f) => f.patterns.map((re) => `(?:${re.source})`)).join('|'), `${file}: flags`);

  function clauseStarts(text: string): number[] {
    const starts = [0];
    clauseBreak.lastIndex = 0;
    for (let m = clauseBreak.exec(text); m; m = clauseBreak.exec(text)) {
      starts.push(m.index + Math.max(m[0].length, 1));
      if (m[0].length === 0) clauseBreak.lastIndex++;
    }
    return starts;
  }

  return {
    detect(text: string): RedFlag[] {
      const out: RedFlag[] = [];
      if (!any.test(text)) return out;
      let starts: number[] | undefined;
      for (const flag of flags) {
        if (flag.requires.length && !flag.requires.every((list) => list.some((re) => re.test(text)))) continue;
        let hit: RedFlag | undefined;
        for (const re of flag.patterns) {
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            starts ??= clauseStarts(text);
            let cs = 0;
            for (const s of starts) if (s <= m.index) cs = s;
            const before = text.slice(cs, m.index);
            if (negation.test(before) || hypothetical.test(before)) continue;
            hit = { id: flag.id, text: m[0], start: m.index, end: m.index + m[0].length };
            break;
          }
          if (hit) break;
        }
        if (hit) out.push(hit);
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
