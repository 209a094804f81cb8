// What the words around a sign say of it: a story told since a past time that goes on until now (站了半天了), a
// choking patted out, the morning after a night's drinking, a chest said to be the mind's, a video's claim, a
// Minnan 好矣; and the signs of a stroke or a choking child in words the concepts had not read.
import { urgentFlags as flags } from '../support/nlu';

describe('signs read in the words around them', () => {
  it.each([
    // a past time at the start does not hold a story that has gone on until now
    ['上礼拜查出来那个病 俺没脸见人 在阳台上站了半天了 十八楼 风挺大 这辈子就这样吧 今晚就不麻烦大伙了', 'suicide'],
    ["My cat died on Monday and I've stopped seeing the point of anything. I've written notes for my sister and put the bottle of sleeping tablets by the bed. Tonight feels like the right time.", 'suicide'],
    ['我爸早上起来就天旋地转 一站起来就往左边倒 吐了好几回 说话舌头也大了 看东西他说是双的', 'stroke'],
    ["About 20 min ago the left side of my face went numb, then my left hand. I tried to text my wife and the words came out wrong. It hasn't gone away.", 'stroke'],
    ["My 2 year old was eating grapes and started coughing, now he's not making any sound at all, grabbing at his neck, face going from red to kind of blue.", 'breathing'],
    ['been throwing up since I drank about half the bottle of drain cleaner from under the sink. throat and stomach are burning.', 'poisoning'],
    // the jaw locked and the back arched in spasms, days after a rusty nail: tetanus
    ['我爸十来天前踩了个生锈的钉子 这两天说嘴张不开 今天脖子和后背一阵一阵地抽往后弓着 一有点响动就抽一下', 'convulsion'],
    // fear of water after a dog's bite, in Minnan
    ['阮翁一个月前予隔壁的狗咬着 无去拍针 这两工烧烧 今仔日看着水就惊 啉水喉咙就絚起来', 'rabies'],
    // the ambulance asked after, not said to have come: still happening
    ['我爸喘不上气了 救护车拉走了吗 怎么还没到', 'breathing'],
    ["I don't want to keep going anymore. I'm done with everything.", 'suicide'],
    // …but the same words after years of thanks are a goodbye; debts no lifetime can repay beside nothing left to live for
    ['这些年谢谢你们 我知道该怎么做了', 'suicide'],
    ['铺子赔光了 欠的这辈子也还不清 孩子跟她妈走了 今晚把门窗都关严实了', 'suicide'],
  ])('raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });

  it.each([
    '孩子刚才吃葡萄噎住了 脸憋得通红 我倒提着拍背拍出来了 现在哭声挺响 呼吸也顺了 小脸又红润了',
    '昨儿个跟哥们儿整了一斤半白的 今儿脑瓜子嗡嗡的 疼得跟要裂开似的 就是喝大了 吐完了舒坦多了 现在就是渴',
    '胸口一直堵得慌 不是身体的毛病 是心里憋的 一个人隔离二十多天了 就是想找个医生说说话',
    // a weight on the mind said with breathlessness's words (心里憋得慌); the wish to end a treatment said not to be despair
    '房贷断供三个月了 不是身体的事 就是心里憋得慌 泉秀有没有能聊聊的医生',
    '放疗我不打算做了 琢磨了好些天 不是想不开 就想安安稳稳过完剩下的日子 忻州有大夫能上门不',
    '刷到个视频说头疼加脖子硬就是脑膜炎，吓得我一宿没睡好。其实我就是有点感冒，脖子转来转去都挺好',
    '阮今仔早起无食糜就去菜市仔，行一半手软脚软，规身躯冷汗，紧食两粒糖仔，坐一下就好矣。阮有糖尿病',
    "I'm on warfarin for a heart valve. No bleeding, no odd bruises, feel fine. I'm just due my routine INR blood check.",
    'I put my glasses by the bed and went to sleep',
    // a claim about children in general, a claim read online, what a doctor said it was
    '孩子烧38.7 没抽 身子也不僵 叫她都应 就是有点蔫 听人说小孩发烧会抽筋 吓死我了',
    "My daughter's running 38.5 but she's bright. I read that kids can have fits with high fevers. If that ever happened, which hospital?",
    'Yesterday I fainted in the queue and twitched for a few seconds. Came round straight away, the doctor said it was a simple faint. Fine today.',
    // an app that does not answer, hands shaking with anger said to be no illness, a fit seen in the emergency room already
    '这破挂号小程序又抽风了 点半天没反应 气得俺手直哆嗦 不是病啊 就是来气',
    '上礼拜第一次抽搐 急诊看过了 说让我约个核磁查一下',
    // a father just home from hospital is no newborn
    '我爸肺炎发高烧住了一个月院 刚出院 腿没劲走不稳 社区中心能做康复吗',
    // (a condition checked at a follow-up visit is a known one: 复查心绞痛)
    '我舅舅在晋江集中隔离 今天在定点医院复查心绞痛 查完怎么回隔离点',
    // someone else's emergency already taken away by the ambulance, and the writer's own question after it
    '群里说3号楼有个大爷心梗了 被救护车接走了 吓死人 我们忻州这边发烧去哪看',
    '同事家孩子高烧抽搐，120接走了，我家孩子也在发烧，37度8，精神还行，烟台这边看发热去哪',
    "The guy next door collapsed this morning, the ambulance took him. We're in Yantai, where do we get a fever checked?",
    // an answer understood: what to do now known, not a decision made
    '明白了，我知道该怎么做了，谢谢你们',
    '懂了 知道该怎么做了 谢谢医生',
    // going out kept up, in the cold, is no going on with life
    "She's 80 and really doesn't want to keep going out for her insulin in this cold. Can the doctor give her more at once?",
  ])('raises nothing for %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
