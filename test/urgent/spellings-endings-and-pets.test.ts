// A question word written either way (没啥反应 as 没什么反应), a question's comma typed as a space that ends its
// sentence (…一般有啥症状呀 我家孩子…), a building's lift or power stopped that is no dialysis session stopped, a knock
// to the head said with a verb first (碰了头) or in English with a blood thinner, a call unanswered in dialect (喊他都不得应),
// a pet handed on with the writer at ease, or to go with an owner about to leave, an ending decided on a day, a degree
// said with 想死 (排到想死), life insurance asked about a death by one's own hand, an absence ahead in English. Phrasings
// of our own.
import { ruleFlags, urgentFlags, urgentVerdict } from '../support/nlu';

const concepts = (t: string): string[] => urgentVerdict(t).mentions.map((m) => m.concept);

describe('a question word written either way', () => {
  it('reads a word the data spells with 什么 when it is typed with 啥', () => {
    expect(ruleFlags('我爸倒在沙发上 喊了半天没啥反应')).toContain('unconscious');
  });
});

describe('a question closed by a space', () => {
  it.each([['问问 过敏性休克一般有啥症状呀 我家孩子昨天打完疫苗了'], ['请教一下 中风跟面瘫咋区分啊 我姥姥前年中过风 这两天挺好的']])('asks for knowledge, no case: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('still reads a case told after the question', () => {
    expect(urgentFlags('过敏性休克都啥症状呀 我儿子现在嗓子发紧 喘不上气 脸也肿了')).not.toEqual([]);
  });
});

describe("a building's lift, power or door", () => {
  it('is no dialysis session missed', () => {
    const text = '姥爷做透析隔天一次电梯停了下不去楼咋整';
    expect(concepts(text)).not.toContain('missed_dialysis');
    expect(urgentFlags(text)).toEqual([]);
  });

  it('leaves a centre closed and days without a session what they are', () => {
    expect(ruleFlags('透析中心被封了 我妈六天没做透析了 腿肿得老高 躺不下')).toContain('dialysis_distress');
  });
});

describe('a knock to the head', () => {
  it.each([
    ['姥姥吃着华法林 早上在卫生间碰了头'],
    ['Grandpa takes warfarin and he banged his forehead on the door this morning'],
    ['爷爷摔了一跤磕到头 现在老是问今天几号 问了好多遍'],
    ['我奶磕到头了 这会儿看着很困 说两句话就睡过去'],
  ])('with a blood thinner, asking again and again, or sleepy, is a head injury by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('head_injury');
  });

  it('heard in English with no answer from him is a fit', () => {
    expect(urgentFlags('my son is shaking all over, eyes going up, he can not answer me')).toContain('convulsion');
  });

  it('"very sleepy" alone is no sign', () => {
    expect(urgentFlags('我很困 想睡觉 最近老失眠')).toEqual([]);
  });
});

describe('heat stroke with no answer to a call', () => {
  it('is a collapse by the rules', () => {
    expect(ruleFlags('屋里太闷了 我爸中暑了 喊他都不得应')).toContain('unconscious');
  });
});

describe('a pet handed on', () => {
  it('with the writer at ease now is a goodbye', () => {
    expect(ruleFlags('把狗托付给对门大姐了，她人好，我也就放心了')).toContain('suicide');
  });

  it('for a trip is not', () => {
    expect(urgentFlags('下礼拜出差，狗托付给对门大姐了，我也放心了')).toEqual([]);
  });
});

describe('an ending decided', () => {
  it('on a day, nothing named that ends, is a plan', () => {
    expect(ruleFlags('下个月初五是我生日，我决定就在那天结束')).toContain('suicide');
  });

  it('of a quarantine is not', () => {
    expect(urgentFlags('我决定在那天结束隔离，回公司上班')).toEqual([]);
  });
});

describe('a height made ready, a jump or a sleep for tonight', () => {
  it.each([['阳台的防护栏我拆了 等天黑就从这儿'], ['行 知道了 我待会跳'], ['明早我不打算醒了 别叫我'], ['网上刚下单了两袋炭 晚上到']])('is a plan by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([['我今晚跳交谊舞 社区活动室开吗'], ['我待会跳绳 跳完去做核酸']])('a dance or a rope is no jump by the rules: %s', (text) => {
    expect(ruleFlags(text)).toEqual([]);
  });
});

describe('a frequency', () => {
  it('is no baby’s age', () => {
    expect(concepts('我爸透析一周两回 最近咳嗽')).not.toContain('young_infant');
  });
});

describe('想死 said of a degree', () => {
  it.each([['核酸队排到想死 腿都麻了'], ['食堂的饭难吃到想死 能点外卖不']])('is a figure of speech: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('in English', () => {
  it('life insurance asked about a death by one’s own hand is intent', () => {
    expect(ruleFlags('Does life insurance pay out if the person did it herself? Asking for my own policy.')).toContain('suicide');
  });

  it('an absence ahead beside things given away is a goodbye', () => {
    expect(ruleFlags("Gave away my books and my plants. I won't be here long anyway.")).toContain('suicide');
  });
});
