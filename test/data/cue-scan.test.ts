import { cueScan } from '../../src/data/cue-scan';

describe('cueScan', () => {
  it('finds the words a text holds, as includes() does, in the list order', () => {
    const scan = cueScan(['周末', '几点', '开门']);
    expect(scan.any('周末几点开门')).toBe(true);
    expect(scan.which('几点开门？周末呢')).toEqual([0, 1, 2]);
    expect(scan.any('什么时候')).toBe(false);
  });

  it('holds a word that begins or ends with a Latin letter only at a word edge (fee is not in "feels")', () => {
    const scan = cueScan(['fee', 'is it free', 'where']);
    expect(scan.any('Feels totally fine now'.toLowerCase())).toBe(false);
    expect(scan.any('somewhere near the clinic')).toBe(false);
    expect(scan.which('what is the fee? where do i pay')).toEqual([0, 2]);
    // (next to Chinese or punctuation, a Latin word stands alone)
    expect(scan.any('请问fee多少')).toBe(true);
    expect(scan.any('is it free?')).toBe(true);
    // (a plural's s may follow)
    expect(cueScan(['saturday']).any('open on saturdays?')).toBe(true);
  });
});
