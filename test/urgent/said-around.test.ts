// What the words around a sign say of it: a story told since a past time that goes on until now (站了半天了), a
// choking patted out, the morning after a night's drinking, a chest said to be the mind's, a video's claim, a
// Minnan 好矣; and the signs of a stroke or a choking child in words the concepts had not read.
import { realNlu } from '../support/nlu';

const nlu = realNlu();
const flags = (text: string): string[] => nlu.urgent.detect(nlu.normalise(text).text).flags.map((f) => f.id);

describe('signs read in the words around them', () => {
  it.each([
    // a past time at the start does not hold a story that has gone on until now
    ['上礼拜查出来那个病 俺没脸见人 在阳台上站了半天了 十八楼 风挺大 这辈子就这样吧 今晚就不麻烦大伙了', 'suicide'],
    ["My cat died on Monday and I've stopped seeing the point of anything. I've written notes for my sister and put the bottle of sleeping tablets by the bed. Tonight feels like the right time.", 'suicide'],
    ['我爸早上起来就天旋地转 一站起来就往左边倒 吐了好几回 说话舌头也大了 看东西他说是双的', 'stroke'],
    ["About 20 min ago the left side of my face went numb, then my left hand. I tried to text my wife and the words came out wrong. It hasn't gone away.", 'stroke'],
    ["My 2 year old was eating grapes and started coughing, now he's not making any sound at all, grabbing at his neck, face going from red to kind of blue.", 'breathing'],
    ['been throwing up since I drank about half the bottle of drain cleaner from under the sink. throat and stomach are burning.', 'poisoning'],
  ])('raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });

  it.each([
    '孩子刚才吃葡萄噎住了 脸憋得通红 我倒提着拍背拍出来了 现在哭声挺响 呼吸也顺了 小脸又红润了',
    '昨儿个跟哥们儿整了一斤半白的 今儿脑瓜子嗡嗡的 疼得跟要裂开似的 就是喝大了 吐完了舒坦多了 现在就是渴',
    '胸口一直堵得慌 不是身体的毛病 是心里憋的 一个人隔离二十多天了 就是想找个医生说说话',
    '刷到个视频说头疼加脖子硬就是脑膜炎，吓得我一宿没睡好。其实我就是有点感冒，脖子转来转去都挺好',
    '阮今仔早起无食糜就去菜市仔，行一半手软脚软，规身躯冷汗，紧食两粒糖仔，坐一下就好矣。阮有糖尿病',
    "I'm on warfarin for a heart valve. No bleeding, no odd bruises, feel fine. I'm just due my routine INR blood check.",
    'I put my glasses by the bed and went to sleep',
  ])('raises nothing for %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
