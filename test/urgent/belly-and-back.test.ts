// The belly's and the back's emergencies: the bowel blocked, a hernia that will not go back, a pain moved to the lower
// right, a late period's one-sided pain with fainting, a testicle suddenly painful, a tearing pain through to the back,
// and both legs gone numb with the bladder lost. Emergencies the concept rules hold without the scorer (the corpus has
// no lines of their own). Phrasings here are not the evaluation sets' own.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('a belly emergency', () => {
  it.each([
    // no stool and no wind for days, with a swollen belly or vomiting
    '我妈三天没大便了 也不放屁 肚子胀得像鼓一样 碰都不让碰',
    '爷爷好几天没拉屎，屁都不放，今天开始吐黄水',
    "grandad has not had a bowel movement for four days, no wind either, and he keeps vomiting",
    // a hernia that will not go back
    '老公腹股沟的包今天掉出来塞不回去了 疼得直冒汗',
    "my dad's hernia popped out this morning and it will not go back in",
    // a pain that moved to the lower right, with a fever or bent over
    '儿子肚脐周围疼了一晚上 早上挪到右下边了 走路都弯着',
    '肚子疼先是胃那块，后来跑到右下腹，现在烧38度2',
    // a late period, a one-sided pain and near fainting
    '例假推迟了十来天 今天右边小肚子疼 刚才上厕所眼前一黑',
    // a testicle suddenly painful
    '孩子半夜说一边蛋突然疼得厉害，还想吐',
  ])('%s → abdomen by the rules', (text) => {
    expect(ruleFlags(text)).toContain('abdomen');
  });

  it.each([
    // constipation with nothing else; a hernia that goes back; a question; a pain gone
    '老人便秘三天了 有没有开塞露送',
    '小肠气的包躺下就回去了，手术能等解封吗',
    '阑尾炎一般是不是疼到右下腹？挂什么科',
    '上周肚子疼转到右下，去医院查了没事，现在好了',
  ])('%s → no abdomen', (text) => {
    expect(urgentFlags(text)).not.toContain('abdomen');
  });
});

describe('a tearing pain through to the back', () => {
  it.each(['我爸高血压 突然胸口像被撕开一样疼 一直穿到后背', "sudden tearing pain in his chest going through to his back"])('%s → chest_pain by the rules', (text) => {
    expect(ruleFlags(text)).toContain('chest_pain');
  });
});

describe('both legs gone weak with the bladder lost', () => {
  it.each([
    '搬东西闪了腰 现在两条腿没知觉 尿不出来',
    '腰椎间盘突出十年了老毛病 今天双腿发麻无力 屁股周围也木了',
    "slipped disc, now both legs are numb and she wet herself without noticing",
  ])('%s → spinal_cord by the rules', (text) => {
    expect(ruleFlags(text)).toContain('spinal_cord');
  });

  it.each(['坐久了两条腿发麻，站起来走走就好了', '老人尿失禁，哪里能买到成人纸尿裤'])('%s → no spinal_cord', (text) => {
    expect(urgentFlags(text)).not.toContain('spinal_cord');
  });
});
