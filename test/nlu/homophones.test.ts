// The domain's words typed with a pinyin input method's homophone, read as the word meant: alone (createHomophoneReader,
// with a toy reading table) and through the real NLU (lexicon.yml `homophones`).
import { createHomophoneReader, homophoneReaderOf } from '../../src/nlu/homophones';
import { realNlu } from '../support/nlu';

describe('createHomophoneReader', () => {
  const sound: Record<string, string> = { 头: 'tou', 透: 'tou', 析: 'xi', 西: 'xi', 医: 'yi', 院: 'yuan', 元: 'yuan', 一: 'yi', 的: 'de', 得: 'de', 去: 'qu' };
  const reader = createHomophoneReader(['透析', '医院'], {
    syllablesOf: (w) => [...w].map((c) => sound[c] ?? ''),
    readingOf: (c) => sound[c] ?? '',
    isWord: (w) => w === '一元',
    never: new Set(['的', '一']),
  });
  // a segmenter that cuts every character apart, unless told otherwise
  const chars = (t: string): string[] => [...t];

  it('reads a window that sounds like a word, one character in three changed', () => {
    expect(reader.correct('去透西', chars)).toBe('去透析');
    expect(reader.correct('医元透西', chars)).toBe('医院透析');
  });

  it('leaves a word of its own, a character never guessed, and a window that is not whole words', () => {
    expect(reader.correct('一元', chars)).toBe('一元');
    expect(reader.correct('一院', chars)).toBe('一院');
    expect(reader.correct('去透西', (t) => [t.slice(0, 2), t.slice(2)])).toBe('去透西');
  });

  it('reads a word of two said whole with both characters another\'s only where each character was cut alone', () => {
    expect(reader.correct('去头西', chars)).toBe('去透析');
    expect(reader.correct('去头西', (t) => [t.slice(0, 1), t.slice(1)])).toBe('去头西');
  });

  it('reads nothing inside a word kept whole (keep)', () => {
    const keeping = createHomophoneReader(['透析'], { syllablesOf: (w) => [...w].map((c) => sound[c] ?? ''), readingOf: (c) => sound[c] ?? '', isWord: () => false, never: new Set(), keep: ['头西林'] });
    expect(keeping.correct('吃头西林', chars)).toBe('吃头西林');
    expect(keeping.correct('去头西', chars)).toBe('去透析');
  });

  it('keeps the text as it is when nothing sounds like a word, and its length always', () => {
    expect(reader.correct('hello 去', chars)).toBe('hello 去');
    expect(reader.correct('透西去医元', chars)).toHaveLength(5);
  });
});

describe('homophones through the NLU', () => {
  const nlu = realNlu();
  const read = (t: string): string => nlu.analyse(t).normalised;

  it('reads the domain words a pinyin input method mistypes', () => {
    expect(read('透西定点医元是哪个')).toBe('透析定点医院是哪个');
    expect(read('我爸要做话疗')).toBe('我爸要做化疗');
    expect(read('孩子发少38度')).toContain('发烧');
    expect(read('泉秀街到')).toBe('泉秀街道');
    expect(read('我妈高血呀')).toBe('我妈高血压');
    expect(read('社区中新能打逸苗吗')).toBe('社区中心能打疫苗吗');
    expect(read('想办门诊特殊病重')).toBe('想办门诊特殊病种');
    expect(read('转到泉秀社曲')).toBe('转到泉秀社区');
    // a disease's last character typed as its sound (冠心并, 心脏并), and 拿 for 哪 before the place asked for
    expect(read('我爸有冠心并')).toBe('我爸有冠心病');
    expect(read('老人心脏并犯了')).toBe('老人心脏病犯了');
    expect(read('开药去拿个医院')).toBe('开药去哪个医院');
    // a word said whole by voice, both characters another's (头洗, 偷西 for 透析)
    expect(read('晋江特定对象偷西在哪里')).toContain('透析');
    // and so the intent and the place: 泉秀街到 is a place given, not a question of opening hours
    expect(nlu.analyse('泉秀街到').intent.name).toBe('give_locality');
  });

  it('leaves words of their own and phrases across words alone', () => {
    expect(read('我头发少')).toBe('我头发少');
    expect(read('一元钱能买什么')).toBe('一元钱能买什么');
    // a rope hung is no registration (挂好 is not 挂号), a spin no transfer (转晕 is not 转运)
    expect(read('绳子挂好了')).toBe('绳子挂好了');
    expect(read('转晕了')).toBe('转晕了');
    // a health worker, not a health centre; Cantonese next door, not isolation; a rash, not an emergency room
    expect(read('卫生员来了')).toBe('卫生员来了');
    expect(read('隔篱屋个伯伯')).not.toContain('隔离');
    expect(read('幼儿急疹')).toBe('幼儿急疹');
    // a medicine, something borrowed and a box cutter hold no 社区 and no 街道
    expect(read('一直在吃舍曲林')).toBe('一直在吃舍曲林');
    expect(read('哪里能借到制氧机')).toBe('哪里能借到制氧机');
    expect(read('这是今晚的重头戏')).toBe('这是今晚的重头戏');
  });
});

describe('homophoneReaderOf', () => {
  it('reads no syllable until the first message (a start from the cache loads no pinyin-pro), then reads the words', () => {
    let asked = 0;
    const reader = homophoneReaderOf(
      { homophones: { words: ['医院'], never: [] } },
      (w) => {
        asked++;
        return w === '医院' ? ['yi', 'yuan'] : [];
      },
      () => false,
    );
    expect(asked).toBe(0);
    expect(reader.correct('去医元', (t) => [...t])).toBe('去医院');
    expect(asked).toBe(1);
  });
});
