// A snake's bite now, and wasp or hornet stings by the dozen, are venom (poisoning) — not a bite spoken of, feared,
// supposed, seen on television or had long ago. One goodbye beside despair is a plan (撑不住了…账都还清了); a day chosen
// and put off until someone's milestone, nothing said it is for, is one too (日子我定好了，等我妈过完生日) — not the day of
// something named. A joke denied in a sentence (不是开玩笑) denies every joke word in it, and laughter laughs off no time
// chosen. Someone who threatened to die and now does not answer (电话都没有人接, 冇覆我) is unreachable. A case heard
// from a neighbour of someone else's relative (听邻居说她亲戚…晕倒了) is hearsay. Phrasings of our own.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('venom', () => {
  it.each([
    ['我爸下午在玉米地里让一条蛇咬了脚脖子 现在肿到小腿了'],
    ['阿公佇菜園予蛇咬著 手腫起來矣'],
    ['my grandma got bitten by a snake in the vegetable garden, her hand is swelling up'],
    ['孩子在草丛边被毒蛇咬了一口 哭个不停'],
    ['俺爹去拾柴火 捅了个马蜂窝 头上脖子上被蛰了二十多下 这会儿直犯恶心'],
  ])('raises poisoning by the rules for %s', (text) => {
    expect(ruleFlags(text)).toContain('poisoning');
  });

  it.each([
    ['下地干活怕被蛇咬 穿啥鞋好'],
    ['万一上山被蛇咬了 该先干啥'],
    ['蛇咬伤是不是都要打血清'],
    ['what should you do for a snake bite on a hike'],
    ['电视里有个人被蛇咬了 演得好吓人'],
    ['我年轻的时候被蛇咬过一回 早好了'],
    ['家里的猫被蛇咬了 兽医那边开门吗'],
    ['蛇咬了一只鸡 鸡死了'],
    ['被蜜蜂蛰了一下 手背有点肿'],
  ])('does not raise %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('a goodbye beside despair', () => {
  it.each([
    ['实在熬不下去了 欠的钱昨天都还清了'],
    ['没人需要我 猫我已经托给楼下了'],
  ])('raises suicide by the rules for %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([['实在熬不下去了 这破工作 下个月辞职回老家'], ['累死了 钥匙放在门口地垫下面了 你先进屋']])('does not raise %s', (text) => {
    expect(ruleFlags(text)).toEqual([]);
  });
});

describe('a day chosen, put off until a milestone', () => {
  it.each([
    ['日子我已经选好了，等儿子考完试。这之前想给他把医保续上，在哪办'],
    ["I've chosen the day, after my mum's birthday. How do I book her flu shot before then?"],
  ])('raises suicide by the rules for %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([['手术日子定了，等孩子开学以后'], ['搬家的日子选好了，等我妈过完生日就搬']])('not the day of something named: %s', (text) => {
    expect(ruleFlags(text)).toEqual([]);
  });
});

describe('a joke denied, a time chosen', () => {
  it.each([
    ['哈哈 没开玩笑 我真的不想活了 遗书压在枕头下面'],
    ['药我都攒够了 就这周末 哈哈'],
  ])('raises suicide for %s', (text) => {
    expect(urgentFlags(text)).toContain('suicide');
  });

  it.each([['就今晚 哈哈 火锅走起'], ['考完试就今晚通宵打游戏 哈哈 不想活了都']])('does not raise %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('a threat to die, then no answer', () => {
  it.each([
    ['我弟昨天电话里吵着说要去死，今天电话都没有人接'],
    ['佢尋日話唔想再活，今日成日都冇覆我'],
  ])('raises suicide by the rules for %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });
});

describe('hearsay', () => {
  it("someone else's relative, heard from a neighbour, is no case here", () => {
    expect(urgentFlags('听同事说 她表姐在外地排队做核酸排到晕倒了 我们这边排队的人也多 有啥办法')).toEqual([]);
  });

  it("the writer's own people heard of are", () => {
    expect(urgentFlags('听邻居说我爸在楼下晕倒了 叫不醒')).toContain('unconscious');
  });
});
