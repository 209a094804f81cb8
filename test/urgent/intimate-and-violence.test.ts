// Emergencies of the body people find hard to name (the penis snapped, an erection for hours, a testicle drawn up) and
// of violence at home (a neck squeezed), with their look-alikes.
import { urgentFlags as flags } from '../support/nlu';

describe('a neck squeezed by someone', () => {
  it.each([
    ['他昨晚掐住我脖子 今天早上声音哑了 吞东西疼', 'breathing'],
    ['我姐被她老公勒住脖子 现在嗓子哑了 一直咳血', 'breathing'],
    ["Her boyfriend had her by the throat last night. This morning her voice is raspy and she coughed up blood.", 'breathing'],
    ['他掐我脖子 我喘不上气', 'breathing'],
  ])('raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });

  it.each([
    // a grip with nothing left by it now, or a grip long ago
    '他昨天掐了我脖子一下 我没事 想问问哪里能开验伤证明',
    '小时候我爸掐过我脖子 现在想起来还是难受 想找个心理医生聊聊',
    '我妈说我小时候噎住过 咳出血丝',
  ])('raises nothing for %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

describe('the groin', () => {
  it.each([
    ['我男友刚刚在那个的时候 突然啪一声 他说下面好像折到了 现在肿得超大整个紫掉 痛到一直冒冷汗 尿也尿不出来', 'abdomen'],
    ['吃了那种药 现在已经快5个小时了 一点都没软下去 越来越疼', 'abdomen'],
    ["One side down there, his testicle, suddenly got really painful, now it's swollen and sitting higher than the other one, and he's thrown up twice.", 'abdomen'],
  ])('raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });

  it.each([
    '下面有点痒 想问问泉秀社区中心有没有看女人那方面的',
    '肚子胀得软不下去 是不是吃多了',
  ])('raises nothing for %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
