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
