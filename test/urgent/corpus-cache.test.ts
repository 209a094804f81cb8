// The urgent corpus read through the cache of validated data files (parsed-cache.ts): read back as it was
// validated; a changed file is validated again; the classes it names are checked at every read.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useParsedCache } from '../../src/data/parsed-cache';
import { readCorpus } from '../../src/urgent/data';
import { CorpusLine } from '../../src/urgent/schema';

describe('the urgent corpus through the start-up cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'jiuyi-corpus-'));
  const cacheDir = join(root, 'cache');
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = join(corpus, 'a.jsonl');
  const lines = [
    { text: '我爸胸口疼', urgent: true, class: 'chest_pain', family: 'chest', why: 'now' },
    { text: '透析去哪', urgent: false, class: null, family: 'topic' },
  ];
  const classes = new Set(['chest_pain']);
  const withCache = <T>(f: () => T): T => {
    const c = useParsedCache(cacheDir);
    try {
      return f();
    } finally {
      c.save();
    }
  };

  it('reads back what it validated, without validating again', () => {
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\n`);
    const first = withCache(() => readCorpus(corpus, classes));
    expect(first).toEqual([
      { ...lines[0], file, line: 1 },
      { ...lines[1], file, line: 2 },
    ]);
    const parse = jest.spyOn(CorpusLine, 'safeParse');
    try {
      expect(withCache(() => readCorpus(corpus, classes))).toEqual(first);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('checks the classes of a cached file at every read', () => {
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    withCache(() => readCorpus(corpus, classes));
    expect(() => withCache(() => readCorpus(corpus, new Set(['stroke'])))).toThrow(/a\.jsonl: line 1: class: "chest_pain" is not a red-flag class/);
  });

  it('validates a changed file again', () => {
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    withCache(() => readCorpus(corpus, classes));
    writeFileSync(file, `${JSON.stringify(lines[0])}\n${JSON.stringify({ ...lines[1], family: 'Topic' })}\n`);
    expect(() => withCache(() => readCorpus(corpus, classes))).toThrow(/a\.jsonl: line 2: family/);
    writeFileSync(file, `${JSON.stringify(lines[0])}\n{oops\n`);
    expect(() => withCache(() => readCorpus(corpus, classes))).toThrow(/a\.jsonl: line 2: not JSON/);
  });
});
