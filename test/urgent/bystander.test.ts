// What a bystander sees and hears, told in their words (the `bystander` corpus family's lessons, in phrasings of our
// own): a dialect verb that looks like an animal, a few words gasped out, a case relayed from a group chat, a drill.
import { urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('urgent detection from a bystander', () => {
  it.each([
    // 猫 as a verb (crouched there) is no cat
    ['老头猫那儿半天了，胸口疼得直冒汗', 'chest_pain'],
    // panting, and only a word or two comes out when spoken to
    ['楼上大爷一直在喘，问他话只能蹦出两三个字', 'breathing'],
    // a case the teller relays of their own people is no hearsay
    ['群里有人说她爸现在嘴歪了，半边身子动不了', 'stroke'],
    ['他同事在车间里抽起来停不住', 'convulsion'],
    // …and news of the writer's own people passed on is no hearsay either
    ['听说我妈晕倒在楼道里了 叫不醒', 'unconscious'],
    ['刚听说我家老爷子在厂里突然胸口剧痛 满头大汗', 'chest_pain'],
    // shaken (晃, 扒拉) and no response
    ['使劲晃都没动静，人躺在地上', 'unconscious'],
    ['邻居喝多了在楼道里喊我不活了', 'suicide'],
    ['他拿着水果刀在自己脖子上比划', 'suicide'],
    ['工友喝了一口清洗剂，现在一直吐', 'poisoning'],
    // a drill is no cover for a real case in it or after it; epilepsy had, beside a fit going on, is a fit
    ['消防演习的时候一个同学真的晕倒了，叫不醒', 'unconscious'],
    ['应急演练刚结束，一个保安突然胸口剧痛，满头大汗', 'chest_pain'],
    ['孩子有羊角风，现在抽了五分钟还没停', 'convulsion'],
    ['他羊角风犯了，口吐白沫', 'convulsion'],
  ])('%s → %s', (text, cls) => {
    expect(flags(text)).toContain(cls);
  });

  it.each([
    // a cat's fit is still the cat's
    '我家猫下午开始抽搐，口吐白沫',
    '这盆花不活了',
    // hearsay stays hearsay when it names no one of the teller's, or is past
    '听说他老婆去年中风了',
    // (the writer's own people in a rumour put right, or in what was had and is over)
    '群里误传我爸中风了 其实他好好的',
    '听说我爸以前中过风 这次要注意什么',
    '据说我家老人这种情况容易中风 怎么预防',
    '有人说阳了以后会胸痛，是真的吗',
    // a drill's script
    '明天社区搞应急演练，剧本是一个老人突然晕倒',
    // epilepsy had, not a fit now
    '他有羊角风，一直吃药，好几年没犯',
    '他生气了，微信只回了两三个字',
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

// A cry for help or a fall heard through a wall or a door, and silence after it: someone down behind it.
describe('a cry or a fall heard, then silence', () => {
  it.each([
    ['楼上老头半夜一直喊救命 后来没声了'],
    ['半夜听见对门大爷喊救命，喊了两声就没动静了'],
    ['隔壁半夜咚的一声 然后就没动静了 敲门也没人应'],
    ['someone upstairs was screaming for help, now there\'s no sound'],
  ])('raises unconscious for %s', (text) => {
    expect(flags(text)).toContain('unconscious');
  });

  it.each([
    ['厨房咚的一声 吓我一跳 原来是锅掉了 人没事'],
    ['孩子在屋里大喊救命 原来是在玩游戏'],
    ['救命啊 这封控啥时候结束'],
  ])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
