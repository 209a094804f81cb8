// Suicidal intent from people worn down (the `despair` corpus family's lessons, in phrasings of our own): a life
// given up, a way down chosen, the days after one's death spoken of, affairs settled, a time set beside a letter;
// and what only sounds like it (a plant that died, a joke owned up to in the next sentence, a school year long past).
import { urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('suicidal intent from someone worn down', () => {
  it.each([
    // a life given up, said of it
    ['债还不清了，我这条老命不要了'],
    // said bare
    ['撑了三年，不活了'],
    // not wanting to be a person any more, short and in Cantonese (唔想再做人)
    ['我唔想再做人喇'],
    ['我不想再做人了'],
    // going over from a height, with resignation
    ['没意思了，等下从阳台翻下去算了'],
    // into water
    ['我想去跳湖'],
    // a way of dying looked for
    ['这两天一直在搜哪种死法最不痛苦'],
    // the days after one's death spoken of, beside a goodbye
    ['谢谢你们照顾我这么久，等你们看到这条我应该已经不在了'],
    // things given away, a time set, and a letter
    ['给爸妈的信我写好了放在抽屉里，就等今晚'],
    // three goodbyes: affairs settled, a house left to someone, parents entrusted
    ['后事都安排好了，房子留给我弟，你帮我照看我爸妈'],
    // many pills taken, with a sign of them
    ['我刚吃了很多药，现在头好晕'],
    // following the dead
    ['老伴走了，我也想跟他去了'],
    // Wu: 勿辣 is 不在 (no longer here)
    ['侬明朝来额辰光，我大概已经勿辣了，谢谢侬照顾我这么久'],
  ])('%s → suicide', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([
    // a plant or a pet that did not live
    ['阳台那盆茉莉不活了'],
    ['鱼缸里的鱼又不活了'],
    // a joke owned up to in a sentence of its own
    ['房租又涨了，去跳江算了。开玩笑的'],
    // one's school years, long past
    ['高三的时候想过不活了，现在工作了挺好的'],
    // a time set for something ordinary, with nothing else
    ['就等天黑了再去倒垃圾'],
    // a long post is no school essay, but a happy one is still happy
    ['朋友发了篇小作文，说她终于考上研究生了'],
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
