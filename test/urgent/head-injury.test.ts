// A blow to the head is an emergency when a sign follows it — vomiting again and again, drowsiness, being lost in
// time or place, a fit, or a blood thinner — even when the blow was hours or days before.
import { realNlu, urgentFlags as flags } from '../support/nlu';

describe('head injury', () => {
  it.each([
    ['我爸下班路上摔了，头撞到台阶上，回家以后吐了两三次，一直想睡'],
    // days before, the signs now (an old person's slow bleed)
    ['奶奶前天在厕所滑倒后脑勺着地，这两天一直吐，叫醒了又睡过去'],
    ['孩子从床上掉下来磕到头了 问他在哪儿 他说不知道自己在哪'],
    // on a blood thinner, a blow alone
    ['我妈吃着利伐沙班 刚在厨房摔倒 脑门磕在桌角上'],
    ['My grandad fell in the bathroom and hit his head, he keeps vomiting and can\'t stay awake'],
    // more ways to say the blow: the forehead knocked, a helmet cracked, a fall from a height, a blood thinner by name
    ['婆婆在阳台滑了一下 额头碰到花盆上 她一直吃着抗血栓的药'],
    ['骑电瓶车摔了，头盔都裂了，回来吐了好几回'],
    ['工地上有人从高处坠落，问他什么都答不上来'],
    ['He bumped his head on the shelf an hour ago and he is on warfarin'],
    // …and more signs after it: pupils of two sizes, clear fluid from the nose, a headache getting worse, the same
    // question asked again and again, hard to keep awake
    ['老公撞到头以后，我看他两个瞳孔一大一小'],
    ['孩子摔到头以后鼻子一直流清水'],
    ['早上脑门磕在柜子上，下午头越来越疼'],
    ['我爸摔了一跤后脑勺着地，同一件事问了好几遍'],
    ['姐姐头磕在地上了 跟她说话反应很慢'],
    // the mark a knock left where it is (额角红了一块) on a blood thinner; vomiting counted; retching; walking into a
    // door and lost after it, in English
    ['外婆吃着利伐沙班，起夜的时候撞到衣柜门上了，额角红了一块'],
    ['儿子骑车摔了，后脑勺磕到了，回家以后呕吐了四次'],
    ['快递员摔车了，头盔都裂了，一直干呕'],
    ["He walked into a glass door yesterday, today he's confused and keeps asking what happened"],
  ])('%s → head_injury', (text) => {
    expect(flags(text)).toContain('head_injury');
  });

  it.each([
    // a bump with nothing after it; a blow with a sign that passed
    '孩子早上摔到头了 起了个包 现在玩得挺好 吃饭也正常',
    '上个月摔到头缝了三针 现在拆线了 想问社区能不能换药',
    // a knowledge question
    '老人摔到头以后吐了要不要紧？想提前了解一下',
    // asked while studying first aid; clear fluid from the nose with no blow
    '想学习一下家庭急救：老人跌倒撞头后什么情况下要打120？',
    '感冒三天了 鼻子一直流清水 想问发热门诊在哪',
    // a child asleep after crying (睡过去 is asleep, not over)
    '孩子额头碰到桌角 哭了一会儿睡过去了 醒了以后能吃能玩',
    // complaining several times (吐槽了好几次) is no vomiting; a flushed face (头有点红) no knock
    '他吐槽了好几次 头有点红了 是不是发烧了',
    // out for a moment long ago, well since
    '去年摔了一跤，当时晕了一下，现在好了，想问体检去哪',
    // an antibiotic injected (打了头孢) is no blow to the head; a fall with no sick after it
    '孩子打了头孢以后有点想吐，正常吗',
    '小孙子从沙发上翻下来了，哭了两声，现在在玩积木',
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([
    '外婆吃着利伐沙班，起夜的时候撞到衣柜门上了，额角红了一块',
    '儿子骑车摔了，后脑勺磕到了，回家以后呕吐了四次',
    '快递员摔车了，头盔都裂了，一直干呕',
    // out for a moment after the knock; a dent in the head
    '踢球时跟人撞了，后脑勺着地，当时晕了一下',
    '梯子上摔下来，额头一块凹进去了',
    // the blow said verb first (摔了头, 磕了脑袋) and the sign as not clear-headed (人不清醒了, 不太清醒)
    '老人摔了头，人不清醒了',
    '我爸在楼道里磕了脑袋，现在人不太清醒',
    // more ways to take the blow (砸脑袋上, 夹到头, 击中头部, 碰到头, 头上有血肿) and the signs said plainly: sick all
    // along (一直想吐), slowed (说话变慢), drowsy (老犯困), the same question again (反复问), slurred (说话拌蒜)
    '楼上阳台掉下个花盆砸脑袋上了，这会儿一直想吐',
    '电梯门夹到头了，回来以后老犯困',
    '训练的时候被棒球击中头部，现在说话变慢了',
    '搬东西时铁架子碰到头了，刚才反复问我今天几号',
    '姥爷夜里坠床，头上有血肿，他一直吃着华法林',
    '工人被钢管砸了头，说话拌蒜',
    // a young child's fall and vomiting again and again, though the head is not named
    '小儿子从餐椅上翻下来，之后吐了三次',
    // blood from an ear after it
    '老爸被门框撞到头了，耳朵里流血',
    // (vomiting in English reaches the concept words as typed Chinese does)
    'My nephew got hit on the head with a swing and keeps throwing up',
  ])('%s → head_injury by the rules, not the scorer alone', (text) => {
    const nlu = realNlu();
    const v = nlu.urgent.detect(nlu.normalise(text).text);
    expect(v.flags.map((f) => f.id)).toContain('head_injury');
    expect(['rules', 'both']).toContain(v.by);
  });
});
