// The trained urgent scorer kept between starts: read back it decides as the one trained, a change of the
// data makes a new key, and a damaged file is never used.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentKey, fileCache } from '../../src/nlu/model-cache';
import { score } from '../../src/urgent/scorer';
import { modelOfTables } from '../../src/urgent/gram-scorer';
import { scorerTablesFromBytes, scorerTablesToBytes } from '../../src/urgent/scorer-cache';
import { createNlu } from '../../src/nlu';
import { loadRuleSet } from '../../src/rules/load';
import { realNlu } from '../support/nlu';
import { cleanRuleDirs, ruleDir } from '../support/rule-books';

/** The shape the cache entries below are written in: fileCache takes a guard for what it reads. */
interface Entry {
  labels: string[];
  bias: number[];
  features: string[];
  weights: string;
}
const isEntry = (v: unknown): v is Entry => {
  const j = v as Entry;
  return !!j && Array.isArray(j.labels) && Array.isArray(j.bias) && j.bias.length === j.labels.length && Array.isArray(j.features) && typeof j.weights === 'string';
};

describe('model cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back a scorer that scores as the trained one', () => {
    const nlu = realNlu();
    const back = modelOfTables(scorerTablesFromBytes(Buffer.concat(scorerTablesToBytes(nlu.urgent.tables))) as NonNullable<ReturnType<typeof scorerTablesFromBytes>>);
    for (const t of ['我爸胸口疼得厉害还出冷汗', '封控区透析去哪家医院', 'my mum collapsed and is not responding']) {
      const f = nlu.urgent.features(nlu.normalise(t).text);
      expect(score(back, f).urgent).toBeCloseTo(score(nlu.urgent.model, f).urgent, 4);
    }
  });

  it('keeps the urgent scorer when only the rule books change (a reload or a published book does not retrain it)', () => {
    realNlu(); // the scorer of the data as it is, trained or read
    const edited = ruleDir({ file: 'xinzhou.yml', text: (t) => t.replace('name: 忻州市人民医院', 'name: 忻州市人民医院新院区') });
    try {
      const nlu = createNlu(loadRuleSet(edited));
      expect(nlu.fromCache.urgentScorer).toBe(true);
    } finally {
      cleanRuleDirs();
    }
  });

  it('keys by content, keeps one file a model, and ignores what it cannot read', () => {
    const data = mkdtempSync(join(dir, 'data-'));
    writeFileSync(join(data, 'a.yml'), 'x: 1');
    const k1 = contentKey([data]);
    writeFileSync(join(data, 'a.yml'), 'x: 2');
    const k2 = contentKey([data]);
    expect(k1).not.toBe(k2);
    const cache = fileCache(join(dir, 'c'));
    cache.write('m', k1, { labels: [], bias: [], features: [], weights: '' });
    cache.write('m', k2, { labels: [], bias: [], features: [], weights: '' });
    expect(readdirSync(join(dir, 'c'))).toEqual([`m.${k2}.json`]);
    expect(cache.read('m', k1, isEntry)).toBeUndefined();
    writeFileSync(join(dir, 'c', `m.${k2}.json`), '{not json');
    expect(cache.read('m', k2, isEntry)).toBeUndefined();
  });

  it('reads back what it wrote, and not a file whose bytes changed', () => {
    const cache = fileCache(join(dir, 'd'));
    const value = { labels: ['a'], bias: [0.5], features: ['x'], weights: 'AAAA' };
    cache.write('m', 'k', value);
    expect(cache.read('m', 'k', isEntry)).toEqual(value);
    const file = join(dir, 'd', 'm.k.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('0.5', '0.6'));
    expect(cache.read('m', 'k', isEntry)).toBeUndefined();
  });
});
