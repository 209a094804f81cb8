// A stay in hospital or a department named with a where-question and no care named (俺爹得住院治疗，能去哪个定点医院):
// the user's group's hospitals for general care first, then what the topic says (domain `careTopics`). And a word that
// only frames a time (封控期间) finds no fact of its own (就医期间's hotline) in place of the procedure.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('where to go for a stay in hospital', () => {
  it.each([
    '忻州管控区，俺爹得住院治疗，能去哪个定点医院',
    '忻州封控区 我婆婆肝不好 要住院调理 去哪家',
  ])('%s: general care\'s hospitals, then admission', (text) => {
    const reply = textOf(talk(core).say(text));
    expect(reply).toContain('忻州市人民医院');
    expect(reply).toContain('忻州市中医医院');
    expect(reply).toMatch(/核酸/);
  });

  it('a care named keeps its own hospital (心衰 → cardio-cerebral), not general care\'s', () => {
    const reply = textOf(talk(core).say('忻州封控区 我妈心衰要住院 去哪家医院'));
    expect(reply).toContain('心脑血管疾病');
    expect(reply).not.toContain('忻州市中医医院');
  });

  it('admission asked without where to go: no hospital list', () => {
    const reply = textOf(talk(core).say('忻州封控区 住院前要做核酸吗'));
    expect(reply).toMatch(/核酸/);
    expect(reply).not.toContain('定点医院：');
  });
});

describe('a time frame is no fact', () => {
  it('封控期间…在哪能看, then the locality: the procedure through the grid worker, not the hotline alone', () => {
    const t = talk(core);
    t.say('封控期间心理门诊还开吗 我想去 在哪能看');
    const reply = textOf(t.say('忻州定襄'));
    expect(reply).toContain('网格员');
  });
});
