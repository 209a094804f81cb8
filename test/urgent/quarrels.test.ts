// Quarrels and grief under lockdown: anger's figures of speech (被她气出心脏病了, 吵到快窒息) and a heart heavy with
// grief said to be no illness of the body (其实身体没毛病) are no emergency; a grid worker who ignores a call (爱答不理) is
// no one unresponsive. What anger really brings on, said as happening, still is. Phrasings of our own.
import { urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('figures of anger and grief', () => {
  it.each([
    ['我真的要被她气出心脏病了 一口气堵在嗓子眼上不来下不去'],
    ['天天跟他吵到快窒息了，先不说这个，社区医院有妇科吗'],
    ['婆婆说话能把人气出脑溢血，忻州的产检去哪家'],
    ['我爸走了以后我天天胸口闷，那种喘不过气的感觉，其实身体没毛病，体检都正常，想找个中医调调'],
    ['让网格员帮忙联系医院，他爱答不理的，有没有别的电话'],
    ['叫他帮忙他爱答不理的'],
    // anger (吵架气急了) is no breathlessness, and anger's stroke asked of is knowledge
    ['人吵架气急了真的会气出脑溢血吗 想科普一下'],
  ])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([
    // a stroke anger brought on, its signs now
    ['我爸被我气出脑溢血了 现在半边身子动不了', 'stroke'],
    // a quarrel, then the chest
    ['吵完架他突然胸口剧痛 喘不上气', 'chest_pain'],
    // a body said to have been healthy is no figure (我身体没啥毛病啊): the pain now is
    ['胸口疼得厉害，喘不上气，我身体没啥毛病啊，怎么会这样', 'chest_pain'],
    // an old woman who does not answer when called
    ['外婆叫了半天不理人，眼睛也睁不开', 'unconscious'],
    // breathless after the stairs (爬了两层楼就气急了), lips blue
    ['爬了两层楼就气急了 嘴唇发紫', 'breathing'],
  ])('raises %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });
});
