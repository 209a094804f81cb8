// The fact search leaves out what the message names that is not asked: its places, the notice named as where to look,
// and words that hold a cue but are something else (lexicon not_inside: 黄色的痰 is no clinic's yellow mark).
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('the fact search, beside a word that holds a cue but is something else', () => {
  it('does not look for the words of a colour of phlegm (黄色的痰 is no clinic\'s yellow mark)', () => {
    const reply = textOf(talk(core).say('孩子咳嗽有黄色的痰，烟台去哪看'));
    expect(reply).not.toMatch(/接诊量|“黄色”/);
    expect(reply).toContain('家庭医生');
  });
});

describe('the fact search, in the resident\'s plain words', () => {
  it.each(['孩子生完半年了，想做产后康复，泉秀社区中心有吗', '月子里落下漏尿的毛病，泉秀社区中心能做康复吗'])(
    'reads recovery after a birth and leaking urine as what the pelvic-floor room is for: %s',
    (q) => {
      expect(textOf(talk(core).say(q))).toContain('盆底康复室');
    },
  );

  it('reads what must be signed (签什么, 要签字) as the consent form the notice names', () => {
    expect(textOf(talk(core).say('晋江这边去定点医院做透析，到了要签字吗'))).toContain('知情同意书');
  });

  it('reads 在什么地方 as asking for the address beside another question', () => {
    expect(textOf(talk(core).say('泉秀社区卫生服务中心在什么地方呀 骨科能看扭伤吗'))).toContain('灯荣路29号');
  });
});
