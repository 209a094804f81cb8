// An everyday use of charcoal or a rope denied (我不吃火锅, 家里没人吃烧烤, "not for a bbq") leaves the means what it
// is; a purchase said in English ("I bought charcoal") is one. Affairs settled in English — debts paid off, savings
// sent on, borrowed things returned, a beneficiary changed — are a goodbye's acts, as in Chinese; a cut that "won't
// stop" is bleeding that will not stop. An English word is read whole (bb, a baby, is not in bbq; temp is not in
// template), its inflections aside. Cantonese 俾 and Wu 拨 are "give" (交咗俾楼下, 只猫交拨楼下阿姨). A lockdown to come
// or a session supposed is no dialysis missed; signs asked about (煤气中毒都有啥症状) and a stranger's story seen in a
// video are not a case. A window's guard taken off high up, a pet's food left for days beside another goodbye, a day
// chosen that no one is to talk the writer out of: a plan. A dog called 狗儿 handed on is the writer's goodbye, not the
// dog's case, and no animal is the subject of a goodbye or a letter (scope.yml person_only). A cut of one's own that goes
// on or brings relief is self-harm; pills wanted or saved to take in one go (够一次吃完的那种) are an overdose planned.
// Phrasings of our own.
import { ruleFlags, urgentFlags, urgentVerdict } from '../support/nlu';

/** The concepts the real detector finds in a message. */
const concepts = (t: string): string[] => urgentVerdict(t).mentions.map((m) => m.concept);

describe('an everyday use denied', () => {
  it.each([
    ['买了一包木炭和两卷胶带，屋里就我自己，我又不吃火锅'],
    ['炭买回来了，放在卧室，家里没人吃烧烤'],
    ['I bought charcoal this morning. not for a bbq.'],
  ])('leaves the means bought a means: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([
    ['买了炭，周末在阳台烧烤'],
    ['bought charcoal for the bbq this weekend, who is coming?'],
    ['Just bought charcoal for a hotpot party when the lockdown ends'],
  ])('an everyday use said still explains it: %s', (text) => {
    expect(urgentFlags(text)).not.toContain('suicide');
  });
});

describe('affairs settled, said in English', () => {
  it.each([
    ['nobody would even notice honestly. paid everything off, returned the books i borrowed, gave the plants away'],
    ['wrote letters for my sisters and paid off the credit card. feel oddly calm now'],
  ])('are a goodbye by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('finds each act as the Chinese one it is', () => {
    expect(concepts('I sent the rest of my savings to my brother')).toContain('farewell_weak');
    expect(concepts('Changed my insurance beneficiary to my sister last week')).toContain('farewell_weak');
    expect(concepts('paid off every small loan this month')).toContain('farewell_weak');
  });

  it('one act beside a wedding is no goodbye', () => {
    expect(urgentFlags('I paid off my car loan and changed my insurance beneficiary after the wedding. Where do I get a test?')).toEqual([]);
  });
});

describe('a cut that will not stop', () => {
  it("reads it won't stop after a cut made deeper as self-harm", () => {
    expect(ruleFlags("cut deeper than last time. it won't stop. it's fine")).toContain('suicide');
  });

  it("still reads blood that won't stop as bleeding", () => {
    expect(ruleFlags("cut my hand on a kitchen knife, very deep, the blood won't stop, pressing 20 min already")).toContain('bleeding');
  });
});

describe('English words read whole', () => {
  it('finds no baby in bbq and no fever in template', () => {
    expect(concepts('rooftop bbq tonight with the neighbours')).not.toContain('infant');
    expect(concepts('any template for a quarantine letter?')).not.toContain('fever');
  });

  it('still reads a word with its inflection (wasps)', () => {
    expect(concepts('allergic to wasps, if i got stung in lockdown is there adrenaline?')).toContain('allergen_more');
  });
});

describe('give, in Cantonese and Wu', () => {
  it.each([['我隻狗已經交咗俾隔籬陳生，以後都係佢養，我都唔使再諗咁多'], ['阿拉只狗交拨隔壁阿婆了，伊会待伊好额，我也放心了']])(
    'reads a pet handed on for good: %s',
    (text) => {
      expect(concepts(text)).toContain('farewell_weak');
    },
  );

  it('a will joked about (笑煞我了) is laughter', () => {
    expect(urgentFlags('阿拉老头子讲伊遗嘱写好了，象棋留拨我，笑煞我了')).toEqual([]);
  });
});

describe('no case', () => {
  it.each([
    ['我妈做透析的 这周照常做了 不喘也不肿 就是怕小区要封 封了以后透析去哪'],
    ['问一下 煤气中毒都有啥症状 俺家烧的罐装气'],
    ['刷手机看到个视频 说有个老头在家犯了心梗好几天才被发现 吓得我睡不着 我爸也一个人住 有没有上门的护士'],
  ])('%s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('a session supposed, or of people in general, is none missed', () => {
    for (const t of ['透析的人万一漏了一次 会出事不 网上说漏了要命 给我吓的', '想问下 透析的人要是漏了一回 会不会有危险 我舅每次都按时去'])
      expect(concepts(t)).not.toContain('missed_dialysis');
  });

  it('a session missed now still raises', () => {
    expect(ruleFlags('我爸透析的，封了三天没去透了，腿肿得老高，喘不上气')).toContain('dialysis_distress');
  });
});

describe('a plan made ready', () => {
  it.each([
    ['阳台的防护网我拆了，二十二楼，风好大'],
    ['跟自己定了个日子，下个月初，谁也别劝'],
    ['狗儿送给楼下婆婆了，说以后就是她的了，狗粮也给够了，我明天就不在了'],
  ])('%s', (text) => {
    expect(urgentFlags(text)).toContain('suicide');
  });

  it.each([['房东说阳台防护网拆了要换新的，物业什么时候来'], ['我要去方舱了，猫粮倒了一周的量，谁能帮忙喂一下，回来发红包']])(
    'not a guard replaced or a pet fed while away: %s',
    (text) => {
      expect(urgentFlags(text)).toEqual([]);
    },
  );
});

describe('a pet handed on and cutting that goes on', () => {
  it.each([
    ['我家那只猫以后就交给你啦，猫砂罐头都囤好了'],
    ['我的猫请帮我照顾，我要走了，不会再回来了'],
  ])('a goodbye that hands on a pet is the writer\'s, not the animal\'s: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('a goodbye after an animal\'s word is still the writer\'s (an animal leaves no letter)', () => {
    expect(ruleFlags('给我家狗倒了一个星期的狗粮和水，留了张纸条让我姐接着养。回不去了，也不想回了')).toContain('suicide');
  });

  it('a door left open, keys under the mat and "you will see tomorrow" are a goodbye together', () => {
    expect(ruleFlags('都弄好了 钥匙放在门口脚垫底下了 门也没锁 明天来就知道了')).toContain('suicide');
    expect(urgentFlags('快递放门口就行 门没锁')).not.toContain('suicide');
  });

  it.each([['宿舍里睡不着 每晚拿小刀划大腿 已经有点发炎了 我还在继续划'], ['心里堵得慌 又划了两刀 感觉好多了']])('a cut of one\'s own that goes on or brings relief: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([['切菜划了手，划了一刀，包上了感觉好点了'], ['我要去方舱了 猫麻烦帮我喂几天 钥匙在门口']])('not a kitchen cut or a cat fed while away: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('pills for one go', () => {
  it.each([['药店一次能卖多少片安眠药 想多囤点 够一次吃完的那种'], ['这阵子陆续攒了三十多片助眠的药，想一次解决']])('%s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([['这包中药一次吃完吗 还是分两次'], ['降压药和挂号的问题能不能一次解决']])('not a dose asked about or a matter settled: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

