import { measure, splitText } from '../../src/render/split';

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('忻州市人民医院', 4096)).toEqual(['忻州市人民医院']);
  });

  it('cuts at paragraph boundaries before lines and sentences', () => {
    const a = '第一段。'.repeat(5);
    const b = '第二段。'.repeat(5);
    expect(splitText(`${a}\n\n${b}`, 25)).toEqual([a, b]);
  });

  it('cuts a long paragraph at sentence ends, never inside a sentence when one fits', () => {
    const text = Array.from({ length: 30 }, (_, i) => `第${i}句话说完了。`).join('');
    const parts = splitText(text, 50);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(measure(p, 'chars')).toBeLessThanOrEqual(50);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(parts.join('')).toBe(text);
  });

  it('measures WeCom limits in UTF-8 bytes: 3 bytes a Chinese character', () => {
    const text = '医'.repeat(1000); // 3000 bytes, no boundary at all
    const parts = splitText(text, 2048, 'bytes');
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(measure(p, 'bytes')).toBeLessThanOrEqual(2048);
    expect(parts.join('')).toBe(text);
  });

  it('never breaks a surrogate pair (emoji) in a hard cut', () => {
    const text = '😷'.repeat(10);
    const parts = splitText(text, 3);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect([...p].every((ch) => ch === '😷')).toBe(true);
  });

  it('refuses a limit below one', () => {
    expect(() => splitText('x', 0)).toThrow(RangeError);
  });
});
