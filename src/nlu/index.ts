// The NLU: createNlu(rules) loads the data, the segmenter (with a user dictionary generated from the
// rule books and the vocabulary) and trains the intent model once; analyse(text) is then pure.
import type { RuleSet } from '../rules/types';
import type { Analysis, Entity, Nlu } from './types';
import { loadIntentsData, defaultIntentsDir, type IntentsData } from './data';
import { buildLexicon, type EntityLexicon } from './lexicon';
import { createNormaliser, toSimplified, type Normalised } from './normalise';
import { createVarietyMapper } from './varieties';
import { createEnglishGlosser, glossesMapped, type EnglishGlosser } from './english';
import { bookPlaceNames, englishPlaces } from './english-places';
import { lazy } from './lazy';
import { toneless } from './place-names';
import { createUrgentDetector, type UrgentDetector } from '../urgent/detect';
import { readingsFor, rememberReadings } from '../urgent/lexicon';
import { scorerTablesFromBytes, scorerTablesToBytes } from '../urgent/scorer-cache';
import { BYTES_AT, cacheName, contentKey, fileCache } from './model-cache';
import { projectRoot } from '../data/root';
import { cueScan } from '../data/cue-scan';
import { dirname, join } from 'node:path';
import { createSegmenter, type Segmenter, type SegmenterName } from './segment';
import { dropDeniedPlaces, dropJokedEntities, extractEntities } from './entities';
import { buildGazetteer, loadStreets, type Division, type Gazetteer } from './gazetteer';
import { jiebaLexiconOf, loadJiebaLexicon } from './wordfreq';
import { intentModelOf, trainIntentModel, trainNatural, type IntentModel, type TrainingDoc } from './classifier';
import { isNluBuild, nluBuildKey, rememberingSyllables, type NluBuild } from './prebuilt';
import { featuresOf } from './features';
import { unpunctuated } from './unpunctuated';
import { buildRomanisedModel, isRomanisedModel, syllableInventory, type RomanisedModel } from './romanised-model';
import { createRomanisedReader } from './romanised';
import { pinyin } from './pinyin';
import { homophoneReaderOf } from './homophones';

export type { Analysis, Entity, Nlu, RedFlag, IntentResult, EntityType, Script } from './types';
export type { SegmenterName } from './segment';

export interface NluOptions {
  segmenter?: SegmenterName;
  intentsDir?: string;
  /** Where trained models are kept between starts (default <checkout>/.cache; null: never). */
  cacheDir?: string | null;
}

export interface Prepared {
  norm: Normalised;
  tokens: string[];
  entities: Entity[];
  features: string[];
  /** Spans of words that hold a cue but are something else (lexicon `not_inside`), as written. */
  plainTexts: string[];
}

/** The NLU with its parts exposed, for `nlu eval`, the benchmark and the tests. */
export interface NluEngine extends Nlu {
  data: IntentsData;
  lexicon: EntityLexicon;
  segmenter: Segmenter;
  model: IntentModel;
  threshold: number;
  startupMs: number;
  /** Milliseconds spent in each start-up stage. */
  timings: Record<string, number>;
  /** Whether the urgent scorer was read from the cache rather than trained. */
  fromCache: { urgentScorer: boolean };
  /** The parts a start from the cache leaves to their first use (the English glossary, the pinyin reader), not made yet. */
  unmade(): string[];
  prepare(text: string, opts?: { forwarded?: boolean }): Prepared;
  urgent: UrgentDetector;
  normalise(text: string): Normalised;
}

export const FALLBACK = 'fallback';

/** The urgent scorer's cache salt: a change of its format or training that the files do not show. */
const MODEL_SALT = 'urgent-scorer/4';

export function createNlu(rules: RuleSet, opts: NluOptions = {}): NluEngine {
  const started = performance.now();
  const timings: Record<string, number> = {};
  let mark = started;
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = now - mark;
    mark = now;
  };
  const intentsDir = opts.intentsDir ?? defaultIntentsDir();
  // the cache keys, from the files as they are before they are read: a file changed while they are read (an editor
  // saving, a deploy) makes a key that no longer holds after, and nothing is cached under it (written only when the
  // files still hash to it)
  const rulesDir = rules.books[0] ? dirname(rules.books[0].file) : '';
  const buildKey = nluBuildKey([intentsDir, rulesDir], opts.segmenter ?? 'node-rs');
  const modelFiles = [intentsDir, __dirname, join(__dirname, '..', 'urgent')];
  const modelKey = contentKey(modelFiles, MODEL_SALT);
  const data = loadIntentsData(intentsDir);
  lap('data');
  // what is derived from the data files alone, from the cache when they and the code are unchanged
  const cache = fileCache(opts.cacheDir === null ? undefined : (opts.cacheDir ?? defaultCacheDir()));
  const built = cache.read(cacheName('nlu-build'), buildKey, isNluBuild);
  const syllables = rememberingSyllables(built?.syllables, toneless);
  lap('cache');
  const lexicon = buildLexicon(rules, data.lexicon);
  lap('lexicon');
  let streets: Division[] | undefined = built?.streets.map(([code, name, parent]) => ({ code, name, parent, level: 'street' as const }));
  const gazetteer = buildGazetteer(rules, undefined, (prefectures) => (streets ??= loadStreets(prefectures)));
  lap('gazetteer');
  const varieties = createVarietyMapper(data.varieties, toSimplified);
  // (a gloss is put in after the varieties are mapped: it is written as they leave it, 呕吐 as 吐吐, so that glossed
  // English reaches the concept words as Chinese typed does)
  const makeEnglish = (): EnglishGlosser => createEnglishGlosser(data.english.file, glossesMapped(data.english.data, varieties), englishPlaces(rules, gazetteer, syllables.of));
  // Only a message with Latin letters needs the English glossary and the pinyin reader: built at the first such
  // message (or the warm-up after the server listens) when a start before built them from these very files (the build
  // cache says so: their errors were found then), at once otherwise, so that a file's error stops the start.
  const englishLater = built ? lazy(makeEnglish) : undefined;
  const english: EnglishGlosser = englishLater
    ? {
        gloss: (text) => englishLater.get().gloss(text),
        get size() {
          return englishLater.get().size;
        },
      }
    : makeEnglish();
  const config = { forwardPrefixes: data.lexicon.forward_prefixes, varieties, english, wordByWord: data.lexicon.word_by_word };
  lap('normaliser');
  const segmenter = createSegmenter(opts.segmenter ?? 'node-rs', lexicon.words);
  lap('segmenter');
  // pinyin typed for want of a Chinese keyboard, read with the words of our own data (its model a cache entry of its
  // own, a third of the build's: read with the reader)
  const romanisedOf = (): RomanisedModel => romanisedModelOf(data, rules, createNormaliser(config), segmenter);
  const romanisedModel = built ? undefined : romanisedOf();
  const romanisedCached = (): RomanisedModel => {
    const cachedModel = cache.read(cacheName('nlu-romanised'), buildKey, isRomanisedModel);
    if (cachedModel) return cachedModel;
    const made = romanisedOf();
    cache.write(cacheName('nlu-romanised'), buildKey, made);
    return made;
  };
  const romanisedLater = romanisedModel ? undefined : lazy(() => createRomanisedReader(romanisedCached()));
  const normalise = createNormaliser({ ...config, romanised: romanisedLater ? (text) => romanisedLater.get()(text) : createRomanisedReader(romanisedModel!) });
  lap('romanised');
  const jiebaLex = built ? jiebaLexiconOf(built.lookAlikes) : loadJiebaLexicon(lexicon.places.map((p) => p.surface));
  const freq = jiebaLex.freq;
  lap('wordfreq');
  const threshold = data.lexicon.classifier.threshold;
  const stopwords = new Set(data.lexicon.classifier.stopwords);

  // whether a few characters are one word of the dictionary: a property of the dictionary, asked of the same few
  // homophone windows again and again (后备), each a native cut that also pushed a message's cut out of the
  // segmenter's last few — remembered (a bounded table, emptied when full)
  const words = new Map<string, boolean>();
  const isWord = (w: string): boolean => {
    let known = words.get(w);
    if (known === undefined) {
      const cut = segmenter.cut(w);
      known = cut.length === 1 && cut[0] === w;
      if (words.size >= 10_000) words.clear();
      words.set(w, known);
    }
    return known;
  };
  // the domain's words typed with a homophone (透西 for 透析), read as the word before anything else reads the text
  const homophones = homophoneReaderOf(data.lexicon, syllables.of, isWord);
  const cut = (t: string): string[] => segmenter.cut(t);

  // (read as messages are: some are English, read with the glossary, which a start from the build leaves for later)
  const seriousTurn = built?.seriousTurn ?? data.urgent.scope.serious_turn.map((w) => normalise(w).text);
  function prepare(text: string, o: { forwarded?: boolean } = {}): Prepared {
    const norm = normalise(text);
    norm.text = homophones.correct(norm.text, cut);
    if (o.forwarded) norm.forwarded = true;
    const tokens = segmenter.cut(norm.text);
    const plain: [number, number][] = [];
    const entities = extractEntities(norm.text, lexicon, freq, plain);
    let others = gazetteerEntities(norm.text, entities, gazetteer);
    if (others.length && plain.length) others = others.filter((e) => !plain.some(([s, end]) => s <= e.start && e.end <= end));
    if (others.length) {
      entities.push(...others);
      entities.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    dropDeniedPlaces(norm.text, entities, lexicon);
    dropJokedEntities(norm.text, entities, seriousTurn);
    if (norm.forwarded && !entities.some((e) => e.type === 'role')) {
      entities.unshift({ type: 'role', value: 'family_doctor', text: norm.prefixes.join(''), start: 0, end: 0, score: 0.6 });
    }
    const features = featuresOf(norm, tokens, entities, lexicon, stopwords);
    return { norm, tokens: tokens.filter((t) => t !== ' '), entities, features, plainTexts: plain.map(([s, e]) => norm.text.slice(s, e)) };
  }

  const docs = (): TrainingDoc[] => data.intents.flatMap((i) => i.examples.map((e) => ({ features: prepare(e).features, label: i.intent })));
  const smoothing = data.lexicon.classifier.smoothing;
  const model = built ? intentModelOf(built.intent, () => trainNatural(docs(), smoothing)) : trainIntentModel(docs(), smoothing);
  lap('train');
  // A message that is one of the training examples word for word ("在吗") gets that example's intent:
  // short messages carry too few features for the model to be confident.
  const key = unpunctuated;
  const examples = new Map<string, string | null>(built?.examples);
  if (!built)
    for (const i of data.intents)
      for (const e of i.examples) {
        const k = key(normalise(e).text);
        examples.set(k, examples.has(k) && examples.get(k) !== i.intent ? null : i.intent);
      }
  lap('examples');
  // the characters' readings the concept lexicon looks up, as a build remembered them
  if (built) rememberReadings(built.readings);
  const plain = createNormaliser({ forwardPrefixes: [], varieties, wordByWord: data.lexicon.word_by_word });
  const normaliseWord = (w: string): string => plain(w).text;
  // the urgent scorer, from the cache when the data and the code it was trained from are unchanged. Not keyed by the
  // rule books: they reach it only through the normaliser's place names, while retraining it is most of the cost of a
  // reload (seconds to a minute of a worker thread for every rule book published or edited); the scorer read with
  // another locality's names is the same scorer (a new place is a rule book's concern, the scorer's n-grams of it
  // rare either way)
  const bytes = cache.readBytes(cacheName('urgent-scorer'), modelKey);
  const cached = bytes && scorerTablesFromBytes(bytes);
  const urgent = createUrgentDetector(data.urgent, {
    ...(cached ? { tables: cached } : {}),
    normalise: (t) => normalise(t).text,
    isWord,
    segment: (t) => segmenter.cut(t),
    // the data's words are read as messages are (traditional, numerals: 分钟疼一次 → 分钟疼1次)
    simplify: (w) => normaliseWord(w),
    extraNegatives: data.intents.flatMap((i) => i.examples),
    syllables: syllables.of,
  });
  if ((!cached || urgent.tables.labels.length === 0) && contentKey(modelFiles, MODEL_SALT) === modelKey)
    cache.writeBytes(cacheName('urgent-scorer'), modelKey, scorerTablesToBytes(urgent.tables, BYTES_AT));
  lap('urgent');
  if (!built && nluBuildKey([intentsDir, rulesDir], opts.segmenter ?? 'node-rs') === buildKey) {
    if (romanisedModel) cache.write(cacheName('nlu-romanised'), buildKey, romanisedModel);
    cache.write(cacheName('nlu-build'), buildKey, {
      intent: model.tables,
      examples: [...examples],
      lookAlikes: jiebaLex.entries,
      syllables: syllables.entries(),
      streets: (streets ?? []).map((d) => [d.code, d.name, d.parent] as [string, string, string]),
      seriousTurn,
      readings: readingsFor([...data.urgent.concepts.concepts.flatMap((c) => c.words), ...Object.values(data.urgent.concepts.terms).flat()]),
    } satisfies NluBuild);
  }

  // The question after a story that asks nothing (…心脏都要跳出来了哈哈 缓一会就好了 问个事 卫生院门口挂个黄牌子啥意思):
  // its intent read from the question alone, when that reading is sure (and surer than the whole message's, in
  // analyse); the story's words would pull it elsewhere.
  const openers = data.lexicon.classifier.question_openers.map((o) => o.toLowerCase());
  const asking = data.lexicon.classifier.asking ? new RegExp(data.lexicon.classifier.asking, 'i') : undefined;
  // (…or the last sentence, after a story told in sentences that ask nothing: …一宿过去现在好利索了。俺们海阳这边 以后
  // 要是再有个啥事 找谁问)
  const openerScan = cueScan(openers);
  function questionAfterStory(text: string): ReturnType<IntentModel['score']> | undefined {
    if (!asking) return undefined;
    const lower = text.toLowerCase();
    let end = -1;
    let start = -1;
    let least = 4;
    // (most messages hold no opener: one pass over the text says so, before a search per opener)
    if (openers.length && openerScan.any(lower)) {
      for (const o of openers) {
        const at = lower.lastIndexOf(o);
        if (at >= 0 && at + o.length > end) [start, end] = [at, at + o.length];
      }
    } else {
      [start, end] = lastSentence(lower);
      // (a short last sentence says too little alone: 那还用去定点吗 after a zone put right)
      least = 10;
    }
    if (start < 6 || asking.test(lower.slice(0, start))) return undefined;
    const question = text.slice(end).replace(/^[\s,，:：.。、]+/, '');
    if (question.length < least) return undefined;
    const scored = model.score(prepare(question).features, 5);
    return (scored[0]?.confidence ?? 0) >= threshold ? scored : undefined;
  }

  /** Where the last sentence after a full stop begins (a question mark ends a question, not a story). */
  function lastSentence(lower: string): [number, number] {
    const at = Math.max(lower.lastIndexOf('。'), lower.lastIndexOf('!'), lower.lastIndexOf('！'), lower.lastIndexOf('\n'));
    return at > 0 && at < lower.length - 1 ? [at, at + 1] : [-1, -1];
  }

  function analyse(text: string, o: { forwarded?: boolean; urgent?: boolean } = {}): Analysis {
    const p = prepare(text, o);
    // (not looked for: none found)
    const u = o.urgent === false ? { flags: [], score: 0, by: null, caution: false } : urgent.detect(p.norm.text);
    const known = examples.get(key(p.norm.text));
    const whole = model.score(p.features, 5);
    const asked = questionAfterStory(p.norm.text);
    // (the question's own reading only when it is surer than the whole message's)
    const scored = asked && (asked[0]?.confidence ?? 0) > (whole[0]?.confidence ?? 0) ? asked : whole;
    const ranking = known ? [{ name: known, confidence: 1 }, ...scored.filter((r) => r.name !== known)] : scored;
    const best = ranking[0] ?? { name: FALLBACK, confidence: 0 };
    const intent = best.confidence >= threshold ? best : { name: FALLBACK, confidence: best.confidence };
    return {
      original: text,
      normalised: p.norm.text,
      script: p.norm.script,
      lang: p.norm.lang,
      langKnown: p.norm.langKnown,
      forwarded: p.norm.forwarded,
      tokens: p.tokens,
      entities: p.entities,
      ...(p.plainTexts.length ? { plainTexts: p.plainTexts } : {}),
      intent,
      ranking,
      redFlags: u.flags,
      urgency: { score: u.score, by: u.by, caution: u.caution },
    };
  }

  return {
    analyse,
    inCare: (normalised: string) => urgent.scope.inCare(normalised),
    data,
    lexicon,
    segmenter,
    model,
    threshold,
    prepare,
    timings,
    fromCache: { urgentScorer: Boolean(cached) },
    unmade: () => [...(englishLater && !englishLater.made ? ['english'] : []), ...(romanisedLater && !romanisedLater.made ? ['romanised'] : [])],
    urgent,
    normalise,
    startupMs: performance.now() - started,
  };
}

/**
 * Places of the gazetteer the rule books' own entities have not already named (or named only as a look-alike,
 * which a division's full name overrides: `entities` loses those): a division a book covers
 * (a county of 忻州 its book does not list) as that book's place, any other as `other_place`; the larger
 * areas a book lies in (泉州 for 泉秀街道) as neither.
 */
function gazetteerEntities(text: string, entities: Entity[], gazetteer: Gazetteer): Entity[] {
  const out: Entity[] = [];
  for (const h of gazetteer.find(text)) {
    if (h.within) continue;
    const name = h.division.name;
    const overlapping = entities.filter((e) => (e.type === 'locality' || e.type === 'place' || e.type === 'facility') && e.start < h.end && h.start < e.end);
    // a division's full name written out (信州区) over a look-alike of a book's place (信州 for 忻州): the division
    if (overlapping.length && overlapping.every((e) => e.score < 1) && text.slice(h.start, h.end) === name && !h.book)
      for (const e of overlapping) entities.splice(entities.indexOf(e), 1);
    else if (overlapping.length) continue;
    out.push(
      h.book
        ? { type: 'place', value: h.book, name, text: text.slice(h.start, h.end), start: h.start, end: h.end, score: 1 }
        : { type: 'other_place', value: name, name, text: text.slice(h.start, h.end), start: h.start, end: h.end, score: 1 },
    );
  }
  return out;
}

/** The romanised reader's words: the intents' examples, the urgent corpus and the rule books' place names, cut as messages are. */
function romanisedModelOf(data: IntentsData, rules: RuleSet, normalise: (t: string) => Normalised, segmenter: Segmenter): RomanisedModel {
  const texts = [...data.intents.flatMap((i) => i.examples), ...data.urgent.corpus.map((c) => c.text)];
  // and the words the data defines: place names, concept terms and words, the English glosses
  const { concepts } = data.urgent;
  const defined = [...bookPlaceNames(rules), ...Object.values(concepts.terms).flat(), ...concepts.concepts.flatMap((c) => c.words), ...Object.keys(data.english.data.glosses)];
  const sentences = [...texts.map((t) => segmenter.cut(normalise(t).text)), ...defined.map((w) => [normalise(w).text])];
  const readings = {
    word: toneless,
    char: (c: string) => pinyin(c, { toneType: 'none', type: 'array', multiple: true }) as string[],
  };
  return buildRomanisedModel(sentences, readings, syllableInventory(readings));
}

export { defaultIntentsDir };

/** <checkout>/.cache: trained models kept between starts (JIUYI_CACHE_DIR is read at the edges, not here). */
export const defaultCacheDir = (): string => join(projectRoot(), '.cache');
