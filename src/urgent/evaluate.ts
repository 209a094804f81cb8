// Honest measurement of the urgent detector: leave-one-family-out over the corpus. For each phrasing
// family (clinical, cantonese, english, negated_list…), the scorer is trained on every other family and
// the detector (rules + scorer) judges the held-out family's messages; recall and precision are reported per
// class and per family, and for a range of thresholds so that the scorer's threshold can be chosen for
// recall on held-out data. Also judges a blind set trained on the whole corpus.
import type { UrgentData } from './data';
import type { CorpusEntry } from './schema';
import type { UrgentDetector } from './detect';
import { NONE, score, trainScorer, type ScorerModel, type TrainingDoc } from './scorer';

export interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export interface Judged {
  entry: CorpusEntry;
  /** The rules alone raised it. */
  rules: string[];
  /** The held-out scorer's probability and class. */
  score: number;
  best: string;
  /** The scope rules closed the message to the scorer. */
  closed: boolean;
  /** No open red-flag mention of the scorer's class in it (the scorer needs its `unseen` threshold). */
  unseen: boolean;
  /** …while every red-flag mention it has is out of scope (the scorer needs its `across` threshold). */
  across: boolean;
}

export interface HeldOutReport {
  threshold: Thresholds;
  overall: Counts & { recall: number; precision: number };
  byFamily: Record<string, Counts & { recall: number; precision: number }>;
  byClass: Record<string, Counts & { recall: number; precision: number }>;
  /** Recall and precision of rules OR scorer for each pair of thresholds (open, unseen) from 0.1 to 0.99. */
  /** `everyday`: the share of the everyday questions (the intents' examples) raised — most of real traffic. */
  sweep: { open: number; unseen: number; recall: number; precision: number; everyday: number }[];
  rulesOnly: { recall: number; precision: number };
  misses: Judged[];
  falseAlarms: Judged[];
}

const empty = (): Counts => ({ tp: 0, fn: 0, fp: 0, tn: 0 });
const rates = (c: Counts): Counts & { recall: number; precision: number } => ({
  ...c,
  recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1,
  precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1,
});

export interface Thresholds {
  open: number;
  unseen: number;
  /** Another class beside out-of-scope mentions (default: `unseen`). */
  across?: number;
}

export const raised = (j: Judged, t: Thresholds): boolean => j.rules.length > 0 || (!j.closed && j.best !== NONE && j.score >= (!j.unseen ? t.open : j.across ? (t.across ?? t.unseen) : t.unseen));

function tally(judged: Judged[], threshold: Thresholds, by: (j: Judged) => string[]): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const j of judged) {
    const said = raised(j, threshold);
    for (const key of by(j)) {
      const c = (out[key] ??= empty());
      if (j.entry.urgent && said) c.tp++;
      else if (j.entry.urgent) c.fn++;
      else if (said) c.fp++;
      else c.tn++;
    }
  }
  return out;
}

export interface EvalInputs {
  data: UrgentData;
  detector: UrgentDetector;
  normalise: (text: string) => string;
  /** Not-urgent messages trained on besides the corpus (the intents' examples), held out as a family of their own. */
  extraNegatives: readonly string[];
}

/** Features and rule verdicts of every corpus entry, computed once. */
function prepare(inputs: EvalInputs, entries: readonly CorpusEntry[]) {
  return entries.map((entry) => {
    const n = inputs.normalise(entry.text);
    const v = inputs.detector.detect(n);
    const rules = v.by === 'rules' || v.by === 'both' ? v.flags.map((f) => f.id) : [];
    return { entry, features: inputs.detector.features(n), admits: inputs.detector.admitsOf(v.mentions, v.scopes), notYet: inputs.detector.notYetOf(v.mentions, v.scopes), rules, shut: v.shut, closed: v.closed, openClasses: v.openClasses };
  });
}

function negatives(inputs: EvalInputs): TrainingDoc[] {
  return inputs.extraNegatives.map((t) => ({ features: inputs.detector.features(inputs.normalise(t)), label: NONE }));
}

const asDoc = (p: { entry: CorpusEntry; features: string[] }): TrainingDoc => ({ features: p.features, label: p.entry.urgent ? (p.entry.class as string) : NONE });

/** The intents' examples as a family of their own: the questions the bot answers every day, which must not
 * raise false alarms either, held out in their turn like every other family. */
const EVERYDAY = 'everyday_questions';

export function questionsFamily(inputs: EvalInputs): CorpusEntry[] {
  return inputs.extraNegatives.map((text, i) => ({ text, urgent: false, class: null, family: EVERYDAY, file: 'intents/classes', line: i + 1 }));
}

export function heldOutFamilies(inputs: EvalInputs, threshold: Thresholds = { open: inputs.data.scorer.threshold, unseen: inputs.data.scorer.threshold_unseen, across: inputs.data.scorer.threshold_across }): HeldOutReport {
  const prepared = prepare(inputs, [...inputs.data.corpus, ...questionsFamily(inputs)]);
  const families = [...new Set(prepared.map((p) => p.entry.family))].sort();
  const judged: Judged[] = [];
  for (const family of families) {
    const model = trainScorer(prepared.filter((p) => p.entry.family !== family).map(asDoc), inputs.data.scorer);
    for (const p of prepared.filter((x) => x.entry.family === family)) {
      const s = score(model, p.features, p.admits);
      judged.push({ entry: p.entry, rules: p.rules, score: s.urgent, best: s.best, closed: p.shut(s.best, s.urgent) || p.notYet.has(s.best), unseen: !p.openClasses.has(s.best), across: p.closed });
    }
  }
  return report(judged, threshold);
}

/** The blind set judged by a detector whose scorer is trained on the whole corpus. */
export function blind(
  inputs: EvalInputs,
  entries: readonly CorpusEntry[],
  model: ScorerModel,
  threshold: Thresholds = { open: inputs.data.scorer.threshold, unseen: inputs.data.scorer.threshold_unseen, across: inputs.data.scorer.threshold_across },
): HeldOutReport {
  const judged = prepare(inputs, entries).map((p) => {
    const s = score(model, p.features, p.admits);
    return { entry: p.entry, rules: p.rules, score: s.urgent, best: s.best, closed: p.shut(s.best, s.urgent) || p.notYet.has(s.best), unseen: !p.openClasses.has(s.best), across: p.closed };
  });
  return report(judged, threshold);
}

/** Trains the scorer on the whole corpus and the extra negatives (what the shipped detector uses). */
export function fullModel(inputs: EvalInputs): ScorerModel {
  return trainScorer([...prepare(inputs, inputs.data.corpus).map(asDoc), ...negatives(inputs)], inputs.data.scorer);
}

function report(judged: Judged[], threshold: Thresholds): HeldOutReport {
  const said = (j: Judged): boolean => raised(j, threshold);
  const all = tally(judged, threshold, () => ['all']).all ?? empty();
  const grid = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
  const sweep = grid.flatMap((open) =>
    grid.map((unseen) => {
      // (the threshold across classes kept: a class beside out-of-scope mentions needs it whatever the others are)
      const t = { open, unseen, across: Math.max(unseen, threshold.across ?? unseen) };
      const r = rates(tally(judged, t, () => ['all']).all ?? empty());
      const q = tally(judged, t, (j) => (j.entry.family === EVERYDAY ? [EVERYDAY] : []))[EVERYDAY] ?? empty();
      return { open, unseen, recall: r.recall, precision: r.precision, everyday: q.fp / Math.max(1, q.fp + q.tn) };
    }),
  );
  const rulesOnly = rates(tally(judged, { open: 2, unseen: 2, across: 2 }, () => ['all']).all ?? empty());
  const map = (o: Record<string, Counts>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, rates(v)]));
  return {
    threshold,
    overall: rates(all),
    byFamily: map(tally(judged, threshold, (j) => [j.entry.family])),
    byClass: map(tally(judged, threshold, (j) => [j.entry.class ?? 'none'])),
    sweep,
    rulesOnly: { recall: rulesOnly.recall, precision: rulesOnly.precision },
    misses: judged.filter((j) => j.entry.urgent && !said(j)),
    falseAlarms: judged.filter((j) => !j.entry.urgent && said(j)),
  };
}
