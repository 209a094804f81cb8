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
  function moved(average_from: number | undefined): { crossed: number; mean: number } {
    const [a, b] = [7, 8].map((seed) => trainScorer(train, { ...scorer, seed, average_from }));
    const pairs = probe.map((p) => [score(a as never, p.features).urgent, score(b as never, p.features).urgent] as const);
    return {
      crossed: pairs.filter(([x, y]) => x >= scorer.threshold_unseen !== y >= scorer.threshold_unseen).length,
      mean: pairs.reduce((s, [x, y]) => s + Math.abs(x - y), 0) / pairs.length,
    };
  }

  it('moves far less between two shuffles of the lines than the last step', () => {
    const last = moved(undefined);
    const averaged = moved(scorer.average_from ?? 0.75);
    // (measured at threshold_unseen 0.20: 93 of the 8,447 lines crossed with the last step, 32 averaged; mean change
    // 0.0096 against 0.0032)
    expect(averaged.crossed).toBeLessThan(last.crossed / 2);
    expect(averaged.mean).toBeLessThan(last.mean / 2);
  }, 120_000);
});
