// What a message states of the user, read from the NLU's entities: here, which audience when it names several.
// Phrasings here are not the evaluation sets' own.
import { readSlots } from '../../src/dialog/slots';
import { realNlu, realRules } from '../support/nlu';

const audienceOf = (text: string): string | undefined => readSlots(realNlu().analyse(text), realRules(), []).audience;

describe('the audience a message states', () => {
  it('of several, the one its locality\'s notice speaks of (隔离酒店…走不了路 in 晋江: in isolation)', () => {
    // (走不了路 is a priority group, 重点人群, only where a notice has one: 烟台, the rural plan)
    expect(audienceOf('晋江 我在隔离酒店 打球把腿摔了 走不了路 怎么去医院')).toBe('isolated');
  });

  it('a group the message names is kept beside its members (特定对象…隔离点: none chosen between them)', () => {
    expect(audienceOf('晋江 特定对象是不是也包括我们隔离点的 透析去哪')).toBeUndefined();
  });

  it('several the notice speaks of, of one group, are that group (不清楚算封控区还是管控区: special targets)', () => {
    expect(audienceOf('忻州的 不清楚算封控区还是管控区 透析去哪')).toBe('special_target');
  });
});

describe('where the message is about', () => {
  const slotsOf = (text: string) => readSlots(realNlu().analyse(text), realRules(), []);

  it('a relative said to be in a covered place over there, the writer elsewhere: the relative’s place', () => {
    const s = slotsOf('我爸一个人住在丰泽区泉秀那边 我在成都 社区能派人上门打针吗');
    expect(s.locality).toBe('quanxiu');
    expect(s.livesOutside).toBeUndefined();
  });

  it('the writer working over there and living elsewhere: still elsewhere', () => {
    expect(slotsOf('听说泉秀那边有夜诊 我住鲤城 能去吗').livesOutside).toBeDefined();
  });
});
