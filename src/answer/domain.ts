// intents/domain/answers.yml: how each intent is answered. Validated at load, and cross-checked
// against the vocabulary (topics, categories) so that a typo never silently drops an answer.
import { readFileSync } from 'node:fs';
import { formatProblem, readData, type Problem } from '../data/yaml';
import { z } from 'zod';
import type { Vocabulary } from '../rules/types';
import { cueScan, type CueScan } from '../data/cue-scan';

const ANSWERS = ['designation', 'backup', 'topics', 'contacts', 'load_status', 'greeting', 'thanks', 'locality', 'handoff', 'out_of_scope'] as const;
export type AnswerKind = (typeof ANSWERS)[number];

/** Regular expressions, case-insensitive, each checked at load (an invalid one names its index). */
const patterns = z
  .array(z.string().min(1))
  .default([])
  .transform((list, ctx) =>
    list.map((p, i) => {
      try {
        return new RegExp(p, 'i');
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: [i], message: `not a regular expression: ${(e as Error).message}` });
        return /$^/;
      }
    }),
  );

/** A word written /…/: a regular expression. */
export const isPattern = (w: string): boolean => w.length > 2 && w.startsWith('/') && w.endsWith('/');

const DomainFile = z
  .object({
    version: z.literal(1),
    intents: z.record(
      z.string(),
      z.object({ answer: z.enum(ANSWERS), category: z.string().optional(), topics: z.array(z.string()), designates: z.boolean().optional() }).strict(),
    ),
    categoryTopics: z.record(z.string(), z.array(z.string())),
    /** A care the book designates no hospital for and says nothing on: the designations of these categories answer
     * instead (a diabetic's care where only 综合诊疗 is designated). */
    categoryFallbacks: z.record(z.string(), z.array(z.string())).default({}),
    /** …and with no stand-in designated either: who the notice says looks after residents (their family doctors). */
    careFallbackTopics: z.array(z.string()).default([]),
    /** Care whose rule says where it must be seen (发热病人须到发热门诊): named in any question, the rule is added
     * when the answer does not give it. */
    ruleCategories: z.record(z.string(), z.array(z.string())).default({}),
    fallbackTopics: z.array(z.string()).min(1),
    redFlagCategories: z.record(z.string(), z.string()),
    /** Department → the words residents use for it; one written /…/ is a regular expression (words apart: 狗…咬了一口). */
    departments: z.record(
      z.string(),
      z.array(
        z
          .string()
          .min(1)
          .superRefine((w, ctx) => {
            if (!isPattern(w)) return;
            try {
              new RegExp(w.slice(1, -1));
            } catch (e) {
              ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(e as Error).message}` });
            }
          }),
      ),
    ),
    channels: z.array(z.string().min(1)),
    fullCues: z.array(z.string().min(1)).min(1),
    nextCues: z.array(z.string().min(1)).default([]),
    broadCategories: z.array(z.string()),
    secondaryTopics: z.array(z.string()),
    /** Topics that, named beside a where-question, are answered after the hospitals (本地没有能做的: not_offered). */
    designationBesides: z.array(z.string()).default([]),
    aspectTopics: z.array(z.string()).default([]),
    /** Topics whose words name a kind of care to be given (a department, a stay in hospital): asked where to go with no
     * care named, the user's group's hospitals for general care come first. */
    careTopics: z.array(z.string()).default([]),
    particulars: z
      .array(z.object({ id: z.string().regex(/^[a-z_]+$/), topic: z.string().optional(), asks: z.array(z.string().min(1)).min(1), said: z.array(z.string().min(1)).min(1) }).strict())
      .default([]),
    /** Things residents ask of by name (a medicine, a status, a treatment), each with its other names, lower case: asked
     * about where the locality's notice names none of them, the answer says so. */
    namedThings: z
      .object({
        /** Words that, in the sentence naming a thing, ask about it (beside questionCues): 算不算, 包不包括. */
        asks: z.array(z.string().min(1)).default([]),
        things: z.array(z.array(z.string().min(1).refine((w) => w === w.toLowerCase(), 'lower case')).min(1)),
      })
      .strict()
      .default({ asks: [], things: [] }),
    followUpLength: z.number().int().min(1).default(10),
    /** What is said beside a follow-up and asks nothing (我记一下, 谢谢): not counted in its length. Lower case. */
    followUpAsides: z.array(z.string().min(1).refine((w) => w === w.toLowerCase(), 'lower case')).default([]),
    alternativeRatio: z.number().min(0).max(1),
    /** Below this confidence an intent gives way to the question of a topic the message names and it does not answer. */
    weakIntent: z.number().min(0).max(1).default(0),
    questionCues: z.array(z.string().min(1)).min(1),
    /** A choice asked with no question word (去人民医院还是妇幼): in a clause, it asks, as a question cue does. */
    choiceAsks: patterns,
    /** A question asked by its form, with no question word (有没有, 是不是; a clause ending 能一次多开点不, 吃了没): it asks, as a
     * question cue does (`asksByWords`). */
    questionForms: patterns,
    /** Words that start a second question in one message (另外, 还有, 顺便问一下, also): each is answered. */
    questionSeparators: z.array(z.string().min(1)).default([]),
    countCues: z.array(z.string().min(1)).min(1),
    commands: z.record(z.string(), z.string()),
    whereCues: z.array(z.string().min(1)),
    compareCues: z.array(z.string().min(1)).default([]),
    emergencyCategories: z.array(z.string()).default([]),
    /** Care that is a treatment given at its hospital (dialysis, chemotherapy), not who the patient is: after an
     * emergency of another kind, the emergency designation is answered beside it. */
    treatmentCategories: z.array(z.string()).default([]),
    defineCues: z.array(z.string().min(1)).default([]),
    failCues: z.array(z.string().min(1)).default([]),
    ownNumberCues: z.array(z.string().min(1)).default([]),
    /** Words pointing back at a number just given (这个号, that number): a follow-up about that contact. */
    numberReferences: z.array(z.string().min(1)).default([]),
    unansweredCues: z.array(z.string().min(1)).default([]),
    routeFailedCues: z.array(z.string().min(1)).default([]),
    serviceNumbers: z.array(z.string().regex(/^\d+$/)).default([]),
    helpComingCues: z.array(z.string().min(1)).default([]),
    /** A place or zone said before, corrected (我说错了, 打错了, 更正一下, sorry I meant): the last question again, with it. */
    correctionCues: z.array(z.string().min(1)).default([]),
    /** What stands around a place when a message only says where (那边, 附近, in, he's): it asks nothing new. */
    placeFillers: z.array(z.string().min(1)).default([]),
    /** What, right after a help-coming cue, makes it a supposition (救护车来了能拉走吗: it has not come). */
    helpComingSupposed: patterns,
    handoffAsks: patterns,
    identityAsks: patterns,
    /** Which places the bot answers for (你们管哪些地方, which cities do you cover): the greeting, which names them. */
    coverageAsks: patterns,
    /** The weather asked (明天刮风不, is it raining tomorrow): out of scope, when nothing else is asked beside it. */
    weatherAsks: patterns,
    documentMentions: z.array(z.string().min(1)).default([]),
    forwardCues: z.array(z.string().min(1)).default([]),
    plainWords: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
    topicFallbacks: z.record(z.string(), z.array(z.string())).default({}),
    /** …used only when the message names the topic itself (网上问医生 → the family doctors' online care at home). */
    askedFallbacks: z.record(z.string(), z.array(z.string())).default({}),
    continues: z.record(z.string(), z.array(z.string())).default({}),
    /** A topic written only for other audiences than the asker's → the asker's own way, where the book writes one for
     * their audience (忻州's care route is for 封(管)控区; a 防范区 resident is told 就近). */
    ownAudienceTopics: z.record(z.string(), z.array(z.string())).default({}),
    maxDesignationGroups: z.number().int().min(0),
    languageChoices: z.array(
      z.object({ lang: z.enum(['zh', 'en']), script: z.enum(['simplified', 'traditional']), words: z.array(z.string().min(1)).min(1) }).strict(),
    ),
  })
  .strict();

export type Domain = z.infer<typeof DomainFile>;

export class DomainError extends Error {
  override name = 'DomainError';
}

/** Parses the domain file and checks every topic and category it names against the vocabulary. */
export function parseDomain(file: string, text: string, vocabulary: Vocabulary): Domain {
  const found: Problem[] = [];
  const d = readData(file, text, DomainFile, found);
  if (!d) throw new DomainError(found.map(formatProblem).join('\n'));
  const topics = new Set(vocabulary.topics.map((t) => t.id));
  const categories = new Set(vocabulary.categories.map((c) => c.id));
  const problems: string[] = [];
  const checkTopics = (path: string, list: string[]): void =>
    list.forEach((t, i) => topics.has(t) || problems.push(`${file}: ${path}[${i}]: unknown topic "${t}"`));
  const checkCategory = (path: string, c: string): void => {
    if (!categories.has(c)) problems.push(`${file}: ${path}: unknown category "${c}"`);
  };
  for (const [name, spec] of Object.entries(d.intents)) {
    checkTopics(`intents.${name}.topics`, spec.topics);
    if (spec.category) checkCategory(`intents.${name}.category`, spec.category);
  }
  for (const [c, list] of Object.entries(d.categoryTopics)) {
    checkCategory(`categoryTopics.${c}`, c);
    checkTopics(`categoryTopics.${c}`, list);
  }
  for (const [c, list] of Object.entries(d.categoryFallbacks)) {
    checkCategory(`categoryFallbacks.${c}`, c);
    list.forEach((x, i) => checkCategory(`categoryFallbacks.${c}[${i}]`, x));
  }
  for (const [c, list] of Object.entries(d.ruleCategories)) {
    checkCategory(`ruleCategories.${c}`, c);
    checkTopics(`ruleCategories.${c}`, list);
  }
  checkTopics('fallbackTopics', d.fallbackTopics);
  checkTopics('careFallbackTopics', d.careFallbackTopics);
  for (const [t, list] of Object.entries(d.topicFallbacks)) {
    checkTopics(`topicFallbacks.${t}`, [t]);
    checkTopics(`topicFallbacks.${t}`, list);
  }
  for (const [t, list] of Object.entries(d.askedFallbacks)) {
    checkTopics(`askedFallbacks.${t}`, [t]);
    checkTopics(`askedFallbacks.${t}`, list);
  }
  for (const [t, list] of Object.entries(d.ownAudienceTopics)) {
    checkTopics(`ownAudienceTopics.${t}`, [t]);
    checkTopics(`ownAudienceTopics.${t}`, list);
  }
  for (const [t, list] of Object.entries(d.continues)) {
    checkTopics(`continues.${t}`, [t]);
    checkTopics(`continues.${t}`, list);
  }
  checkTopics('secondaryTopics', d.secondaryTopics);
  checkTopics('aspectTopics', d.aspectTopics);
  checkTopics('careTopics', d.careTopics);
  d.particulars.forEach((p, i) => p.topic === undefined || topics.has(p.topic) || problems.push(`${file}: particulars[${i}].topic: unknown topic "${p.topic}"`));
  d.broadCategories.forEach((c, i) => checkCategory(`broadCategories[${i}]`, c));
  d.emergencyCategories.forEach((c, i) => checkCategory(`emergencyCategories[${i}]`, c));
  d.treatmentCategories.forEach((c, i) => checkCategory(`treatmentCategories[${i}]`, c));
  for (const [flag, c] of Object.entries(d.redFlagCategories)) checkCategory(`redFlagCategories.${flag}`, c);
  if (problems.length) throw new DomainError(problems.join('\n'));
  return d;
}

export const loadDomain = (file: string, vocabulary: Vocabulary): Domain =>
  parseDomain(file, readFileSync(file, 'utf8'), vocabulary);

const lowered = new WeakMap<readonly string[], readonly string[]>();

/** A list of the domain's cue words in lower case, made once per list (they are matched against every message). */
export function lowerCase(list: readonly string[]): readonly string[] {
  let out = lowered.get(list);
  if (!out) lowered.set(list, (out = list.map((w) => w.toLowerCase())));
  return out;
}

/** The message asks where to go (去哪, 哪家医院, 送哪: `whereCues`). */
export const asksWhere = (domain: Domain, text: string): boolean => cueScan(domain.whereCues).any(text);
/** The topics named include a kind of care to be given (a department, a stay in hospital: `careTopics`). */
export const namesCare = (domain: Domain, topics: readonly string[]): boolean => topics.some((t) => domain.careTopics.includes(t));

/** The message says a number goes unanswered or asks for another (`unansweredCues`: 打不通, 没人接, 还有别的号吗). */
export function saysUnanswered(domain: Domain, text: string): boolean {
  const lower = text.toLowerCase();
  return cueScan(lowerCase(domain.unansweredCues)).any(lower);
}

/** The message says the way the notice gives has failed: the transfer car has not come (`routeFailedCues`: 车还没来, 还没影,
 * never came) — the numbers to call next. */
export function saysRouteFailed(domain: Domain, text: string): boolean {
  return cueScan(lowerCase(domain.routeFailedCues)).any(text.toLowerCase());
}

/** Per domain, each kind of answer's first intent in answers.yml's order (found once, not by walking the intents every turn). */
const answering = new WeakMap<Domain, Map<string, string>>();

/** The intent answered by a kind of answer (`contacts`, `handoff`), the first in answers.yml's order. */
export function intentAnswering(domain: Domain, kind: string): string | undefined {
  let byKind = answering.get(domain);
  if (!byKind) {
    byKind = new Map();
    for (const [name, spec] of Object.entries(domain.intents)) if (!byKind.has(spec.answer)) byKind.set(spec.answer, name);
    answering.set(domain, byKind);
  }
  return byKind.get(kind);
}

/** Per domain, the plain words and the notices' words for them, as a list (read for every fact search). */
const plainLists = new WeakMap<Domain, readonly (readonly [string, string])[]>();

/** The resident's plain words and, for each, the notices' own words joined by spaces (`plainWords`). */
export function plainWordList(domain: Domain): readonly (readonly [string, string])[] {
  let list = plainLists.get(domain);
  if (!list) plainLists.set(domain, (list = Object.entries(domain.plainWords).map(([plain, notice]) => [plain, notice.join(' ')] as const)));
  return list;
}

const plainScans = new WeakMap<Domain, CueScan>();

/** The scanner of the plain words of `plainWordList`, in its order. */
export function plainWordScan(domain: Domain): CueScan {
  let scan = plainScans.get(domain);
  if (!scan) plainScans.set(domain, (scan = cueScan(plainWordList(domain).map(([plain]) => plain))));
  return scan;
}

/** Whether text asks by its words: a question cue (吗, 哪, 怎么…) or a question's form (有没有, …多开点不). */
export const asksByWords = (domain: Domain, text: string): boolean =>
  domain.questionCues.some((c) => text.includes(c)) || domain.questionForms.some((re) => re.test(text));
