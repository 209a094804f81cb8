// A group of audiences asked what it means: the audiences of the group that the rule book names.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('what a group of audiences means', () => {
  it.each(['晋江说的特定对象是指什么人', 'In Jinjiang who do they mean by special targets?'])('"%s" lists its members', (q) => {
    const reply = textOf(talk(core).say(q));
    for (const member of [/密接|close contact/, /红码|red health code/, /隔离|isolation/]) expect(reply).toMatch(member);
    expect(reply).not.toContain('晋江市医院');
  });

  it('a group named without asking what it means is answered as usual', () => {
    expect(textOf(talk(core).say('晋江特定对象看病去哪'))).toContain('晋江市医院');
  });
});
