// A headache "about to burst" is how a bad headache is said every day (阳了头疼得要裂开, after a night's drinking); the
// worst headache of a life come like a blow is a bleed until shown otherwise; vomiting that shoots out is a sign beside
// a headache or drowsiness. Phrasings here are not the evaluation sets' own.
import { byRules, urgentFlags } from '../support/nlu';

describe('a head "about to burst"', () => {
  it.each([
    '发烧第二天 头疼得快裂开了 吃了布洛芬 社区能开点药吗',
    '熬了个通宵赶报告 头痛到爆 睡一觉应该就好 烟台哪能配眼镜',
    'covid day 3, head feels like it is about to explode, fever 38.5, which clinic in Xinzhou?',
  ])('%s → said every day, not urgent alone', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('with a sudden start, vomiting or a side gone weak, is one', () => {
    byRules('我爸刚才突然头痛欲裂 抱着头蹲下了', 'stroke');
    byRules('老婆头疼得像要炸开 吐了两回 说话也含糊了', 'stroke');
  });
});

describe('the worst headache of a life, and vomiting that shoots out', () => {
  it('is a sign alone; vomiting that shoots out beside a headache or drowsiness is one too', () => {
    byRules('我妈说头像被人敲了一下，从来没这么疼过', 'stroke');
    byRules('我老公头疼了一上午 刚才喷射性呕吐', 'stroke');
  });
});
