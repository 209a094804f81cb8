import { sortSmall } from '../../src/data/small-sort';
import { mulberry32 } from '../../src/core/seeded-random';

describe('sortSmall', () => {
  it('orders as the stable Array#sort does, short lists and long', () => {
    const random = mulberry32(17);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(random() * 50);
      // few distinct keys, so that equal ones keep their order
      const list = Array.from({ length: n }, (_, i) => ({ start: Math.floor(random() * 6), end: Math.floor(random() * 4), i }));
      const compare = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || b.end - a.end;
      const expected = [...list].sort(compare);
      const copy = [...list];
      expect(sortSmall(copy, compare)).toBe(copy);
      expect(copy).toEqual(expected);
    }
  });
});
