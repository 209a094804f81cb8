// A blow to the head is an emergency when a sign follows it — vomiting again and again, drowsiness, being lost in
// time or place, a fit, or a blood thinner — even when the blow was hours or days before.
import { urgentFlags as flags } from '../support/nlu';

describe('head injury', () => {
  it.each([
    ['我爸下班路上摔了，头撞到台阶上，回家以后吐了两三次，一直想睡'],
    // days before, the signs now (an old person's slow bleed)
    ['奶奶前天在厕所滑倒后脑勺着地，这两天一直吐，叫醒了又睡过去'],
    ['孩子从床上掉下来磕到头了 问他在哪儿 他说不知道自己在哪'],
    // on a blood thinner, a blow alone
    ['我妈吃着利伐沙班 刚在厨房摔倒 脑门磕在桌角上'],
    ['My grandad fell in the bathroom and hit his head, he keeps vomiting and can\'t stay awake'],
  ])('%s → head_injury', (text) => {
    expect(flags(text)).toContain('head_injury');
  });

  it.each([
    // a bump with nothing after it; a blow with a sign that passed
    '孩子早上摔到头了 起了个包 现在玩得挺好 吃饭也正常',
    '上个月摔到头缝了三针 现在拆线了 想问社区能不能换药',
    // a knowledge question
    '老人摔到头以后吐了要不要紧？想提前了解一下',
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
