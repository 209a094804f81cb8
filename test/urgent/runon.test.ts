// Long run-on posts (the `runon` corpus family's lessons, in phrasings of our own): a baby's age said as how little it
// is, a fever said by touch or in Wu, a letter written and a time chosen, nobody in a list of denials, a near faint.
import { urgentFlags } from '../support/nlu';

describe('what a run-on post says of a baby, a plan or a denial', () => {
  it.each([
    ['我们楼封了好几天了 家里老二才两个多月 今天早上开始脑门子烫 一直睡 奶也不怎么吃', 'infant_fever'],
    ['宝宝只有五十天 量了38度5 社区电话打不通', 'infant_fever'],
    ['阿拉囡囡只有六十天 今朝发寒热 三十八度五', 'infant_fever'],
    ['我写好了给老婆的信 今天就想结束了 谢谢这些天帮我送菜的邻居', 'suicide'],
    ['刚才排队差点晕倒 现在胸口很痛 出冷汗', 'chest_pain'],
    // an if-clause ends with its question (…的话…怎么办): what follows is said, not supposed
    ['如果有人好几天不出门的话物业会不会来敲门怎么办我把安眠药都攒了一抽屉了今晚就不打扰你们了', 'suicide'],
  ])('%s → %s', (text, cls) => {
    expect(urgentFlags(text)).toContain(cls);
  });

  it.each([
    // nobody in the list has it
    '我们是密接在家隔离 全家人都好好的 没谁发烧 也没谁喘不上气 大家别担心',
    // nearly, so it did not happen
    '排队的时候我差点晕过去 还好旁边的人扶了我一把',
    // a child's age in months with a pregnancy's not taken for it
    '我怀孕才两个多月 想问产检去哪建档',
    // …nor a lockdown's month, said in Sichuanese (封到起一个月了), beside a three-year-old's mild fever
    '封到起一个月了 娃儿在屋头闹 今天有点低烧 三岁了 精神还好',
    // a question about a baby whose age is a number: the age is no reading taken
    '我家两个月的宝宝 想问问几度才算发烧 腋下量的准不准',
    // a pregnancy before this one, and a rumour put right
    '上一胎32周的时候破水了 这次想早点去建档',
    '楼里群里误传我妈中风了 其实她好好的 别再打电话了',
    // a question about signs and reasons, and an oximeter (指夹式血氧仪 holds no 失血 read by sound)
    '心梗一般有哪些表现 什么情况要马上叫救护车',
    '为啥说新生儿一发烧就得去医院',
    '指夹式血氧仪怎么用',
  ])('%s → not urgent', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});
