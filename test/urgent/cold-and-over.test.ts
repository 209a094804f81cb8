// A body gone cold with the mind slowing (the cold's stopped shivering no resolution of it); English plans made ready
// (a window in the room that opens wide, messages timed to reach the family, pills put aside instead of taken); a fever
// said down now, a pause in the snoring with the sleeper awake and well; a function failing (吞咽不行了) no typo of
// 叫不醒了. Checked through the real NLU.
import { byRules, urgentFlags } from '../support/nlu';

describe('a body gone cold, with the mind, the speech or the shivering going', () => {
  it('raises it in Chinese, whatever stopped shivering says', () => {
    byRules('锅炉停了两天 屋里零下 我姥爷躺床上身上冰凉 问他话说不利索 刚才还打哆嗦 这会也不哆嗦了 一个劲儿想睡', 'unconscious');
    byRules('值夜班的保安在岗亭里全身冰冷，叫他半天才应一声，反应很慢', 'unconscious');
  });
  it('raises it in English (cold to the touch is no cold caught)', () => {
    byRules('my uncle was outside clearing snow all night, his hands and face are ice cold to the touch and he keeps falling asleep', 'unconscious');
    byRules('Grandpa sat in the unheated stairwell for hours, he feels cold as ice and has stopped shivering', 'unconscious');
  });
  it('not cold hands, a chill gone after a bath, or a cold drink', () => {
    expect(urgentFlags('冬天一到手脚冰凉，吃点什么能好')).toEqual([]);
    expect(urgentFlags('昨天在外面冻得浑身冰凉，回家洗了个热水澡就好了')).toEqual([]);
    expect(urgentFlags('I drank an ice cold drink and now my throat is a bit sore')).toEqual([]);
  });
});

describe('plans made ready, said in English', () => {
  it('a window found to open wide beside messages timed to reach the family', () =>
    byRules('the window in my hotel room opens all the way, I have scheduled messages to my parents for the morning', 'suicide'));
  it('sleeping pills put aside instead of taken, beside tonight', () =>
    byRules('I was prescribed zopiclone in March and kept putting most of it aside instead of taking it, tonight I will have enough', 'suicide'));
  it('not a window that needs fixing, a birthday email or money put aside', () => {
    expect(urgentFlags('The window in my room is broken and lets the cold in, who fixes it?')).toEqual([]);
    expect(urgentFlags('I scheduled an email to my mum for her birthday because I work nights')).toEqual([]);
    expect(urgentFlags('I have been putting some of my salary aside for a new laptop')).toEqual([]);
  });
});

describe('over now', () => {
  it('a fever said down now', () => {
    expect(urgentFlags('BB兩個月大 琴晚發燒 而家退咗 醫生叫我哋去覆診')).toEqual([]);
    expect(urgentFlags('宝宝一个多月，早上有点发烧，现在退了，明天复查去哪')).toEqual([]);
  });
  it('a pause in the snoring, the sleeper awake and well', () =>
    expect(urgentFlags('我爸睡觉打鼾，打着打着就没气了，过一会儿又喘上来。他白天醒着好好的，想约个睡眠检查')).toEqual([]));
  it('but not a sign said with something else fine now', () => byRules('羊水破了，宝宝胎动现在好好的，要去哪家医院', 'labour'));
});

describe('a function failing is no typo of 叫不醒了', () => {
  it('not swallowing, legs or memory gone bad', () => {
    expect(urgentFlags('我妈吞咽不行了，医生说要下胃管，在哪做')).toEqual([]);
    expect(urgentFlags('老爷子腿脚不行了，复查能不能上门')).toEqual([]);
  });
  it('but someone not waking, or failing, is', () => byRules('我爸叫不醒了 人不行了', 'unconscious'));
});

describe('a place under the water is a flood, not a drowning', () => {
  it('not a road, a ground floor or the crops flooded', () => {
    expect(urgentFlags('下了一夜暴雨，出村的公路被水淹了，明天透析怎么去')).toEqual([]);
    expect(urgentFlags('我们楼一楼被水淹了，药都泡坏了，去哪开')).toEqual([]);
  });
  it('but a child pulled from the river is', () => byRules('小孩掉进河里被水淹了，刚捞上来，不喘气', 'unconscious'));
});
