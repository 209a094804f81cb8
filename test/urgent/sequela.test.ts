// A sign an illness left behind, said to be still there (脑梗一年多了，左手还是使不上劲), is that history's, not a new
// stroke; the same sign said to be new today is one. Phrasings here are not the evaluation sets' own.
import { urgentFlags } from '../support/nlu';

describe('a sign left behind', () => {
  it.each([
    '我爸脑梗两年多了，右手到现在还是使不上劲，泉秀社区中心几点开门',
    '中风一年多了，说话一直不太清楚，社区哪个科能看',
    // had one (中过风), still a little (还有点), after a report of what to do for one
    '新闻里讲中风了要赶紧送医院 我婆婆前年中过风 现在左手还有点没劲 社区能做康复吗',
  ])('%s → not urgent', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it.each(['我爸中风两年多了，今天早上右手突然抬不起来', '他脑梗三年了，刚才说话突然不清楚了', '我妈中过风，今天下午突然嘴歪了，说话含糊'])('%s → stroke', (text) => {
    expect(urgentFlags(text)).toContain('stroke');
  });
});
