// Grief under lockdown: someone else's death (我爸走了以后) is a loss, not one's own goodbye; crying hard is a figure of
// speech; the dead said to wait for one, or one's own treatment given up, beside despair is intent.
import { realNlu, urgentFlags } from '../support/nlu';

const nlu = realNlu();
const flags = urgentFlags;

describe('grief', () => {
  it.each([
    ['我姑走了以后，姑父一个人在家，他的降压药快吃完了，去哪开'],
    ['外公走了之后外婆就睡不好，社区能不能上门看看'],
    ['奶奶走了，我妈天天哭，哭得都快背过气去了，她下周还要去化疗'],
    // the last sight of the dead denied (不让见最后一面) is grief, not one's own goodbye
    ['我爸是前年封控时走的，医院不让见最后一面，现在想起来眼泪就止不住，我的降压药在哪开'],
    // a heart heavy with grief, the person fine though (心口堵得慌，人倒是没啥事)
    ['后天是我妈三七，我晚上睡不着，心口堵得慌，人倒是没啥事，就是想问我爸的药怎么开'],
  ])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([
    ['我走了以后，你们要好好过日子'],
    ['老伴没了一个月了，透析往后我就不去了，活着也没啥奔头了'],
    ['他在那边等我呢，活着没盼头了，药也都停了'],
  ])('raises %s', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it('reads a rest someone says will do, after what they say it is (他讲是伤心的，坐一会儿就好), as a guess', () => {
    expect(flags('我妈在灵堂突然胸口闷得喘不过气，出冷汗，她说是伤心的，坐一会儿就好')).not.toEqual([]);
    // …but a rest that settled it is over
    expect(flags('我妈前天胸口闷了一下，坐了一会儿就好了，现在想问复查去哪')).toEqual([]);
  });

  it.each([
    // living said to mean nothing (活着也没啥意思), and a means kept for months — how long, not a past diagnosis
    ['老伴走了以后我一个人活着也没啥意思，想问社区能不能帮我把猫送人', '活着也没啥意思'],
    // …with 没有 written out (Southwestern 没得 is read so too)
    ['妈走了以后一个人活着没有什么意思了，想问社区医生能不能上门', '活着没有什么意思'],
    ['我把安眠药攒了好几个月了，活着没盼头了', '安眠药攒'],
    // a past time for the death, then what one thinks of living now (想想): the despair is now
    ['老伴去年走了，我一个人想想活下去也没意思，今晚就去找她', '活下去也没意思'],
  ])('raises %s by the rules, on %s', (text, words) => {
    const v = nlu.urgent.detect(nlu.normalise(text).text);
    expect(v.flags.map((f) => f.text).join(' ')).toContain(words);
  });

  it('reads nothing left in life to hold one (没有什么可留恋的) as despair, as 没什么好留恋', () => {
    const v = nlu.urgent.detect(nlu.normalise('老伴走了，活着没有什么可留恋的了，安眠药我攒了好几个月').text);
    expect(v.mentions.filter((m) => m.concept === 'hopeless').map((m) => m.text)).toEqual(['没有什么可留恋']);
    expect(v.flags.map((f) => f.id)).toEqual(['suicide']);
  });

  it('reads "from now on" (往后) after a past time as now', () => {
    const v = nlu.urgent.detect(nlu.normalise('以前都是老伴陪我去透析，往后我就不去了，活着没奔头了').text);
    expect(v.flags.map((f) => f.id)).toContain('suicide');
  });
});
