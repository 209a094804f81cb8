// Topic answers: a procedure the notice writes for other people than the one asking is given, said to be theirs.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('topic answers', () => {
  it("gives a procedure written for other people, saying whose it is, rather than nothing (忻州's transport asked from home isolation)", () => {
    const chat = talk(core);
    chat.say('忻州定襄县，我们在居家隔离，我妈要去医院看病');
    const reply = textOf(chat.say('看完病谁送我们回来，家里没车'));
    expect(reply).toMatch(/通告写的是.*封控区.*的安排/);
    expect(reply).toContain('专用转运车');
    expect(reply).not.toContain('没有提到这方面的信息');
  });

  it('reads a ride home asked in English (no car, taxis) as transport', () => {
    const chat = talk(core);
    chat.say('We live in Xinfu District, Xinzhou, controlled area. My father needs his dialysis, which hospital?');
    expect(textOf(chat.say("After he's been seen, how do we get back? We have no car and there are no taxis."))).toContain('专用转运车');
  });
});
