// Who a sentence is about: an animal or a bot named before a mention (我家狗刚才抽搐, 机器人说不清楚) is no person's
// emergency, unless a person is named after it (狗咬了我，血止不住) or it did something to someone (被狗咬了).
// From scope.yml's `nonhuman_subject`. Pure.
import type { ScopeFile } from './schema';

/** Whether the sentence before a mention (text[from, to)) is about an animal or a bot: the last one named, and no
 * person after it. `alternation` makes one regular-expression alternative of a word list. */
export function nonhumanReader(nonhuman: ScopeFile['nonhuman_subject'], alternation: (ws: readonly string[]) => string): (text: string, from: number, to: number) => boolean {
  if (!nonhuman) return () => false;
  const notSubject = notSubjectPattern(nonhuman, alternation);
  const verbUse = notSubject ? `(?!${notSubject})` : '';
  const nonhumanRe = new RegExp(`(?<!${alternation(nonhuman.agent_before)})${verbUse}(?:${alternation(nonhuman.subjects)})`, 'g');
  const personRe = new RegExp(alternation(nonhuman.people));
  // (read in the whole text, so that a word going on past the mention's start is seen: 狗以后拜托你照顾 entrusts the dog)
  return (text, from, to) => {
    let last = -1;
    nonhumanRe.lastIndex = from;
    for (let a = nonhumanRe.exec(text); a && a.index + a[0].length <= to; a = nonhumanRe.exec(text)) last = a.index + a[0].length;
    return last >= 0 && !personRe.test(text.slice(last, to));
  };
}

/** Whether an animal's word at `at` is no subject (`not_subject`: 狗狗吃的药, 猫粮, 猫着腰): a figure of speech's
 * subject (狗, 猫) is none there either. */
export function notSubjectReader(nonhuman: ScopeFile['nonhuman_subject'], alternation: (ws: readonly string[]) => string): (text: string, at: number) => boolean {
  const notSubject = nonhuman && notSubjectPattern(nonhuman, alternation);
  if (!notSubject) return () => false;
  const re = new RegExp(`(?:${notSubject})`, 'y');
  return (text, at) => {
    re.lastIndex = at;
    return re.test(text);
  };
}

/** Where an animal's word is no subject: `not_subject`'s words, the animal doing something to someone
 * (`acts_on_people`: 狗咬了腿肚子, 猫抓了一下, "dog bit" — what follows is the person's), or the animal handed on to someone
 * (`handed_on`: 猫给了楼下, 狗也托隔壁了 — what follows is the writer's). */
function notSubjectPattern(nonhuman: NonNullable<ScopeFile['nonhuman_subject']>, alternation: (ws: readonly string[]) => string): string | undefined {
  const parts = [
    ...(nonhuman.not_subject?.length ? [alternation(nonhuman.not_subject)] : []),
    ...(nonhuman.acts_on_people?.length ? [`(?:${alternation(nonhuman.subjects)}) ?(?:${alternation(nonhuman.acts_on_people)})`] : []),
    ...(nonhuman.handed_on?.length ? [`(?:${alternation(nonhuman.subjects)})仔?(?:也|已经|都|就|以后)?(?:${alternation(nonhuman.handed_on)})`] : []),
  ];
  return parts.length ? parts.join('|') : undefined;
}
