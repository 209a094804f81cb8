// The urgent decision, independent of the intent classifier and made before anything else: concept rules
// over the mentions in scope, and a learned scorer; either raises the flag. Built once (the scorer trained
// on the corpus), then `detect(normalisedText)` is pure.
import type { RedFlag } from '../nlu/types';
import type { UrgentData } from './data';
import { buildConceptLexicon, type ConceptLexicon } from './lexicon';
import { findMentions, type Mention } from './mentions';
import { createRuleEngine, type RuleEngine } from './rules';
import { createScopeReader, type Scope, type ScopeReader } from './scope';
import { conceptFeatures, ngramsOf, NONE, score, trainScorer, type ScorerModel, type TrainingDoc } from './scorer';

export interface UrgentVerdict {
  /** The red-flag classes raised, first mention first; empty when not urgent. */
  flags: RedFlag[];
  /** A red-flag concept asked about or supposed (胸痛挂什么科, 万一破水): add "if it is happening now, call 120". */
  caution: boolean;
  /** The scorer's probability for the urgent classes. */
  score: number;
  /** Who raised it. */
  by: 'rules' | 'scorer' | 'both' | null;
  /** The scope rules judged every red-flag mention out of scope: the scorer may not raise the flag. */
  closed: boolean;
  mentions: Mention[];
  scopes: Scope[];
}

export interface UrgentDetector {
  detect(normalised: string): UrgentVerdict;
  /** The features the scorer reads for a normalised message (for training and evaluation). */
  features(normalised: string): string[];
  lexicon: ConceptLexicon;
  threshold: number;
  model: ScorerModel;
  rules: RuleEngine;
  scope: ScopeReader;
}

export interface UrgentOptions {
  /** The NLU's normaliser (text → normalised text), to read the corpus as messages are read. */
  normalise: (text: string) => string;
  /** Whether a string is a word of the segmenter's dictionary (a homophone typo that is a real word). */
  isWord?: (w: string) => boolean;
  /** The segmenter: a homophone typo must be whole words of the message. */
  segment?: (text: string) => string[];
  simplify?: (s: string) => string;
  /** Messages known not to be urgent besides the corpus (the intents' examples). */
  extraNegatives?: readonly string[];
  /** Train on these corpus entries only (leave-one-family-out evaluation). */
  train?: (entry: UrgentData['corpus'][number]) => boolean;
  /** A trained model to use instead of training (the start-up cache). */
  model?: ScorerModel;
  threshold?: number;
}

export function createUrgentDetector(data: UrgentData, o: UrgentOptions): UrgentDetector {
  const lexicon = buildConceptLexicon(data.concepts, o.simplify);
  const scope = createScopeReader(data.scope, o.simplify);
  const rules = createRuleEngine(data.classes, scope);
  const isWord = o.isWord ?? (() => false);
  const sizes = data.scorer.ngrams;

  function analyse(normalised: string): { mentions: Mention[]; scopes: Scope[] } {
    const mentions = findMentions(normalised, lexicon, isWord, o.segment);
    return { mentions, scopes: scope.read(normalised, mentions) };
  }

  function features(normalised: string): string[] {
    const { mentions, scopes } = analyse(normalised);
    return [...ngramsOf(normalised, sizes), ...conceptFeatures(mentions, scopes)];
  }

  let model = o.model;
  if (!model) {
    const docs: TrainingDoc[] = [];
    for (const e of data.corpus) {
      if (o.train && !o.train(e)) continue;
      docs.push({ features: features(o.normalise(e.text)), label: e.urgent ? (e.class as string) : NONE });
    }
    for (const t of o.extraNegatives ?? []) {
      const n = o.normalise(t);
      const { mentions, scopes } = analyse(n);
      // an example that the rules find urgent is not a safe negative
      if (rules.judge(n, mentions, scopes).hits.length) continue;
      docs.push({ features: [...ngramsOf(n, sizes), ...conceptFeatures(mentions, scopes)], label: NONE });
    }
    model = trainScorer(docs, data.scorer);
  }
  const threshold = o.threshold ?? data.scorer.threshold;
  const trained = model;

  function detect(normalised: string): UrgentVerdict {
    const { mentions, scopes } = analyse(normalised);
    const verdict = rules.judge(normalised, mentions, scopes);
    const s = trained.labels.length > 1 ? score(trained, [...ngramsOf(normalised, sizes), ...conceptFeatures(mentions, scopes)]) : { urgent: 0, best: NONE };
    const flags: RedFlag[] = verdict.hits.map((h) => ({ id: h.id, text: h.mention.text, start: h.mention.start, end: h.mention.end }));
    const byScorer = s.urgent >= threshold && s.best !== NONE && !verdict.closed;
    if (!flags.length && byScorer) flags.push({ id: s.best, text: '', start: 0, end: 0 });
    const by = verdict.hits.length ? (byScorer ? 'both' : 'rules') : byScorer ? 'scorer' : null;
    return { flags, caution: !flags.length && verdict.caution.length > 0, score: s.urgent, by, closed: verdict.closed, mentions, scopes };
  }

  return { detect, features, lexicon, threshold, model: trained, rules, scope };
}
