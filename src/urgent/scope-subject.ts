// Who a sentence is about: an animal or a bot named before a mention (我家狗刚才抽搐, 机器人说不清楚) is no person's
// emergency, unless a person is named after it (狗咬了我，血止不住) or it did something to someone (被狗咬了).
// From scope.yml's `nonhuman_subject`. Pure.
import type { ScopeFile } from './schema';

/** Whether the sentence before a mention (text[from, to)) is about an animal or a bot: the last one named, and no
 * person after it. A name said to be an animal's anywhere in the message (`pet_named`: 大黄是狗, 老张是我家的柯基) is
 * an animal's word there too. `alternation` makes one regular-expression alternative of a word list. */
export function nonhumanReader(nonhuman: ScopeFile['nonhuman_subject'], alternation: (ws: readonly string[]) => string): (text: string, from: number, to: number) => boolean {
  if (!nonhuman) return () => false;
  const notSubject = notSubjectPattern(nonhuman, alternation);
  const verbUse = notSubject ? `(?!${notSubject})` : '';
  // (not the one something was done by: 被狗咬了, 被一条狗追)
  const agent = `(?<!(?:${alternation(nonhuman.agent_before)})${nonhuman.agent_count ? `(?:${nonhuman.agent_count})?` : ''})`;
  // (…and not the tail of a longer one whose head is what stands before it: 跟小狗叫似的 is a likeness, its 狗 no subject)
  const heads = nonhuman.subjects.flatMap((w) => nonhuman.subjects.filter((s) => s !== w && w.endsWith(s)).map((s) => w.slice(0, -s.length)));
  const animal = `${heads.length ? `(?<!${alternation([...new Set(heads)])})` : ''}(?:${alternation(nonhuman.subjects)})`;
  const nonhumanRe = new RegExp(`${agent}${verbUse}${animal}`, 'g');
  const personRe = new RegExp(alternation(nonhuman.people));
  const namedRe = nonhuman.pet_named ? new RegExp(`(${nonhuman.pet_named})${verbUse}${animal}`, 'gu') : undefined;
  const notName = nonhuman.not_pet_name ? new RegExp(nonhuman.not_pet_name) : undefined;
  // (the message's own pattern, made once for the text its mentions are read in)
  let lastText: string | undefined;
  let own = nonhumanRe;
  const patternFor = (text: string): RegExp => {
    if (text === lastText) return own;
    lastText = text;
    own = nonhumanRe;
    if (!namedRe) return own;
    // (a name, not a person nor a word that points: 这是猫砂, 那个是狗的)
    const names = [...text.matchAll(namedRe)].map((r) => r[2] as string).filter((n) => !personRe.test(n) && !notName?.test(n));
    if (names.length) own = new RegExp(`${nonhumanRe.source}|${agent}(?:${alternation(names)})`, 'g');
    return own;
  };
  // (read in the whole text, so that a word going on past the mention's start is seen: 狗以后拜托你照顾 entrusts the dog)
  return (text, from, to) => {
    const re = patternFor(text);
    let last = -1;
    re.lastIndex = from;
    for (let a = re.exec(text); a && a.index + a[0].length <= to; a = re.exec(text)) last = a.index + a[0].length;
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
 * (`handed_on`: 猫给了楼下, 狗也托隔壁了, 猫以后就交给你 — what follows is the writer's). */
function notSubjectPattern(nonhuman: NonNullable<ScopeFile['nonhuman_subject']>, alternation: (ws: readonly string[]) => string): string | undefined {
  const parts = [
    ...(nonhuman.not_subject?.length ? [alternation(nonhuman.not_subject)] : []),
    ...(nonhuman.acts_on_people?.length ? [`(?:${alternation(nonhuman.subjects)}) ?(?:${alternation(nonhuman.acts_on_people)})`] : []),
    ...(nonhuman.handed_on?.length ? [`(?:${alternation(nonhuman.subjects)})仔?(?:也|已经|都|就|以后|请|麻烦){0,2}(?:${alternation(nonhuman.handed_on)})`] : []),
  ];
  return parts.length ? parts.join('|') : undefined;
}
