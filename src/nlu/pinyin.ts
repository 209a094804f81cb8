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

/** Two characters read the same syllable, tones aside, in any of their readings (罘 and 福 are both fu; 浦 and 蒲 pu):
 * what pinyin input offers for one in place of the other. Memoised per pair. */
const sameSound = new Map<string, boolean>();
export function soundsAlike(a: string, b: string): boolean {
  const key = a < b ? a + b : b + a;
  let same = sameSound.get(key);
  if (same === undefined) {
    const of = new Set(readingsOf(a));
    sameSound.set(key, (same = readingsOf(b).some((r) => of.has(r))));
  }
  return same;
}

/** A character's syllables, tones aside, in all its readings (罘: fu). Memoised. */
const readings = new Map<string, readonly string[]>();
export function readingsOf(ch: string): readonly string[] {
  let list = readings.get(ch);
  if (!list) readings.set(ch, (list = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }) as string[]));
  return list;
}
