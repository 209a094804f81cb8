// Short follow-ups that name no subject ask about what the last answer said: its fees, its contact, its hours.
// Phrasings here are not the evaluation sets' own.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

const HOME_NURSING = '泉秀这边有护士能上门给卧床老人护理吗';

describe('a follow-up about the last answer', () => {
  it.each(['费用呢？', '咋收费', '要钱吗', 'what does it cost?'])('"%s" after home nursing gives its fees, not the whole service again', (q) => {
    const t = talk(core);
    expect(textOf(t.say(HOME_NURSING))).toContain('13559522818');
    const reply = textOf(t.say(q));
    expect(reply).toContain('二甲');
    expect(reply).not.toContain('口腔护理');
  });

  it.each(['电话多少', '联系谁', 'who should I phone?'])('"%s" after the special-disease terms gives the contact for them', (q) => {
    const t = talk(core);
    expect(textOf(t.say('泉秀社区中心办了门特的慢病病人能多报销吗'))).toContain('报销');
    const reply = textOf(t.say(q));
    expect(reply).toContain('18065225268');
    expect(reply).not.toContain('13559522818');
  });

  it.each(['那个人电话再发一下 我存一下', '他手机号再给我发一遍 麻烦了'])('"%s": an aside beside a follow-up (我存一下, 麻烦了) does not make it a new question', (q) => {
    const t = talk(core);
    expect(textOf(t.say('泉秀社区中心办了门特的慢病病人能多报销吗'))).toContain('报销');
    expect(textOf(t.say(q))).toContain('18065225268');
  });

  it('"晚上开吗" after the departments gives the facility hours', () => {
    const t = talk(core);
    expect(textOf(t.say('泉秀社区卫生服务中心有哪些科室'))).toContain('盆底康复室');
    expect(textOf(t.say('晚上开吗'))).toMatch(/晚上9点/);
  });

  it('a chain of follow-ups keeps the subject', () => {
    const t = talk(core);
    t.say(HOME_NURSING);
    expect(textOf(t.say('怎么收费'))).toContain('二甲');
    expect(textOf(t.say('找谁'))).toContain('13559522818');
  });

  it('thanks is thanks, and a new subject is answered as asked', () => {
    const t = talk(core);
    t.say(HOME_NURSING);
    expect(t.say('谢谢')?.intent).toBe('thanks');
    const reply = textOf(t.say('康复治疗找谁'));
    expect(reply).toContain('13067022719');
  });

  it('a change of locality drops the subject', () => {
    const t = talk(core);
    t.say(HOME_NURSING);
    t.say('我现在在忻州');
    expect(textOf(t.say('找谁'))).not.toContain('13559522818');
  });
});

describe('a follow-up about the number just given', () => {
  it.each(['那这个号晚上有人接吗', '晚上有人接吗', 'does that number answer at night?'])('"%s" gives that number again, and says the notice does not say when it is answered', (q) => {
    const t = talk(core);
    expect(textOf(t.say('忻州这边看病有问题打哪个电话'))).toContain('0350-3301599');
    const reply = textOf(t.say(q));
    expect(reply).toContain('0350-3301599');
    expect(reply).toMatch(/通告没有写这个电话几点有人接|does not say when this line is answered/);
  });
});

describe('short questions the classifier cannot place', () => {
  it('a character of the last steps (谁负责报 → 报告) gives those steps again', () => {
    const t = talk(core);
    t.say('晋江隔离酒店里的人要做的治疗本地没有开展，怎么办');
    expect(textOf(t.say('谁负责报'))).toContain('医政科');
  });
  it('asked for the details (具体是怎么…), every step of what was said, not only the steps with its characters', () => {
    const t = talk(core);
    t.say('农村那个方案 城市里的医院怎么支援县里');
    const reply = textOf(t.say('具体是怎么支援的'));
    expect(reply).toMatch(/巡诊|派驻|远程/);
  });
  it('a topic cue alone (咋过去) is that topic’s question', () => {
    const t = talk(core);
    t.say('忻州封控区透析去哪家医院');
    expect(textOf(t.say('咋过去'))).toContain('转运车');
  });
  it('the notice itself (哪个部门发的)', () => {
    const t = talk(core);
    t.say('我在忻州');
    expect(textOf(t.say('哪个部门发的'))).toContain('领导小组办公室');
  });
  it('"急诊的呢" asks the last question about 急诊', () => {
    const t = talk(core);
    t.say('忻州封控区的人没有核酸证明，到医院能直接住院吗');
    expect(textOf(t.say('急诊的呢'))).toContain('过渡病房');
  });
  it('"收不下呢" and "没办法收" ask for the next hospital, as 满了 does', () => {
    for (const full of ['那边收不下呢', '要是那家没办法收呢']) {
      const t = talk(core);
      t.say('晋江密接孕妇去哪家医院');
      expect(textOf(t.say(full))).toContain('按顺序启用下一家');
    }
  });
  it('past the end of the backups: what the notice says happens then', () => {
    const t = talk(core);
    t.say('晋江密接孕妇去哪家医院');
    t.say('满了呢');
    t.say('还满呢');
    t.say('还满呢');
    expect(textOf(t.say('都满了呢'))).toContain('其他医院');
  });
  it('walks the backups in English too ("and if that one is full too?"), and a sorry for the many questions is no alarm', () => {
    const t = talk(core);
    t.say('My wife is pregnant, close contact, in Jinjiang. Which hospital?');
    expect(textOf(t.say('what if it is full?'))).toContain('晋江市医院经济开发区院区');
    expect(textOf(t.say('and if that one is full too?'))).toContain('东石中心卫生院');
    const last = t.say('ok and the next one? sorry for so many questions');
    expect(textOf(last)).toContain('内坑镇卫生院');
    expect(last?.urgent).toBe(false);
  });
  it('a number no notice lists is said not to be a medical contact before the locality is known', () => {
    const t = talk(core);
    expect(textOf(t.say('网上看到一个12399，是看病的热线吗'))).toContain('不是就医咨询电话');
  });

  it("a resident's word for another subject (症状轻的呢 after the severe cases) asks about it, not about the last answer", () => {
    const t = talk(core);
    expect(textOf(t.say('乡下重症患者一般送哪治疗'))).toMatch(/县级医院|重症救治/);
    expect(textOf(t.say('那症状轻的呢'))).toMatch(/居家治疗|乡镇卫生院/);
  });
});

describe('where to go, asked again after an answer', () => {
  it.each(['那救护车会把她送到哪家医院', 'so which hospital will they take her to?'])('"%s" after the isolation procedure names the hospital, not the transport alone', (q) => {
    const t = talk(core);
    expect(textOf(t.say('晋江 我婆婆在隔离酒店 万一要看病怎么弄'))).toContain('晋江市医院');
    expect(textOf(t.say(q))).toContain('晋江市医院');
  });
});
