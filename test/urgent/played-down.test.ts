// An emergency played down: laughter beside a sign that came on or has lasted (哈哈, lol) laughs nothing off; what
// someone says a remedy will do, however long their saying (他奶奶说小孩烧成这样都正常 捂捂汗就好了), is no resolution;
// a plan to walk into the water is not taken back by a joke word after it; the savings' place and password told, the
// roof's wind felt beside despair, half a body burned or clothes stuck to a burn, a chest pressed and an ache into the
// jaw in English. And what is no case: a quiz that asks what to do once a sign has come, a story told on to the
// hospital, 还不行 (still no good) guessed as 喊不醒. Phrasings of our own.
import { ruleFlags, urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('laughter beside a sign that came on or has lasted', () => {
  it.each([
    ['lol my dad suddenly cannot lift his right arm and his face is drooping on one side, he says he is fine 😂', 'stroke'],
    ['我奶奶突然说话不清楚了 一边脸也歪了 她说没事没事 哈哈 要不要等明天', 'stroke'],
    ["lol my chest has felt crushed for like 40 minutes and I'm sweating buckets, probably just gas", 'chest_pain'],
  ])('raises %s', (text, id) => {
    expect(flags(text)).toContain(id);
  });

  it.each([['作业写到两点 不想活了哈哈 明天还有早课'], ['排队排了一个多小时 累得喘不过气 哈哈'], ['我今天突然好想吃火锅 哈哈']])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

describe('a remedy someone says will do', () => {
  it.each([
    ['刚才孩子浑身抽了一阵 现在叫不太醒 他爸说小孩子发烧都这么烧 多盖两床被子捂一捂就好了', 'convulsion'],
    ['我老伴刚才突然一头栽倒 叫他不应 他妈说老人家血压高都这样 掐掐人中就好了', 'unconscious'],
  ])('is no resolution, however long the saying: %s', (text, id) => {
    expect(flags(text)).toContain(id);
  });

  it('a remedy done is still a resolution', () => {
    expect(flags('昨天晚上胸口疼了一阵 吃了药就好了 想问问要不要复查')).toEqual([]);
  });
});

describe('a plan to walk into the water', () => {
  it.each([['今晚想去江边走走 走进去就不出来了 开玩笑的 别当真'], ['活着太累了 想去河边 走进去就不出来了']])('raises suicide for %s', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([['这条河的水很浅 孩子走进去也就到膝盖'], ['河边新开了个公园 走进去看看就出来了']])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

describe('arrangements and a place said beside despair', () => {
  it('the savings and their password told, then silence: the rules raise it, not the scorer alone', () => {
    expect(ruleFlags('妈发来语音说 存折在米缸底下 密码是我生日 然后手机就关机了 这是啥意思')).toContain('suicide');
  });

  it('a card and its password for the shopping', () => {
    expect(flags('存折在抽屉里，密码是你生日，明天去取两千块交学费')).toEqual([]);
  });

  it('the wind on the roof felt, beside being tired of living', () => {
    expect(flags('我是真活腻了 天台上风好大啊')).toContain('suicide');
  });

  it.each([['天台风好大 晒的被子被吹跑了'], ['活腻了这封控 天天吃泡面']])('does not raise %s', (text) => {
    expect(flags(text)).not.toContain('suicide');
  });
});

describe('a burn played down', () => {
  it.each([['煤气灶窜起火来 他半边身子都烫了 一直喊疼'], ['被开水烫了 衣服粘在皮上揭不下来']])('raises bleeding (a large or deep burn) for %s', (text) => {
    expect(flags(text)).toContain('bleeding');
  });

  it('clothes stuck with sweat are no burn', () => {
    expect(flags('天太热 衣服粘在皮上 难受死了')).toEqual([]);
  });
});

describe('chest signs in English', () => {
  it('a chest pressed and an ache up into the jaw', () => {
    expect(flags("Dad says it's nothing, just pressing on his chest now and then, the ache goes up to his jaw")).toContain('chest_pain');
  });

  it('a jaw sore from chewing', () => {
    expect(flags('my jaw hurts from chewing gum all day')).toEqual([]);
  });
});

describe('what is no case', () => {
  it.each([['考考你 癫痫发作了应该往嘴里塞东西吗'], ['隔壁阿姨摔倒了半天起不来 后来送到医院没大事 我妈也一个人住 能申请上门护理吗'], ['还不行呢 再换一家']])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([
    ['考考你 我老公抽搐了该怎么办', 'convulsion'],
    ['我老婆羊水破了该怎么办', 'labour'],
  ])('a case of one’s own is still raised: %s', (text, id) => {
    expect(flags(text)).toContain(id);
  });
});
