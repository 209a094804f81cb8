// What a message says that explains it away (a slip or a place left out put right, someone missing found unharmed,
// an old person's forgetfulness), beside the plain wish to hurt oneself, which no reason explains away.
import { realNlu, urgentFlags } from '../support/nlu';

const nlu = realNlu();
const flags = urgentFlags;
const score = (text: string): number => nlu.urgent.detect(nlu.normalise(text).text).score;

describe('ordinary reasons and plain words', () => {
  it.each([
    // a place or a detail left out, added (sorry, I should have said; 忘了说)
    ['Sorry, I should have said. We are in Yantai.'],
    ['Oh sorry, forgot to mention — she is in Jinjiang.'],
    ['不好意思忘了说，我们在晋江'],
    // someone who wandered off, found and brought back unharmed
    ['我外公有点糊涂，下午自己出了门，全家找了两个钟头，最后保安把他领回来了，一点伤都没有，以后出门看病找谁陪'],
    ['Grandma wandered out of the compound last night; the volunteers found her by the gate, not a scratch. Who do we ask about her check-up?'],
    // an old person's forgetfulness said of oneself (我老糊涂了) is no confusion
    ['卫生院的电话是多少来着，我人老糊涂了，记不住，麻烦再说一遍'],
  ])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it('keeps the reasons to the scorer: a missing person not found, or found hurt, still counts', () => {
    const found = score('我外公下午自己出了门，最后保安把他领回来了，一点伤都没有');
    const missing = score('我外公下午自己出了门，全家找了两个钟头还没找到，电话也打不通');
    expect(found).toBeLessThan(missing);
  });

  it.each([
    ['我控制不住，想伤害自己'],
    ['最近老是想伤害我自己，怎么办'],
    ['I keep thinking about hurting myself tonight'],
  ])('raises the wish to hurt oneself: %s', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([['他说没有伤害自己的想法，就是闷得慌'], ['She says she is not going to hurt herself, she is only bored at home'], ['He fell off the ladder and hurt himself, a small cut on the knee']])(
    'does not raise a wish denied, or a hurt by accident: %s',
    (text) => {
      expect(flags(text)).not.toContain('suicide');
    },
  );
});
