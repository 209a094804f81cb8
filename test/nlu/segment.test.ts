import { createSegmenter, userDictionaryWords, type Segmenter, type SegmenterName } from '../../src/nlu/segment';
import { buildLexicon } from '../../src/nlu/lexicon';
import { loadIntentsData } from '../../src/nlu/data';
import { join } from 'node:path';
import { ROOT, realRules } from '../support/nlu';

const lexicon = buildLexicon(realRules(), loadIntentsData(join(ROOT, 'intents')).lexicon);

const CASES: [string, string[]][] = [
  ['我在忻州封控区要做血液透析', ['封控区', '血液透析']],
  ['忻州市人民医院在哪', ['忻州市人民医院']],
  ['俺娘要洗肾咋整', ['洗肾']],
  ['泉秀街道社区卫生服务中心晚上开到几点', ['泉秀街道社区卫生服务中心']],
  ['管控区的孕妇去忻州市妇幼保健计划生育服务中心产检', ['管控区', '忻州市妇幼保健计划生育服务中心', '产检']],
  ['晋江隔离人员要化疗', ['隔离人员', '化疗']],
  ['龙口市的卫生院标了黄色', ['龙口市']],
];

function load(name: SegmenterName): Segmenter | Error {
  try {
    return createSegmenter(name, lexicon.words);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

const adapters: [SegmenterName, Segmenter | Error][] = [
  ['node-rs', load('node-rs')],
  ['nodejieba', load('nodejieba')],
];

describe('user dictionary', () => {
  it('is generated from the rule books and the vocabulary', () => {
    const words = userDictionaryWords(lexicon.words);
    for (const w of ['封控区', '血液透析', '忻州市人民医院', '洗肾', '泉秀街道', '龙口市']) expect(words).toContain(w);
    // regex cues are not dictionary words
    expect(words.some((w) => w.includes('{'))).toBe(false);
  });
});

describe.each(adapters)('segmenter %s', (name, seg) => {
  if (seg instanceof Error) {
    it.skip(`${name} could not be loaded here (${seg.message.split('\n')[0]}); its cases are skipped`, () => undefined);
    return;
  }
  it('reports its name and load time', () => {
    expect(seg.name).toBe(name);
    expect(seg.loadMs).toBeGreaterThan(0);
  });
  it.each(CASES)('keeps the user words of %s whole', (text, whole) => {
    const tokens = seg.cut(text);
    expect(tokens.join('')).toBe(text);
    for (const w of whole) expect(tokens).toContain(w);
  });
});

describe('both adapters', () => {
  const [, a] = adapters[0] as [SegmenterName, Segmenter | Error];
  const [, b] = adapters[1] as [SegmenterName, Segmenter | Error];
  const both = !(a instanceof Error) && !(b instanceof Error);
  (both ? it : it.skip)('cut the user words the same way', () => {
    const x = a as Segmenter;
    const y = b as Segmenter;
    for (const [text, whole] of CASES) {
      const tx = x.cut(text).filter((t) => whole.includes(t));
      const ty = y.cut(text).filter((t) => whole.includes(t));
      expect(ty).toEqual(tx);
    }
  });
});
