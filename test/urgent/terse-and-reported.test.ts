// Messages typed as fragments (爸 倒了 不动), a report's subject (看了条跳楼的新闻), a symptom asked whether it counts,
// a figure of speech said not to be about illness, a letter sent home, labour begun, a head injury with its blow named.
// Phrasings here are not the evaluation sets' own.
import { urgentFlags, urgentVerdict as detect } from '../support/nlu';

const concepts = (text: string): string[] => detect(text).mentions.map((m) => m.concept);

describe('someone down and still, said in fragments', () => {
  it('is unconscious when the pieces come one by one', () => {
    expect(urgentFlags('妈 倒了 不动')).toContain('unconscious');
    expect(urgentFlags('我爷爷倒下了，一动不动')).toContain('unconscious');
  });

  it('is not when what does not move is a thing too heavy to carry', () => {
    expect(concepts('柜子倒了 一个人搬不动')).not.toContain('unresponsive');
    expect(concepts('树倒了 推不动 物业电话多少')).not.toContain('unresponsive');
  });
});

describe('a red flag that is what a report is about', () => {
  it('is reported, not happening here (自杀新闻, 跳楼的报道)', () => {
    expect(urgentFlags('刷到一条跳楼的新闻 心里不舒服 没有别的想法 泉秀能约心理医生吗')).toEqual([]);
    expect(urgentFlags('最近老看到自杀的报道，挺难过的，想找人聊聊')).toEqual([]);
  });

  it('is still a case when it is someone’s own', () => {
    expect(urgentFlags('我想自杀，新闻都不想看了')).toContain('suicide');
  });
});

describe('a symptom asked whether it counts as one', () => {
  it('is a knowledge question with the safety line (…算不算新冠的症状吗)', () => {
    const v = detect('胸闷气短 是新冠的症状吗 我们晋江的');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
});

describe('a figure of speech said not to be about illness', () => {
  it('is no headache (头都爆了 不是讲病)', () => {
    expect(urgentFlags('头都爆了 不过不是讲病 下周化疗去哪')).toEqual([]);
  });
});

describe('a letter or a thing sent home', () => {
  it('is no move that explains a goodbye away', () => {
    expect(urgentFlags('给儿子的信写好压在枕头下了 这会儿在楼顶坐着 问下信怎么寄回老家')).toContain('suicide');
  });
});

describe('labour begun', () => {
  it('is labour in a pregnancy (发动了), and asked ahead gets the safety line', () => {
    expect(urgentFlags('孕39周 感觉今晚要发动了 一阵一阵疼 去哪家')).toContain('labour');
    const v = detect('怀孕32周 要是封控期间提前发动了怎么办 现在好好的');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });

  it('is no labour when a car starts or people are mobilised', () => {
    expect(urgentFlags('孕妇在车上 车发动了 去医院走哪条路')).toEqual([]);
    expect(urgentFlags('怀孕6个月 社区发动了志愿者送菜 产检怎么约')).toEqual([]);
  });
});

describe('a head injury', () => {
  it('is still raised on a blow named, whichever words follow it', () => {
    expect(urgentFlags('奶奶早上摔了一跤磕到头 刚才吐了两回 人迷迷糊糊的')).toContain('head_injury');
  });
});
