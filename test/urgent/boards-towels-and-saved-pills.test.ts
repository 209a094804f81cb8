// A belly gone hard as a board with the pain bending one double, blood still coming through what it was wrapped in,
// and sleeping pills saved to be taken at once with no getting up after: each read by the rules, in English as in
// Chinese. A full belly after a meal, a dose asked about, and a swollen belly alone are not. Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

describe('read by the rules', () => {
  it.each([
    ['abdomen', 'his tummy went hard as a rock and he is bent double, threw up twice'],
    ['abdomen', '我爸肚子胀得硬邦邦的，疼得直不起腰，一直出冷汗'],
    ['bleeding', 'cut his hand on the glass, we wrapped two tea towels round it and the blood is still soaking through them'],
    ['suicide', '医生开的安眠药一直没吃，攒了一瓶，打算一次吃掉，睡了就不用再起来了'],
  ])('%s: %s', (flag, text) => {
    expect(ruleFlags(text)).toContain(flag);
  });
});

describe('not an emergency', () => {
  it.each([
    'my stomach is rock hard after that huge dinner lol, any pharmacy open for antacids',
    '这个药是一次吃掉还是分两次吃',
    '吃多了肚子胀得鼓鼓的，有点想吐',
  ])('%s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });
});
