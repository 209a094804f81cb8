// Loads and validates the NLU's data in intents/: lexicon.yml (cues), varieties/ (Cantonese, Minnan, English),
// urgent/ (the red-flag concepts, classes, scope and corpus), classes/*.yml (the intents).
// Every error names the file, the path inside it and the reason.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/root';
import { formatProblem, readData, type Problem } from '../data/yaml';
import { z } from 'zod';
import { DataError } from './data-error';
import { VarietySchema, type VarietyFile } from './varieties';
import { EnglishSchema, type EnglishFile } from './english';
import { loadUrgentData, type UrgentData } from '../urgent/data';

const pattern = z.string().min(1);
const patterns = z.array(pattern);
const idPatterns = z.record(z.string(), patterns);

export const LexiconSchema = z.strictObject({
  version: z.literal(1),
  forward_prefixes: z.array(z.string().min(1)),
  /** Topic cues by topic id: vocabulary topics, plus the ids in extra_topics. */
  topics: idPatterns,
  extra_topics: z.array(z.string()).default([]),
  roles: idPatterns,
  times: idPatterns,
  load_marks: idPatterns,
  rural: patterns,
  /** Extra patterns for vocabulary audiences and categories (colloquial forms). */
  audiences: idPatterns.default({}),
  categories: idPatterns.default({}),
  /** Synonyms of the vocabulary that must not be matched (too ambiguous on their own). */
  ignore_synonyms: z.array(z.string()).default([]),
  /** Typing word by word (妈妈 胸口 疼): a word of `negators` keeps the next in its clause, unless it is one of `modals`,
   * after which the phrase goes on (不 想 活 了 is 不想活了). */
  word_by_word: z.strictObject({ negators: z.array(z.string().min(1)).min(1), modals: z.array(z.string().min(1)) }),
  /** The domain's words read where a pinyin input method's homophone stands for them (透西 → 透析; homophones.ts);
   * `never`: characters never read as another's homophone. */
  homophones: z.strictObject({ words: z.array(z.string().min(2)), never: z.array(z.string().length(1)) }).optional(),
  /** Words that hold a cue but are something else (邻居家 is not 居家, 阿莫西林 no 西林县): no entity inside them. */
  not_inside: z.array(z.string().min(2)).default([]),
  negation: z.strictObject({
    /** Regex source that, ending right before an audience term, negates it. */
    before: z.string(),
    /** Audience id to report when every audience in the message is negated (不是隔离人员也不是红黄码). */
    default_audience: z.string(),
    /** Regex source that, ending right before a care category's word, negates it too (不发烧, 没咳嗽). */
    category_before: z.string().optional(),
    /** …and right before a place, when another is named (是晋江 不是忻州): not where the user is. */
    place_before: z.string().optional(),
  }),
  /** An audience word asked about rather than said of the user (要隔离吗, 需要隔离多久): not their status. */
  asked: z.strictObject({ before: z.string(), after: z.string() }).optional(),
  /** Regex source that, ending right before an audience or category word, says it is a case at a place, not the user's. */
  elsewhere: z.string().optional(),
  /** Regex source that, ending right before an audience word, names whom a service is for (改成专门给隔离的人透析): not the user. */
  served: z.string().optional(),
  places: z.strictObject({
    /** A typo-tolerant 2-character place core must be followed by one of these… */
    after: z.string(),
    /** …or preceded by one of these. */
    before: z.string(),
    /** Jaro-Winkler similarity a fuzzy place or facility match must reach. */
    min_similarity: z.number().min(0).max(1),
    confusable: z.array(z.string().min(2)),
  }),
  classifier: z.strictObject({
    /** Below this confidence the intent is `fallback`. */
    threshold: z.number().min(0).max(1),
    /** Bayes smoothing passed to natural. */
    smoothing: z.number().positive().default(1),
    /** Tokens left out of the features (function words that say nothing about the intent). */
    stopwords: z.array(z.string()).default([]),
    /** Words that open the question after a story (…缓一会就好了 问个事 龙口卫生院挂黄牌子啥意思): when the story before
     * them asks nothing (`asking`), the question after them is what the intent is read from, if it is read surely. */
    question_openers: z.array(z.string().min(2)).default([]),
    asking: z.string().optional(),
  }),
  english: z.record(
    z.string(),
    z.strictObject({ gloss: z.string(), category: z.string().optional(), topic: z.string().optional(), audience: z.string().optional() }),
  ),
});
export type Lexicon = z.infer<typeof LexiconSchema>;


export const IntentFileSchema = z.strictObject({
  version: z.literal(1),
  intent: z.string().regex(/^[a-z_]+$/),
  description: z.string().optional(),
  examples: z.array(z.string().min(1)).min(3),
  /** Held out: never trained on; used by `nlu eval`, the tests and the benchmark. */
  tests: z.array(z.string().min(1)).default([]),
});
export type IntentFile = z.infer<typeof IntentFileSchema>;

export interface IntentsData {
  dir: string;
  lexicon: Lexicon;
  /** Varieties written in Chinese characters (yue, nan), by file. */
  varieties: { file: string; data: VarietyFile }[];
  english: { file: string; data: EnglishFile };
  urgent: UrgentData;
  intents: IntentFile[];
}

function loadYaml<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const problems: Problem[] = [];
  const data = readData(file, readFileSync(file, 'utf8'), schema, problems);
  if (data === undefined || problems.length) throw new DataError(problems.map(formatProblem).join('\n'));
  return data;
}

export { DataError, compile } from './data-error';

/** intents/ at the repository root, from src/nlu (tsx) or dist/src/nlu (compiled). */
export const defaultIntentsDir = (): string => dataDir('intents');

export function loadIntentsData(dir = defaultIntentsDir()): IntentsData {
  const lexicon = loadYaml(join(dir, 'lexicon.yml'), LexiconSchema);
  const varietiesDir = join(dir, 'varieties');
  const varieties = readdirSync(varietiesDir)
    .filter((f) => f.endsWith('.yml') && f !== 'en.yml')
    .sort()
    .map((name) => ({ file: join(varietiesDir, name), data: loadYaml(join(varietiesDir, name), VarietySchema) }));
  const englishFile = join(varietiesDir, 'en.yml');
  const english = { file: englishFile, data: loadYaml(englishFile, EnglishSchema) };
  const urgent = loadUrgentData(join(dir, 'urgent'));
  const classesDir = join(dir, 'classes');
  if (!existsSync(classesDir)) throw new DataError(`${classesDir}: missing (one YAML file per intent)`);
  const intents: IntentFile[] = [];
  const seen = new Map<string, string>();
  for (const name of readdirSync(classesDir).filter((f) => f.endsWith('.yml')).sort()) {
    const file = join(classesDir, name);
    const data = loadYaml(file, IntentFileSchema);
    const prev = seen.get(data.intent);
    if (prev) throw new DataError(`${file}: intent: "${data.intent}" is already defined in ${prev}`);
    seen.set(data.intent, file);
    const examples = new Set(data.examples);
    data.tests.forEach((t, i) => {
      if (examples.has(t)) throw new DataError(`${file}: tests.${i}: held-out utterance is also a training example`);
    });
    intents.push(data);
  }
  if (intents.length < 2) throw new DataError(`${classesDir}: at least two intents are needed`);
  return { dir, lexicon, varieties, english, urgent, intents };
}
