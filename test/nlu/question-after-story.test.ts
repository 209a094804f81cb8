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
