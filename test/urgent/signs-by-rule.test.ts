// Emergencies the learned scorer used to catch alone, often under another class's name: a scald blistered over an
// area, a rash that does not fade under a glass, a stove lit indoors and a household sick, a sugar low after insulin,
// a pregnancy's pressure with flashing and a headache, waters broken said plainly. The concept rules now know them.
// Phrasings here are not the evaluation sets' own.
import { byRules, urgentFlags } from '../support/nlu';

describe('a burn', () => {
  it('blistered or peeling over an area, with what burned named, is a large burn', () => {
    byRules('孩子把开水壶碰翻了 两条腿上好大一片 起了大泡 皮也脱了', 'bleeding');
    byRules('热油溅出来 手臂上一大片 皮都掉了', 'bleeding');
  });

  it('is not a pimple rash with a blister', () => {
    expect(urgentFlags('脸上长了好大一片痘 有的起了大泡 能约皮肤科吗')).toEqual([]);
  });
});

describe('a child with a fever and a rash', () => {
  it('that does not fade when pressed with a glass is a danger sign', () => {
    byRules('女儿6岁 烧到39度 身上冒出紫红色的小点点 拿杯子压上去也不褪色', 'infant_fever');
  });
});

describe('a stove lit indoors', () => {
  it('with the household sick two ways is carbon monoxide', () => {
    byRules('屋里生的炉子 早上起来全家都头疼 我妈吐了两回', 'poisoning');
  });
});

describe('a sugar low', () => {
  it('after insulin with no food and a cold sweat, or with the mind going', () => {
    byRules('我妈打了胰岛素一口没吃 现在一身冷汗 手抖得厉害', 'unconscious');
    byRules('爸爸刚打胰岛素 说话前言不搭后语', 'unconscious');
  });

  it('is not insulin asked about', () => {
    expect(urgentFlags('打了胰岛素以后多久能吃饭')).toEqual([]);
  });
});

describe("a pregnancy's warning signs", () => {
  it('a pressure of 160 or more with a headache, or flashing with a headache', () => {
    byRules('怀孕35周 刚量血压165/105 头很疼', 'labour');
    byRules('孕37周 眼前一闪一闪的 头疼得厉害', 'labour');
  });

  it('waters broken said plainly, and contractions written with a space', () => {
    byRules('老婆38周 刚才水破了', 'labour');
    byRules('怀孕 40周 肚子疼 每3分钟 一次', 'labour');
  });
});
