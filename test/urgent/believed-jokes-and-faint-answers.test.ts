// A joke others took it for is no joke the writer makes (他们还以为我在开玩笑); a call that gets hardly any answer (叫他都没啥应,
// Minnan 叫伊攏無啥應) is no answer; a suicidal thought denied, with nothing else said openly, shuts the class to the scorer.
// Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

describe('a joke believed by others', () => {
  it.each([
    '室友还当我是开玩笑，我把安眠药都攒好了，今晚就全吃了',
    '跟我妈说我不想活了，她以为我在开玩笑，药我已经攒了一瓶',
  ])('leaves the intent in force: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('is not the writer\'s own joke, which still laughs it off', () => {
    expect(ruleFlags('我说我要跳楼，开玩笑的，想问核酸点在哪')).toEqual([]);
  });
});

describe('a call with hardly any answer', () => {
  it.each([
    '阿公今仔日烧甲三十九度 叫伊攏無啥應 目睭半開半合',
    '我爸从早上就昏昏的，叫他都没啥反应，嘴唇有点紫',
  ])('is unresponsive: %s', (text) => {
    expect(ruleFlags(text)).toContain('unconscious');
  });

  it('is not a question that got no reply', () => {
    expect(ruleFlags('给社区打电话问了好几次，都没啥反应，药到底什么时候送来')).toEqual([]);
  });
});

describe('suicidal thought denied, and nothing else said openly (classes.yml intent_denied)', () => {
  const shut = (text: string, score: number): boolean => urgentVerdict(text).shut('suicide', score);

  it('shuts the class to the scorer, as a negated red flag would', () => {
    expect(shut('放疗不想做了，想了很久，不是想不开，就想在家安安稳稳地过', 0.5)).toBe(true);
  });

  it('leaves it to a scorer sure enough to overrule', () => {
    expect(shut('放疗不想做了，想了很久，不是想不开，就想在家安安稳稳地过', 0.75)).toBe(false);
  });

  it('does not shut it when a sign is said openly beside the denial', () => {
    expect(shut('我不是想不开，就是觉得活着没意思了', 0.5)).toBe(false);
  });
});
