// Chinese typed in pinyin (src/nlu/romanised.ts): read back into characters with the words of our own data, so
// the urgent detector and the intents read it; English, names and single English words among Chinese are left alone.
import { buildRomanisedModel, isRomanisedModel, syllableInventory, type Readings } from '../../src/nlu/romanised-model';
import { createRomanisedReader } from '../../src/nlu/romanised';
import { pinyin } from 'pinyin-pro';
import { realNlu } from '../support/nlu';

describe('the romanised reader on a small model', () => {
  // readings of a toy vocabulary: 有 and 油 are both "you"
  const table: Record<string, string[]> = { 加: ['jia'], 家: ['jia'], 有: ['you'], 油: ['you'], 我: ['wo'], 们: ['men'], 我们: ['wo', 'men'], 加油: ['jia', 'you'] };
  const readings: Readings = { word: (w) => table[w] ?? [], char: (c) => table[c] ?? [] };
  const sentences = [['我', '有'], ['我', '有'], ['家', '有'], ['我们', '加', '油'], ['我们', '加', '油'], ['有'], ['有'], ['有']];
  const model = buildRomanisedModel(sentences, readings, ['jia', 'you', 'wo', 'men']);
  const read = createRomanisedReader(model);

  it('keeps a pair seen twice and leaves out the rest', () => {
    expect(model.pairs).toEqual(expect.arrayContaining([['加', '油', 2], ['我', '有', 2], ['我们', '加', 2]]));
    expect(model.pairs.some(([a, b]) => a === '家' && b === '有')).toBe(false);
    expect(isRomanisedModel(model)).toBe(true);
    expect(isRomanisedModel({ ...model, pairs: [['加', 1]] })).toBe(false);
  });

  it('chooses by what follows what, not by frequency alone', () => {
    // 有 is the commoner "you", but 油 follows 加
    expect(read('wo men jia you')).toBe('我们加油');
    expect(read('wo men you, jia you')).toBe('我们有, 加油');
    // and reads nothing where too few syllables fall in words of two characters or more
    expect(read('wo you wo you')).toBe('wo you wo you');
  });

  it('reads words typed joined and apart alike', () => {
    expect(read('women jiayou wo')).toBe(read('wo men jia you wo'));
  });
});

describe('the syllable inventory', () => {
  it('holds every toneless pinyin syllable and no interjection', () => {
    const s = new Set(syllableInventory({ word: () => [], char: (c) => pinyin(c, { toneType: 'none', type: 'array', multiple: true }) as string[] }));
    for (const x of ['zhuang', 'lu', 'nu', 'a', 'er', 'chuang', 'xiong']) expect(s.has(x)).toBe(true);
    for (const x of ['m', 'n', 'ng', 'hm', 'the', 'lv']) expect(s.has(x)).toBe(false);
  });
});

describe('pinyin messages, read by the whole NLU', () => {
  const nlu = realNlu();
  const text = (t: string) => nlu.normalise(t).text;
  const detect = (t: string) => nlu.urgent.detect(text(t)).flags.length > 0;

  it('reads a message typed in pinyin into the words of the data', () => {
    expect(text('wo ye ye tou teng de li hai, hai tu le')).toContain('爷爷头疼');
    expect(text('xiao hai fa shao 40 du')).toContain('发烧40度');
    expect(text('feng kong qu zen me qu yi yuan')).toContain('医院');
  });

  it('raises the alarm for an emergency typed in pinyin, and not for a routine question', () => {
    expect(detect('wo ma hun dao le, jiao ta mei fan ying')).toBe(true);
    expect(detect('ta tu ran shuo hua bu qing chu, zui wai le')).toBe(true);
    expect(detect('he suan bao gao zen me cha')).toBe(false);
  });

  it('leaves a name inside a sentence to the place-name reader', () => {
    expect(text('wo men zai Xinzhou, yao zuo tou xi')).toMatch(/忻州.*透析/);
  });

  it('leaves English alone, and one English word among Chinese characters', () => {
    // (the English reader glosses "he can"; nothing is read as pinyin: ban 办, man 慢)
    expect(text('he can ban a man')).toMatch(/ban a man$/);
    expect(text('我头好痛 headache 很厉害')).not.toMatch(/喝|打车/);
    expect(text('my son has a fever of 39')).not.toMatch(/[\u3400-\u9fff]{2,}(?:吗|了)/);
  });
});
