// Medicine, a poison or a household chemical swallowed: a child's (any amount said to be several doses, or by
// accident), or anyone's who is now unresponsive. Checked here through the real NLU rather than in the urgent
// corpus: the scorer is trained on the corpus, and these examples are for the concept rules (see
// docs/urgent.md, "Poisoning").
import { urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('poisoning', () => {
  it.each([
    '孩子把爷爷的降压药吃了好几片，现在嘴唇发白老想睡觉',
    // a pet's medicine a child got into (the animal owns the pills; it is no subject of the sentence)
    '孙子把猫咪吃的药当糖吃了，少了好几片，现在站都站不稳',
    '两岁宝宝趁我不注意吞了一颗纽扣电池，我们是封控楼',
    '我家小孩误服了奶奶的安眠药，大概五六粒，叫他反应很慢',
    '小孩偷吃了药，一板感冒药都没了，现在吐了',
    '女儿把洗衣液当饮料，喝了洗衣液一大口，一直咳',
    '孙子误食了老鼠药，怎么办，我们在封控区出不去',
    '3岁娃喝了消毒水，嘴巴里都是泡泡',
    "my toddler got into grandma's heart pills, he's very sleepy now",
    '囡囡食咗成板藥，而家好眼瞓，點算',
    '娃把他爸的降糖药吃了四五粒，现在没精神，叫也不太应',
    '老人家误喝了洁厕灵，现在叫不醒',
    'my son swallowed a button battery about an hour ago, we are in lockdown',
    '小朋友把一瓶退烧药喝了大半瓶，现在迷迷糊糊的',
    // someone else's medicine, whatever the dose
    '娃吃了他爷爷的降压药，现在很困',
    '小孩把外婆的安眠药吃了',
    // part of a blister card counted (大半板, 小半板), whoever's it was
    '三岁的娃把桌上的降糖药吃了小半板',
    '小孩趁大人不注意把降压药吃了大半板，现在还挺精神',
  ])('raises %s', (text) => {
    expect(flags(text)).toContain('poisoning');
  });

  it.each([
    '孩子发烧吃了退烧药，还是38度，去哪看',
    '小孩感冒药一次吃几粒合适',
    '孩子的药还剩一板，封控区怎么开药',
    '给孩子喂了消炎药，还需要去复诊吗',
    '孩子吃了好几天退烧药了还在咳，去哪看',
    '爷爷的降压药还剩一板，封控期间怎么续方',
    '去年孩子误服过一次药，洗胃后好了，现在想问儿童医院在哪',
    '奶奶的降压药吃完了，孩子能帮她去开吗',
    '孩子吃了自己的退烧药还是烧',
    // a pet's own medicine, and a medicine named by what it treats (治抽风的药), are no fit
    '我家狗把猫的药吃了',
  ])('does not raise %s', (text) => {
    expect(flags(text)).not.toContain('poisoning');
  });
});

// An adult's poisoning: what was taken (a pesticide, rat poison, bootleg liquor, bleach mixed with toilet cleaner,
// wild mushrooms), with any sign of it — or a deadly poison alone, or the poisoning named (有机磷中毒).
describe('poisoning by what was taken and what it does', () => {
  it.each([
    '我舅喝了半瓶敌敌畏 被邻居发现的',
    '村里的老李刚喝下去一口百草枯',
    '社区医生：患者疑似有机磷中毒，瞳孔缩小，大汗',
    '老公下地喷农药回来 一直吐 手在抖',
    '我们几个吃了山上采的野生菌 现在都上吐下泻 我爸有点迷糊',
    '宿舍有人喝了散装酒 说眼前一片模糊 看不清东西',
    '我婆婆把84和洁厕灵混在一起刷厕所，现在一直咳，胸口发紧',
    'my uncle drank some weedkiller in the shed, he is sweating and drooling',
    'we ate wild mushrooms for lunch and now my dad is throwing up and seeing things',
    '阿爸飲咗農藥，而家一直嘔',
    // a gas leak where someone lies collapsed; a poisonous mushroom named, with hallucinations
    '厨房燃气灶漏气了，我爸倒在厨房叫不醒',
    '吃了自己采的见手青，老公说看见墙上有小人在跳，一直吐',
    // a medicine taken twice over by mistake, with what it does
    '我爸把降压药重复吃了一遍，现在头晕得站不住',
    'grandma took a double dose of her heart pills by mistake, now her heart is very slow',
  ])('raises %s', (text) => {
    expect(flags(text)).toContain('poisoning');
  });

  it.each([
    // knowledge, storage, prevention, the past, a small harmless taste
    '农药应该放在哪里才不会被孩子拿到',
    '喷农药的时候要戴什么口罩',
    '84消毒液和洁厕灵为什么不能混用',
    '我爸十年前喝过农药，救回来了，现在身体还行，想问慢病怎么开药',
    '野生菌季节到了，怎么分辨毒蘑菇',
    '宝宝舔了一下洗衣液的瓶盖，马上漱口了，现在玩得很开心',
    '买了一箱杀虫剂，楼里蟑螂太多了',
    '降压药好像重复吃了一次，现在没什么感觉',
    '吃了两次药还是头疼',
    '车停在车库里，明天要去做核酸',
  ])('does not raise %s', (text) => {
    expect(flags(text)).not.toContain('poisoning');
  });

  it('reads a gas heater left running beside someone down, or sick two ways, as carbon monoxide', () => {
    expect(flags('热水器开着，我爸在浴室里喊不应')).toContain('poisoning');
    expect(flags('洗澡的时候燃气热水器一直开着，洗完头痛，想吐')).toContain('poisoning');
    expect(flags('her dad is on the floor of the bathroom, the gas water heater was on, and my mother in law has a headache and is throwing up')).toContain('poisoning');
    // one sign alone, or the heater only broken, is not
    expect(flags('热水器坏了，一直开着也不出热水，头痛')).not.toContain('poisoning');
    expect(flags('上周热水器一直开着，我爸晕在浴室里，送医后好了')).not.toContain('poisoning');
  });

  it('reads a stove or charcoal lit indoors for warmth beside two signs, feeling sick one of them, as carbon monoxide, not a suicide', () => {
    expect(flags('屋里生着煤炉子睡的觉，早上起来一家人都头疼恶心')).toEqual(['poisoning']);
    expect(flags('宿舍里烧炭取暖，两个人都头晕想吐，一个叫不太醒')).toContain('poisoning');
    expect(flags('宿舍里烧炭取暖，两个人都头晕想吐，一个叫不太醒')).not.toContain('suicide');
    // warmth alone is none
    expect(flags('天冷，屋里生了炉子，暖和多了')).toEqual([]);
  });

  it('reads charcoal burnt in a message about keeping warm as heating, not a way to die; said of oneself otherwise, it is one', () => {
    expect(flags('屋里冷得很 暖气也停了 我家也烧炭 晚上睡觉要注意啥')).not.toContain('suicide');
    expect(flags('天太冷 家里只能烧炭 怎么取暖才安全')).not.toContain('suicide');
    expect(flags('我在屋里烧炭 别找我')).toContain('suicide');
    expect(flags('我准备烧炭了 门窗都封好了')).toContain('suicide');
    // (warmth named does not hide despair beside it, and a radiator is no warmth: a rope tied to its pipe)
    expect(flags('暖气停了 活着没意思 今晚烧炭')).toContain('suicide');
    expect(flags('钥匙搁邻居家了 暖气管子上那根绳俺也系好了 今晚烧炭')).toContain('suicide');
  });

  it('reads a car left running in a closed garage as carbon monoxide, whoever is in it', () => {
    expect(flags('我把自己锁在车库里，车发动着，卷帘门关着')).toContain('poisoning');
    expect(flags('my brother is in the garage with the engine running and the garage door closed')).toContain('poisoning');
    // …said with its verbs (the door is shut, the engine has been running)
    expect(flags("Dad's garage door is shut and the engine has been running since lunch, he won't answer")).toContain('poisoning');
  });
});

describe('fumes beside someone drowsy', () => {
  it.each([
    '屋里一股煤气味，孩子一直犯困',
    '生了炉子取暖，老人一直想睡，叫醒了又睡',
    'there is a strong smell of gas in the flat and my son keeps falling asleep',
  ])('is a poisoning: %s', (text) => {
    expect(flags(text)).toContain('poisoning');
  });

  it.each(['gas leak in building 5, everyone is fine, who fixes it', '生了炉子取暖，屋里暖和多了'])('a gas leak or a stove with no one sick is none: %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
