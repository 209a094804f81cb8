// What someone says will settle it is no resolution; an earlier episode's end is not this one's; a wrong belief holds
// only its own words; a round reading with 多 after it is its tens; a medicine named for an illness is not the illness
// happening; "two weeks ago" is no baby's age; English "but" and "has been". Phrasings here are not the evaluation
// sets' own.
import { realNlu, urgentFlags } from '../support/nlu';

const scopesOf = (text: string, concept: string) => {
  const nlu = realNlu();
  const v = nlu.urgent.detect(nlu.normalise(text).text);
  return v.mentions.flatMap((m, i) => (m.concept === concept ? [v.scopes[i]] : []));
};

describe('a remedy someone says will do it', () => {
  it.each([
    '孙女刚吃果冻噎住了，咳不出来，嘴唇发紫，她奶奶说拍拍背就好了',
    '我爸胸口疼得厉害一直出冷汗，我妈觉得含片药就没事',
  ])('%s → urgent', (text) => {
    expect(urgentFlags(text).length).toBeGreaterThan(0);
  });

  it('…while a remedy said done still ends it (拍了拍背就好了)', () => {
    expect(urgentFlags('孙女刚才吃果冻噎住了，她奶奶说拍了拍背就好了，现在在玩')).toEqual([]);
  });
});

describe('an earlier episode named before the resolution', () => {
  it('reads 去年也这样过，吃了药就好了 as last year over, not this time', () => {
    expect(urgentFlags('我妈胸口疼了一个多小时，满头大汗，去年也这样过，吃了药就好了')).toContain('chest_pain');
  });

  it('…while a resolution said of the mention before it still ends it', () => {
    expect(urgentFlags('去年胸口疼过一回，吃了药就好了，想问复查去哪')).toEqual([]);
  });
});

describe('a belief that was wrong', () => {
  it('holds no further than its 了: what is told after it is so', () => {
    expect(urgentFlags('刚才量血氧才八十六我以为是夹子没夹好换了个手指又量还是八十六她人昏昏沉沉的喊也不怎么应')).not.toEqual([]);
  });

  it('…and the belief itself is no event (还以为是心梗，原来是胃疼)', () => {
    expect(urgentFlags('还以为是心梗，原来是胃疼，虚惊一场')).toEqual([]);
  });
});

describe('a round reading with an approximation after it', () => {
  it('is its tens: 血氧90多 is no low reading, 血氧80多 is', () => {
    expect(urgentFlags('我妈阳了，血氧90多，能吃能睡')).toEqual([]);
    expect(urgentFlags('我妈阳了，血氧80多，喘得厉害')).toContain('breathing');
  });
});

describe('a medicine named for an illness', () => {
  // (heart disease named as what someone has, or where it is seen asked right after it: no event)
  it.each(['我爸心脏病的药快没了，封着出不去', '老爷子心脏病的药只剩两天的了，去哪开', '我妈有心脏病，现在泉秀看心脏病去哪个医院', '晋江现在心脏病该挂哪家'])('%s → history, no alarm', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('…while the illness happening beside it still pages', () => {
    expect(urgentFlags('吃了心脏病的药还是胸口疼得厉害，出冷汗')).toContain('chest_pain');
    // (a heart attack said to be now, then where to go: an event)
    expect(urgentFlags('我爸现在心梗，去哪个医院')).toContain('chest_pain');
  });
});

describe('a span ago is no age', () => {
  it('reads 3周前 as a time, not a baby of three weeks', () => {
    expect(scopesOf('我姐3周前生了孩子，现在我自己发烧38度5', 'young_infant')).toEqual([]);
  });
});

describe('English', () => {
  it('"but" ends the clause of a past time; "has been" goes on', () => {
    expect(urgentFlags('she had the baby two days ago, all fine, but she has been bleeding heavily, soaking a pad every hour and feels faint')).toContain('bleeding');
  });

  it('…while "has been fine since" is over', () => {
    expect(urgentFlags('my husband fainted last week but has been fine since')).toEqual([]);
  });
});

describe('what the scope rules shut', () => {
  it('is the class of the mentions judged out of scope, not every class (a stroke years ago, a plan to die now)', () => {
    expect(urgentFlags('我老伴脑梗以后瘫了六年，都是我一个人伺候。要是我不在了谁管他？我这几天没吃饭，降压药也停了，敌敌畏在柜子里，等把他托付好我就喝')).toContain('suicide');
  });

  it('…while a class said only out of scope stays shut (脑梗三年了，现在恢复得挺好)', () => {
    expect(urgentFlags('我爸脑梗三年了，现在恢复得挺好，想问康复科在哪')).toEqual([]);
  });

  it('…and a homophone guessed out of scope shuts nothing (开治 is no 开指)', () => {
    const nlu = realNlu();
    const v = nlu.urgent.detect(nlu.normalise('想让家庭医生给我开治失眠的药，多开点').text);
    expect(v.mentions.some((m) => m.typo)).toBe(true);
    expect(v.shut('labour')).toBe(false);
  });
});
