// Care cut off by the lockdown (the `supply` family): the emergencies it ends in, said the way people say them —
// a child's fit called 抽筋, counts said as ranges (三四分钟一次), a number set apart from its unit, a drowsy
// northern 迷瞪, Minnan 黑白讲 — and the words that hold a cue's characters but are none (取消了, 喘气话).
import { urgentFlags as flags } from '../support/nlu';

describe('emergencies after care was cut off', () => {
  it("reads 抽筋 or 在抽 said of a child as a fit, not a limb's cramp, a blood test, a cigarette or a simile", () => {
    expect(flags('宝宝抽筋了')).toEqual(['convulsion']);
    expect(flags('药断了两天，儿子在抽，快来人')).toContain('convulsion');
    expect(flags('孩子半夜腿抽筋')).toEqual([]);
    expect(flags('我女儿在抽血，排队好久')).toEqual([]);
    // (not a fit; the scorer's suicide reading of it is a known false alarm: test/urgent/indirect.test.ts)
    expect(flags('儿子在抽烟，说了也不听')).not.toContain('convulsion');
    expect(flags('小孩玩游戏输了，气得像抽筋一样乱蹦')).toEqual([]);
    // a pregnancy's months are no baby's age: a pregnant woman's cramps are no child's fit
    expect(flags('怀孕七个月了，晚上老抽筋')).toEqual([]);
    expect(flags('他小时候抽筋过一次，现在十岁了')).toEqual([]);
  });

  it('reads a count said as a range (三四分钟一次) as its lower bound, and a number set apart from its unit', () => {
    expect(flags('怀孕38周，肚子疼，三四分钟一次')).toContain('labour');
    expect(flags('宝宝 2 个月 发烧 38.5')).toContain('infant_fever');
    // 三四岁 is a small child's age; 十三四岁 is thirteen or fourteen
    expect(flags('三四岁的学生，发烧38.5度，精神很差')).toContain('infant_fever');
    expect(flags('十三四岁的学生，发烧38.5度，精神很差')).toEqual([]);
  });

  it('reads no resolution in 取消了 (cancelled) and no joke in 喘气话 (气话 is said in anger)', () => {
    expect(flags('宝宝刚满月，发烧38.6度，疫苗都取消了')).toContain('infant_fever');
    expect(flags('老爸喘得厉害，嘴唇发紫，喘气话都说不出来了')).toContain('breathing');
  });

  it('reads drowsiness and confusion in northern and Minnan words, and dialysis counted between its words', () => {
    expect(flags('偷吃了他奶奶的一板降压药，现在人迷瞪了').length).toBeGreaterThan(0);
    expect(flags('阮老爸洗腎的，兩擺無去，這馬規个人黑白講')).toContain('unconscious');
    expect(flags('伊一礼拜洗两摆肾，这礼拜没去，喘得躺不落去')).toContain('dialysis_distress');
  });

  it('reads weeks said bare as a pregnancy, clothes soaked from below as the waters, and English breath between words', () => {
    expect(flags('35周了 裤子湿了一大片 止不住')).toContain('labour');
    expect(flags("my dad's inhaler ran out, he can only get a word or two out between breaths")).toContain('breathing');
  });
});
