// The notice named as where to look ("方案里有没有说…") is not what is asked: the answer is the facts the question
// asks for, not the notice's title (answers.yml `documentMentions`).
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('a question about what the notice says', () => {
  it.each([
    ['方案里有没有说 村医一天上门几次', /乡镇卫生院/],
    ['方案里有没有写 农村的退烧药发不发', /乡镇卫生院/],
    ['does it say in the plan who treats the severe cases in the countryside', /县级医院|重症救治/],
  ])('%s: the facts, not the title alone', (text, fact) => {
    const reply = textOf(talk(core).say(text));
    expect(reply).toMatch(fact);
    expect(reply).not.toContain('本地区依据的通告');
  });
  it('asking for the notice itself still gets it', () => {
    expect(textOf(talk(core).say('农村这个方案是哪个部门发的'))).toContain('提升农村地区医疗保障能力');
  });
});
