// Two audiences compared: whether the notice designates the same hospitals for them is said first, then the
// hospitals, once when alike and for each when not. Phrasings here are not the evaluation sets' own.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('two audiences compared', () => {
  it.each(['忻州管控区的和封控区的透析是不是一样的医院', '忻州封控区跟管控区看病有区别吗', 'In Xinzhou, do sealed and controlled zone residents use different hospitals for dialysis?'])(
    '"%s": alike, said once for both',
    (q) => {
      const reply = textOf(talk(core).say(q));
      expect(reply).toMatch(/相同|the same hospitals/);
      expect(reply).toContain('忻州市人民医院');
      expect(reply.match(/忻州市人民医院/g)?.length).toBe(1);
    },
  );

  it('one audience with hospitals and one without: said to differ, with what the notice says for each', () => {
    const reply = textOf(talk(core).say('忻州防范区和封控区看病去的医院有什么不同'));
    expect(reply).toMatch(/不同/);
    expect(reply).toContain('就近');
    expect(reply).toContain('忻州市人民医院');
  });

  it('as a follow-up in the locality of the conversation', () => {
    const t = talk(core);
    expect(textOf(t.say('忻州发热了去哪家医院'))).toContain('忻州市人民医院');
    expect(textOf(t.say('那管控区和封控区一样吗'))).toMatch(/相同/);
  });

  it('two audiences without a comparison are not compared', () => {
    expect(textOf(talk(core).say('忻州封控区和管控区的透析去哪'))).not.toMatch(/相同|不同/);
  });
});
