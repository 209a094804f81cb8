// The homophone walk's table of character pairs (pair-table.ts): as a Map of the same pairs would answer.
import { PairTable } from '../../src/urgent/pair-table';

const pairOf = (a: string, b: string): number => (a.charCodeAt(0) * 0x10000 + b.charCodeAt(0)) >>> 0;

describe('the table of character pairs', () => {
  it('answers as a Map, through growth, for pairs above 2^31 and below', () => {
    const table = new PairTable<string | null>(100_000, 16);
    const map = new Map<number, string | null>();
    // every pair of 50 characters from U+4E00 and 50 from U+9000 (above 2^31 as a pair), in a scattered order
    const chars = [...Array.from({ length: 50 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)), ...Array.from({ length: 50 }, (_, i) => String.fromCharCode(0x9000 + i * 3))];
    for (let n = 0; n < chars.length * chars.length; n++) {
      const k = (n * 7919) % (chars.length * chars.length);
      const pair = pairOf(chars[k % chars.length] as string, chars[Math.floor(k / chars.length)] as string);
      if (k % 5 === 0) continue;
      const value = k % 3 ? `v${k}` : null;
      expect(table.get(pair)).toBe(map.get(pair));
      table.set(pair, value);
      map.set(pair, value);
    }
    expect(table.size).toBe(map.size);
    for (const a of chars) for (const b of chars) expect(table.get(pairOf(a, b))).toBe(map.get(pairOf(a, b)));
    expect(pairOf('鐘', '頭')).toBeGreaterThan(2 ** 31);
  });

  it('is emptied when it holds as many pairs as it may', () => {
    const table = new PairTable<number>(3);
    for (const [i, p] of [pairOf('胸', '痛'), pairOf('头', '晕'), pairOf('昏', '迷')].entries()) table.set(p, i);
    expect(table.get(pairOf('头', '晕'))).toBe(1);
    table.set(pairOf('抽', '搐'), 3);
    expect(table.size).toBe(1);
    expect(table.get(pairOf('头', '晕'))).toBeUndefined();
    expect(table.get(pairOf('抽', '搐'))).toBe(3);
  });
});
