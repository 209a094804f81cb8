// A sign a stroke leaves behind (a weak hand, slurred words) said stable after a stroke months or years ago is that
// stroke's, not a new one; a stroke of days ago, a sign that came on today, or one said unstable still raises. Cantonese
// "cannot" (停唔到, 郁唔到) reads as Mandarin's 停不住, 动不了. Stabbing or burning oneself said as such, a cut made again
// or deeper (又划了, 划深了), "cut myself again", blood still dripping and dressings changed, belongings or money given
// away, and a spouse who did not pull through joined tonight are read as the self-harm and the goodbye they are. A
// medicine named by its own name (硝苯地平), or counted gone from its pack, beside a small child is a poisoning; a
// medicine expired two months is no two-month-old. A past time compared with (这回不像以前) is not when a sign happens.
// Pills saved over months are read across the clauses that tell it, beside a letter; a dose counted enough is not
// laughed off; insulin injected all at once is an overdose. Struck down by the heat with the mind going is heat stroke.
// Phrasings of our own.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('a sign left behind, said stable', () => {
  it.each([
    ['外婆去年脑梗 现在左手使不上劲 人还算稳定 封控了降压药咋开'],
    ['我爸前年脑出血 现在右边半身不遂 说话也含糊 情况挺稳定 想问社区有没有上门护理'],
  ])('after a stroke months or years ago is that stroke: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it.each([
    ['前年中风过 今天早上突然说不出话 人还算稳定'],
    ['昨天中风了 现在左边不能动 人挺稳定'],
    ['前年中风 现在左手没劲 血压很不稳定'],
  ])('not one that came on today, a stroke of days ago, or one unstable: %s', (text) => {
    expect(ruleFlags(text)).toContain('stroke');
  });
});

describe('Cantonese "cannot"', () => {
  it('郁唔到 (cannot move) on one side is a stroke sign', () => {
    expect(ruleFlags('阿爺今朝起身半邊身郁唔到')).toContain('stroke');
  });

  it('停唔到 (will not stop) of blood is heavy bleeding', () => {
    expect(ruleFlags('佢割到手 血停唔到')).toContain('bleeding');
  });
});

describe('self-harm said as such', () => {
  it.each([
    ['又拿圆规扎自己了 已经流血了'],
    ['烟头烫了自己 今天已经第三个了'],
    ["I cut myself again, it won't stop bleeding"],
    ['刀片在胳膊上划了几道 血还在往下滴'],
  ])('raises suicide by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([['做饭的时候锅盖烫了自己一下'], ['心在滴血 又被甩了']])('not a kitchen burn or a broken heart: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('belongings given away to a friend', () => {
  it('beside a place to fall from is a goodbye', () => {
    expect(ruleFlags('吉他和电脑都送给同学了 今晚一个人在天台边上坐了很久')).toContain('suicide');
  });

  it('alone is a gift', () => {
    expect(ruleFlags('吉他送给同学了 他一直想学')).toEqual([]);
  });
});

describe('a cut made again, and the dressings changed', () => {
  it.each([['又割了 纱布换了两回还是红的'], ['以前划两道就好 这次划深了 纸巾换了好几张还往下滴']])('raises suicide by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('a phone screen scratched again is not', () => {
    expect(urgentFlags('又划了 手机屏幕 气死')).toEqual([]);
  });
});

describe('a medicine a small child got at', () => {
  it.each([
    ['三岁的儿子把他奶奶的氨氯地平吃了 好像吃了不少 现在有点蔫'],
    ['孙子拿了我吃的降压药 药板上少了四五片 他说是糖'],
    ['孩子把洗衣球咬破了 满嘴是泡 一直咳'],
  ])('named by its own name, counted gone from the pack, or a pod bitten: %s', (text) => {
    expect(ruleFlags(text)).toContain('poisoning');
  });

  it.each([['我每天吃一片艾司唑仑 封控了能开吗'], ['我奶奶吃的二甲双胍过期三个月了 还能吃吗']])('not a daily dose or an expiry: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('one who died, joined', () => {
  it('a spouse who did not pull through, the deeds handed over, joined after tonight', () => {
    expect(ruleFlags('老伴前年没救过来 我把房本交给闺女了 过了今晚就去找她')).toContain('suicide');
  });

  it('money given away beside one who died and going to them tonight', () => {
    expect(ruleFlags('老头子没挺过来 钱都分给孩子们了 今晚就去陪他')).toContain('suicide');
  });
});

describe('a past time compared with', () => {
  it('不像以前 (unlike before) is a comparison, not when it happens', () => {
    expect(ruleFlags('我爸有心脏病史 这回不像以前 早上起来就叫不醒')).toContain('unconscious');
  });
});

describe('pills saved and counted', () => {
  it('saved over months, told across its clauses, counted tonight (算好了 is no "better"), beside a letter', () => {
    expect(ruleFlags('血压药一直没吃，攒满一抽屉，今晚倒出来算好了，信写好放桌上了')).toContain('suicide');
  });

  it('a dose counted enough is not laughed off', () => {
    expect(ruleFlags('lol 手里一把安眠药 数了一下应该够')).toContain('suicide');
  });

  it('a supply counted to last, laughed at, is a supply', () => {
    expect(urgentFlags('哈哈 药数了一下 够吃到下个月')).toEqual([]);
  });
});

describe('struck down by the heat', () => {
  it('the faint over and the mind going is heat stroke, raised by the rules', () => {
    expect(ruleFlags('值守的大爷中暑晕了一下 现在醒了 可是不知道今天几号')).toContain('unconscious');
  });

  it('a touch of the heat with a dizzy head is not', () => {
    expect(urgentFlags('中暑了 头有点晕 喝了藿香正气水')).toEqual([]);
  });
});

describe('insulin injected all at once', () => {
  it('is an overdose, as pills all swallowed are', () => {
    expect(ruleFlags('今晚我要把胰岛素全打了 终于能好好休息了')).toContain('suicide');
  });

  it('a dose taken is a dose', () => {
    expect(urgentFlags('今天的胰岛素打了 血糖8.2 正常吗')).toEqual([]);
  });
});
