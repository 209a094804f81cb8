// "那家满了呢": the backups of the care asked about, in the notice's order. Phrasings here are not the evaluation
// sets' own.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('backups asked for', () => {
  it('for a care the notice designates nothing for (阳了 in 晋江): the backups of general care, in order', () => {
    const t = talk(core);
    t.say('晋江管控区 我阳了 去哪看');
    const r = textOf(t.say('那家满了呢'));
    expect(r).toMatch(/现应前往 晋江市医院经济开发区院区/);
    expect(r).toMatch(/1\. 晋江市医院经济开发区院区、2\. 东石中心卫生院、3\. 内坑镇卫生院/);
  });
});
