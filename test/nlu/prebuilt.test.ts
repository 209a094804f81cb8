// What a start derives from the data files is kept in the cache (src/nlu/prebuilt.ts): an NLU started from
// the cache reads every message as one that derived it all, and a damaged or stale cache is not used.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNlu } from '../../src/nlu';
import { ROOT, realRules } from '../support/nlu';

describe('the start-up build of the NLU', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-prebuilt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = () => createNlu(realRules(), { intentsDir: join(ROOT, 'intents'), cacheDir: dir });

  it('is written by the first start and read by the next, which analyses alike', () => {
    const first = start();
    expect(readdirSync(dir).some((f) => f.startsWith('nlu-build-'))).toBe(true);
    const second = start();
    const texts = [...first.data.intents.flatMap((i) => [...i.tests, ...i.examples.slice(0, 3)]), '忻州封控区洗腎去哪', '在吗', 'my mum collapsed'];
    for (const t of texts) expect(second.analyse(t)).toEqual(first.analyse(t));
    expect(second.model.tables).toEqual(first.model.tables);
    // natural's classifier, trained when asked for, agrees with the cached tables
    const f = second.prepare('透析去哪家医院').features;
    expect(second.model.natural.classify(f)).toBe(second.model.score(f, 1)[0]?.name);
  });

  it('is derived again when its file is damaged', () => {
    const file = join(dir, readdirSync(dir).find((f) => f.startsWith('nlu-build-')) as string);
    const intact = readFileSync(file, 'utf8');
    writeFileSync(file, intact.replace(/-\d\.\d/, (m) => (m === '-9.9' ? '-8.8' : '-9.9')));
    start();
    expect(readFileSync(file, 'utf8')).toBe(intact);
  });
});
