// 如果 and 要是 opening a voice note's first clause suppose up to the question they lead to (如果…过敏 喘不上气 得咋办),
// as 万一 does — not when said loosely of what is so (如果不行的话, 如果可以), and never past a clause that tells what is so
// now (…我妈已经昏过去了…); a longing felt in the chest and said not to hurt, an anger someone caused (被…气的); "I'm so done" beside letters written;
// regret after many pills taken; a day settled said before it is named (我挑好的日子). Phrasings of our own.
import { ruleFlags, urgentFlags, urgentVerdict } from '../support/nlu';

describe('a loose supposing word opening its clause', () => {
  it.each([
    '如果打了疫苗以后起疹子 嗓子发紧 喘不动气 该咋办 还没打呢',
    '要是夜里娃烧到四十度 浑身抽 咋整',
    '要是说透析那天封着出不去 过了两天腿肿得老粗 憋气 找谁',
    '我姥姥在忻州一个人住 要是哪天楼给封了 她喘不上来气 得上哪家医院 先问清楚',
  ])('supposes up to its question: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it.each([
    ['如果不行的话 他胸口疼得厉害 满头大汗 怎么办', 'chest_pain'],
    ['如果可以 我爸现在胸口疼得厉害 满头大汗 怎么办', 'chest_pain'],
    ['要是你们不派车 我婆婆已经叫不醒了 咋整', 'unconscious'],
  ])('not said loosely, nor past what is so now: %s', (text, flag) => {
    expect(urgentFlags(text)).toContain(flag);
  });
});

describe('a longing felt in the body', () => {
  it('is a figure of the feeling, said not to hurt', () => {
    expect(urgentFlags('老伴走了三年了 一到过年想他想得胸口疼 倒不是真疼 社区能派人来陪着说说话不')).toEqual([]);
  });

  it('an anger someone caused, written with 的 for 得, is a figure too — not a sign told with 的 after it', () => {
    expect(urgentFlags('被我闺女气的喘不上气 她非要半夜出去 忻州管控区出门要找谁批')).toEqual([]);
    expect(ruleFlags('我妈喘不上气的样子吓人 嘴唇都紫了')).toContain('breathing');
  });

  it('a son a month away is no infant', () => {
    const concepts = urgentVerdict('儿子一个月才来看我一回 我血压有点高 家庭医生能上门不').mentions.map((m) => m.concept);
    expect(concepts).not.toContain('infant');
  });
});

describe('worn out past going on, in English', () => {
  it("beside letters written to family is a suicide risk", () => {
    expect(ruleFlags("honestly i'm so done. lockdown, no job since march. wrote letters to my dad and my brother and left them on the desk")).toContain('suicide');
  });

  it('alone it raises nothing', () => {
    expect(urgentFlags("i'm so done with this queue lol, when do the swab results come out")).toEqual([]);
  });
});

describe('many pills taken, then regret or a cry for help', () => {
  it('is an overdose', () => {
    expect(ruleFlags('晚上吃了好多药 我后悔了 不想死了')).toContain('suicide');
    expect(ruleFlags('我吃了很多药 救救我')).toContain('suicide');
  });

  it('not a treatment that did not work, regretted', () => {
    expect(ruleFlags('吃了好多药都不管用 后悔没早点去医院看')).toEqual([]);
  });
});

describe('a day settled, said before the day is named', () => {
  it('beside a goodbye is a plan', () => {
    expect(ruleFlags('过了元宵就是俺挑好的日子 存的钱分给俩孙子了')).toContain('suicide');
  });

  it('a wedding’s or a move’s is no plan', () => {
    expect(ruleFlags('婚礼选好的日子是五一 以后不用惦记了')).toEqual([]);
  });
});
