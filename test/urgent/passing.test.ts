// Suicidal intent shown only in passing, by what someone has done or asked (a grave told "soon", who will find
// them, a height measured, affairs after death asked about beside a goodbye, a one-way ticket to a bridge). Checked
// through the real NLU; the concept rules are in intents/urgent/concepts.yml and classes.yml (rules only: these
// concepts are unscored), the family's written lines in intents/urgent/corpus/intent-passing*.jsonl.
import { realNlu, urgentFlags as flags } from '../support/nlu';

describe('suicidal intent shown in passing', () => {
  it.each([
    // the dead told at their grave that one is coming
    '去我妈坟前跟她说快了，社区的出入证要还吗',
    // who will find one after
    '钥匙我放在门垫下面了，麻烦告诉发现我的人先打给我哥',
    // …that one will soon go to be with them
    '去我爸坟前跟他说我快去陪他了，请问出小区要什么证明',
    // …said in a clause of its own after the grave's (…坟上，跟他们说…)
    '清明去了趟爸妈坟上，跟他们说很快去陪他们了，出小区还要什么证明',
    // a height measured and found enough
    '昨晚上楼顶量了一下，二十几层，应该够高了',
    // affairs after death, beside a goodbye
    '要是我不在了，存折放在衣柜里，以后的事就拜托你了，问下公积金怎么取',
    // a one-way ticket to a bridge
    '买了一张去跨海大桥那边的单程票，就想问坐车要不要核酸',
    // a gas valve left open, unlit, beside despair
    '煤气开着没点火，我不想再拖累家里了',
  ])('raises %s', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([
    '爸爸的坟迁好了，跟他说快了，明年清明再来',
    '清明去给我爸上坟顺便去陪他坐一会儿',
    '单位的十几层楼量了一下面积，准备改成方舱',
    '如果人没了，保险要怎么理赔？我在帮客户整理材料',
    '阳台的门我量了一下，够高，孩子爬不上去',
  ])('does not raise %s', (text) => {
    expect(flags(text)).not.toContain('suicide');
  });
});

describe('the scorer and an ordinary reason named', () => {
  it('leaves a sign-off after an errand done to the rules (事情办好了，谢谢), not a goodbye with affairs settled', () => {
    expect(flags('事情办好了，以后就不麻烦你们了，谢谢你')).not.toContain('suicide');
    expect(flags('欠的钱都还清了，事情都办好了，以后就不麻烦你们了，我真的撑不下去了')).toContain('suicide');
  });
});

describe('what supports a rule but shows nothing alone', () => {
  const nlu = realNlu();
  const open = (text: string) => nlu.urgent.detect(nlu.normalise(text).text).openClasses;
  it('does not lower the scorer\'s threshold for a height measured, affairs after death or how long before anyone notices', () => {
    expect(open('单位的十几层楼量了一下面积，准备改成方舱').has('suicide')).toBe(false);
    expect(open('如果人没了，保险要怎么理赔').has('suicide')).toBe(false);
    // (a red flag of the class does)
    expect(open('药攒够了').has('suicide')).toBe(true);
  });
});

describe('a means kept for the fields, beside a goodbye', () => {
  const nlu = realNlu();
  const by = (text: string) => nlu.urgent.detect(nlu.normalise(text).text);
  it('raises it by the rules when the herbicide is brought indoors and where the bankbook is has been told', () => {
    const v = by('伺候老伴好些年了，存折放哪我跟闺女交代过了，院里那瓶除草的药我拿进屋了');
    expect(v.flags.map((f) => f.id)).toContain('suicide');
    expect(['rules', 'both']).toContain(v.by);
  });
  it('reads a herbicide said plainly as a poison swallowed', () => {
    expect(flags('老头喝了除草的药，嘴里吐白沫')).toContain('poisoning');
  });
  it('leaves a strong goodbye beside a hot pot open (the everyday use explains charcoal, not a last meal)', () => {
    expect(flags('今晚给自己点了最后一顿外卖，是火锅，吃完就再也不用点了')).toContain('suicide');
  });
  it('does not raise it for the same bottle moved indoors out of a child\'s reach', () => {
    expect(flags('地里那瓶除草的药我拿回屋里锁柜子了，怕孙子够着')).toEqual([]);
  });
});
