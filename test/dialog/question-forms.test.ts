// A question asked by its form, with no question word (能一次多开点不, 好了没, 有没有…): after a question waiting on a
// place, or after an emergency, the place given with such a question is that question's, not only the one waiting; and
// of the topics a message names, the one in the clause that asks is its question. Phrasings of our own.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';
import { questionsOf } from '../../src/dialog/questions';
import { data } from '../support/rules';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('a question asked by its ending', () => {
  it('after an emergency, a place given with a question of its own gets that question answered too', () => {
    const t = talk(core);
    expect(t.say('我爸胸口疼得厉害 一直出冷汗')?.urgent).toBe(true);
    const r = t.say('晋江的 他平时吃的降压药能多开点不');
    expect(textOf(r)).toMatch(/12周/);
    expect(textOf(r)).toMatch(/120/);
  });

  it('after a question waiting on a place, a new question so asked is the one answered', () => {
    const t = talk(core);
    expect(t.say('核酸报告几点能出来')?.ask).toBe('locality');
    expect(textOf(t.say('先不说那个 我在晋江 糖尿病的药一回多拿点中不'))).toMatch(/12周/);
  });

  it('a place and a statement that ends in 不 said of oneself asks nothing new', () => {
    const t = talk(core);
    expect(t.say('我爸胸口疼得厉害 一直出冷汗')?.urgent).toBe(true);
    expect(textOf(t.say('晋江的 我哪也不去 我也不'))).toMatch(/晋江市急诊流程|晋江/);
  });
});

describe('the clause that asks', () => {
  it('names the question when the classifier holds another only weakly (a daughter coming home is no transport question)', () => {
    const r = talk(core).say('我在晋江一个人住 闺女半年才回来一趟 有没有家庭医生能时常过来看看');
    expect(r?.intent).toBe('family_doctor');
  });
});

describe('the questions of a message', () => {
  it('ends a question at the comma after a clause that asks by its ending', () => {
    const { domain } = data();
    expect(questionsOf('降压药能多开点不，孩子发烧了去哪看', domain)).toEqual(['降压药能多开点不，', '孩子发烧了去哪看']);
  });
});
