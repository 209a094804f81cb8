// The scorer's training: urgent and not urgent weigh the same in all, and each urgent class the same within the
// urgent half, so a class with many training lines does not take the prior of every message the classes share.
import { NONE, score, trainScorer, wordFeatures, type TrainingDoc } from '../../src/urgent/scorer';
import { realNlu } from '../support/nlu';

const options = { l2: 0.0001, epochs: 16, rate: 0.5 };

function docs(label: string, count: number, own: string): TrainingDoc[] {
  // each line has its class's own word and one of a few words every class uses
  return Array.from({ length: count }, (_, i) => ({ label, features: [own, `shared${i % 5}`, `${label}${i}`] }));
}

describe('trainScorer', () => {
  const model = trainScorer([...docs(NONE, 400, 'everyday'), ...docs('suicide', 300, 'farewell'), ...docs('chest_pain', 20, 'chest')], options);
  const probabilityOf = (label: string, features: string[]): number => score(model, features, (l) => l === label).urgent;

  it('gives a class with few lines as much of a shared word as a class with many', () => {
    const many = probabilityOf('suicide', ['shared1']);
    const few = probabilityOf('chest_pain', ['shared1']);
    // (weighted per message, the 300 suicide lines took twice the 20 chest-pain lines' share: 0.47 against 0.24;
    // weighted per class, 0.39 against 0.42)
    expect(many / few).toBeLessThan(1.5);
    expect(few / many).toBeLessThan(1.5);
  });

  it("still reads each class's own word as that class", () => {
    expect(score(model, ['farewell']).best).toBe('suicide');
    expect(score(model, ['chest']).best).toBe('chest_pain');
    expect(score(model, ['everyday']).urgent).toBeLessThan(0.2);
  });
});

describe('trainScorer, averaged (scorer.yml average_from)', () => {
  const corpus = [...docs(NONE, 400, 'everyday'), ...docs('suicide', 300, 'farewell'), ...docs('chest_pain', 20, 'chest')];

  it('is the last step when nothing is averaged (average_from 1)', () => {
    const last = trainScorer(corpus, options);
    const none = trainScorer(corpus, { ...options, average_from: 1 });
    expect([...none.weights.keys()]).toEqual([...last.weights.keys()]);
    expect(Array.from(none.bias)).toEqual(Array.from(last.bias));
    for (const [f, w] of last.weights) expect(Array.from(none.weights.get(f) as Float64Array)).toEqual(Array.from(w));
  });

  it('still reads each class by its own word', () => {
    const m = trainScorer(corpus, { ...options, average_from: 0.75 });
    expect(score(m, ['farewell']).best).toBe('suicide');
    expect(score(m, ['chest']).best).toBe('chest_pain');
    expect(score(m, ['everyday']).urgent).toBeLessThan(0.2);
  });
});

describe('trainScorer, a class with a handful of lines (scorer.yml min_class_lines)', () => {
  // every other line says what any resident writes (the lockdown, a building): `context`
  const withContext = (label: string, count: number, own: string[]): TrainingDoc[] =>
    Array.from({ length: count }, (_, i) => ({ label, features: [...own, ...(i % 2 ? ['context'] : []), `shared${i % 5}`, `${label}${i}`] }));
  const base = [...withContext(NONE, 400, ['everyday']), ...withContext(NONE, 100, ['hint']), ...withContext('suicide', 300, ['hint']), ...withContext('chest_pain', 300, ['chest'])];
  // five classes the rules keep, four lines each, every one of them with the context
  const handful = ['sepsis', 'fall', 'abdomen', 'eye_emergency', 'chemo_fever'].flatMap((c) => withContext(c, 4, [c, 'context']));
  const same = (a: ReturnType<typeof trainScorer>, b: ReturnType<typeof trainScorer>): void => {
    expect(a.labels).toEqual(b.labels);
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
    expect([...a.weights.keys()]).toEqual([...b.weights.keys()]);
    for (const [f, w] of b.weights) expect(Array.from(a.weights.get(f) as Float64Array)).toEqual(Array.from(w));
  };

  it('would, learned, take the other classes\' share: the suicidal reading of a message falls', () => {
    // (an urgent class's equal share over four lines weighs each as much as 75 suicidal lines: 0.72 → 0.54)
    const message = ['hint', 'context', 'shared1'];
    const suicideOrChest = (l: string): boolean => l === 'suicide' || l === 'chest_pain';
    const reading = (docs: TrainingDoc[]): number => score(trainScorer(docs, options), message, suicideOrChest).urgent;
    expect(reading([...base, ...handful])).toBeLessThan(reading(base) - 0.1);
  });

  it('leaves such a class to the rules: the model is the one trained without its lines', () => {
    const model = trainScorer([...base, ...handful], { ...options, min_class_lines: 100 });
    same(model, trainScorer(base, options));
    expect(model.labels).not.toContain('chemo_fever');
  });

  it('trains every class with enough lines exactly as before', () => {
    const corpus = [...docs(NONE, 400, 'everyday'), ...docs('suicide', 300, 'farewell'), ...docs('chest_pain', 150, 'chest')];
    same(trainScorer(corpus, { ...options, min_class_lines: 100 }), trainScorer(corpus, options));
  });
});

describe('wordFeatures', () => {
  const grammar = new Set(realNlu().data.urgent.scorer.word_stop);
  it('gives the English words of a message, not its grammar words (scorer.yml word_stop: were, the, and)', () => {
    const words = (t: string): string[] => wordFeatures(t, grammar).filter((f) => f.startsWith('w:'));
    expect(words('and if i were in quarantine and needed the dialysis')).toEqual(['w:quarantine', 'w:needed', 'w:dialysis']);
    // the words that say something stay: not, all, never, tonight
    expect(words('she will not wake up, took all the pills tonight')).toEqual(['w:not', 'w:wake', 'w:took', 'w:all', 'w:pills', 'w:tonight']);
  });

  it('gives each two words written side by side, but two grammar words, and none across punctuation or Chinese', () => {
    const pairs = (t: string): string[] => wordFeatures(t, grammar).filter((f) => f.startsWith('p:'));
    // (the order says what the words alone do not: "won't need" is not "need won't")
    expect(pairs("i won't need it after friday")).toEqual(["p:i_won't", "p:won't_need", 'p:need_it', 'p:it_after', 'p:after_friday']);
    // "and the", "she will" are two grammar words; "up, took" is across a comma; "wake 了 up" across a Chinese word
    expect(pairs('and the pills')).toEqual(['p:the_pills']);
    expect(pairs('she will not wake up, took all')).toEqual(['p:will_not', 'p:not_wake', 'p:wake_up', 'p:took_all']);
    expect(pairs('wake 了 up')).toEqual([]);
  });
});
