// What a message shares rather than says: a link's or a file's title up to the end of its line, and a guideline's
// sentence (出现呼吸困难要及时就医), speak of no one; the writer's own lines beside them still do.
import { urgentFlags as flags } from '../support/nlu';

describe('shared items and guidelines', () => {
  it.each([
    '[链接] 凌晨胸痛 男子没当回事结果……\n看了这个俺一宿没睡着 俺自己身子好着呢 就想问问家庭医生咋联系',
    '[公众号文章] 突然说话不清、嘴角歪斜，可能是中风！\n转给爸妈看看，他们都挺好的，想问下慢病药怎么开',
    '[Link] Chest pain at night: the signs men ignore\nmy dad read this and got worried, he feels fine. who do we call for his blood pressure pills?',
    '社区发的单子上写着，出现胸痛要立即就医。我们家都好好的，想问问发热门诊在哪',
    '群里发的文件写着出现呼吸困难要马上就医 我阳了第三天 嗓子疼 喘气挺顺的',
  ])('raises nothing for %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([
    // the title ends with its line: the next line is the writer's own
    ['[链接] 如何识别中风\n我爸刚才嘴歪了 说话也不清楚', 'stroke'],
    ['[文件] 化验单.pdf\n我妈现在喘不上气 嘴唇都紫了', 'breathing'],
    // someone named before the sign makes a guideline's words their case
    ['我爸出现胸痛了，大汗淋漓，要立即就医吗', 'chest_pain'],
  ])('still raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });
});
