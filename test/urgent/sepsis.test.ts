// An infection that has spread: a transplant's recipient with a fever, a red streak running up from a wound with a
// high fever or chills, a fever with shaking chills and confusion, little urine or breathlessness. Emergencies the
// concept rules hold without the scorer (the corpus has no lines of its own for the class).
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('an infection that has spread', () => {
  it.each([
    // a transplant's recipient with a fever, however it is said
    '我爸换了肾五年了，吃着环孢素，今天发烧38度5',
    '肝移植术后的病人 昨晚开始发热 三十八度多',
    // a red streak up the limb beside a high fever or chills
    '手上被鱼刺扎的口子化脓了 一条红线往胳膊上走 现在烧到39度',
    '脚上的伤口发炎，红道子顺着腿往上爬，人冷得直哆嗦',
    // a fever with shaking chills, and muddled or barely passing urine
    '奶奶发烧一直打寒战 今天说话糊里糊涂 问什么都答不上来',
    '老伴高烧39度还打摆子，一天没尿',
  ])('%s → sepsis by the rules', (text) => {
    expect(ruleFlags(text)).toContain('sepsis');
  });

  it.each([
    // a transplant long ago and well, no fever; a red line with no fever; chills alone; a question about it
    '我妈肾移植后一直挺好，想问复查去哪',
    '蚊子包挠破了，旁边有条红印子，不发烧',
    '刚洗完澡有点冷得发抖，没发烧',
    '移植后的病人发烧一般去哪个科看？',
  ])('%s → no sepsis', (text) => {
    expect(urgentFlags(text)).not.toContain('sepsis');
  });
});

describe('an animal that bit someone is no subject of what follows', () => {
  it('reads the bitten person\'s fever and red streak as theirs', () => {
    expect(ruleFlags('被隔壁的狗咬了手 两天了 红线往上窜 烧到三十九度')).toContain('sepsis');
    expect(ruleFlags('让楼下猫抓了一下 今天伤口一道红印子往上蔓延 发冷发抖 高烧')).toContain('sepsis');
    // (any animal, any act on a person: the animal and the act are read as two lists, not their pairs)
    expect(ruleFlags('前天仓鼠抓破了手指 今天一条红线往上走 烧到39度')).toContain('sepsis');
    expect(ruleFlags('the puppy bit his hand, now a red streak and a fever of 39.5')).toContain('sepsis');
  });

  it('still reads an animal\'s own fit as no person\'s', () => {
    expect(urgentFlags('我家狗狗今天抽搐了好几次，宠物医院关门了')).toEqual([]);
  });
});
