// What the person says will settle it, said with more between (她还说没事，睡一觉就好了); another's pills eaten, said the
// passive way; a stash hidden and found days ago beside a keepsake given away; a fever told in days, a rash that will
// not fade, a red streak with a fever read off a number; the signs written in plainer words. Checked through the real
// NLU (see docs/urgent.md).
import { byRules, urgentFlags, urgentVerdict } from '../support/nlu';

describe('a resolution someone says will come, with what else they say between', () => {
  it.each([
    ['视频里看我妈说话舌头打卷，左手端不稳杯子，嘴也往一边歪，她还说没啥事，睡一觉就好了', 'stroke'],
    ['我婆婆的安眠药让我家三岁的吃了，少了三四片，公公说就几片，孩子吃了睡一觉就好了，可现在叫他都不怎么睁眼', 'poisoning'],
  ])('raises %s', (text, flag) => {
    expect(urgentFlags(text)).toContain(flag);
  });

  it('keeps a rest taken and over (歇了一会就好了) over', () => {
    expect(urgentFlags('我爸刚才胸口疼得厉害，歇了一会就好了')).toEqual([]);
  });
});

describe("another's pills eaten, said the passive way", () => {
  it('raises a child who ate them', () => byRules('外婆的降压药被我家两岁的吃了，数了一下少了五六片', 'poisoning'));
  it('not one\'s own medicine used up', () => {
    expect(urgentFlags('降压药让我给吃完了，封控了去哪开')).toEqual([]);
  });
});

describe('a stash hidden and found days ago, and a keepsake given away', () => {
  it('raises the two together', () => byRules('前天在我爸床底下翻到一瓶农药，他说是打虫子的，可家里早就不种地了，今天他把戴了几十年的手表摘下来给我', 'suicide'));
  it('not medicine put by against running out', () => {
    expect(urgentFlags('我妈床底下有一箱降压药，是她攒着防断药的，封控了还能开吗')).toEqual([]);
  });
});

describe('self-harm in plainer words', () => {
  it('raises cigarettes pressed to the arm', () => byRules('最近一难受就拿烟头往胳膊上摁，剪刀也搁在枕头边', 'suicide'));
});

describe('fever told in days, and readings without a unit', () => {
  it('raises a child feverish for days with a rash that will not fade', () => byRules('女儿烧了五天了，退了又烧，今天腿上起了好多小红点，按下去也不褪色', 'infant_fever'));
  it('raises a red streak up from a wound with a reading of 39.6 and shivering', () =>
    byRules("My dad's leg wound has a red line running up past the knee, he's at 39.6 and shivering under the blankets", 'sepsis'));
  it('not a blood sugar of that number', () => {
    expect(urgentFlags('血糖39.5是不是太高了')).not.toContain('sepsis');
  });
});

describe('a supposing that runs to its question (…该咋弄)', () => {
  it('answers with the safety line, no alarm', () => {
    const v = urgentVerdict('我爸八十多了一个人住，万一他夜里摔了，或者突然不行了，该咋弄');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
});

describe('a word of its own is no typo of a red flag', () => {
  it('新调到 is not 新跳 (心跳)', () => {
    expect(urgentFlags('新调到我们社区当网格员，社区卫生服务中心在哪条路')).toEqual([]);
  });
  it('摸不到新跳 still is', () => byRules('摸不到新跳了，我在按胸口', 'unconscious'));
});
