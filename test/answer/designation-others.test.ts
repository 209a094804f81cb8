// What a designation answer adds beyond the hospitals: the notice's word to the audiences its designations leave
// out, and a place no notice covers said after another locality.
import { realCore, talk, textOf } from '../support/core';

describe('what the notice says to those its designations leave out', () => {
  it('no audience said: the designated dialysis hospital, then how ordinary dialysis patients are placed', async () => {
    const core = await realCore();
    const reply = textOf(talk(core).say('晋江磁灶这边，我舅舅是老透析病人，现在去哪里透'));
    expect(reply).toContain('磁灶');
    expect(reply).toContain('医共体');
  });

  it('a special target is told only their own designation', async () => {
    const core = await realCore();
    expect(textOf(talk(core).say('晋江密接要透析去哪'))).not.toContain('非特定透析对象');
  });
});

describe('a where-question for a care the notice designates nothing for', () => {
  it("a known group is given its hospital for general care beside what the notice says of that care", async () => {
    const core = await realCore();
    const reply = textOf(talk(core).say('晋江的，我是红码，糖尿病要复查，能去哪家医院'));
    expect(reply).toContain('晋江市医院');
    expect(reply).toContain('慢性病');
  });

  it('without a group, nothing is assumed for one', async () => {
    const core = await realCore();
    expect(textOf(talk(core).say('晋江糖尿病复查去哪家医院'))).not.toMatch(/红码|黄码/);
  });
});

describe('a covered place named only as over there', () => {
  it('beside the user\'s own uncovered place, the notice is not theirs (听说泉秀那边…我们这边)', async () => {
    const core = await realCore();
    const reply = textOf(talk(core).say('我们在泉州洛江区，听说泉秀那边有夜诊，我们这边社区医院晚上开吗'));
    expect(reply).toContain('洛江区');
    expect(reply).not.toContain('晚上9点');
  });
});

describe('a place no notice covers, said after another locality', () => {
  it('"我在武汉" after a Yantai question is told there is no notice for it', async () => {
    const core = await realCore();
    const t = talk(core);
    t.say('烟台龙口发烧去哪');
    const r = t.say('我在武汉，被封了去哪看病');
    expect(textOf(r)).toContain('武汉');
    expect(r?.ask).toBe('locality');
    expect(textOf(r)).not.toContain('哨点');
  });
});
