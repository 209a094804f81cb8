import { createSegmenter, cutAfterBlanking, userDictionaryWords, type Segmenter, type SegmenterName } from '../../src/nlu/segment';
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

  it('cuts every other text alike however many words it holds (the user words share one weight)', () => {
    // one name, or fifteen hundred, none of them in these texts
    const names = Array.from({ length: 1500 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000), 0x4e00 + ((i * 104729) % 20000), 0x6751));
    const few = createSegmenter('node-rs', names.slice(0, 1));
    const more = createSegmenter('node-rs', names);
    for (const text of ['看完病怎么回来', '看完了怎么回隔离点', '医保卡能用吗', '治疗完了怎么回家', '肩周炎好几年了，上班天天对着电脑'])
      expect(more.cut(text)).toEqual(few.cut(text));
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

describe('a cut read off an earlier one (node-rs)', () => {
  // jieba itself, not the segmenter (which reads its cuts off one another), with the same user words
  const native = (() => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const jieba = Jieba.withDict((require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict);
      jieba.loadDict(Buffer.from(userDictionaryWords(lexicon.words).map((w) => `${w} 200000 n`).join('\n') + '\n', 'utf8'));
      return (t: string): string[] => jieba.cut(t, false);
    } catch {
      return undefined;
    }
  })();
  // texts as the retrieval blanks them: places at the start, inside, at the end, next to one another, before punctuation
  const TEXTS = [
    ...CASES.map(([t]) => t),
    '晋江市医院晚上开到几点?',
    '在招远市梦芝社区卫生服务中心看门诊,医保有起付线吗,咋整',
    '我老婆在莱州,发烧了去哪看?',
    '牟平封控区域的病人要住院,核酸结果没出来怎么办',
    'CT 检查在忻州哪里做, 2号楼还是3号楼?',
    '俺娘在烟台市密接，要产检，去哪家医院啊',
  ];
  (native ? it : it.skip)('is the cut jieba makes of the blanked text, wherever a stretch is blanked', () => {
    const cut = native as (t: string) => string[];
    let read = 0;
    for (const text of TEXTS)
      for (let i = 0; i < text.length; i++)
        for (let n = 1; n <= 6 && i + n <= text.length; n++)
          for (const blank of [' ', '  ']) {
            const blanked = text.slice(0, i) + blank + text.slice(i + n);
            const derived = cutAfterBlanking(blanked, text, cut(text), cut);
            if (!derived) continue;
            read++;
            expect([blanked, derived]).toEqual([blanked, cut(blanked)]);
          }
    expect(read).toBeGreaterThan(100);
  });
  it('is not read off a text it was not blanked from', () => {
    const cut = (t: string): string[] => t.split('');
    expect(cutAfterBlanking('我在 发烧', '我在家里咳嗽', cut('我在家里咳嗽'), cut)).toBeUndefined();
    expect(cutAfterBlanking('我在忻州发烧', '我在忻州发烧', cut('我在忻州发烧'), cut)).toBeUndefined();
    expect(cutAfterBlanking('我在x发烧', '我在忻州发烧', cut('我在忻州发烧'), cut)).toBeUndefined();
  });
});
