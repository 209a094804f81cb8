// The schemas of the urgent detector's data files in intents/urgent/ (concepts.yml, classes.yml, scope.yml,
// scorer.yml) and of a corpus line: what each field means and what it may hold. Loading and the cross-checks
// between the files are in data.ts.
import { z } from 'zod';

const words = z.array(z.string().min(1));
const pattern = z.string().refine((src) => {
  try {
    new RegExp(src);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** The scope readings a concept may be held in force against (concepts.yml `in_force`). */
export const IN_FORCE_READINGS = ['past', 'resolved', 'figurative', 'addressed', 'history', 'asked', 'joked'] as const;

const NumberSpec = z.strictObject({
  /** Words the number follows (血氧, SpO2); '' for a number standing alone before `unit`. */
  after: z.array(z.string()),
  min: z.number(),
  max: z.number(),
  /** Characters allowed between the word and the number. */
  within: z.number().int().min(0).max(12),
  /** A unit the number must carry (度, 个月, 周). */
  unit: z.string().optional(),
  /** Only a number with a decimal point (38.4: a temperature, where 38 alone could be anything). */
  decimal: z.boolean().default(false),
  /** Words that, just before the number, make it something else: 孕 3 个月 is a pregnancy, 还有 3 周 a wait. */
  not_after: z.array(z.string().min(1)).default([]),
  /** Words that, right after it, make it something else: 1周透析3次 is how often, not a baby's age. */
  not_followed: z.array(z.string().min(1)).default([]),
  /** A round number said as approximate (90多, 80几) is read by the top of its tens: for a low reading (血氧90多 is
   * 90–99, no low oxygen), not a high one (烧到40多度 is a fever). */
  approx_top: z.boolean().default(false),
});
export type NumberSpec = z.infer<typeof NumberSpec>;

export const ConceptsSchema = z.strictObject({
  version: z.literal(1),
  /** Characters a homophone typo never stands for another in a word (在那儿 is not 栽那儿): the commonest words. */
  typo_never: z.array(z.string().length(1)).default([]),
  /** Words that hold a term's characters but mean something else (山药 is a yam, not 药): no term is read inside one. */
  plain: words.default([]),
  /** Spellings of one word (什么 and 啥, 怎么 and 咋): a data word with one matches a message with another (spellings.ts). */
  interchangeable: z
    .array(z.array(z.string().min(1)).min(2))
    .default([])
    .refine((cs) => new Set(cs.flat()).size === cs.flat().length, 'a spelling is in two classes'),
  terms: z.record(z.string().regex(/^[a-z_]+$/), words.min(1)),
  concepts: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z_0-9]+$/),
      words: words.default([]),
      near: z.array(z.array(z.string()).min(2).max(3)).default([]),
      window: z.number().int().min(0).max(40).default(4),
      /** Words that part a `near` combination when they stand anywhere from its first part to a later one: a finger's
       * numbness (右手小指头有点麻, 左手手指发麻) is no side of the body gone numb. */
      near_apart: words.default([]),
      /** A combination read across a comma, within a sentence (我要是不在了，这家就清净了): a supposition and its
       * consequence are two clauses. */
      across_clauses: z.boolean().default(false),
      numbers: z.array(NumberSpec).default([]),
      /** Not matched through homophones (宝宝, 过敏: too short or too common to guess at). */
      exact: z.boolean().default(false),
      /** Read by the rules only: never a red flag that opens a message to the scorer, never one of its features
       * (classes.yml `supporting` and `unscored` at once). Words added to it leave the scorer's model as it was. */
      rule_only: z.boolean().default(false),
      /** A word is not this concept when one of these follows it (没有呼吸 in 没有呼吸困难, 想死 in 想死你了)… */
      unless_followed: words.default([]),
      /** …or precedes it (皮试没反应). */
      unless_preceded: words.default([]),
      /** …or a text matching this ends right before it (a landline or service number quoted: 28220052一直没人接). */
      unless_preceded_pattern: pattern.optional(),
      /** …unless the line is named as a person's (我妈家座机…一直没人接: her line, not an office's). */
      owners: words.default([]),
      /** …and the scorer does not read the words of a mention so blocked (网格员的电话打不通: an office's line, whose
       * 打不通 would otherwise read as someone gone silent). */
      unread_when_blocked: z.boolean().default(false),
      /** Scope readings that never apply to it: a farewell said or means made ready stay in force once done
       * (`past`, `resolved`: 昨晚发来…照顾好妈妈, 绳子买好了); acts and words of farewell are not symptoms, so a figure of
       * speech around them (让我, 逼得) does not make them `figurative`; a goodbye is said to someone, so 你 before it (妈你别难过)
       * does not make the bot its subject (`addressed`); a medical history is not one for a hoard kept (`history`); and a
       * way to die asked about is intent, not knowledge sought nor a supposition (`asked`: 跳下去会不会很痛). */
      in_force: z.array(z.enum(IN_FORCE_READINGS)).default([]),
    }),
  ),
});
export type ConceptsFile = z.infer<typeof ConceptsSchema>;
export type ConceptSpec = ConceptsFile['concepts'][number];

const Item = z.union([
  z.string(),
  z.strictObject({ any: z.array(z.string()).min(1) }),
  z.strictObject({ concept: z.string(), min: z.number().int().min(1) }),
]);
export type RuleItem = z.infer<typeof Item>;
/** The concepts a rule item names. */
export const itemConcepts = (item: RuleItem): string[] => (typeof item === 'string' ? [item] : 'any' in item ? item.any : [item.concept]);

/** Each class's own concepts: those its rules' items name. */
export const ownConceptsOf = (classes: ClassesFile['classes']): Map<string, Set<string>> =>
  new Map(Object.entries(classes).map(([id, c]) => [id, new Set(c.rules.flatMap((r) => r.all.flatMap(itemConcepts)))]));

export const ClassesSchema = z.strictObject({
  version: z.literal(1),
  context: z.array(z.string()),
  supporting: z.array(z.string()).default([]),
  /** Supporting concepts whose denial denies the class itself (不是想不开: no suicidal thought), not one feature of it
   * (不是一阵一阵的: a pain's kind): with no red-flag sign and no supporting one said openly, their classes are shut to the
   * scorer as a negated red flag shuts them (reopened or overruled as those are). */
  intent_denied: z.array(z.string()).default([]),
  /** Concepts the scorer does not read: signs too common alone (头晕, 吐) that only the rules weigh beside another. */
  unscored: z.array(z.string()).default([]),
  needs_now: z.array(z.string()),
  /** Ordinary reasons of every class (a slip or an omission put right: sorry, I should have said): with one named, the
   * scorer raises no class on its own (the rules still may). */
  ordinary: z.array(z.string()).default([]),
  classes: z.record(
    z.string().regex(/^[a-z_]+$/),
    z.strictObject({
      description: z.string(),
      category: z.string().optional(),
      /** Who the class is about (a baby, a pregnancy, a dialysis patient): the scorer may raise it only when the
       * message names one of these. A class without it is about a symptom, open to words no concept knows. */
      subject: z.array(z.string()).optional(),
      /** Concepts saying the class's event has not begun (预产期还有三周): with one of these and none of the class's
       * own signs, the scorer may not raise the class. */
      not_yet: z.array(z.string()).optional(),
      /** Concepts naming an ordinary reason for what the message tells (事情办好了, 隔离结束了: an errand done, a stay over):
       * with one of these named, the scorer may not raise the class on its own (its rules still may). */
      ordinary: z.array(z.string()).optional(),
      /** Its signs told over months or years (这半年一直觉得活着没意思) are the risk now, never a long-standing pattern's
       * history (scope.yml `habit_span`). */
      lasting_counts: z.boolean().default(false),
      rules: z
        .array(
          z.strictObject({
            all: z.array(Item).min(1),
            mild_blocks: z.boolean().default(false),
            /** Concepts of the rule that count when said in the past (他昨天说不想活了), not when resolved, history,
             * negated or supposed: what was said then is read beside what is happening now (电话一直打不通). */
            past_counts: z.array(z.string()).default([]),
            /** Concepts that, named in the message, say what the rule's means are for (炭 for a 烧烤, a rope for moving
             * house): the rule does not hold, and its mentions do not open the message to the scorer. */
            none: z.array(z.string()).default([]),
          }),
        )
        .min(1),
    }),
  ),
});
export type ClassesFile = z.infer<typeof ClassesSchema>;

export const ScopeSchema = z.strictObject({
  version: z.literal(1),
  clause_breaks: words,
  negation: z.strictObject({ before: words, gap: words, list_separators: words, list_end: words, after: words }),
  symptoms: words.default([]),
  resolved: words,
  /** The emergency is in a hospital's hands (已经送医院了, 已经住院): over for the alarm, read as `resolved` is. */
  handled: words.default([]),
  past: words,
  /** Past cues right after the mention (胸痛那次…, 晕过去那回…). */
  past_after: words,
  past_units: words,
  /** Words before a past time that make it the start of something still going on (自从上周, "since last week"). */
  since: words.default([]),
  /** Concepts that qualify a symptom rather than name one (剧烈, 有点, 突然, 半小时). */
  modifiers: words.default([]),
  /** A plea for help now (谁能帮帮, 救命): a relayed case with one is not hearsay. */
  pleas: words.default([]),
  /** Words that suppose (假设, 打个比方): said as a clause of their own, the rest of the sentence is hypothetical. */
  supposing: words.default([]),
  /** …and these opening their clause (万一夜里停电了，…，老人喘不上气来，该怎么做) suppose up to `supposed_question`. */
  supposing_asked: words.default([]),
  /** Joking aside (说正经的): the mentions before it were not meant. */
  serious_turn: words.default([]),
  ongoing: words,
  /** A night just past (昨晚, 昨天夜里) and the morning after it (早上起来, 醒来): after the night, the morning is now —
   * 昨晚吃了一瓶药，早上叫不醒 is unresponsive this morning (not 昨天早上, 第二天早上: a day named before it). */
  night_before: words.default([]),
  next_morning: words.default([]),
  continuing: words,
  history: words,
  sequela: words,
  lasting_states: words.default([]),
  /** Words of all along (一直, 至今): a span's own (`habit_span`), and a past time's within its clause (那阵子一直…). */
  all_along: words.default([]),
  /** Signs an illness leaves behind (a weak arm after a stroke): with a still word in their clause (还是, 一直) and a
   * history before them in their sentence, they are that history's, not a new case. */
  sequela_signs: words.default([]),
  /** Concepts no sequela word makes history: signs never left over from an old illness (老年痴呆，现在叫不醒 is now)… */
  sequela_never: words.default([]),
  /** …except the sequela words that say it is the person's usual state (叫不醒是老样子，打雷都不醒: a heavy sleeper). */
  sequela_usual: words.default([]),
  still_words: words.default([]),
  /** Words saying a state is stable (稳定, 平稳): a sign left behind said stable after an illness months or years ago is
   * that illness's (前年中风，现在左边偏瘫，人挺稳定的). */
  stable_words: words.default([]),
  emergency_now: words.default([]),
  /** Patterns (regular expressions) read around a named disease: feared before it (要中风了), about to after it
   * (心脏病都要犯了) — neither is happening; and a clause opening on now in the clinical register (现端坐呼吸). */
  feared_before: pattern.optional(),
  about_to_after: pattern.optional(),
  /** …and where to go for it asked right after (心脏病要去哪一家, 心梗挂什么科): a question about care for it, not an event. */
  care_asked_after: pattern.optional(),
  now_opener: pattern.optional(),
  /** A resolution someone says will come, matched right before it (他说躺躺就好了, 她觉得睡一觉就好了): not over. */
  predicted_before: pattern.optional(),
  /** Before a resolution opening on 就, a remedy someone says will do (他姆妈讲拍拍背就好了): not over. */
  remedy_said_before: pattern.optional(),
  /** Verbs of deciding that 不 between two of them weighs (要不要, 该不该): no denial. */
  weighing_verbs: words.default([]),
  /** Right after a mention, a consequence (…就很危险): the mention is a condition, its 了 no event. */
  then_after: pattern.optional(),
  /** What to do asked right after a mention said done (羊水破了该平躺还是坐着): in a question asked ahead, a condition. */
  advice_after: pattern.optional(),
  /** Right before and right after a mention, what asks whether it can come (会昏迷吗): knowledge sought. */
  possibility_before: pattern.optional(),
  possibility_after: pattern.optional(),
  /** Before a resolution, in its sentence, what says it is the usual or an earlier episode's (平时抽一两分钟就好了, 去年也这样过): not this one over. */
  habitual_before: pattern.optional(),
  habit_span: pattern.optional(),
  /** Right before a past time, what makes it a comparison, not when the symptom is (这次比上次深很多). */
  compared_before: pattern.optional(),
  /** A symptom said to be back after it was over or past (…就好了…今晚又开始痛; "started again"): matched after it. */
  back_again: pattern.optional(),
  /** Patterns for the rest of the clause after a mention that make it a condition (…抽搐倒地的话, not 遗书一样的话); for
   * what follows 说正经的 when it is a question (so what came before was a joke); and for a joke denied after it
   * (说正经的不是开玩笑). */
  conditional_end: pattern.optional(),
  serious_question: pattern.optional(),
  joke_denied: pattern.optional(),
  /** A message asking ahead of time or for study (想提前了解, 护理考试, 复习用): its red flags are asked about, not had,
   * unless something in their sentence is happening now. */
  asking_ahead: pattern.optional(),
  /** After a list of signs in its sentence, what makes it a leaflet's (口角歪斜、言语不清，一旦出现立即拨打120): asked about,
   * unless the sentence says it happened or is happening now. */
  leaflet_after: pattern.optional(),
  /** Before a mention in its clause, a claim about people in general (小孩发烧会): asked about, not had. */
  generic_before: pattern.optional(),
  /** After a mention in its sentence, words saying the feeling is the mind's, not the body's: figurative. */
  emotional_after: pattern.optional(),
  /** An anger or a worry someone caused, written with 的 for 得 (被我爸气的喘不上气): a figurative cue where it matches. */
  figurative_caused: pattern.optional(),
  /** A guideline's sentence (出现呼吸困难要及时就医): before the sign in its clause (出现, 有) and after it (要及时就医); read
   * as a leaflet's list when it speaks of no one. */
  guidance_before: pattern.optional(),
  guidance_after: pattern.optional(),
  /** Before a mention in its sentence, someone named (我, 他, my): a person's case, no leaflet's list. */
  person_before: pattern.optional(),
  /** Before a mention in its sentence, someone's own people (我妈, 他老婆, my dad): a case, whatever the message says
   * it is asking (群里在讨论…我妈胸口疼). */
  own_people_before: pattern.optional(),
  /** Words saying a sentence is about now (现在, 刚才, 突然): a red flag beside them is had, whatever the message asks. */
  said_now: pattern.optional(),
  /** Words saying a case is before the writer (一个老汉倒在楼道里, 还有呼吸): a question in its sentence (怎么处理) asks
   * about that case, not for knowledge. */
  case_said: pattern.optional(),
  /** What closes an if-clause before a mention (如果是中风呢…). */
  hypothetical_closers: pattern.optional(),
  /** A belief that was wrong (以为): a hypothetical up to one of `belief_closers` (了, 又, 结果…). */
  belief: words.default([]),
  belief_closers: pattern.optional(),
  /** The question a supposition leads to (该怎么做, 找谁): what lies between is supposed. */
  supposed_question: pattern.optional(),
  /** The end of a supposing word's clause that makes it a time supposed (如果封控的时候，…): it holds up to the question as
   * `supposing_asked` do, whichever supposing word opened it. */
  supposed_time: pattern.optional(),
  /** What may stand before a supposing word opening its clause (寻思万一…, 就怕万一…): the writer's thought, still its opening. */
  supposing_lead: pattern.optional(),
  /** A loose supposing word (如果, 要是) holds up to its question too, unless its clause is only this (如果可以, 要是不行的话):
   * said of what is so, not supposed (如果不行的话，他胸口疼得厉害，怎么办). */
  supposed_loose: pattern.optional(),
  /** A clause between a supposition and its question that tells what is so (…，我妈已经昏过去了，怎么办): not supposed. */
  supposed_actual: pattern.optional(),
  /** Right after a supposing word, what makes the supposition one of what a sign is (万一是心梗): it holds in its own
   * clause only — the signs told after it (他胸口疼了半小时) are so. */
  supposed_diagnosis: pattern.optional(),
  /** Right after a knowledge cue, what makes it "any", not a question (什么药都试过, 什么原因也查不出). */
  universal_after: pattern.optional(),
  /** The text right before a mention that makes the bot, spoken to, its subject (你都答非所问). */
  addressee_before: pattern.optional(),
  /** Right after a quotation's close (「…」的帖子) or right before its opening (文章里写着「…」): the words that make
   * what it quotes a post's, an article's or a rumour's, not a case. */
  quoted_after: pattern.optional(),
  quoted_before: pattern.optional(),
  /** Right after a mention, the words that make it a report's subject (自杀新闻, 跳楼的报道): reported, not a case. */
  reported_after: pattern.optional(),
  /** …or one acted right before it (演心脏病犯了, 假装晕倒): a performance, not a case. */
  reported_before: pattern.optional(),
  /** Right after a reported word, what makes it the time of a case rather than its source (看电视剧的时候他突然倒地). */
  reported_setting: pattern.optional(),
  /** Right before a reported word, what makes it a source followed, not a report (学抖音上, 照着视频): what is done after it is a case. */
  reported_heeded_before: pattern.optional(),
  /** In a report's own clause, what makes it a claim (能防, 就好了, 偏方): the report reaches no further than that clause. */
  reported_claim: pattern.optional(),
  /** Anywhere after a mention, words about a work of fiction (编剧太狠了, 大结局): with a reported word before it, the
   * story told between is the fiction's, though a sentence or a 后来 lies between. */
  fiction_after: pattern.optional(),
  /** Read right after a hearsay cue (有人说, 听说): the teller's own people (她妈, 他同事), whose case is no hearsay. */
  relay_after: pattern.optional(),
  /** Hearsay cues (听说, 据说) that, with the writer's own people right after (`hearsay_own_after`: 听说我妈晕倒了), are
   * news of them passed on, not a rumour; a rumour put right (误传我妈中风了) is not among them. */
  hearsay: words.default([]),
  hearsay_own_after: pattern.optional(),
  history_durations: words,
  /** Right after a named disease, a medicine for it (心脏病的药): history, as a duration is. */
  medicine_after: words.default([]),
  now: words,
  hypothetical: words,
  hypothetical_after: words,
  knowledge: words,
  /** A red flag said as past, with one of these asking what to do if it comes back (如果再发生怎么办): the safety line. */
  recurrence: words.default([]),
  /** …or a coming back said, then asked what to do (万一他又犯了 我们该怎么办 去哪家): the pattern, read over the whole message. */
  recurrence_asked: pattern.optional(),
  /** Knowledge cues that count only right after the mention (宫缩多久一次, 见红之后多久会生). */
  knowledge_after: words,
  /** Words that hold a cue's characters but are no cue (别 in 特别, 非 in 非常, 如 in 不如). */
  plain_words: words.default([]),
  /** Concepts that say a case is under way (突然, 1小时, 不缓解): a question beside them asks about it, not in general. */
  happening: words.default([]),
  /** Concepts that say who a case is about (3个月的宝宝, 孕33周): a number in them is an age, not a reading taken. */
  who: words.default([]),
  figurative: words,
  // (a joke word makes its whole sentence figurative: one character would be most sentences' — a list split at a comma)
  jokes: z.array(z.string().refine((w) => [...w].length >= 2 || /\p{Extended_Pictographic}/u.test(w), 'a joke cue of one character (not an emoji) would make most sentences figurative')),
  /** Laughter among the joke words (哈哈, lol, 😂): a tone, which laughs off no sign that came on or has lasted; each a joke word. */
  laughs: words.default([]),
  /** Concepts that say a sign came on or has lasted (突然, 一个多小时) or a means made ready (刀都磨好了): laughter in their
   * sentence laughs nothing off. */
  laugh_proof: words.default([]),
  /** Concepts no animal is the subject of (a goodbye, a letter left, a plan to die): read as the writer's or a person's
   * wherever an animal's word stands before them (猫倒了一星期的粮和水，留了张纸条). */
  person_only: words.default([]),
  literal_before: words,
  figurative_subjects: words,
  service_after: words,
  reported: words,
  /** An animal or a thing the sentence is about before a mention (我家狗刚才抽搐, 机器说不清楚): no person's emergency,
   * unless a person is named between (狗咬了我，血止不住) or the animal is the one who did it (被狗咬了). */
  nonhuman_subject: z
    .strictObject({
      subjects: words,
      people: words,
      agent_before: words,
      /** Between the agent word and the animal: a count (被一条狗追). */
      agent_count: pattern.optional(),
      /** Before an animal's word, a name said to be it (大黄是狗, 老张是我家的柯基): its one capture group is the name. */
      pet_named: pattern.optional(),
      /** A character a name of `pet_named` never holds (这, 那, 它…: a word that points, not a name). */
      not_pet_name: pattern.optional(),
      not_subject: words.optional(),
      acts_on_people: words.optional(),
      handed_on: words.optional(),
    })
    .optional(),
});
export type ScopeFile = z.infer<typeof ScopeSchema>;

export const ScorerSchema = z.strictObject({
  version: z.literal(1),
  /** Share of the probability mass on the urgent classes from which the scorer raises the flag. */
  threshold: z.number().min(0).max(1),
  /** The same where no red-flag concept was found at all (a phrasing the concepts do not know). */
  threshold_unseen: z.number().min(0).max(1),
  /** For a class the message names no mention of while every red-flag mention it has is out of scope (a stroke years
   * ago; the scorer reads a plan to die): what the scorer needs to raise it. */
  threshold_across: z.number().min(0).max(1).optional(),
  /** For a class whose red-flag mentions are all out of scope (我没有想不开) while signs that support it are said openly
   * beside them (活着没意思, twice): the score at which the scorer may raise it all the same. */
  threshold_reopened: z.number().min(0).max(1).optional(),
  /** For a class whose red-flag mentions are all said to be out of scope (figurative, supposed, past — not spent by a
   * reason named, 出国了): the score at which the scorer raises it regardless — so sure that the scope rules, not the
   * message, are likelier wrong. Absent: never. */
  threshold_overrule: z.number().min(0).max(1).optional(),
  /** L2 penalty per update. */
  l2: z.number().min(0),
  epochs: z.number().int().min(1).max(50),
  /** Initial learning rate. */
  rate: z.number().positive(),
  /** Share of the training after which the weights are averaged (Polyak–Ruppert): the model is the mean of the
   * iterates from there on, not the last one. Absent: the last iterate. */
  average_from: z.number().min(0).max(1).optional(),
  /** Lines an urgent class needs in the corpus for the scorer to learn it; a class with fewer is the rules' alone, its
   * lines left out of training (absent: every class learned, whatever its lines). */
  min_class_lines: z.number().int().min(1).optional(),
  /** The training shuffle's seed. */
  seed: z.number().int().min(0).default(7),
  /** Character n-gram lengths used as features. */
  ngrams: z.array(z.number().int().min(1).max(4)).min(1),
  /** English words that are no feature (were, the, and): they only hold a sentence together. */
  word_stop: z.array(z.string().regex(/^[a-z]{3,}$/, 'a lower-case English word of three letters or more')).default([]),
  /** Where the threshold came from (nlu urgent-eval), kept with it. */
  chosen: z.string(),
});
export type ScorerFile = z.infer<typeof ScorerSchema>;

export const CorpusLine = z.strictObject({
  text: z.string().min(1),
  urgent: z.boolean(),
  class: z.string().nullable(),
  family: z.string().regex(/^[a-z_]+$/),
  why: z.string().optional(),
  writer: z.string().optional(),
  /** How a line of a blind family is written (cantonese, voice, long_post…), its family being what it is about. */
  phrasing: z.string().regex(/^[a-z_]+$/).optional(),
  /** What kind of not-urgent line it is (negated, past, knowledge, figurative…). */
  kind: z.string().regex(/^[a-z_]+$/).optional(),
});
export type CorpusEntry = z.infer<typeof CorpusLine> & { file: string; line: number };
