// Who sees to a need, asked in everyday words: who looks after or can teach a resident (the family doctors), who may
// go along to hospital, who arranges getting there, whom to ask for medicines where the notice names no number for
// them, going out when care at home will not do, and a treatment or test the city does not offer.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('who sees to it', () => {
  it('reads "有人能教教他吗" in 烟台 as a question for the family doctors', () => {
    expect(textOf(talk(core).say('烟台福山 我爸八十了 抗原也不会测 有人能教教他吗'))).toContain('家庭医生');
  });

  it('reads a person to ask or to talk to in 烟台 (村里能问谁, 想找个医生聊聊) as its family doctors, who consult online', () => {
    expect(textOf(talk(core).say('烟台牟平 家里老人腿上长了个疙瘩 不疼 也没变大 我们村里能问谁'))).toContain('家庭医生');
    expect(textOf(talk(core).say('烟台芝罘 封了一个月心里闷得慌 没啥想法 就是想找个医生聊聊'))).toContain('家庭医生');
  });

  it('reads medicine to be brought (把药给我捎过来) as a prescription question: the figure 烟台 gives of medicines taken to homes', () => {
    expect(textOf(talk(core).say('我在烟台 上个月阳过 早好了 现在按时吃降压药 还剩三天的量 家庭医生能不能把药给我捎过来'))).toContain('送医送药');
  });

  it('answers medicine to be brought, asked beside staying in, with who the notice says sees to a need (忻州: 网格员)', () => {
    const t = talk(core);
    t.say('忻州管控区 我爸有糖尿病 平时该去哪个医院看');
    const reply = textOf(t.say('我们不想出门 他的药能让人给送来吗'));
    expect(reply).toContain('互联网远程医疗');
    expect(reply).toContain('与网格员联系');
  });

  it('reads "有没有大夫帮着管管他" in 晋江 as the family doctors, whose care of chronic patients the notice names', () => {
    expect(textOf(talk(core).say('晋江 我爸的降压药快吃完了 平时有没有大夫帮着管管他'))).toContain('家庭医生团队');
    expect(textOf(talk(core).say('晋江的 我妈糖尿病好些年了 社区有没有大夫能定期管管她'))).toContain('家庭医生团队');
  });

  it('reads "是啥人在顾伊" (Minnan: who looks after him) as the same question', () => {
    // (answered in the traditional script the message is read in)
    expect(textOf(talk(core).say('阮老母蹛佇晋江 有血压高 平常时是啥人咧顾伊'))).toMatch(/家庭[医醫]生[团團][队隊]/);
  });

  it('reads someone going along (能跟一个人去吗, 领着去行不, 能跟我一起去吗) as the companion rules', () => {
    for (const text of ['忻州管控区 我爸要去医院复查 家里能跟一个人去吗', '忻州封控区 闺女下礼拜去医院 让她奶奶领着去行不', '忻州封控区 我要去透析 我老伴能跟我一起去吗'])
      expect(textOf(talk(core).say(text))).toContain('48小时');
  });

  it('reads "谁能帮着联系医院" in 烟台 as its assisted referral (协助转诊)', () => {
    expect(textOf(talk(core).say('烟台莱阳 我奶奶九十了 瘫在床上 真要住院的话谁能帮着联系医院'))).toContain('协助转诊');
  });

  it('answers "配药找谁问" in 忻州, which names no number for medicines, with its hotline and its way to any medical need (网格员)', () => {
    const reply = textOf(talk(core).say('忻州管控区 想配药 找谁问'));
    expect(reply).toContain('网格员');
    expect(reply).toContain('0350-3301599');
  });

  it('answers going out when online care will not do (非得出去看) with how to go out for care', () => {
    const c = talk(core);
    c.say('忻州封控区 我胃疼好几天了 能在网上看医生吗');
    expect(textOf(c.say('网上看不好的话 非得出去看呢'))).toContain('网格员');
  });

  it('answers a doctor asked to come home in 忻州, which names no home visits nor family doctors, with its route for any need (包片医务人员)', () => {
    expect(textOf(talk(core).say('忻州封控区 我妈瘫在床上 能请大夫到家里来看看吗'))).toContain('包片医务人员');
  });

  it('reads an attack supposed to come one day (万一哪天夜里犯了) as asking the emergency route: 120 and the grid worker', () => {
    const reply = textOf(talk(core).say('忻州封控区 我爸有哮喘 最近挺好 万一哪天夜里犯了 我们该先找谁'));
    expect(reply).toContain('120');
    expect(reply).toContain('网格员');
  });

  it('names a known group\'s hospital beside how to get there (黄码, "where can we take her"): the procedure takes them to it', () => {
    expect(textOf(talk(core).say('Our family is 黄码 in Jinjiang; my 2-year-old has had an ear infection for days and keeps crying. Where can we take her?'))).toContain('晋江市医院');
  });

  it('reads a test or treatment "这边查不了" or "nowhere in Jinjiang does" as one not offered locally: the 医政科 route', () => {
    expect(textOf(talk(core).say('晋江隔离点 我做完移植每月要验一项血 听说这边查不了 咋办'))).toContain('医政科');
    expect(textOf(talk(core).say("I'm isolating in Jinjiang and my specialist wants a bone scan, but nowhere in Jinjiang does that. What now?"))).toContain('医政科');
  });
});
