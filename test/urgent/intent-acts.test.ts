// Suicidal intent shown by what is readied or said in passing, read by the concept rules alone: a life quit as a game
// is, a hook or a rope tested for a body's weight, a lonely bridge or shore chosen, insurance asked of one's own death,
// sleeping pills gathered until enough, sleep not to be woken from, the dead followed, one's absence sparing others,
// and what one's finder or one's people are told. Phrasings here are not the corpus's or the evaluation sets' own.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('suicidal intent shown by acts and asides, by the rules', () => {
  it.each([
    // a life quit as a game or an app
    '这个人生我打算 logout 了，别找',
    '地球 online 玩够了 准备删号',
    '今晚把自己卸载掉',
    // something to hang from tested for a body's weight
    '阳台那根横梁我试过了，吊得住',
    '买了根麻绳，拉了拉挺结实的',
    // a bridge or a shore chosen for no one being there
    '江边那段晚上最少人经过，我去看过好几回了',
    '那座大桥栏杆不高，半夜没人会看见',
    // insurance asked of one's own death
    '寿险受益人是我儿子，我要是自己出了事保险公司赔不赔',
    // sleeping pills gathered until enough
    '安眠药我一点点攒够了，放在床头',
    // medicine gathered from shop after shop, beside despair
    '跑了好几家药店凑够了，反正活着也没意思',
    // sleep not woken from, after medicine
    '药都吃了，这回不会再醒了',
    // the dead followed; one's absence sparing others
    '我妈过世半年了，我寻思也该去陪她了',
    '等我走了以后，他们日子会好过',
    // one's ashes, one's finder told not to be afraid
    '我的骨灰就撒到老家后山吧，活着太累了',
    '门没锁，明天你来到不要惊',
    // control said to be going, a blade in hand; an abbreviation of the net; a one-way trip to the ground below
    '快来人拦住我，刀就在我手上，我怕我控制不住自己',
    '这周想zs的念头越来越多',
    '买了张单程票，终点是楼下水泥地',
  ])('%s → suicide', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([
    // a rope for the boxes, a walk where it is quiet, an insurance question, pills bought for the lockdown
    '绳子挺结实的，搬家捆箱子用',
    '江边人少的地方可以去跑步吗',
    '意外险生效以后看病能报销吗',
    '安眠药在药店买到了，医生说一次吃半片',
    '降压药跑了三家药店才买齐，够吃一个月了',
    // a game quit, an account deleted
    '这个游戏我退游了，号也删了',
    // (家人生病: no life in 人生病)
    '家里人生病了，微信也下线了',
  ])('%s → no suicide', (text) => {
    expect(urgentFlags(text)).not.toContain('suicide');
  });
});
