// A particular the notice does not state (weekend or holiday opening, the daytime opening time) is said to be
// unstated, with what the notice does say and the numbers to ask; where the notice states it, nothing is added.
import type { Core } from '../../src/core/types';
import { parseDomain } from '../../src/answer/domain';
import { realCore, talk, textOf } from '../support/core';
import { loadRuleSet } from '../../src/rules/load';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('a particular the notice leaves unstated', () => {
  it.each([
    ['泉秀社区卫生服务中心礼拜天看不看病', /周末和节假日/],
    ['Is the Quanxiu community health centre open on Sundays?', /weekends or on holidays/],
    ['泉秀社区卫生服务中心早上几点开门', /白天几点开诊/],
  ])('"%s" says so, gives the stated hours and the numbers to call', (q, notice) => {
    const reply = textOf(talk(core).say(q));
    expect(reply).toMatch(notice);
    expect(reply).toContain('晚上9点');
    expect(reply).toContain('28220052');
  });

  it('as a follow-up about the hours just given', () => {
    const t = talk(core);
    expect(textOf(t.say('泉秀社区卫生服务中心晚上开到几点'))).toContain('晚上9点');
    const reply = textOf(t.say('过年开不开'));
    expect(reply).toMatch(/周末和节假日/);
    expect(reply).toContain('28220083');
  });

  it('the experts’ days, asked as a follow-up: unstated, with the experts the notice names', () => {
    const t = talk(core);
    expect(textOf(t.say('泉秀中心有没有呼吸科的专家'))).toContain('呼吸内科');
    const reply = textOf(t.say('礼拜几来'));
    expect(reply).toMatch(/哪天坐诊/);
    expect(reply).toContain('呼吸内科');
  });

  it.each([
    // (phrasings of our own: a fee, a wait, a street address, an appointment, a validity the notices never give)
    ['烟台芝罘区，发热哨点诊室看一次病要花多少钱', /没有写费用/],
    ['How much does the transfer car cost? Xinzhou, controlled zone', /does not say what it costs/],
    ['泉秀中心帮忙约CT的话要等多久才能做上', /没有写要等多久/],
    ['忻州封控区，忻州市第二人民医院具体地址在哪，我们放化疗要去', /没有写具体地址/],
    ['烟台福山，发热哨点诊室看病需要预约吗', /没有写是否需要预约/],
    ['忻州管控区，去医院要的核酸阴性证明有效期多久', /没有写有效期/],
  ])('"%s" says the particular is unstated, before what the notice does say', (q, notice) => {
    const reply = textOf(talk(core).say(q));
    expect(reply.split('\n')[0]).toMatch(notice);
    expect(reply.split('\n').length).toBeGreaterThan(2);
  });

  it('says a fee is unstated without words that read as a claim (不收费)', () => {
    expect(textOf(talk(core).say('忻州管控区，街道安排的专用转运车要不要钱'))).not.toContain('不收费');
  });

  it('a particular the answer states gets no such line (泉秀\'s address, its home nurses\' fees)', () => {
    expect(textOf(talk(core).say('泉秀社区卫生服务中心具体地址在哪'))).not.toMatch(/没有写/);
    expect(textOf(talk(core).say('泉秀的上门护理怎么收费'))).not.toMatch(/没有写费用/);
  });

  it('an hours question about what the notice states gets no such line', () => {
    expect(textOf(talk(core).say('泉秀社区卫生服务中心晚上开到几点'))).not.toMatch(/没有写/);
  });
});

describe('answers.yml particulars', () => {
  const rules = loadRuleSet(join(__dirname, '../../rules'));
  const file = join(__dirname, '../../intents/domain/answers.yml');
  it('refuses a particular of an unknown topic, naming where', () => {
    const text = readFileSync(file, 'utf8').replace(/(particulars:\n  - id: weekend\n    topic: )hours/, '$1opening_hours');
    expect(() => parseDomain(file, text, rules.vocabulary)).toThrow(/particulars\[0\]\.topic: unknown topic "opening_hours"/);
  });
});

describe('a topic the notice is silent on', () => {
  it('is said to be missing before anything the words find besides (晋江 has no companion rule)', () => {
    const reply = textOf(talk(core).say('晋江封控区的老人去医院看病，家属可以陪同吗'));
    expect(reply.split('\n')[0]).toMatch(/晋江市的通告没有提到/);
    expect(reply).not.toMatch(/48小时|过渡病房/);
  });
});

describe('a silent topic beside a named care', () => {
  it('gives where to go for that care after saying the topic is missing', () => {
    const reply = textOf(talk(core).say('晋江管控区，宝宝8个月要看病，家长能陪几个人'));
    expect(reply.split('\n')[0]).toMatch(/晋江市的通告没有提到/);
    expect(reply).toContain('晋江市医院');
  });
});

describe('a care whose rule says where it must be seen', () => {
  it('a fever beside another question gets the fever rule (泉秀: the fever clinics of level-2 hospitals)', () => {
    const reply = textOf(talk(core).say('泉秀这边 孩子低烧38度 社区中心晚上开到几点 能带去看吗'));
    expect(reply).toContain('晚上9点');
    expect(reply).toMatch(/发热病人按规定须到有设置发热门诊的二级及以上医院/);
  });

  it('is said once where the answer already gives it', () => {
    const reply = textOf(talk(core).say('泉秀发烧了去哪看'));
    expect(reply.split('发热病人按规定').length).toBe(2);
  });

  it('says a notice silent on what is asked is silent on it before giving who handles it (烟台: medicines → the family doctors)', () => {
    const reply = textOf(talk(core).say('烟台芝罘区的，降压药快吃完了，一次能开几个月的'));
    expect(reply).toContain('没有写这件事的具体安排');
    expect(reply).toContain('家庭医生');
    // where the notice states it (晋江: 12 weeks), nothing is said to be missing
    expect(textOf(talk(core).say('晋江的，降压药快吃完了，一次能开几个月的'))).not.toContain('没有写这件事');
  });
});

