// The compiled scorer reads a message's n-grams in place: it must give, to the last bit, what the trained model
// gives the same message's feature strings (what training and nlu urgent-eval use).
import { compileScorer } from '../../src/urgent/gram-scorer';
import { score, type ScorerModel } from '../../src/urgent/scorer';
import { realNlu } from '../support/nlu';

const nlu = realNlu();

describe('compiled urgent scorer', () => {
  const messages = [
    ...nlu.data.urgent.corpus.filter((_, i) => i % 7 === 0).map((e) => e.text),
    '我爸胸口疼得厉害还出冷汗',
    '没有胸痛，没有喘不上气，也没有晕倒',
    'my mum collapsed and is not responding 她叫不醒',
    '宝宝才20天，量了38.5，要紧吗',
    '',
    '120',
  ];

  it('scores every message exactly as the model scores its features', () => {
    for (const text of messages) {
      const n = nlu.normalise(text).text;
      const v = nlu.urgent.detect(n);
      const expected = score(nlu.urgent.model, nlu.urgent.features(n), nlu.urgent.admitsOf(v.mentions, v.scopes));
      expect(v.score).toBe(expected.urgent);
    }
  });

  it('counts repeated n-grams once and scores unknown ones as nothing but their count', () => {
    const model: ScorerModel = {
      labels: ['chest_pain', 'none'],
      bias: Float64Array.from([0.5, -0.25]),
      weights: new Map([
        ['胸痛', Float64Array.from([2, -1])],
        ['~胸痛', Float64Array.from([-3, 1])],
        ['w:pain', Float64Array.from([1, 0])],
        ['C:chest_pain', Float64Array.from([1.5, -0.5])],
      ]),
    };
    const scorer = compileScorer(model, [2, 3]);
    const cases: [string, number[]][] = [
      ['胸痛胸痛了', [0, 0, 0, 0, 0]],
      ['没有胸痛', [1, 1, 1, 1]],
      ['胸痛 pain', [0, 0, 0, 0, 0, 0, 0]],
      ['孕妇胸痛', [2, 2, 0, 0]],
    ];
    for (const [text, marks] of cases) {
      const m = Uint8Array.from(marks);
      const others = [...(/pain/.test(text) ? ['w:pain'] : []), 'C:chest_pain'];
      const strings: string[] = [];
      for (const size of [2, 3])
        for (let i = 0; i + size <= text.length; i++) {
          const g = text.slice(i, i + size);
          const ms = marks.slice(i, i + size);
          if (!/^[\u3400-\u9fff]+$/.test(g) || ms.includes(2)) continue;
          strings.push(ms.every((x) => x === 1) ? `~${g}` : g);
        }
      expect(scorer.score(text, m, others)).toEqual(score(model, [...strings, ...others]));
    }
  });
});
