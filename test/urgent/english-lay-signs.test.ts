// Emergencies told in everyday English, as a lay or non-native writer tells them: air that will not go in, a smile gone
// crooked and an arm gone heavy, a child fallen into water and pulled out, one fit after another, a baby's sunken soft
// spot and dry nappies, a tongue gone big, one's own people not recognised, a chemical splashed into an eye, a large
// scald, charcoal burnt in a closed room. The same words about a phone, a pool's cleaning or a new doctor are no one's
// emergency. Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

const concepts = (text: string): string[] => urgentVerdict(text).mentions.map((m) => m.concept);

describe('an emergency told in lay English', () => {
  it.each([
    ['breathing', 'My father says he just cannot get any air in, he is sitting on the edge of the bed holding the frame'],
    ['breathing', 'Every breath is a struggle for my wife since this afternoon, she is 70'],
    ['stroke', 'grandma\'s smile went crooked at lunch and now her right arm feels heavy and dead'],
    ['unconscious', 'The boys were playing by the canal, one slipped into the water, a neighbour pulled him out and he is limp'],
    ['convulsion', 'Her fit stopped and she had another one before she came round, it has been 10 minutes'],
    ['infant_fever', 'baby is 4 months, soft spot looks sunken and no wet nappies since the morning, he won\'t feed'],
    ['allergy', 'After the peanut sauce his tongue became huge and his lips look twice the size'],
    ['sepsis', 'my uncle has a fever and chills and suddenly doesn\'t recognise his own wife'],
    ['unconscious', 'old father has a high fever, shaking, now he does not know who I am, very little urine'],
    ['eye_emergency', 'disinfectant splashed into my daughter\'s eyes at the testing point, she is screaming'],
    ['bleeding', 'he tipped boiling water over his legs and a huge area is blistering'],
    ['poisoning', 'they have a coal brazier in the bedroom with the window shut and the whole family has headaches and is vomiting'],
  ])('raises %s by the rules: %s', (flag, text) => {
    expect(ruleFlags(text)).toContain(flag);
  });

  it('reads a fall into water and a pulling out as the Chinese a drowning is read from', () => {
    expect(concepts('my son fell into the pond and we pulled him out')).toContain('drowning');
    expect(concepts('孩子掉进池塘里，我们捞上来，不动了')).toContain('drowning');
  });
});

describe('their own people not known, said in Chinese as it is spoken', () => {
  it('is the mind going: 认不得人 beside a fever and chills', () => {
    expect(ruleFlags('我哥手术出院第三天，烧到39度，一直打寒战，刚才开始认不得人')).toContain('sepsis');
  });

  it('is a history when it comes and goes with age', () => {
    expect(ruleFlags('奶奶年纪大了，有时候认不得人，想问问老年痴呆门诊在哪')).toEqual([]);
  });
});

describe('the same words with no one in danger', () => {
  it.each([
    'My phone fell into the pool at the clubhouse, we pulled it out with a net. Is there a repair shop open?',
    '手机掉进水里了，捞上来还能用吗',
    'The new community doctor does not recognise me yet, do I need to bring my records?',
    'I cannot get air in my bike tyres, the pump is broken, any shop delivering one?',
    "Mum has dementia and doesn't know me anymore, can we get her refill delivered?",
    "Grandpa has Alzheimer's and does not recognise his own wife, we need a home visit for his jabs",
  ])('raises nothing by the rules: %s', (text) => {
    expect(ruleFlags(text)).toEqual([]);
  });
});
