// Emergencies told plainly or in a dialect, which the concept rules did not know: breathless without 气 (喘袂过, 出不上气)
// and lips gone dark; a weight on the chest in English; a hand gone clumsy or speech gone thick; an old person hard to
// wake who has stopped eating; the mind going with a fever; a diabetic's acid blood; bleeding after a birth; black
// stool with fainting; a carbon-monoxide alarm; green vomit in a child; an allergen named in English; oxygen read in
// Chinese numerals. Each with a look-alike that must not page. Phrasings here are not the evaluation sets' own.
import { byRules, ruleFlags, urgentFlags } from '../support/nlu';

describe('breathing', () => {
  it('said without 气, in Minnan, Jin or Cantonese words, or lips gone dark', () => {
    byRules('阮阿母 规暝喘袂过来', 'breathing');
    byRules('我爷在炕上出不上气 咋办', 'breathing');
    byRules('老豆行两步就唞唔切气', 'breathing');
    byRules('我妈的嘴唇黑青黑青的', 'breathing');
  });

  it('is not a breathless night in Minnan that is over (昨暝…这马好势矣)', () => {
    expect(urgentFlags('阮阿母昨暝喘袂过来 这马好势矣 想问复诊去佗位')).toEqual([]);
  });

  it('is not busy work said that way', () => {
    expect(urgentFlags('工作多得喘不过来 想问下晋江这边核酸几点开始')).toEqual([]);
  });
});

describe('a weight on the chest', () => {
  it('in English, with a sweat or a spread', () => {
    byRules('my dad says there is heaviness in his chest and he is sweating buckets', 'chest_pain');
    byRules('heavy pressure on my chest for an hour, going into my left arm', 'chest_pain');
  });
});

describe('a stroke in plain words', () => {
  it('a hand gone clumsy with a sudden start, or speech gone thick', () => {
    byRules('我爸刚才左手突然不灵活了 筷子都夹不住', 'stroke');
    byRules('外婆说话舌头大了 像喝醉了一样', 'stroke');
  });

  it('is not a hand hurt in a fall long ago', () => {
    expect(ruleFlags('左手骨折过 现在还是有点不灵活 想约康复科')).not.toContain('stroke');
  });
});

describe('an old person', () => {
  it('hard to wake who has stopped eating or is hot', () => {
    byRules('奶奶八十七了 这两天老是睡不醒 饭一口不吃', 'sepsis');
    byRules('爷爷92岁 一直在睡 摸着身上有点烫', 'sepsis');
  });

  it('is not an old person who naps and eats', () => {
    expect(ruleFlags('爷爷九十了 中午一直在睡 吃饭挺香的 想开点降压药')).not.toContain('sepsis');
  });
});

describe('the mind going', () => {
  it('their own people not known with a fever, or nonsense talked with a fever', () => {
    byRules('我妈今天突然连我都不认识了', 'unconscious');
    byRules('阿公发烧 一直讲有的没的', 'unconscious');
  });

  it('things seen that are not there, with a fever, a sudden start or shaking chills (delirium)', () => {
    byRules('奶奶烧到三十九度 非说床底下有蛇 一直喊', 'unconscious');
    byRules('我爸今天突然说看见有人站在门口 可门口啥也没有', 'unconscious');
    byRules('老太太发烧打寒战 一直说房间里有小人', 'sepsis');
  });

  it('is not things seen in a long dementia with no fever, nor a child at play', () => {
    expect(ruleFlags('我妈痴呆好几年了 晚上老说屋里有人 白天就好 没发烧')).toEqual([]);
    expect(ruleFlags('孩子说看见床底下有小猫 可爱死了')).toEqual([]);
  });

  it('is not a long dementia asked about', () => {
    expect(ruleFlags('老年痴呆好几年了 连我都不认识 封控了怎么开药')).not.toContain('unconscious');
  });
});

describe("a diabetic's acid blood", () => {
  it('breathing deep and fast, a fruity breath or a sugar too high to read', () => {
    byRules('糖尿病的儿子呼吸又深又快 一直吐', 'unconscious');
    byRules('嘴里一股烂苹果味 吐了好几回 他有糖尿病', 'unconscious');
    byRules('血糖仪显示HI 一直吐', 'unconscious');
    byRules('血糖三十二 人迷迷糊糊的', 'unconscious');
  });

  it('is not a sugar asked about', () => {
    expect(ruleFlags('糖尿病人血糖多少算高')).toEqual([]);
  });
});

describe('bleeding', () => {
  it('after a birth with a soaking or fainting; black stool with fainting', () => {
    byRules('老婆刚生完三天 下面出血 垫子一会儿就湿透了', 'bleeding');
    byRules('拉出来的大便像沥青一样 人差点晕倒', 'bleeding');
  });

});

describe('a carbon-monoxide alarm, green vomit, an allergen in English', () => {
  it('sounding with someone sick', () => {
    byRules('一氧化碳报警器响了 我头疼想吐', 'poisoning');
  });

  it('a child vomiting green', () => {
    byRules('儿子5岁 肚子疼 吐出来是绿色的水', 'abdomen');
  });

  it('a nut or a shot, with a throat or lips swelling', () => {
    byRules('he took the new antibiotic an hour ago and his throat feels tight', 'allergy');
    byRules('got a shot at the clinic and now her lips are swelling', 'allergy');
  });

  it('is not an alarm tested', () => {
    expect(ruleFlags('一氧化碳报警器在哪买')).toEqual([]);
  });
});

describe('a reading in Chinese numerals', () => {
  it('is read as a number', () => {
    byRules('血氧八十三', 'breathing');
    byRules('老妈血氧才八十五', 'breathing');
  });

  it('is not a normal reading', () => {
    expect(ruleFlags('血氧九十八 挺好的')).toEqual([]);
  });
});
