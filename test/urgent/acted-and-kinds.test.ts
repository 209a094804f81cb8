// Signs that are nobody's now: a facility's name (发热哨点诊室), one acted or feigned (a sketch's old man playing a heart attack, 假装晕倒), one said of the
// kind of person someone is (偏瘫老人), a finger gone numb (no side of the body); and the emergencies beside them that
// still stand. Checked through the real NLU.
import { byRules, urgentFlags } from '../support/nlu';

describe('a sign acted or feigned', () => {
  it('is a performance, not a case', () => {
    expect(urgentFlags('春晚那个小品 老头演心脏病犯了倒地上 演得跟真的一样 把俺奶奶吓一跳 她没事 就是问心脏不好去哪个医院')).toEqual([]);
    expect(urgentFlags('我儿子为了不上网课假装晕倒，这种怎么办')).toEqual([]);
    expect(urgentFlags('韩剧里女主突然吐血昏迷，吓死我了，现实中这是什么病')).toEqual([]);
  });
  it('told on through a 后来 and a sentence, when the fiction is named after its story (编剧太狠了)', () => {
    expect(urgentFlags('刚追完那部剧 女主她妈在医院走了 她哭晕过去 后来还吞了一瓶药 编剧太狠了 我哭得稀里哗啦')).toEqual([]);
  });
  it('but not while one watches: the time of a case (看电视剧的时候, 追剧时) is no source', () => {
    expect(urgentFlags('追剧的时候我爸突然说话不清楚 嘴也歪了')).toContain('stroke');
    expect(urgentFlags('看新闻的时候我妈突然说胸口疼')).toContain('chest_pain');
    // (…nor a story told and then one's own pain after 后来, with no fiction named)
    expect(urgentFlags('听说隔壁老王心梗了，后来我自己也胸口疼得厉害')).toContain('chest_pain');
  });
  it('with the role played named between (演奶奶突然晕倒)', () => {
    expect(urgentFlags('话剧社排戏 我演奶奶突然晕倒 那段台词怎么念才自然')).toEqual([]);
    expect(urgentFlags('小品里他扮演一个老大爷突然中风 大家都笑了')).toEqual([]);
  });
  it('but a director or an actor who collapses is one', () => {
    byRules('我们剧组封在酒店，导演晕倒了叫不醒', 'unconscious');
    byRules('排练的时候演员突然倒地，现在没反应', 'unconscious');
    byRules('看演出的时候爷爷突然倒地了，叫不醒', 'unconscious');
  });
});

describe('a sign that says what kind of person someone is', () => {
  it('is who they are, not what is happening', () => {
    expect(urgentFlags('偏瘫老人封控区内看心脑血管病去哪家定点')).toEqual([]);
    expect(urgentFlags('家里有个中风老头，平时需要康复，社区能上门吗')).toEqual([]);
  });
  it('but what happens to them now still raises it', () => byRules('家里偏瘫老人刚才突然叫不醒', 'unconscious'));
});

describe('a finger or a toe gone numb', () => {
  it('is no side of the body', () => {
    expect(urgentFlags('右手小指头有点麻 揉揉就好 有看颈椎的吗')).toEqual([]);
    expect(urgentFlags('左手手指发麻好几天了')).toEqual([]);
    expect(urgentFlags('右脚大脚趾头麻木，是不是痛风')).toEqual([]);
  });
  it('but a hand or one side does', () => {
    byRules('我爸右手突然麻了抬不起来', 'stroke');
    byRules('我老公左边手脚突然麻了，手指头也麻', 'stroke');
  });
});

describe("a facility's name", () => {
  it('is no symptom: the fever sentinel clinic asked for beside a stiff neck', () =>
    expect(urgentFlags('我爸脖子硬 附近发热哨点在哪')).toEqual([]));
  it('but a stiff neck beside a fever said is one', () => byRules('我爸脖子硬 发烧39度 附近发热哨点在哪', 'stroke'));
});
