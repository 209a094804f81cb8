// Data files validated at the last start are read back from the cache (src/data/parsed-cache.ts) exactly as
// readData gives them; what JSON would change is not kept; a changed file is read and validated again.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { readData, type Problem } from '../../src/data/yaml';
import { cachedData, useParsedCache } from '../../src/data/parsed-cache';

describe('the cache of validated data files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-parsed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const schema = z.object({ a: z.number(), b: z.array(z.string()).default([]), c: z.string().optional() });
  const read = (text: string, problems: Problem[] = []) => readData('x.yml', text, schema, problems);

  it('gives back what readData gave, and validates again when the text changed', () => {
    const first = useParsedCache(dir);
    const a = read('a: 1\nb: [x, y]\n');
    first.save();
    expect(readdirSync(dir).some((f) => f.startsWith('data-'))).toBe(true);
    const second = useParsedCache(dir);
    expect(read('a: 1\nb: [x, y]\n')).toEqual(a);
    const problems: Problem[] = [];
    expect(read('a: nope\n', problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    second.save();
  });

  it('keeps nothing JSON would change (-0.0)', () => {
    const c = useParsedCache(dir);
    expect(Object.is(read('a: -0.0\n')?.a, -0)).toBe(true);
    c.save();
    const d = useParsedCache(dir);
    expect(Object.is(read('a: -0.0\n')?.a, -0)).toBe(true);
    d.save();
  });

  it('keeps the regular expressions a schema makes, and gives them back alike', () => {
    const patterns = z.object({ p: z.array(z.string()).transform((l) => l.map((x) => new RegExp(x, 'i'))) });
    const readPatterns = () => readData('p.yml', 'p: ["^a+b$", "c|d"]\n', patterns, []);
    const e = useParsedCache(dir);
    const fresh = readPatterns();
    e.save();
    const f = useParsedCache(dir);
    // read back from the cache, not validated again (a RegExp made JSON's {} had kept the file out of it)
    const kept = cachedData('p.yml', 'p: ["^a+b$", "c|d"]\n') as { p: RegExp[] } | undefined;
    expect(kept?.p[1]).toBeInstanceOf(RegExp);
    const back = readPatterns();
    f.save();
    expect(back).toEqual(fresh);
    expect(back?.p[0]).toBeInstanceOf(RegExp);
    expect(back?.p.map((r) => [r.source, r.flags, r.test('AAB')])).toEqual([['^a+b$', 'i', true], ['c|d', 'i', false]]);
    expect(back).not.toBe(fresh);
  });
});
