// pinyin-pro, required on first use: a start whose syllables all come from the start-up cache (prebuilt.ts)
// never loads it (30 ms of a start); the urgent detector's homophone readings load it on the first message
// that needs them (the warm-up turn after start-up, as a rule).
import type * as PinyinPro from 'pinyin-pro';

let loaded: typeof PinyinPro | undefined;

/** Loads it now (a core worker thread, before its first turn: every message's homophone check reads it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadPinyin = (): void => void (loaded ??= require('pinyin-pro') as typeof PinyinPro);

export const pinyin: typeof PinyinPro.pinyin = ((...a: Parameters<typeof PinyinPro.pinyin>) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (loaded ??= require('pinyin-pro') as typeof PinyinPro).pinyin(...a)) as typeof PinyinPro.pinyin;
