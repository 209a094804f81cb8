// Intent classifier: trained with natural's BayesClassifier over feature tokens, then scored sparsely
// from what natural learned (only the features present in a message), which is what natural's own
// dense `classify` computes, in log space.
import type { IntentResult } from './types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier') as new (
  stemmer?: unknown,
  smoothing?: number,
) => NaturalBayes;

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
  /** natural's trained classifier, kept for the agreement test and `nlu eval`. */
  natural: NaturalBayes;
  /** Intents best first (the `top` best; all by default), confidences summing to 1 over all intents. */
  score(features: string[], top?: number): IntentResult[];
}

export function trainIntentModel(docs: TrainingDoc[], smoothing = 1): IntentModel {
  const natural = new BayesClassifier(undefined, smoothing);
  for (const d of docs) natural.addDocument(d.features, d.label);
  natural.train();

  const { classFeatures, classTotals, totalExamples } = natural.classifier;
  const smooth = natural.classifier.smoothing;
  const labels = Object.keys(classFeatures);
  const n = labels.length;
  const logPrior = new Float64Array(n);
  labels.forEach((l, c) => {
    const total = classTotals[l] as number;
    logPrior[c] = Math.log(total / totalExamples);
  });
  // feature index as natural's textToFeatures enumerates it (for…in order)
  const table = new Map<string, Float64Array>();
  let i = 0;
  for (const f in natural.features) {
    const row = new Float64Array(n);
    labels.forEach((l, c) => {
      const count = (classFeatures[l] as Record<number, number>)[i] || smooth;
      row[c] = Math.log(count / (classTotals[l] as number));
    });
    table.set(f, row);
    i++;
  }

  const scores = new Float64Array(n);
  const exp = new Float64Array(n);
  return {
    labels,
    natural,
    score(features: string[], top = n): IntentResult[] {
      scores.set(logPrior);
      for (let i = 0; i < features.length; i++) {
        const f = features[i] as string;
        if (features.indexOf(f) !== i) continue; // natural counts a feature once
        const row = table.get(f);
        if (!row) continue;
        for (let c = 0; c < n; c++) scores[c] = (scores[c] as number) + (row[c] as number);
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
