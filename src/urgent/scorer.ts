// The learned second opinion: a multinomial logistic regression over what a message says — its character
// n-grams and the concepts found in it with their scope (C:dyspnea, X:chest_pain:negated) — trained on the
// urgent corpus (intents/urgent/corpus/) and the intents' examples as not urgent. Scored sparsely: only the
// features a message has are looked at. Written here rather than taken from natural: its Bayes classifier
// builds a dense vector per document (20 s to train on this corpus) and, trained on a few urgent messages
// against many others, gives every rare n-gram to the small classes; its logistic regression is dense too.
import type { Mention } from './mentions';
import { SCOPE_KEYS, type Scope } from './scope';
import { mulberry32 } from '../core/seeded-random';

export const NONE = 'none';

export interface ScorerModel {
  labels: string[];
  bias: Float64Array;
  /** feature → one weight per label. */
  weights: Map<string, Float64Array>;
}

export interface TrainingDoc {
  features: string[];
  label: string;
}

const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/**
 * Character n-grams over the Chinese runs and the Latin words left in a normalised message. An n-gram in a
 * clause that carries a scope cue (没有…, 如果…, 上周…, 挂什么科) is marked "~", as clinical NLP marks tokens
 * in a negation's scope, so that the model learns a symptom there is not evidence of one now. `marks` holds 1
 * for such a character, 2 for one of a word that only says who the message is about (skipped).
 */
export function ngramsOf(text: string, sizes: readonly number[], marks?: Uint8Array, skipWords?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const t = text.toLowerCase();
  let run = '';
  let runStart = 0;
  const flush = (): void => {
    for (const n of sizes)
      for (let i = 0; i + n <= run.length; i++) {
        let mark = 1;
        let context = false;
        for (let k = runStart + i; k < runStart + i + n; k++) {
          const v = marks ? (marks[k] as number) : 0;
          if (v === 2) context = true;
          mark &= v === 1 ? 1 : 0;
        }
        if (context) continue; // a word that says who it is about: left to its concept feature
        out.push(mark ? `~${run.slice(i, i + n)}` : run.slice(i, i + n));
      }
    run = '';
  };
  for (let i = 0; i < t.length; i++) {
    if (isCjk(t.charCodeAt(i))) {
      if (!run) runStart = i;
      run += t[i];
    } else flush();
  }
  flush();
  out.push(...wordFeatures(t, skipWords));
  return out;
}

/** The Latin words of a lower-cased message as features (w:chest), but those of `skip` (scorer.yml `word_stop`: the
 * English words that only hold a sentence together); and each two words written side by side (p:won't_need), but two
 * of `skip` — the order of English words says what a bag of them does not ("won't need", "need won't"). */
export function wordFeatures(lower: string, skip: ReadonlySet<string> = NO_WORDS): string[] {
  const out: string[] = [];
  let prev = '';
  let prevEnd = -1;
  for (const m of lower.matchAll(WORD)) {
    const w = m[0];
    const at = m.index as number;
    for (const part of w.split("'")) if (part.length >= 3 && !skip.has(part)) out.push(`w:${part}`);
    if (prev && SPACED.test(lower.slice(prevEnd, at)) && !(skip.has(prev) && skip.has(w))) out.push(`p:${prev}_${w}`);
    prev = w;
    prevEnd = at + w.length;
  }
  return out;
}
/** Whether a feature is one of `wordFeatures`' (a word or a pair of them), not a character n-gram. */
export const isWordFeature = (f: string): boolean => f.startsWith('w:') || f.startsWith('p:');
const WORD = /[a-z]+(?:'[a-z]+)*/g;
const SPACED = /^ +$/;
const NO_WORDS: ReadonlySet<string> = new Set();

/** Concept features: in scope as C:id, out of scope as X:id:why (the first reason); `skip`: concepts left out
 * (who the message is about: a topic is not an emergency). */
export function conceptFeatures(mentions: readonly Mention[], scopes: readonly Scope[], skip: ReadonlySet<string> = new Set()): string[] {
  return mentions.flatMap((m, i) => {
    if (skip.has(m.concept)) return [];
    const s = scopes[i] as Scope;
    const why = SCOPE_KEYS.find((k) => s[k]);
    return [why ? `X:${m.concept}:${why}` : `C:${m.concept}${m.typo ? '~' : ''}`];
  });
}

export interface TrainOptions {
  /** L2 penalty per update. */
  l2: number;
  epochs: number;
  /** Initial learning rate. */
  rate: number;
  /** Share of the steps after which the iterates are averaged (absent: the last iterate is the model). */
  average_from?: number | undefined;
  /** The shuffle's seed (default 7). */
  seed?: number;
  /** Lines an urgent class needs to be learned (absent: any number); a class with fewer is left to the rules. */
  min_class_lines?: number | undefined;
}


/** The lines of the classes with `min` lines or more, and the not-urgent ones: a class with a handful of lines (written
 * for a class the rules keep) would have an urgent class's equal share over those few, each weighing a hundred times
 * another class's line, and read its every word, and the words every resident writes beside them, as an alarm. */
function learnable(docs: readonly TrainingDoc[], min: number | undefined): readonly TrainingDoc[] {
  if (!min) return docs;
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(d.label, (counts.get(d.label) ?? 0) + 1);
  return docs.filter((d) => d.label === NONE || (counts.get(d.label) as number) >= min);
}

/**
 * Multinomial logistic regression over the documents' features (present or not), trained by stochastic
 * gradient descent with an L2 penalty, urgent and not-urgent messages weighted to count the same in all, and each
 * urgent class the same within the urgent half. With `average_from`, the mean of the steps from there on
 * (Polyak–Ruppert averaging): the last step alone leans on the last few lines it saw, so that any reshuffle of the
 * corpus moved ~1% of the messages near the threshold across it.
 * Deterministic: a seeded shuffle.
 */
export function trainScorer(all: readonly TrainingDoc[], o: TrainOptions): ScorerModel {
  const docs = learnable(all, o.min_class_lines);
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const n = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = new Float64Array(n);
  for (const d of docs) counts[index.get(d.label) as number]! += 1;
  // urgent and not urgent weigh the same in all, and within the urgent half each class the same: not each class
  // against the rest (that would count a few urgent messages many times over and make every topic word an alarm),
  // and not each urgent message alike (a class with many lines, as suicide has, would take the urgent half's prior
  // and read any everyday message's common n-grams as that class)
  const noneIndex = index.get(NONE);
  const urgentClasses = n - (noneIndex === undefined ? 0 : 1);
  const classWeight = Array.from(counts, (count, c) => docs.length / (2 * Math.max(1, count) * (c === noneIndex ? 1 : urgentClasses)));
  // each feature's vector holds its n weights, then (when averaged) n sums of its updates, each counted by the
  // number of averaged iterates it is not yet part of: the mean of the iterates is then the last one less those
  // sums over their number, without touching every weight at every step (the averaged perceptron's trick)
  const averaged = o.average_from !== undefined;
  const width = averaged ? 2 * n : n;
  const weights = new Map<string, Float64Array>();
  const bias = new Float64Array(width);
  const rows = docs.map((d) => [...new Set(d.features)].map((f) => {
    let w = weights.get(f);
    if (!w) weights.set(f, (w = new Float64Array(width)));
    return w;
  }));
  const order = docs.map((_, i) => i);
  const random = mulberry32(o.seed ?? 7);
  const p = new Float64Array(n);
  let step = 0;
  const total = o.epochs * docs.length;
  const from = averaged ? Math.floor(total * (o.average_from as number)) : total;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const row = rows[k] as Float64Array[];
      const y = index.get((docs[k] as TrainingDoc).label) as number;
      const rate = o.rate / (1 + (4 * step++) / total);
      // (how many of the averaged iterates come before this update: those it is not part of)
      const lag = step - 1 - from;
      const scale = 1 / Math.sqrt(Math.max(1, row.length));
      let max = -Infinity;
      for (let c = 0; c < n; c++) {
        let z = bias[c] as number;
        for (const w of row) z += (w[c] as number) * scale;
        p[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < n; c++) sum += p[c] = Math.exp((p[c] as number) - max);
      const cw = classWeight[y] as number;
      for (let c = 0; c < n; c++) {
        const g = cw * (((p[c] as number) / sum) - (c === y ? 1 : 0));
        bias[c] = (bias[c] as number) - rate * g;
        if (lag > 0) bias[n + c] = (bias[n + c] as number) - lag * rate * g;
        for (const w of row) {
          const before = w[c] as number;
          const after = before * (1 - rate * o.l2) - rate * g * scale;
          w[c] = after;
          if (lag > 0) w[n + c] = (w[n + c] as number) + lag * (after - before);
        }
      }
    }
  }
  const iterates = total - from;
  const mean = (w: Float64Array): Float64Array => (averaged && iterates > 0 ? Float64Array.from({ length: n }, (_, c) => (w[c] as number) - (w[n + c] as number) / iterates) : w.subarray(0, n));
  const out = new Map<string, Float64Array>();
  // weights too small to move a decision are left out: a smaller model to keep and to load
  for (const [f, w] of weights) {
    const m = mean(w);
    if (!Array.from(m).every((x) => Math.abs(x) < 1e-3)) out.set(f, m);
  }
  return { labels, bias: Float64Array.from(mean(bias)), weights: out };
}

/** The model with its weights at the precision the start-up cache keeps them (Float32): a model trained at this
 * start and one read from the cache then score alike, to the last bit. */
export function atCachePrecision(m: ScorerModel): ScorerModel {
  const weights = new Map<string, Float64Array>();
  for (const [f, w] of m.weights) weights.set(f, w.map(Math.fround));
  return { labels: m.labels, bias: m.bias, weights };
}

export interface ScorerVerdict {
  /** Probability mass on the urgent labels (every label but `none`). */
  urgent: number;
  /** The most likely urgent label. */
  best: string;
}

/** `admits`: the urgent labels the message may be given (a class about a baby needs a baby named); the mass of
 * the others counts for neither. */
export function score(model: ScorerModel, features: readonly string[], admits?: (label: string) => boolean): ScorerVerdict {
  const n = model.labels.length;
  const z = Float64Array.from(model.bias);
  const unique = [...new Set(features)];
  const scale = 1 / Math.sqrt(Math.max(1, unique.length));
  for (const f of unique) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let c = 0; c < n; c++) z[c] = (z[c] as number) + (w[c] as number) * scale;
  }
  return verdictOf(model.labels, z, admits);
}

/** From the labels' scores: the softmax's mass on the urgent labels the message admits, and the likeliest of them. */
export function verdictOf(labels: readonly string[], z: Float64Array, admits?: (label: string) => boolean): ScorerVerdict {
  const n = labels.length;
  let max = -Infinity;
  for (let c = 0; c < n; c++) max = Math.max(max, z[c] as number);
  let sum = 0;
  let urgent = 0;
  let best = NONE;
  let bestP = -1;
  for (let c = 0; c < n; c++) {
    const label = labels[c] as string;
    if (label !== NONE && admits && !admits(label)) continue;
    const p = Math.exp((z[c] as number) - max);
    sum += p;
    if (label !== NONE) {
      urgent += p;
      if (p > bestP) {
        bestP = p;
        best = label;
      }
    }
  }
  return { urgent: urgent / sum, best };
}
