// The urgent decision, independent of the intent classifier and made before anything else: concept rules
// over the mentions in scope, and a learned scorer; either raises the flag. Built once (the scorer trained
// on the corpus), then `detect(normalisedText)` is pure.
import type { RedFlag } from '../nlu/types';
import type { UrgentData } from './data';
import { IN_FORCE_READINGS, itemConcepts, ownConceptsOf, type ConceptSpec } from './schema';
import { buildConceptLexicon, type ConceptLexicon } from './lexicon';
import { findMentions, type Mention } from './mentions';
import { createRuleEngine, type RuleEngine } from './rules';
import { createScopeReader, type Scope, type ScopeReader } from './scope';
import { inScope } from './scope-types';
import { compileTables, modelOfTables, scorerTables, type ScorerTables } from './gram-scorer';
import { atCachePrecision, conceptFeatures, ngramsOf, NONE, trainScorer, wordFeatures, type ScorerModel, type TrainingDoc } from './scorer';

/** Characters (or twice the English words) a message needs besides the words for who it is about before the scorer judges it. */
const MIN_EVIDENCE = 8;

export interface UrgentVerdict {
  /** The red-flag classes raised, first mention first; empty when not urgent. */
  flags: RedFlag[];
  /** A red-flag concept asked about or supposed (胸痛挂什么科, 万一破水): add "if it is happening now, call 120". */
  caution: boolean;
  /** The scorer's probability for the urgent classes. */
  score: number;
  /** Who raised it. */
  by: 'rules' | 'scorer' | 'both' | null;
  /** The scope rules judged every red-flag mention out of scope (or, with none, every supporting sign denied): the
   * scorer may raise only another class (`shut`), at `threshold_across`. */
  closed: boolean;
  /** Whether the scorer may not raise a class: one whose mentions the scope rules all judged out of scope (a stroke
   * years ago shuts stroke, not a plan to die now), or any when the message is too thin to judge — unless signs that
   * support the class are said openly beside and the score reaches `threshold_reopened`, or the score reaches
   * `threshold_overrule` and no reason named spent the mentions. */
  shut: (label: string, score?: number) => boolean;
  /** The classes an open red-flag mention belongs to: the scorer needs only `threshold` for these, `thresholdUnseen`
   * for any other (a phrasing the concepts do not know, or a class no mention speaks for). */
  openClasses: ReadonlySet<string>;
  mentions: Mention[];
  scopes: Scope[];
}

export interface UrgentDetector {
  detect(normalised: string): UrgentVerdict;
  /** The features the scorer reads for a normalised message (for training and evaluation). */
  features(normalised: string): string[];
  /** The classes the scorer may raise for a message's mentions (`subject` in classes.yml). */
  admitsOf(mentions: readonly Mention[], scopes: readonly Scope[]): (label: string) => boolean;
  /** The classes the message says have not begun (`not_yet`), with none of their own signs: not the scorer's to raise. */
  notYetOf(mentions: readonly Mention[], scopes: readonly Scope[]): ReadonlySet<string>;
  lexicon: ConceptLexicon;
  threshold: number;
  thresholdUnseen: number;
  thresholdAcross: number;
  /** The trained model (made from `tables` when first asked for, when those came from the start-up cache). */
  readonly model: ScorerModel;
  /** Its rows as the compiled scorer reads them (what the start-up cache keeps). */
  tables: ScorerTables;
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
  /** Toneless pinyin syllables of a word (default: pinyin-pro's). */
  syllables?: (word: string) => string[];
  /** A trained model to use instead of training. */
  model?: ScorerModel;
  /** A trained model's rows to use instead of training (the start-up cache). */
  tables?: ScorerTables;
  threshold?: number;
  thresholdUnseen?: number;
}

export function createUrgentDetector(data: UrgentData, o: UrgentOptions): UrgentDetector {
  const lexicon = buildConceptLexicon(data.concepts, o.simplify, o.syllables);
  const inForce = (reading: ConceptSpec['in_force'][number]): Set<string> => new Set(data.concepts.concepts.filter((c) => c.in_force.includes(reading)).map((c) => c.id));
  // each class's own concepts (its rules'), read for the classes whose lasting counts and for a denial reopened
  const ownOf = ownConceptsOf(data.classes.classes);
  const lasting = new Set(Object.entries(data.classes.classes).flatMap(([id, c]) => (c.lasting_counts ? [...(ownOf.get(id) ?? [])] : [])));
  const scope = createScopeReader(data.scope, o.simplify, { ...(Object.fromEntries(IN_FORCE_READINGS.map((r) => [r, inForce(r)])) as Record<(typeof IN_FORCE_READINGS)[number], Set<string>>), lasting }, lexicon.spell);
  const rules = createRuleEngine(data.classes, scope);
  const isWord = o.isWord ?? (() => false);
  const sizes = data.scorer.ngrams;

  function analyse(normalised: string): { mentions: Mention[]; scopes: Scope[]; blocked: Mention[] } {
    const blocked: Mention[] = [];
    const mentions = findMentions(normalised, lexicon, isWord, o.segment, blocked);
    return { mentions, scopes: scope.read(normalised, mentions), blocked };
  }

  const context = new Set(data.classes.context);
  const unscored = new Set([...context, ...data.classes.unscored]);
  const wordStop: ReadonlySet<string> = new Set(data.scorer.word_stop);
  /** The n-grams of what the message says, with the words that only say who it is about (孕妇, 宝宝, 透析病人)
   * left to their concept features: a topic is not an emergency; nor are an office's line's words (`unread_when_blocked`:
   * 网格员的电话打不通 is no one gone silent). */
  function featuresOf(normalised: string, mentions: Mention[], scopes: Scope[], blocked: readonly Mention[]): string[] {
    return [...ngramsOf(normalised, sizes, marksOf(normalised, mentions, blocked), wordStop), ...conceptFeatures(mentions, scopes, unscored)];
  }
  function marksOf(normalised: string, mentions: Mention[], blocked: readonly Mention[]): Uint8Array {
    const marks = scope.marks(normalised);
    for (const m of mentions) if (context.has(m.concept)) marks.fill(2, m.start, m.end);
    for (const m of blocked) if (lexicon.unreadWhenBlocked.has(m.concept)) marks.fill(2, m.start, m.end);
    return marks;
  }

  /** Too little said for the scorer to judge ("孕妇呢", "and the next one?"): the rules alone decide. */
  function thin(normalised: string, mentions: Mention[]): boolean {
    let chars = 0;
    for (let i = 0; i < normalised.length; i++) {
      const c = normalised.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) chars++;
    }
    // less the characters of the words that only say who it is about, each counted once
    let counted = -1;
    for (const m of mentions.filter((x) => context.has(x.concept)).sort((a, b) => a.start - b.start))
      for (let i = Math.max(m.start, counted + 1); i < m.end; i++) {
        const c = normalised.charCodeAt(i);
        if (c >= 0x3400 && c <= 0x9fff) chars--;
        counted = i;
      }
    const words = normalised.match(/[a-z]{3,}/gi)?.length ?? 0;
    return chars + 2 * words < MIN_EVIDENCE;
  }

  function features(normalised: string): string[] {
    const { mentions, scopes, blocked } = analyse(normalised);
    return featuresOf(normalised, mentions, scopes, blocked);
  }

  let model = o.model;
  if (!model && !o.tables) {
    const docs: TrainingDoc[] = [];
    for (const e of data.corpus) {
      if (o.train && !o.train(e)) continue;
      docs.push({ features: features(o.normalise(e.text)), label: e.urgent ? (e.class as string) : NONE });
    }
    for (const t of o.extraNegatives ?? []) {
      const n = o.normalise(t);
      const { mentions, scopes, blocked } = analyse(n);
      // an example that the rules find urgent is not a safe negative
      if (rules.judge(n, mentions, scopes).hits.length) continue;
      docs.push({ features: featuresOf(n, mentions, scopes, blocked), label: NONE });
    }
    // at the precision the start-up cache keeps: the first start after a change decides as every later one
    model = atCachePrecision(trainScorer(docs, data.scorer));
  }
  const subjects = new Map(Object.entries(data.classes.classes).map(([id, c]) => [id, c.subject ?? []]));
  const ordinary = new Map(Object.entries(data.classes.classes).flatMap(([id, c]) => {
    const reasons = [...data.classes.ordinary, ...(c.ordinary ?? [])];
    return reasons.length ? [[id, reasons] as const] : [];
  }));
  /** The classes the scorer may raise: one about someone (a baby, a pregnancy) only when the message names them. */
  // each class's not-yet concepts, and its own signs (its rules' concepts, less who it is about and the not-yet ones)
  const notYetSpecs = Object.entries(data.classes.classes)
    .filter(([, c]) => c.not_yet?.length)
    .map(([id, c]) => {
      const said = new Set(c.not_yet);
      // (a rule that does not hold beside a not-yet concept gives no sign: 要生了 beside 预产期下礼拜 is a plan)
      const signs = new Set(c.rules.filter((r) => !r.none.some((x) => said.has(x))).flatMap((r) => r.all.flatMap(itemConcepts)).filter((x) => !context.has(x) && !said.has(x)));
      return { id, said, signs };
    });
  const notYetSaid = new Set(notYetSpecs.flatMap((x) => [...x.said]));
  function notYetOf(mentions: readonly Mention[], scopes: readonly Scope[]): ReadonlySet<string> {
    const out = new Set<string>();
    if (!notYetSpecs.length) return out;
    const named = new Set(mentions.filter((_, i) => !(scopes[i] as Scope).negated).map((m) => m.concept));
    for (const { id, said, signs } of notYetSpecs) if ([...said].some((c) => named.has(c)) && ![...signs].some((c) => named.has(c))) out.add(id);
    return out;
  }

  // (no one named: a class about someone is not the scorer's to raise — most messages, one function for them all)
  const admitsUnnamed = (label: string): boolean => !subjects.get(label)?.length;
  function admitsOf(mentions: readonly Mention[], scopes: readonly Scope[]): (label: string) => boolean {
    if (!mentions.length) return admitsUnnamed;
    const named = new Set(mentions.filter((_, i) => !(scopes[i] as Scope).negated).map((m) => m.concept));
    // (someone named and nothing said of them — 我妈一周要透析三次，谁给她透 — is a question about them, not an emergency;
    // nor is a time still ahead said of them: 怀孕了，预产期下个月)
    const saysMore = [...named].some((c) => !context.has(c) && !notYetSaid.has(c));
    return (label) => {
      const needs = subjects.get(label);
      // (…nor one whose ordinary reason is named, said or denied: 事情办好了，以后就不麻烦你们了 is a sign-off, and 家里没人做饭
      // is still about the cooking)
      if (ordinary.get(label)?.some((c) => mentions.some((m) => m.concept === c))) return false;
      return !needs?.length || (needs.some((c) => named.has(c)) && saysMore);
    };
  }
  const threshold = o.threshold ?? data.scorer.threshold;
  const thresholdUnseen = o.thresholdUnseen ?? data.scorer.threshold_unseen;
  const thresholdAcross = data.scorer.threshold_across ?? thresholdUnseen;
  const thresholdReopened = data.scorer.threshold_reopened;
  const thresholdOverrule = data.scorer.threshold_overrule ?? Infinity;
  const supporting = new Set(data.classes.supporting);
  const tables = o.tables ?? scorerTables(model as ScorerModel);
  const modelOf = (): ScorerModel => (model ??= modelOfTables(tables));
  const scorer = compileTables(tables, sizes, modelOf);

  function detect(normalised: string): UrgentVerdict {
    const { mentions, scopes, blocked } = analyse(normalised);
    const verdict = rules.judge(normalised, mentions, scopes);
    // what featuresOf gives the scorer, read in place (gram-scorer.ts)
    const lower = normalised.toLowerCase();
    const s =
      tables.labels.length > 1
        ? scorer.score(lower, marksOf(normalised, mentions, blocked), [...wordFeatures(lower, wordStop), ...conceptFeatures(mentions, scopes, unscored)], admitsOf(mentions, scopes))
        : { urgent: 0, best: NONE };
    const flags: RedFlag[] = verdict.hits.map((h) => ({ id: h.id, text: h.mention.text, start: h.mention.start, end: h.mention.end }));
    const tooThin = thin(normalised, mentions);
    // (a message all of whose mentions are an animal's says nothing of a person: 豆豆吐了…豆豆是我家的泰迪)
    const animalOnly = scopes.length > 0 && scopes.every((x) => x.animal);
    // the class's own signs (not who they are about), each with whether it is supporting and said openly
    const signsOf = (label: string): { supports: boolean; open: boolean }[] => {
      const own = ownOf.get(label);
      return mentions.flatMap((m, i) => (own?.has(m.concept) && !context.has(m.concept) ? [{ supports: supporting.has(m.concept), open: inScope(scopes[i] as Scope) }] : []));
    };
    // (…a denial beside despair said openly, 我没有想不开…活着真没意思, is the scorer's again at a high score)
    // (shut by what its mentions are said to be — denied, past — not by what names another reason: 出国了，猫托给楼下)
    const reopened = (label: string, score: number): boolean => {
      if (thresholdReopened === undefined || score < thresholdReopened) return false;
      const signs = signsOf(label);
      return signs.some((x) => x.supports && x.open) && signs.every((x) => x.supports || !x.open);
    };
    // (…and a scorer this sure overrules them where they shut it by what its mentions are said to be: what they read as a
    // figure of speech, a supposition or the past can be the emergency said in words they do not know — never where a
    // reason named spent signs said openly, 出国了，猫托给楼下)
    const overruled = (label: string, score: number): boolean => score >= thresholdOverrule && !signsOf(label).some((x) => x.open);
    const shut = (label: string, score = 0): boolean => tooThin || animalOnly || (verdict.closedClasses.has(label) && !overruled(label, score) && !reopened(label, score));
    // the lower threshold where a red-flag mention of the scorer's class is open; else as if none were found
    // (never a class whose every mention the scope rules judged out of scope; another class beside them only at
    // `threshold_across`)
    const byScorer = s.urgent >= (verdict.openClasses.has(s.best) ? threshold : verdict.closed ? thresholdAcross : thresholdUnseen) && s.best !== NONE && !shut(s.best, s.urgent) && !notYetOf(mentions, scopes).has(s.best);
    if (!flags.length && byScorer) flags.push({ id: s.best, text: '', start: 0, end: 0 });
    const by = verdict.hits.length ? (byScorer ? 'both' : 'rules') : byScorer ? 'scorer' : null;
    return {
      flags,
      caution: !flags.length && verdict.caution.length > 0,
      score: s.urgent,
      by,
      closed: verdict.closed || tooThin,
      shut,
      openClasses: verdict.openClasses,
      mentions,
      scopes,
    };
  }

  return {
    detect,
    features,
    admitsOf,
    notYetOf,
    lexicon,
    threshold,
    thresholdUnseen,
    thresholdAcross,
    get model() {
      return modelOf();
    },
    tables,
    rules,
    scope,
  };
}
