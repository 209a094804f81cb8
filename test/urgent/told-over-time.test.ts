// How long and how settled: a span of months told before the signs (这半年…说胡话) is the way things have been, a
// wish to die told over years never; 人没事 says the person is well; 说好了 is agreed, not better. And what the words
// had missed: peace promised after a dose laid out, a croup's bark likened to a dog's, a crush of hours, fever and
// shaking and nonsense in Wu, a tarry stool and things given away in Minnan, cutting oneself.
import { ruleFlags, urgentFlags as flags } from '../support/nlu';

describe('signs told over time, or settled', () => {
  it('reads a span of months before the signs as the way things have been, until the story turns to now', () => {
    expect(flags('我婆婆八十三了 老年痴呆五六年 这半年晚上基本不睡 半夜大喊大叫 说胡话 一直喊她早就不在了的妹妹的名字 白天倒头睡一整天 她没摔过也没伤着 吃喝还行')).toEqual([]);
    expect(flags('这几个月老是胸口疼,刚才疼得满头大汗')).toContain('chest_pain');
    expect(flags('这半年老是头晕,走路不稳,今天早上起来突然说不出话')).toContain('stroke');
    expect(flags('这半年一直胸闷,现在喘不上气了')).toContain('breathing');
  });

  it('never reads a wish to die or a goodbye told over months as history', () => {
    expect(flags('这半年一直觉得活着没意思 药都攒好了 今晚就不麻烦大家了')).toContain('suicide');
  });

  it('reads 人没事 as the person well, and 说好了 as agreed, not better', () => {
    expect(flags('昨晚睡死过去了 闹钟响了都没听见 早上那场透析错过了 人没事 不喘腿也不肿 我是密接在家隔离 今天还能去哪补透')).toEqual([]);
    expect(flags('车撞了一下 人没事 就是头一直流血止不住')).toContain('bleeding');
    expect(flags('我爸肺癌晚期在家里刚才一咳嗽咳出来一大口一大口的鲜血 已经接了小半盆了 还在往外冒 人脸色煞白 之前全家说好了最后不再去医院了 可是现在这样我好怕')).toContain('bleeding');
  });

  it('reads all along within a past time of its clause as that time (最后那阵子一直咳血), not as going on', () => {
    expect(flags('外公上个月走了 最后那段时间一直咳血 走得很受罪 现在想问外婆的降压药去哪开')).toEqual([]);
    expect(flags('前天开始一直咳血 今天更多了')).toContain('bleeding');
  });

  it('reads a reading taken again and found normal as over; 刚才还好好的 is no recovery', () => {
    expect(flags('刚刚指夹式血氧一下掉到87 我吓坏了 擦干手指重新夹了一次就正常了 不憋气 问下社区医生能上门吗')).toEqual([]);
    expect(flags('宝宝晚上量了38.9度 被子盖太厚了 掀开半小时再量就正常了 想问发热门诊几点开')).toEqual([]);
    expect(flags('我爸刚才还好好的 现在叫都叫不醒')).toContain('unconscious');
  });
});

describe('signs the concepts had not read', () => {
  it.each([
    // a cough like a little dog's bark (a likeness: no animal is the subject), the lips going dusky
    ['孩子半夜咳得跟小狗叫似的 吸气的时候喉咙呼呼响 嘴唇发乌', 'breathing'],
    // pinned under a weight for hours, and the urine gone dark after
    ['柜子倒下来压住了他的腿,压了一个多小时才搬开', 'crush'],
    ['房梁塌下来 我哥被压在下面 刚救出来 尿出来像酱油一样', 'crush'],
    ['he was trapped under the shelf for two hours, we just got him out', 'crush'],
    // Wu: talking nonsense, burning hot, shaking that will not stop, the blood pressure low
    ['阿拉爷爷前两天讲小便痛 今朝开始讲胡话 人烫得来 抖得停勿落', 'sepsis'],
    // Minnan: a stool black like tar, pale, dizzy on standing
    ['阮阿爸咧食化疗的药仔 今仔日放屎乌趖趖 亲像柏油 面色白恂恂 徛起来就头眩', 'bleeding'],
    // Minnan: medicines put away, a gold chain handed to a grandchild
    ['阮毋甘囝按呢拖磨 药仔阮收起来矣 金链仔提予查某孙矣', 'suicide'],
  ])('raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });

  it.each([
    // medicines laid out, and peace promised right after the dose
    '确诊十多年了 天天扎针 受够了 把冰箱里的胰岛素笔都拿出来摆好了 今晚一次推完就清净了 就是放心不下我的猫',
    // cutting oneself, and the cut that will not stop
    '心里难受的时候只有划自己才能静下来 今晚划深了 毛巾按着还是一直往外渗',
  ])('finds suicide by its rules in %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('reads peace promised only right after a dose: a quiet house after supper is none', () => {
    expect(ruleFlags('爸爸的药都摆好了 孩子吃完饭家里就清净了')).toEqual([]);
  });

  it.each([
    '我家小狗刚才抽搐 口吐白沫',
    '孩子压着我胳膊睡了两个小时 麻了',
    '墙角压住了电线 修了两个小时',
    '尿是浓茶色的 是不是上火了',
    '以前难受的时候会划自己 现在好多了 想问问疤痕能不能去掉',
    '护士说胰岛素要一次推完再停十秒',
    '我爸血压量了85/60 正常吗',
  ])('raises nothing for %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

describe('a denial beside despair said openly', () => {
  it.each(['我没有要自杀 只是觉得这辈子也就这样了 没什么盼头了 药我也不太想吃了', '我没想死 只是撑不下去了 什么都没意思'])(
    'is the scorer\'s to raise again at a high score: %s',
    (text) => {
      expect(flags(text)).toContain('suicide');
    },
  );

  it('leaves a denial with a plain question alone', () => {
    expect(flags('放心 我不会做傻事 就是封了一个月睡不好 想问问烟台有没有心理热线')).toEqual([]);
    expect(flags('别担心我没有想不开 老伴走了三个月 我就是吃不下饭 想问问忻州管控区哪能看中医')).toEqual([]);
  });
});
