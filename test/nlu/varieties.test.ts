// Cantonese and Minnan forms read as Mandarin: always-forms everywhere, marked forms only beside a marker,
// Mandarin words left alone, the longest form first.
import { realNlu } from '../support/nlu';

const nlu = realNlu();
const norm = (t: string): string => nlu.normalise(t).text;

describe('language varieties', () => {
  it('reads Cantonese', () => {
    expect(norm('阿媽喺邊度洗腎？')).toBe('妈妈在哪里洗肾?');
    expect(norm('冇發燒，點算？')).toBe('没有发烧,怎么办?');
    expect(norm('嗰度滿咗點算')).toBe('那里满了怎么办');
    expect(nlu.normalise('佢喺晉江').varieties).toEqual(['yue']);
    expect(norm('呢間收唔到人，去邊間？去邊？')).toBe('这家收不到人,去哪家?去哪?');
    expect(norm('佢喺床邊暈低咗')).toBe('他在床边晕倒了');
    // 点 as a dot or a little stays (紫色细点, 快点), as a question word reads 怎么
    expect(norm('佢身上有啲紫色細點，你哋快點嚟，點算')).toBe('他身上有些紫色细点,你们快点来,怎么办');
    // sorry (唔好意思: 好 is good there), a pronoun's 啲 (his), pills eaten up (食晒)
    expect(norm('唔好意思打錯字，唔係洗腎，係化療')).toBe('不好意思打错字,不是洗肾,是化疗');
    expect(norm('佢啲降壓藥就快食晒')).toBe('他的降压药就快吃完');
  });

  it('reads a pinyin input method\'s wrong character where the context leaves no doubt (核算证明), and says no variety', () => {
    expect(norm('做完核算多久出结果')).toBe('做完核酸多久出结果');
    expect(norm('没有48小时核算能进医院吗')).toContain('48小时核酸');
    expect(norm('抗元两条杠了')).toContain('抗原');
    expect(nlu.normalise('核算报告在哪查').varieties).toEqual([]);
    // the word itself, said of accounts, stays
    expect(norm('单位的成本核算')).toBe('单位的成本核算');
  });

  it('reads Minnan', () => {
    expect(norm('阮阿公喘袂過氣，欲按怎？')).toBe('我们爷爷喘不过气,怎么办?');
    expect(norm('家庭醫生會管阮無？')).toBe('家庭医生会管我们吗?');
    expect(nlu.normalise('阮佇晉江').varieties).toEqual(['nan']);
    expect(norm('護士來厝裡愛偌濟錢？')).toBe('护士来家里要多少钱?');
    expect(norm('阮囝真可愛')).toBe('我们孩子很可爱');
    // 跤 is a foot in Minnan, but a fall in Mandarin (摔了一跤, 经常摔跤)
    expect(norm('阮阿公跤痛')).toBe('我们爷爷脚痛');
    expect(norm('奶奶摔了一跤，经常摔跤')).toBe('奶奶摔了一跤,经常摔跤');
    // living on, and going to find the one who died
    expect(norm('阮想想活落去無意思')).toBe('我们想想活下去没有意思');
    // 撑袂落去: cannot hold on any longer
    expect(norm('這幾工真正撐袂落去矣')).toContain('撑不下去');
    // this morning, this evening (今仔早, 今仔暗): today's, not some other time
    expect(norm('阮老爸今仔早起来喙歪一爿')).toContain('今天早上');
    expect(norm('阮欲去揣伊')).toBe('我们要去找他');
    // years counted in winters, and the time then: a stroke three years ago is in the past
    expect(norm('阮老爸三冬前中風，彼當時住院')).toBe('我们爸爸三年前中风,那时候住院');
    // a round number and more (七十外, 三十外年前): 二十多, 七十多
    expect(norm('阮老爸七十外矣，三十外年前開過刀')).toBe('我们爸爸七十多了,三十多年前开过刀');
  });

  it('reads Wu (Shanghainese)', () => {
    expect(norm('阿拉姆妈今朝勿发烧，胸口也勿痛')).toBe('我们姆妈今天不发烧,胸口也不痛');
    expect(norm('侬晓得伐，透析啥辰光排？')).toBe('你晓得吗,透析什么时候排?');
    expect(norm('阿拉勿晓得啥人排辰光')).toBe('我们不晓得谁排时间');
    expect(norm('伊拉勒拉忻州，药吃完了哪能办')).toBe('他们在忻州,药吃完了怎么办');
    expect(nlu.normalise('阿拉勒拉晋江').varieties).toEqual(['wuu']);
    // marked forms need a Wu word beside them: 勿 is Mandarin in 请勿, 额 in 额头
    expect(norm('请勿吸烟，额头有点烫')).toBe('请勿吸烟,额头有点烫');
    expect(norm('阿拉额头有眼烫')).toBe('我们额头有点烫');
  });

  it('reads Wu 侪 (all), and keeps Mandarin 同侪', () => {
    expect(norm('现在屋里人侪好好的，阿拉晓得了')).toBe('现在家里人都好好的,我们晓得了');
    expect(norm('同侪压力很大')).toBe('同侪压力很大');
    // 搭 (with) and 寻 (find): a person asked for
    expect(norm('阿拉好寻个真人搭我讲伐')).toBe('我们好找个真人跟我讲吗');
  });

  it('reads Wu 伐 before a word as 不 (伐好意思), and 夜里向, 日里向 as night and day', () => {
    expect(norm('伐好意思，阿拉是泉秀个')).toBe('不好意思,我们是泉秀个');
    expect(norm('日里向还好，夜里向咳得凶')).toBe('白天还好,夜里咳得凶');
  });

  it('reads Hakka: 𠊎 and its plurals, 仰般, 屋下, 去得唔得; Mandarin 怎么个 and 这么个 stay', () => {
    expect(norm('𠊎兜屋下人仰般办')).toBe('我们家里人怎么办');
    expect(nlu.normalise('𠊎係晉江人').varieties).toContain('hak');
    expect(norm('𠊎孙仔三岁，𠊎同佢去得唔得？')).toBe('我孙子3岁,我同他能不能去?');
    expect(norm('煤气中毒是怎么个样子，这么个情况')).toBe('煤气中毒是怎么个样子,这么个情况');
    expect(nlu.normalise('煤气中毒是怎么个样子').varieties).toEqual([]);
    // 爱 is to want only beside a Hakka word
    expect(norm('爱去哪里')).toBe('爱去哪里');
    expect(norm('𠊎爱去哪里')).toBe('我要去哪里');
  });

  it('reads Minnan 彼间 (that one), a clause-final 咧 as a particle and 閣来 (and the next)', () => {
    expect(norm('若是彼間嘛滿咧？')).toBe('若是那家也满了?');
    expect(norm('閣來呢')).toBe('再来呢');
    // 咧 before a verb is still 在
    expect(norm('阮老爸咧食药')).toBe('我们爸爸在吃药');
    expect(norm('彼此都好')).toBe('彼此都好');
  });

  it('reads Minnan 囥 (put away, hide), 儉 (save up) and 啉落去 beside a Minnan word, and leaves Mandarin 勤俭 alone', () => {
    expect(norm('伊共药囥佇柜仔内')).toContain('藏在');
    expect(norm('阮儉了真济药仔')).toContain('攒了');
    expect(norm('伊啉落去矣')).toContain('喝下去');
    expect(norm('勤俭持家')).toBe('勤俭持家');
  });

  it('reads Wu 勿 everywhere but in Mandarin set phrases, and its verb endings', () => {
    expect(norm('伊喘勿过气，坐也坐勿牢')).toBe('他喘不过气,坐也坐不住');
    expect(norm('请勿打扰')).toBe('请勿打扰');
  });

  it('reads Southwestern Mandarin (Sichuan, Chongqing, Guizhou, Yunnan)', () => {
    expect(norm('娃儿脑壳烫得很，咋个办')).toBe('孩子头烫得很,怎么办');
    expect(norm('我老汉屋头莫得药了')).toBe('我爸爸家里没有药了');
    expect(norm('我可不可以跟到一路去')).toBe('我可不可以跟着一起去');
    // marked forms need a Southwestern word beside them: 老汉 is an old man, 恼火 annoyed, in Mandarin
    expect(norm('这件事让老汉很恼火')).toBe('这件事让老汉很恼火');
    expect(nlu.normalise('咋个办嘛').varieties).toEqual(['swm']);
    // 活起 is being alive beside a Southwestern word (活起来 stays come to life); 做啥子 is 做什么, not Wu's 做啥 + 子
    expect(norm('一个人活起没得啥子意思')).toBe('一个人活着没有什么意思');
    expect(norm('屋头一下子就活起来了')).toBe('家里一下子就活起来了');
    expect(norm('你拿绳子做啥子')).toBe('你拿绳子做什么');
  });

  it('reads Jin (Shanxi: 忻州), keeping the Mandarin words that hold its forms', () => {
    expect(norm('俺婆姨夜来后晌就难活得不行')).toBe('俺老婆昨天下午就难受得不行');
    expect(norm('年时吃错过药，现在没甚不舒服')).toBe('去年吃错过药,现在没什么不舒服');
    expect(norm('中风了是甚样样儿的')).toBe('中风了是什么样的');
    // marked forms need a Jin word beside them; a Mandarin word holding one is kept whole
    expect(norm('过年时候甚至没回家')).toBe('过年时候甚至没回家');
    expect(norm('做甚去了，过年时候回来的')).toBe('干什么去了,过年时候回来的');
    expect(nlu.normalise('你做甚呢').varieties).toEqual(['jin']);
  });

  it('reads Minnan words for a child, a neighbour, falling ill and a son (囡仔, 厝边, 破病, 后生)', () => {
    expect(norm('厝边的囡仔破病，阮后生讲欲去病院')).toBe('邻居的小孩生病,我们儿子讲要去医院');
    // 后生 is a son only beside a Minnan word: young, in Mandarin
    expect(norm('后生可畏')).toBe('后生可畏');
  });

  it('reads internet slang for a word (神马 → 什么)', () => {
    expect(norm('要带神马证明')).toBe('要带什么证明');
    // a traditional 帳號 simplified character by character is 帐号: the mainland writes 账号
    expect(norm('帳號密碼交給室友')).toBe('账号密码交给室友');
  });

  it('reads Wu 交关辰光 (a long time) as a time, not 很 + 时间', () => {
    expect(norm('阿拉攒了交关辰光')).toBe('我们攒了很久');
  });

  it('reads Wu asking how long and whether one can (一趟好开几化辰光), and lying in bed (困勒床上)', () => {
    expect(norm('阿拉爷爷个药一趟好开几化辰光')).toBe('我们爷爷个药1次能开多长时间');
    expect(norm('阿拉外公困勒床上 医生好到屋里来伐')).toBe('我们外公卧床,医生能到家里来吗');
    // (a Mandarin 一趟, a trip, without a Wu marker)
    expect(norm('我去了一趟医院')).toBe('我去了一趟医院');
  });

  it('reads Minnan 耳空 (ear) and 敢有 (is there) beside a Minnan word', () => {
    expect(norm('阮耳空痛 社区敢有医生')).toBe('我们耳朵痛,社区有没有医生');
  });

  it("reads a handwriting pad's shape-alike where only one reading is a word (己经 → 已经)", () => {
    expect(norm('己经问过了 拔打了电话')).toBe('已经问过了,拨打了电话');
    expect(norm('他自己经常去')).toBe('他自己经常去');
    expect(norm('周末来不来')).toBe('周末来不来');
  });

  it('leaves Mandarin words alone, and marked forms without a marker', () => {
    expect(norm('几点开门？有点发烧，吃了食物')).toBe('几点开门?有点发烧,吃了食物');
    expect(norm('无发热')).toBe('无发热');
    expect(norm('阿妈')).toBe('阿妈');
  });

  it('reads one form by the variety its message is written in', () => {
    expect(norm('阿媽喺度')).toBe('妈妈在'); // Cantonese: mum
    expect(norm('阮阿媽佇厝')).toBe('我们奶奶在家'); // Minnan: grandma
  });
});
