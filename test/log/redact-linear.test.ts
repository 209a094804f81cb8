// The redactor runs on the main thread for every message: its work must grow linearly with the text. Work is
// counted, not timed (redactCounted: characters read plus window characters handed to a regular
// expression), on long adversarial inputs made of each pattern's alphabet. The old implementation (kept
// here as the reference) answers the same on short random texts.
import { redact, redactCounted, REDACTIONS } from '../../src/log/redact';
import { rng } from '../support/fuzz';

/** The patterns as they were: one global regular expression each (quadratic on long runs for the e-mail). */
function reference(text: string): string {
  const D = '[0-9０-９]';
  const SEP = '[\\s\\-－]?';
  const NB = '(?<![0-9０-９])';
  const NA = '(?![0-9０-９])';
  const patterns: [RegExp, string][] = [
    [new RegExp(`${NB}${D}{17}[0-9０-９XxＸｘ]${NA}|${NB}${D}{15}${NA}`, 'g'), '[身份证号]'],
    [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[邮箱]'],
    [new RegExp(`${NB}(?:(?:\\+|＋)?(?:86|８６)${SEP})?[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}${NA}`, 'g'), '[电话]'],
    [new RegExp(`${NB}(?:[(（]${D}{3,4}[)）]|[0０]${D}{2,3})${SEP}${D}{3,4}${SEP}${D}{3,4}(?:(?:转|-|ext\\.?)${D}{1,5})?${NA}`, 'g'), '[电话]'],
    [new RegExp(`${NB}${D}{3,4}${SEP}${D}{4}${NA}`, 'g'), '[电话]'],
  ];
  if (!text || !/[0-9０-９@]/.test(text)) return text;
  let out = text;
  for (const [p, token] of patterns) out = out.replace(p, token);
  return out;
}


const pieces = ['1', '3', '8', '0', '9', '１', '０', '８', ' ', '-', '－', '+', '＋', '(', ')', '（', '）', '转', 'ext', '.', '@', 'a', 'Z', 'x', 'X', '_', '%', '电话', '，', '\n', '86', '139', '0595'];

describe('redact: the same answers as the regular expressions it replaces', () => {
  it('on 20,000 short random texts of the patterns’ characters', () => {
    const next = rng(14);
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const parts = 1 + Math.floor(next() * 30);
      for (let i = 0; i < parts; i++) s += pieces[Math.floor(next() * pieces.length)];
      expect([s, redact(s)]).toEqual([s, reference(s)]);
    }
  });
});

describe('redact: linear work on long adversarial texts', () => {
  /** Texts made of one pattern's alphabet, repeated. */
  const alphabets: Record<string, string> = {
    digits: '1',
    'full-width digits': '１',
    'digits and spaces': '1 ',
    'digit pairs and dashes': '13-',
    'country code': '+86 ',
    'full-width country code': '＋８６',
    'area code in brackets': '(0',
    'full-width brackets': '（０）',
    'area code and extension': '0-1转',
    'ext.': '1ext.',
    'ID with X': '1X',
    'e-mail local part': 'a',
    'local part with dots': 'a.',
    'at signs': 'a@',
    'at and dots': '@.',
    'domain labels': 'a@b.',
    'hyphenated domain': '-.a',
    'many e-mails': 'a@b.c ',
    'local punctuation': '%+_',
  };
  const sizes = [2_000, 20_000, 100_000];
  /** The most a character can cost: read once by the first look and by each pass, and a window of each number
   * pattern (its longest match and the characters on both sides) begun on it; the e-mail pass reads a character
   * at most three times (the search for '@', a domain to its left, a local part to its right). */
  const perChar = 1 + REDACTIONS.length + REDACTIONS.reduce((a, r) => a + (r.kind === 'number' ? r.maxLength + 2 : 3), 0);

  it.each(Object.entries(alphabets))('%s: a bounded number of operations a character, and 10× the text is 10× the work', (_name, unit) => {
    const work = sizes.map((n) => redactCounted(unit.repeat(Math.ceil(n / unit.length)).slice(0, n)).work);
    sizes.forEach((n, i) => expect(work[i]!).toBeLessThanOrEqual(perChar * n));
    // linear: the work per character does not grow with the length
    expect(work[1]! / work[0]!).toBeLessThan(10 * 1.05);
    expect(work[2]! / work[1]!).toBeLessThan(5 * 1.05);
  });

  it('random mixtures of every pattern’s characters: a bounded number of operations a character', () => {
    const next = rng(7);
    for (let k = 0; k < 20; k++) {
      let s = '';
      while (s.length < 50_000) s += pieces[Math.floor(next() * pieces.length)];
      expect(redactCounted(s).work).toBeLessThanOrEqual(perChar * s.length);
    }
  });

  it('still redacts inside long texts', () => {
    const filler = '1'.repeat(30_000);
    expect(redact(`${filler} 电话13912345678 a.b@qq.com ${filler}`)).toBe(`${filler} 电话[电话] [邮箱] ${filler}`);
  });
});
