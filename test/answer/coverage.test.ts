// Every fact of the rule books is answered, with its citation, when asked with its own words.
import { coverage } from '../../src/answer/coverage';
import { loadCoreParts } from '../../src/core/load';

describe('rules coverage', () => {
  it('answers 95% of facts or more, cited, in Chinese; 85% of those the glossary can say, in English', async () => {
    const { core, rules, nlu } = await loadCoreParts();
    const english = new Map<string, string>();
    for (const [gloss, phrases] of Object.entries(nlu.data.english.data.glosses)) if (phrases[0] && !english.has(gloss)) english.set(gloss, phrases[0]);
    const r = coverage(core, rules, (t) => nlu.segmenter.cut(t), english, nlu.data.lexicon.topics);
    expect(r.zh.total).toBeGreaterThan(100);
    expect(r.zh.covered / r.zh.total).toBeGreaterThanOrEqual(0.95);
    expect(r.en.covered / r.en.total).toBeGreaterThanOrEqual(0.85);
    // a covered fact is cited: none answered without its notice
    expect(r.cases.filter((c) => c.covered && !c.cited)).toEqual([]);
  });
});
