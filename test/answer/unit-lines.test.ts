// The units a reply's lines state (FactIndex.said, unit-lines.ts): a line is a unit's when it equals the unit's first
// line as JSON. Lines are compared part by part first and written out only when that cannot tell: the answer must
// be the same as writing every line out.
import { buildFactIndex, termReader } from '../../src/answer/retrieve';
import type { Line } from '../../src/answer/plan';
import { realNlu, realRules } from '../support/nlu';

const rules = realRules();
const nlu = realNlu();
const reader = termReader((t) => nlu.segmenter.cut(t));

/** What `said` answers by its definition: every line written out, looked up among the units' first lines. */
function saidByJson(firsts: Map<string, string>, lines: readonly Line[]): string[] {
  return [...new Set(lines.map((l) => firsts.get(JSON.stringify(l))).filter((id): id is string => !!id))];
}

describe('the units a reply states', () => {
  for (const book of rules.books) {
    it(`${book.id}: as writing every line out as JSON would find them`, () => {
      const index = buildFactIndex(book, rules.vocabulary, reader, nlu.data.lexicon.topics);
      const firsts = new Map<string, string>();
      for (const u of index.units) if (u.lines[0] && !firsts.has(JSON.stringify(u.lines[0]))) firsts.set(JSON.stringify(u.lines[0]), u.id);
      const lines: Line[] = index.units.flatMap((u) => u.lines);
      // copies (not the unit's own objects: deep, shallow with the same values, with their keys in another order),
      // and message lines with one word changed, or one more
      const copies = lines.map((l) => JSON.parse(JSON.stringify(l)) as Line);
      const shallow = lines.map((l): Line => ('key' in l && l.vars ? { ...l, vars: { ...l.vars } } : { ...l }));
      const reordered = lines.map((l) => Object.fromEntries(Object.entries(l).reverse()) as Line);
      const changed = copies.flatMap((l): Line[] => {
        if (!('key' in l)) return [];
        const vars = l.vars ?? {};
        const names = Object.keys(vars);
        return [
          ...names.map((k) => ({ key: l.key, vars: { ...vars, [k]: `${String(vars[k])}。` } })),
          { key: l.key, vars: { ...vars, extra: '另' } },
        ];
      });
      for (const list of [lines, copies, shallow, reordered, changed, [...changed, ...copies]]) expect(index.said(list)).toEqual(saidByJson(firsts, list));
      // each unit's own first line, and a copy of it, is its unit's (or the first unit's with the same line)
      for (const u of index.units) if (u.lines[0]) expect(index.said([JSON.parse(JSON.stringify(u.lines[0])) as Line])).toEqual([firsts.get(JSON.stringify(u.lines[0]))]);
      expect(changed.length).toBeGreaterThan(0);
    });
  }
});
