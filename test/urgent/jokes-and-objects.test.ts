// A joke word laughs at its own clause and the ones beside it, not at a worry two clauses back; a pot burned black is
// no one's skin; a stool black like tar is bleeding. Phrasings here are not the evaluation sets' own.
import { realNlu, urgentFlags } from '../support/nlu';

const detect = (text: string) => {
  const nlu = realNlu();
  return nlu.urgent.detect(nlu.normalise(text).text);
};

describe('a joke word', () => {
  it('reaches the clause beside it (喘不上气 哈哈 is a joke)', () => {
    expect(urgentFlags('喘不上气 哈哈哈 开玩笑的')).toEqual([]);
    expect(detect('作业多得喘不上气，xswl').caution).toBe(false);
  });

  it('does not reach a supposition two clauses away: the safety line is still added', () => {
    const v = detect('要是我妈夜里又喘不上气怎么办，现在倒是睡着了，鼾声跟打雷似的 xswl，晋江管控区找谁');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
});

describe('burned black', () => {
  it('is no emergency when a pot, the food or a wire is what burned', () => {
    expect(urgentFlags('炒菜走神了，锅底都烧黑了，人没事，问下社区几点开门')).toEqual([]);
    expect(urgentFlags('插座冒烟，电线都烧焦了，已经拔了')).toEqual([]);
  });

  it('is one when skin is', () => {
    expect(urgentFlags('油锅起火了 我手背烧焦了一块')).not.toEqual([]);
  });
});

describe('a stool black like tar', () => {
  it.each(['我爸今天拉的屎是黑的，跟柏油一样，人站都站不稳', 'her poop is black and tarry and she nearly fainted'])('%s → bleeding', (text) => {
    expect(urgentFlags(text)).toContain('bleeding');
  });

  it('not when it is said not to be', () => {
    expect(urgentFlags('大便是黄的，不黑，就是有点稀')).toEqual([]);
  });
});
