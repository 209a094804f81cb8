// The question after a story that asks nothing, opened by 问个事, 顺便问下, "quick question": its intent is read from
// the question alone, so the story's words (a workout, a meal, a scare) do not pull it to another intent. A story that
// itself asks something is read whole. Phrasings here are not the evaluation sets' own.
import { realNlu } from '../support/nlu';

const nlu = realNlu();
const intentOf = (text: string): string => nlu.analyse(text).intent.name;

describe('the question after a story', () => {
  it('is read on its own after an opener', () => {
    // (read whole, the hot pot made the first out of scope and the lost cat the second the care route)
    expect(intentOf('昨天吃火锅吃坏了肚子 拉了一晚上 今天好多了 顺便问下 忻州有没有咨询电话')).toBe('contact');
    expect(intentOf('家里猫跑丢了找了一天 累死 顺便问下 晋江封控区孕妇去哪家医院生')).toBe('designation');
  });

  it('is read on its own as the last sentence after a story told in sentences that ask nothing', () => {
    // (read whole, the sting and the clinic made them questions about the fever clinic and the care route)
    expect(intentOf('前天在菜地让马蜂蛰了一下 去卫生院打了一针 现在全消肿了。忻州这边的就医咨询电话是多少')).toBe('contact');
    expect(intentOf('上礼拜在地里让马蜂蛰了 去村卫生室打了针 两天就消了。我们海阳这边以后有事出不了村 找谁咨询')).toBe('contact');
    // (…but a short last sentence says too little alone)
    const short = '不好意思刚才说错了，我们小区是防范区，不是封控区。那还用去定点吗';
    expect(nlu.analyse(short).ranking).toEqual(nlu.model.score(nlu.prepare(short).features, 5));
  });

  it('in English too', () => {
    expect(intentOf('Did a long run today, legs are jelly, ate a huge pizza after. Quick question: which hospital in Jinjiang does dialysis?')).toBe('designation');
  });

  it('is not cut from a story that asks something itself, nor from a question that opens the message', () => {
    const asked = '封控区透析的病人去哪家医院 问一下 陪护的家属要做核酸吗';
    expect(nlu.analyse(asked).ranking).toEqual(nlu.model.score(nlu.prepare(asked).features, 5));
    const opened = '请问晋江的发热门诊是哪家医院';
    expect(nlu.analyse(opened).ranking).toEqual(nlu.model.score(nlu.prepare(opened).features, 5));
  });
});
