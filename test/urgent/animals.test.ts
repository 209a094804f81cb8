// Animals beside people: a person chased, bitten or walking a dog is still the one whose emergency it is; an animal's
// fur is no animal; a pet named and then said to be one (豆豆是我家的泰迪) is the animal; fear of water after a bite or a
// scratch is rabies showing.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('a person beside an animal', () => {
  it.each([
    // something done by an animal with a count between (被一只大狗扑了), or a dog walked (遛狗), leaves the person the subject
    ['下楼被一只大狗扑了一下 回来胸口压得慌 左胳膊发麻 一身冷汗', 'chest_pain'],
    ['奶奶遛狗的时候摔了 头磕在马路牙子上 现在叫不醒', 'unconscious'],
    // an animal's fur is what someone reacts to, not an animal
    ['我对狗毛过敏 还有哮喘 现在喘得说不出整句话 嘴唇发紫', 'breathing'],
  ])('%s → %s', (text, cls) => {
    expect(urgentFlags(text)).toContain(cls);
  });
});

describe('a pet named', () => {
  it.each([
    // said to be a pet, the name is the animal wherever it stands; and a message only of an animal's signs is not
    // the scorer's to read
    '豆豆吐了一地 趴着不动 喘得厉害（豆豆是我家的泰迪）兽医说可能吃了巧克力',
    '我们家老王今天抽了两回 口吐白沫 老王是我养的柯基',
    'my hamster is not breathing and not moving, the kids are crying',
    'Our parrot is gasping at the bottom of the cage, the vet is on the way',
  ])('%s → not urgent', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('rabies showing', () => {
  it('is fear of water or unable to drink after a bite or a scratch, however long ago', () => {
    expect(ruleFlags('上个月被野狗咬过没打针 这两天发烧 一见到水就怕 喝不下水')).toContain('rabies');
    expect(ruleFlags('He was scratched by a stray cat in the spring, now he is terrified of water and cannot swallow')).toContain('rabies');
  });

  it('is not a question about the shots or about drinking after one', () => {
    expect(ruleFlags('被狗咬了要打几针狂犬疫苗 打针期间能喝水吗')).toEqual([]);
    expect(ruleFlags('孩子怕水 不敢学游泳 怎么办')).toEqual([]);
    // (any bite is no animal's: a mosquito's, beside a sore throat that cannot take water)
    expect(ruleFlags('孩子被蚊子咬了好多包 这两天发烧 嗓子疼得喝不下水')).not.toContain('rabies');
  });
});
