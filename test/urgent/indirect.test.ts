// Suicidal intent said indirectly, which no single concept names (the learned scorer's to find, trained on the
// indirect, crisis and despair families), and the everyday lines that share their words: a line that says goodbye
// for a trip, hands over keys for a shift, or cannot get through to an office is not a crisis. Phrasings of our
// own, written before the scorer was trained on those families.
import { urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('suicidal intent said indirectly', () => {
  it.each([
    // affairs settled and a goodbye, with nothing named
    ['猫我托给楼下阿姨了，银行卡密码写在本子上，以后你们不用管我了'],
    // a last night, said as one
    ['今晚是最后一晚了，这辈子谢谢你'],
    // Cantonese: not wanting to be a burden, the rope bought
    ['我唔想再拖累屋企，繩已經買咗'],
    // the pills counted, and a wish to sleep for good
    ['安眠药攒了一个月，够睡很久很久了'],
    // a friend's goodbye and silence
    ['我朋友半夜发了句“下辈子再见”，然后就联系不上了'],
    // a child left in someone's care for good
    ['孩子以后就托付给你了 我累了'],
  ])('%s → suicide', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([
    // keys handed over for a trip
    ['钥匙交给隔壁了，我出差一个礼拜，猫粮也留好了'],
    // an office that does not answer
    ['社区的电话一直打不通怎么办'],
    ['12345打了一上午都没人接，还有别的办法吗'],
    // someone out of reach, found safe
    ['刚才联系不上我爸，现在打通了，他没事'],
    // goodbye to a volunteer group
    ['隔离结束了，谢谢大家这段时间的照顾，以后有缘再见'],
    // hyperbole
    ['核酸排了两个小时，累死了'],
    // someone in the family left in a neighbour's care while the writer goes to hospital
    ['我要去医院陪护 家里老人我托付给邻居了 要带什么证明'],
    // an errand done, said with thanks (a known false alarm of the scorer until 1 December, fourth session)
    ['事情办好了，以后就不麻烦你们了，谢谢你'],
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

// …and said in English, or in Chinese the glosses carry it into: a wish to disappear for good, a handful of pills
// taken, a goodbye said as one. A child who swallowed a handful of something is a poisoning,
// and the epidemic wished gone is no one's wish to die.
describe('suicidal intent said plainly in other words', () => {
  it.each([
    ['I just want to disappear forever'],
    ['我只想永远消失'],
    ['I took a handful of pills'],
    ['this is goodbye, love you mum'],
  ])('%s → suicide', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it('reads a child who swallowed a handful of something as a poisoning, and the epidemic wished gone as nothing', () => {
    expect(flags('my toddler swallowed a handful of vitamins')).toEqual(['poisoning']);
    expect(flags('真希望疫情永远消失')).toEqual([]);
    expect(flags('I won\'t need the car after Friday, my brother is driving me to the clinic')).toEqual([]);
  });
});

// Known false alarms: the scorer gives these 0.20–0.21 for suicide, just over its threshold for a message with no
// red-flag concept (0.2). Raising that threshold for suicide to 0.25 clears them and loses urgent turns on clean
// conversation sets (holdout52's urgent recall 0.81 → 0.73), so they stay raised. `it.failing` passes while the
// alarm is raised: when a change clears one, this fails and the line goes back among the checks above.
describe('known false alarms of the scorer', () => {
  it.failing.each([
    ['今晚就是最后一场球赛了，好紧张'],
    ['儿子在抽烟，说了也不听'],
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
