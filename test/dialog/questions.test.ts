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

  it('ends a question at the comma after a clause that asks, what was said before it in its sentence its context', () => {
    // (voice typing's pauses are commas once normalised; 还是 asks a choice)
    expect(questionsOf('救护车到了,去市医院还是妇幼,我们是封控区的,到了跟医生说什么', domain)).toEqual(['救护车到了,去市医院还是妇幼,', '我们是封控区的,到了跟医生说什么']);
    expect(questionsOf('我在封控区,要做透析,去哪家医院?', domain)).toEqual([]);
    // (还是 asks a choice after a verb of going or choosing, or opening the clause after a question — not "still")
    expect(questionsOf('孩子体检社区能做吗,还是要去大医院', domain)).toEqual(['孩子体检社区能做吗,', '还是要去大医院']);
    expect(questionsOf('我妈脑梗一年多了,左手还是使不上劲,康复去哪做?', domain)).toEqual([]);
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

  it('does not say again an answer whose lines are all given, nor the line that would introduce them', () => {
    const route = { title: '就诊流程', steps: ['封(管)控区内有医疗需求的人员与网格员联系。'] };
    const main = plan('online_care', [say('x', { text: '鼓励线上问诊' }), route]);
    const silent = plan('chronic_care', [say('topic_missing', { locality: '忻州市' }), route]);
    expect(withAnswers(main, [silent]).lines).toEqual(main.lines);
    // …and one that adds something keeps its introduction
    const more = plan('chronic_care', [say('topic_missing', { locality: '忻州市' }), route, say('x', { text: '处方用量延长至12周' })]);
    expect(withAnswers(main, [more]).lines).toEqual([...main.lines, say('topic_missing', { locality: '忻州市' }), say('x', { text: '处方用量延长至12周' })]);
  });
});

describe('a reply to two questions', () => {
  it('after an emergency, a choice of hospitals and what to tell them, voice-typed: both answered', async () => {
    const core = await realCore();
    const t = talk(core);
    t.say('忻州封控区 我媳妇怀孕九个月 刚才破水了 肚子一阵一阵疼得厉害');
    const text = textOf(t.say('救护车到了 去人民医院还是妇幼 我们是封控区的 到了跟医生说什么'));
    expect(text).toContain('忻州市妇幼保健计划生育服务中心');
    expect(text).toContain('管控情况');
  });

  it('answers both: the prescription rule and the hospital for a child (晋江, 黄码)', async () => {
    const core = await realCore();
    const text = textOf(talk(core).say('晋江 我家黄码 高血压药只剩一周了 药一次能开多长时间？另外孩子有点低烧 万一要看医生 黄码的去哪家医院？'));
    expect(text).toContain('12周');
    expect(text).toContain('晋江市医院');
  });
});
