// The scorer as the mean of its last steps (scorer.yml average_from), on the real corpus: trained on half of it with
// two shuffles of the lines, the other half's readings move much less between the two than the last step's do —
// which decides whether an edit elsewhere (an intent's example is one of its negatives) or a reshuffle moves an
// urgent message under the threshold.
import { NONE, score, trainScorer, type TrainingDoc } from '../../src/urgent/scorer';
import { realNlu } from '../support/nlu';

describe('the averaged scorer on the real corpus', () => {
  const nlu = realNlu();
  const { corpus, scorer } = nlu.data.urgent;
  const docs: TrainingDoc[] = corpus.map((e) => ({ features: nlu.urgent.features(nlu.normalise(e.text).text), label: e.urgent ? (e.class as string) : NONE }));
  const train = docs.filter((_, i) => i % 2 === 0);
  const probe = docs.filter((_, i) => i % 2 === 1);
  /** Between two shuffles: how many of the probe lines cross the threshold, and the mean change of their reading. */
  function moved(average_from: number | undefined, seeds: readonly [number, number]): { crossed: number; mean: number } {
    const [a, b] = seeds.map((seed) => trainScorer(train, { ...scorer, seed, average_from }));
    const pairs = probe.map((p) => [score(a as never, p.features).urgent, score(b as never, p.features).urgent] as const);
    return {
      crossed: pairs.filter(([x, y]) => x >= scorer.threshold_unseen !== y >= scorer.threshold_unseen).length,
      mean: pairs.reduce((s, [x, y]) => s + Math.abs(x - y), 0) / pairs.length,
    };
  }
  /** …summed over three pairs of shuffles: the last step's churn depends on which lines a shuffle ends on, so that one
   * pair alone can happen to be calm (43 lines crossed) or wild (219). */
  const SEED_PAIRS = [[7, 8], [1, 2], [3, 4]] as const;
  function movedOverPairs(average_from: number | undefined): { crossed: number; mean: number } {
    const runs = SEED_PAIRS.map((seeds) => moved(average_from, seeds));
    return { crossed: runs.reduce((s, r) => s + r.crossed, 0), mean: runs.reduce((s, r) => s + r.mean, 0) / runs.length };
  }

  it('moves far less between two shuffles of the lines than the last step', () => {
    const last = movedOverPairs(undefined);
    const averaged = movedOverPairs(scorer.average_from ?? 0.75);
    // (measured on 7 December, forty-sixth session, 9,217 probe lines at threshold_unseen 0.20: the last step 67, 43 and
    // 219 lines crossed over the three pairs, averaged 36, 47 and 37; mean change 0.0066, 0.0041, 0.0183 against 0.0033,
    // 0.0035, 0.0033. Before, one pair on 8,447 lines: 93 against 32. Forty-seventh session, 10,257 probe lines: the last
    // step 93, 66 and 74, averaged 42, 47 and 46 (0.58 of it); mean change 0.0065, 0.0061, 0.0067 against 0.0035, 0.0034,
    // 0.0034 (0.53) — the last step's churn smaller on the larger corpus, the averaged one's the same)
    expect(averaged.crossed).toBeLessThan(last.crossed * 0.7);
    expect(averaged.mean).toBeLessThan(last.mean * 0.6);
  }, 400_000);
});
