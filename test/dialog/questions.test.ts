// Two questions in one message: found one by one, and each answered in the same reply.
import { questionsOf, withAnswers } from '../../src/dialog/questions';
import { plan, say } from '../../src/answer/plan';
import { data } from '../support/rules';
import { realCore, talk, textOf } from '../support/core';

describe('the questions of a message', () => {
  const { domain } = data();

  it('splits at a question mark or a separator word, keeping only parts that ask', () => {
    // (the text as normalised: half-width punctuation)
    expect(questionsOf('药一次能开多久?另外孩子发烧了去哪家医院', domain)).toEqual(['药一次能开多久?', '另外孩子发烧了去哪家医院']);
    expect(questionsOf('what time does the clinic close tonight? also can they book me a scan at a bigger hospital?', domain)).toHaveLength(2);
  });

  it('gives none for one question, however long the message around it', () => {
    expect(questionsOf('我妈八十了，高血压好多年，一直在社区拿药。现在封了，药还剩三天。去哪开药？', domain)).toEqual([]);
    expect(questionsOf('晋江的透析去哪', domain)).toEqual([]);
  });

  it('adds what another answer says that is new, not a hospital already given for the same people and care', () => {
    const main = plan('designation', [say('designation', { audience: [], category: ['发热门诊', '婴幼儿诊疗'], facilities: ['晋江市医院'] })]);
    const again = plan('designation', [say('designation', { audience: [], category: ['婴幼儿诊疗'], facilities: ['晋江市医院'] })]);
    const other = plan('chronic_care', [say('x', { text: '处方用量延长至12周' })]);
    expect(withAnswers(main, [again, other]).lines).toEqual([...main.lines, ...other.lines]);
  });
});

describe('a reply to two questions', () => {
  it('answers both: the prescription rule and the hospital for a child (晋江, 黄码)', async () => {
    const core = await realCore();
    const text = textOf(talk(core).say('晋江 我家黄码 高血压药只剩一周了 药一次能开多长时间？另外孩子有点低烧 万一要看医生 黄码的去哪家医院？'));
    expect(text).toContain('12周');
    expect(text).toContain('晋江市医院');
  });
});
