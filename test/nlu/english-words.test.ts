import { isEnglishWord, lemmaLists, listHas } from '../../src/nlu/english-words';

/** The lemmas of a list as its lines give them (what a set of them would hold). */
const lemmasOf = (bytes: Buffer, first: number): string[] =>
  bytes
    .toString('latin1', first)
    .split('\n')
    .filter((l) => l && l[0] !== ' ')
    .map((l) => l.slice(0, l.indexOf(' ')));

describe('English words (WordNet lemma lists searched as sorted text)', () => {
  const lists = lemmaLists();

  it('reads the four lists, their license lines skipped', () => {
    expect(lists).toHaveLength(4);
    for (const l of lists) expect(l.bytes[l.first]).not.toBe(32);
  });

  it('finds every lemma of every list, and nothing between them', () => {
    for (const l of lists) {
      const lemmas = lemmasOf(l.bytes, l.first);
      const set = new Set(lemmas);
      expect(lemmas.length).toBeGreaterThan(4000);
      for (const w of lemmas) expect(listHas(l, w)).toBe(true);
      // strings just around each lemma, in and out of the list: the search agrees with the set
      for (let i = 0; i < lemmas.length; i += 7) {
        const w = lemmas[i] as string;
        for (const near of [w + 'a', w + 'zz', w.slice(0, -1), w.slice(0, -1) + 'z', '0' + w, w + '_'])
          expect(listHas(l, near)).toBe(set.has(near));
      }
      expect(listHas(l, '')).toBe(false);
      expect(listHas(l, '~~~~')).toBe(false);
    }
  });

  it('reads inflections back to their lemma, and leaves made-up words out', () => {
    for (const w of ['cooking', 'texted', 'boxes', 'stopped', 'message', 'massage', 'seriously', 'Choking']) expect(isEnglishWord(w)).toBe(true);
    for (const w of ['chestpain', 'xqzt', 'sezure', 'brething']) expect(isEnglishWord(w)).toBe(false);
  });
});
