// Affairs put in order as a goodbye (debts paid, a pet handed on, accounts closed) beside what says it is final; a
// baby with two danger signs and no fever; a baby not felt moving in the womb, in English. The concept rules, without
// the scorer. Phrasings here are not the evaluation sets' own.
import { realNlu, ruleFlags, urgentFlags } from '../support/nlu';

const mentionsOf = (text: string): string[] => {
  const nlu = realNlu();
  return nlu.urgent.detect(nlu.normalise(text).text).mentions.map((m) => m.concept);
};

describe('affairs put in order', () => {
  it.each([
    // two different arrangements, and what says they are for good
    'QQ空间注销了，猫托隔壁了，一分不欠',
    '账都清了，猫给了小王，健身卡也停了，完事儿了',
    '啲卡數還清咗，隻狗交畀樓下，之後都唔會用',
    // in English: two things given away together, the accounts wiped, thanks for everything
    'gave my camera and my rabbit to my flatmate, wiped my social media, texted my sister thank you for everything',
  ])('%s → suicide by the rules', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([
    // a move abroad is what the goodbyes are for, in Chinese or English
    '下个月出国了，猫托给楼下，健身卡也退了，反正以后用不上了',
    'Leaving the country next month: gave my cat to a friend for good, cancelled my gym membership',
    // accounts wiped as a joke, for the exams
    'deleted all my socials lol, exams in two weeks, need to focus. where is the fever clinic in yantai',
  ])('%s → not urgent (a move)', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('reads what follows an animal handed on (猫给了小王，…) as the writer\'s, not the animal\'s', () => {
    expect(realNlu().urgent.detect(realNlu().normalise('猫给了小王，健身卡也停了，完事儿了').text).scopes.every((s) => !s.reported)).toBe(true);
  });

  it('counts a word once: one arrangement and "也用不上了" are not two goodbyes and a finality', () => {
    expect(ruleFlags('健身卡退了，反正封控期间也用不上了')).not.toContain('suicide');
  });

  it('reads "我是说我自己" as who is meant, not a slip corrected; "打错了，我是说…" still as one', () => {
    expect(mentionsOf('一个人住出了事多久才会有人知道？我是说我自己')).not.toContain('corrected');
    expect(mentionsOf('一个人住出了事多久才会有人知道？我是说我自己')).toContain('found_later');
    expect(mentionsOf('打错了，我是说我妈在晋江')).toContain('corrected');
  });
});

describe('a baby in danger without a fever', () => {
  it.each(['孩子生下来才十二天，一口奶都喂不进，哭声像小猫叫', '小毛头刚满月，奶吃不进，头也挺不住'])('%s → infant_fever by the rules', (text) => {
    expect(ruleFlags(text)).toContain('infant_fever');
  });

  it('needs two different danger signs: one alone is not the rules\' to raise', () => {
    expect(ruleFlags('宝宝两个月，这两天不肯吃奶，别的都好')).not.toContain('infant_fever');
  });
});

describe('a baby not felt moving in the womb, in English', () => {
  it.each(["I'm 34 weeks pregnant and I haven't felt the baby move since this morning", "I'm 32 weeks pregnant and she's kicking less today"])(
    '%s → labour by the rules',
    (text) => {
      expect(ruleFlags(text)).toContain('labour');
    },
  );

  it('reads a toddler who has not moved from the sofa, and a cold drink, as neither', () => {
    expect(urgentFlags('my toddler has not moved from the sofa all day')).toEqual([]);
    expect(mentionsOf("I'm 30 weeks pregnant, drank cold juice and felt her kick")).not.toContain('fever');
    expect(realNlu().normalise('I drank cold juice').text).not.toContain('感冒');
  });
});
