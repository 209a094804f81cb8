// Young writers (the `young` family): emoji for words and pauses, memes said as jokes, a period's pads soaked
// through, a plea not to be saved, and English on a bridge.
import { realNlu, urgentFlags as flags } from '../support/nlu';

const nlu = realNlu();

describe('messages as young people write them', () => {
  it('reads a picture that stands for a word as that word, and any other picture as a pause', () => {
    expect(nlu.normalise('外婆透析❌三天没做🫁喘🦵肿').text).toBe('外婆透析 3天没做,呼吸喘,腿肿');
    expect(nlu.normalise('💊全吞了😶再见').text).toBe('药全吞了,再见');
  });

  it('reads a meme said for a laugh (xswl) as a joke, and breathlessness in plain words', () => {
    expect(flags('哥哥说他心梗了 因为游戏又输了 xswl')).toEqual([]);
    expect(flags('外公喘很急 叫他只会嗯一声')).toContain('breathing');
  });

  it("reads pads soaked through one after another as a period's heavy bleeding, not a usual one", () => {
    expect(flags('姐妹们 月经量多到吓人 一小时湿透两片卫生巾')).toContain('bleeding');
    expect(flags('我例假来了，量跟平时差不多')).toEqual([]);
  });

  it("reads a plea not to be saved after pills, and English said from a bridge, as suicide; a lazy 别救我 as a joke", () => {
    expect(flags('吃了一整排安眠药，别救我')).toContain('suicide');
    expect(flags("i'm on the bridge rn and honestly no one would miss me")).toContain('suicide');
    expect(flags('别救我哈哈 我就是懒得起床')).toEqual([]);
  });
});
