// Intent classifier: trained with natural's BayesClassifier over feature tokens, then scored sparsely
// from what natural learned (only the features present in a message), which is what natural's own
// dense `classify` computes, in log space.
import type { IntentResult } from './types';

type BayesClassifier = new (stemmer?: unknown, smoothing?: number) => NaturalBayes;
/** natural's classifier, required when training (a start from the cache never needs it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bayesClassifier = (): BayesClassifier => require('natural/lib/natural/classifiers/bayes_classifier') as BayesClassifier;

export interface NaturalBayes {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  classify(tokens: string[]): string;
  getClassifications(tokens: string[]): { label: string; value: number }[];
  features: Record<string, number>;
  classifier: {
    classFeatures: Record<string, Record<number, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
  };
}

export interface TrainingDoc {
  features: string[];
  label: string;
}

export interface IntentModel {
  labels: string[];
  /** natural's trained classifier, kept for the agreement test and `nlu eval` (trained when first asked for
   * when the model came from the start-up cache). */
  readonly natural: NaturalBayes;
  /** What scoring reads: kept in the start-up cache. */
  tables: IntentTables;
  /** Intents best first (the `top` best; all by default), confidences summing to 1 over all intents. */
  score(features: string[], top?: number): IntentResult[];
}

/** The trained model as scoring reads it: log priors and, per feature, a log likelihood per label. */
export interface IntentTables {
  labels: string[];
  logPrior: number[];
  /** [feature, log likelihood of each label], in natural's feature order. */
  features: [string, number[]][];
}

export function trainNatural(docs: readonly TrainingDoc[], smoothing: number): NaturalBayes {
  const natural = new (bayesClassifier())(undefined, smoothing);
  for (const d of docs) natural.addDocument(d.features, d.label);
  natural.train();
  return natural;
}

/** The tables scoring reads from what natural learned. */
function tablesOf(natural: NaturalBayes): IntentTables {
  const { classFeatures, classTotals, totalExamples } = natural.classifier;
  const smooth = natural.classifier.smoothing;
  const labels = Object.keys(classFeatures);
  const logPrior = labels.map((l) => Math.log((classTotals[l] as number) / totalExamples));
  // feature index as natural's textToFeatures enumerates it (for…in order)
  const features: [string, number[]][] = [];
  let i = 0;
  for (const f in natural.features) {
    features.push([f, labels.map((l) => Math.log(((classFeatures[l] as Record<number, number>)[i] || smooth) / (classTotals[l] as number)))]);
    i++;
  }
  return { labels, logPrior, features };
}

export function trainIntentModel(docs: TrainingDoc[], smoothing = 1): IntentModel {
  const natural = trainNatural(docs, smoothing);
  return intentModelOf(tablesOf(natural), () => natural);
}

/** Tables read back from the start-up cache: intact when every row has one number a label. */
export function isIntentTables(v: unknown): v is IntentTables {
  const t = v as IntentTables;
  if (!t || !Array.isArray(t.labels) || !Array.isArray(t.logPrior) || !Array.isArray(t.features)) return false;
  const n = t.labels.length;
  const numbers = (r: unknown): boolean => Array.isArray(r) && r.length === n && r.every((x) => typeof x === 'number' && Number.isFinite(x));
  return n > 0 && t.labels.every((l) => typeof l === 'string') && numbers(t.logPrior) && t.features.every((e) => Array.isArray(e) && typeof e[0] === 'string' && numbers(e[1]));
}

/** The model over its tables; `natural()` trains natural's classifier when it is asked for (cached tables). */
export function intentModelOf(tables: IntentTables, natural: () => NaturalBayes): IntentModel {
  const { labels } = tables;
  const n = labels.length;
  const logPrior = Float64Array.from(tables.logPrior);
  // every feature's row in one block (where a message's rows are, not a typed array of its own each, scattered
  // over the heap), found by the row's offset
  const weights = new Float64Array(tables.features.length * n);
  const offsets = new Map<string, number>();
  tables.features.forEach(([f, row], r) => {
    weights.set(row, r * n);
    offsets.set(f, r * n);
  });
  let trained: NaturalBayes | undefined;

  const scores = new Float64Array(n);
  const exp = new Float64Array(n);
  let rows = new Int32Array(64);
  return {
    labels,
    tables,
    get natural(): NaturalBayes {
      return (trained ??= natural());
    },
    score(features: string[], top = n): IntentResult[] {
      // every feature's row first, then the sums (the lookups, cache misses most of them, then overlap; the same
      // rows summed in the same order)
      if (rows.length < features.length) rows = new Int32Array(features.length * 2);
      for (let i = 0; i < features.length; i++) {
        let at = offsets.get(features[i] as string) ?? -1;
        // natural counts a feature once: distinct features have distinct rows, so a row already taken for this
        // message is a feature said again (what `features.indexOf(f) !== i` told by comparing the strings pairwise;
        // these few numbers are in the CPU's nearest cache)
        for (let j = 0; at >= 0 && j < i; j++) if (rows[j] === at) at = -1;
        rows[i] = at;
      }
      scores.set(logPrior);
      for (let i = 0; i < features.length; i++) {
        const at = rows[i] as number;
        if (at < 0) continue;
        for (let c = 0; c < n; c++) scores[c] = (scores[c] as number) + (weights[at + c] as number);
      }
      let max = -Infinity;
      for (let c = 0; c < n; c++) if ((scores[c] as number) > max) max = scores[c] as number;
      let sum = 0;
      for (let c = 0; c < n; c++) {
        exp[c] = Math.exp((scores[c] as number) - max);
        sum += exp[c] as number;
      }
      // the `top` best, ties in natural's label order (as natural's stable sort keeps them)
      const out: IntentResult[] = [];
      const taken = new Uint8Array(n);
      for (let k = 0; k < Math.min(top, n); k++) {
        let best = -1;
        for (let c = 0; c < n; c++) if (!taken[c] && (best < 0 || (exp[c] as number) > (exp[best] as number))) best = c;
        taken[best] = 1;
        out.push({ name: labels[best] as string, confidence: (exp[best] as number) / sum });
      }
      return out;
    },
  };
}
