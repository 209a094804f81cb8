// What a start derives from the data files is kept in the cache (src/nlu/prebuilt.ts): an NLU started from
// the cache reads every message as one that derived it all, and a damaged or stale cache is not used.
import type * as Fs from 'node:fs';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNlu } from '../../src/nlu';
import { ROOT, realRules } from '../support/nlu';

/** Messages that need the glossary and the pinyin reader, which a start from the build makes at the first of them. */
const ROMANISED_AND_ENGLISH = ['wo ma zai xinzhou fengkongqu yao zuo touxi qu na jia yiyuan', 'jinjiang gelidian fashao zenme ban', 'my dad fainted in the kitchen and is not waking up', 'where is the fever clinic in Yantai'];

describe('the start-up build of the NLU', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-prebuilt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = () => createNlu(realRules(), { intentsDir: join(ROOT, 'intents'), cacheDir: dir });

  it('is written by the first start and read by the next, which analyses alike', () => {
    // the first start makes the English glossary and the pinyin reader at once (an error in their files stops it);
    // a start from the build, which says the same files were read before, at the first message with Latin letters
    const first = start();
    expect(first.unmade()).toEqual([]);
    const second = start();
    expect(second.unmade()).toEqual(['english', 'romanised']);
    second.analyse('忻州封控区透析去哪家医院');
    expect(second.unmade()).toEqual(['english', 'romanised']);
    second.analyse('where is the fever clinic');
    expect(second.unmade()).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith('nlu-build-'))).toBe(true);
    expect(readdirSync(dir).some((f) => f.startsWith('nlu-romanised-'))).toBe(true);
    const texts = [...first.data.intents.flatMap((i) => [...i.tests, ...i.examples.slice(0, 3)]), '忻州封控区洗腎去哪', '在吗', 'my mum collapsed', ...ROMANISED_AND_ENGLISH];
    for (const t of texts) expect(second.analyse(t)).toEqual(first.analyse(t));
    expect(second.model.tables).toEqual(first.model.tables);
    // natural's classifier, trained when asked for, agrees with the cached tables
    const f = second.prepare('透析去哪家医院').features;
    expect(second.model.natural.classify(f)).toBe(second.model.score(f, 1)[0]?.name);
  });

  it('derives the pinyin reader again when its entry is damaged, and reads pinyin alike', () => {
    const first = start();
    const file = join(dir, readdirSync(dir).find((f) => f.startsWith('nlu-romanised-')) as string);
    const intact = readFileSync(file, 'utf8');
    writeFileSync(file, intact.slice(0, intact.length / 2));
    const second = start();
    for (const t of ROMANISED_AND_ENGLISH) expect(second.analyse(t)).toEqual(first.analyse(t));
    expect(readFileSync(file, 'utf8')).toBe(intact);
  });

  it('is derived again when its file is damaged', () => {
    const file = join(dir, readdirSync(dir).find((f) => f.startsWith('nlu-build-')) as string);
    const intact = readFileSync(file, 'utf8');
    writeFileSync(file, intact.replace(/-\d\.\d/, (m) => (m === '-9.9' ? '-8.8' : '-9.9')));
    start();
    expect(readFileSync(file, 'utf8')).toBe(intact);
  });
});

describe('a data file saved while a start reads it', () => {
  const root = mkdtempSync(join(tmpdir(), 'jiuyi-saved-'));
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it('caches nothing under the keys of the files as they were before (a model keyed by contents it was not trained on)', () => {
    const intents = join(root, 'intents');
    cpSync(join(ROOT, 'intents'), intents, { recursive: true });
    const file = join(intents, 'classes', 'thanks.yml');
    // (the module object the code requires, not an import's copy of it)
    const fs = require('node:fs') as typeof Fs;
    const real = fs.readFileSync;
    let saved = false;
    // the loader reads the file as text (the keys read its bytes): the file is saved anew just as the loader reads it
    jest.spyOn(fs, 'readFileSync').mockImplementation(((path: Fs.PathOrFileDescriptor, options?: unknown) => {
      if (!saved && path === file && options === 'utf8') {
        saved = true;
        writeFileSync(file, `${real(file, 'utf8')}\n# saved again\n`);
      }
      return (real as (p: Fs.PathOrFileDescriptor, o?: unknown) => string | Buffer)(path, options);
    }) as typeof fs.readFileSync);
    const cacheDir = join(root, 'cache');
    createNlu(realRules(), { intentsDir: intents, cacheDir });
    expect(saved).toBe(true);
    const written = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
    expect(written.filter((f) => f.startsWith('urgent-scorer-') || f.startsWith('nlu-build-'))).toEqual([]);
  }, 600_000);
});
