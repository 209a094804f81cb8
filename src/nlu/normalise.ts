// Normalisation: NFKC (full width → half width), traditional → simplified (opencc-js, loaded once),
// emoji and repeated punctuation stripped, Chinese numerals before units made Arabic, forwarding
// prefixes removed. Pure once built: `normalise(text)` reads nothing but its argument.
import * as OpenCC from 'opencc-js';
import type { Script } from './types';
import type { VarietyMapper } from './varieties';
import type { EnglishGlosser } from './english';

export interface NormaliseConfig {
  /** Regex sources matched at the start of the message (after earlier prefixes are removed). */
  forwardPrefixes: string[];
  /** Cantonese and Minnan forms → Mandarin (applied after traditional → simplified). */
  varieties?: VarietyMapper;
  /** Chinese typed in pinyin → characters (romanised.ts; before numerals and English). */
  romanised?: (text: string) => string;
  /** English phrases → the Chinese the rest of the NLU reads (applied last). */
  english?: EnglishGlosser;
  /** Typing word by word: the words that negate the next, and the verbs a negated phrase goes on after (lexicon.yml). */
  wordByWord: { negators: readonly string[]; modals: readonly string[] };
}

export interface Normalised {
  original: string;
  text: string;
  script: Script;
  lang: 'zh' | 'en';
  langKnown: boolean;
  forwarded: boolean;
  /** The forwarding prefixes removed, in order (转:, 帮居民问…). */
  prefixes: string[];
  /** Varieties the message is written in besides Mandarin (yue, nan). */
  varieties: string[];
}

export type Normaliser = (text: string) => Normalised;

type DictLike = string | readonly (readonly [string, string])[];

/** Single characters the traditional → simplified dictionaries change: a message with none of them skips opencc. */
function changingChars(groups: readonly (readonly DictLike[])[]): Set<string> {
  const set = new Set<string>();
  for (const group of groups) {
    for (const dict of group) {
      const pairs: (readonly [string, string])[] =
        typeof dict === 'string'
          ? dict.split('|').map((p) => {
              const [k = '', v = ''] = p.split(' ');
              return [k, v] as const;
            })
          : [...dict];
      for (const [k, v] of pairs) {
        if (k && k.length === 1 && k !== v) set.add(k);
      }
    }
  }
  return set;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三十八 → 38, 二十 → 20, 十 → 10, 四十一 → 41, 零十 → 10; up to 99 (what temperatures, weeks, counts need). */
export function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  // 两个月零十天: the 零 joins, it is not a digit of the number
  if (s.length > 1 && (s[0] === '零' || s[0] === '〇')) s = s.slice(1);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const head = s.slice(0, ten);
  const tail = s.slice(ten + 1);
  const tens = head ? CN_DIGITS[head] : 1;
  const ones = tail ? CN_DIGITS[tail] : 0;
  if (tens === undefined || ones === undefined || head.length > 1 || tail.length > 1) return undefined;
  return tens * 10 + ones;
}

/** Words between a number and its unit that make it approximate: 二十来天, 十几天, 三十多度 (the urgent numbers read them too). */
export const APPROXIMATE = '多来几余';
/** A Chinese numeral before a unit, or before an approximation and a unit. */
const TENTHS_AFTER_DEGREES = /(3\d|4[0-2])度([一二三四五六七八九])(?![十百千万度])/g;
// (not a weekday: 周二周四周六透 is not 2周, 4周; nor 万一, in case: 万一工地有人摔了)
const NUMERAL_BEFORE_UNIT = new RegExp(`(?<!周|星期|礼拜|万)([零〇一二两三四五六七八九十]{1,3})(?=[${APPROXIMATE}]?(?:度|周|个星期|星期|个月|个多月|岁|次|回|天|工|分钟|小时))`, 'g');
/** Faces that laugh at something (😂 🤣 😆 😹) — not a nervous or polite smile (😅 😄), which a worried message has too. */
const LAUGHING = /(?:[\u{1F602}\u{1F923}\u{1F606}\u{1F639}]\u{FE0F}?)+/gu;
/** Pictures in a row, read as one pause; none where the text already pauses (start, end, punctuation, space). */
const EMOJI_RUN = /\p{Extended_Pictographic}+/gu;
const PAUSE_NEXT_TO = /^$|[\s\p{P}~～]/u;
/** Punctuation said aloud to a dictating phone, when two or more are said (a lone 句号 may be a word). */
const SPOKEN_MARKS: Record<string, string> = { 逗号: ',', 句号: '。', 问号: '?', 感叹号: '!', 叹号: '!', 顿号: '、', 冒号: ':', 分号: ';' };
const SPOKEN = Object.keys(SPOKEN_MARKS).join('|');
const SPOKEN_PUNCT = new RegExp(SPOKEN, 'g');
const SPOKEN_TWICE = new RegExp(`(?:${SPOKEN}).*(?:${SPOKEN})`);
/** A space between two CJK characters. */
const CJK_SPACE = /([\u3400-\u9fff]) (?=[\u3400-\u9fff])/g;
const REPEATED_PUNCT = /([!?,.。~…、;:\-=*#])\1+/g;
const MIXED_END_PUNCT = /[!?]{2,}/g;

function latinAny(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function needsNfkc(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa0) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue; // unified ideographs are NFKC-stable
    if (c === 0x3001 || c === 0x3002) continue;
    return true;
  }
  return false;
}

/**
 * Standard simplified characters that OpenCC's Taiwan table maps to another one (么 → 幺: Taiwan writes 幺 as 么):
 * "能去医院么" is simplified Chinese, not traditional, and its 么 stays 么.
 */
const AS_TYPED = '么';

/** The converted text with the AS_TYPED characters of the original put back (when the conversion kept the length). */
function keepAsTyped(original: string, converted: string): string {
  if (converted.length !== original.length) return converted;
  let out = converted;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (AS_TYPED.includes(ch) && out[i] !== ch) out = out.slice(0, i) + ch + out.slice(i + 1);
  }
  return out;
}

/** OpenCC's traditional → simplified converter, loaded once and shared (the data files' keys use it too). */
let simplifier: ((text: string) => string) | undefined;
export const toSimplified = (text: string): string => (simplifier ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(text);

export function createNormaliser(config: NormaliseConfig): Normaliser {
  const negators = new Set(config.wordByWord.negators);
  const modals = new Set(config.wordByWord.modals);
  // a bitmap over UTF-16 code units: 1 = traditional (opencc changes it), 2 = a Chinese numeral
  const marks = new Uint8Array(0x10000);
  for (const ch of changingChars([...(OpenCC.Locale.from.tw ?? []), ...(OpenCC.Locale.to.cn ?? [])])) {
    if (ch.length === 1 && !AS_TYPED.includes(ch) && toSimplified(ch) !== ch) marks[ch.charCodeAt(0)] = 1;
  }
  for (const ch of '零〇一二两三四五六七八九十') marks[ch.charCodeAt(0)] = 2;
  const prefixes = config.forwardPrefixes.map((p) => new RegExp(`^(?:${p})`));
  const anyPrefix = config.forwardPrefixes.length ? new RegExp(`^(?:${config.forwardPrefixes.join('|')})`) : undefined;

  return function normalise(original: string): Normalised {
    // NFKC changes only compatibility characters (full width forms, ideographic space, circled digits…)
    let text = needsNfkc(original) ? original.normalize('NFKC') : original;
    let script: Script = 'simplified';
    // one pass to see which clean-ups this message needs (most need few)
    let trad = false;
    let exotic = false; // emoji, zero-width, quotes
    let spaces = false;
    let punct = false;
    let numeral = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c === 32 || c === 9 || c === 10 || c === 13) spaces = true;
        else if (c === 33 || c === 63 || c === 44 || c === 46 || c === 126 || c === 59 || c === 58 || c === 45 || c === 61 || c === 42 || c === 35) punct = true;
        else if (c === 34 || c === 39) exotic = true;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) exotic = true;
      else if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || (c >= 0x300c && c <= 0x300f)) exotic = true;
      else if (c === 0x3002 || c === 0x3001) punct = true;
      else if (c === 0x3000 || c === 0xa0) spaces = true;
      else if (marks[c] === 2) numeral = true;
      else if (marks[c] === 1) trad = true;
    }
    if (trad) {
      const converted = keepAsTyped(text, toSimplified(text));
      if (converted !== text) {
        script = 'traditional';
        text = converted;
        // 兩個月 is 两个月 now: a numeral before its unit
        if (!numeral) for (let i = 0; i < text.length && !numeral; i++) if (marks[text.charCodeAt(i)] === 2) numeral = true;
      }
    }
    const mapped = config.varieties ? config.varieties.map(text) : { text, varieties: [] };
    text = mapped.text;
    if (exotic) {
      text = text
        // laughing faces say a joke (can't breathe at the prices 😂): kept as the laugh they are
        .replace(LAUGHING, '哈哈')
        // any other picture is a pause between words (透析❌三天没做 喘: the 没 does not reach past it); the
        // joiners and skin tones that build one picture from several are dropped
        .replace(/[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/gu, '')
        .replace(EMOJI_RUN, (run, at: number, all: string) => (PAUSE_NEXT_TO.test(all[at - 1] ?? '') || PAUSE_NEXT_TO.test(all[at + run.length] ?? '') ? '' : ' '))
        .replace(/[\u200B-\u200F\u2060\uFEFF]/g, '')
        .replace(/[“”"'‘’「」『』]/g, (q) => (q === '“' || q === '”' || q === '"' ? '"' : "'"));
    }
    // (a picture read as a pause leaves a space: read as one typed)
    if (exotic && !spaces && text.includes(' ')) spaces = true;
    // (a line break ends a sentence where no mark does: a chat's lines are its sentences — [链接] 凌晨胸痛 男子… ⏎ 看了这个…)
    if (spaces) text = text.replace(/\s+/g, (ws, at: number, all: string) => (ws.includes('\n') && at > 0 && at + ws.length < all.length && !/\p{P}/u.test(all[at - 1] as string) ? (/[\u3400-\u9fff]/.test(all[at - 1] as string) ? '。' : '. ') : ' '));
    if (config.romanised && spaces && latinAny(text)) {
      const read = config.romanised(text);
      if (read !== text) {
        text = read;
        // san tian → 三天, a numeral before its unit
        for (let i = 0; i < text.length && !numeral; i++) if (marks[text.charCodeAt(i)] === 2) numeral = true;
      }
    }
    if (punct || exotic) {
      text = text
        .replace(REPEATED_PUNCT, '$1')
        .replace(MIXED_END_PUNCT, (m) => (m.includes('?') ? '?' : '!'))
        .replace(/\.{3,}|…+/g, '…');
    }
    if (numeral) {
      text = text.replace(NUMERAL_BEFORE_UNIT, (m) => {
        const n = chineseNumber(m);
        return n === undefined ? m : String(n);
      });
      // a temperature's tenths said after 度 (三十八度八 → 38.8度)
      text = text.replace(TENTHS_AFTER_DEGREES, (_, whole: string, tenth: string) => `${whole}.${'〇一二三四五六七八九'.indexOf(tenth)}度`);
    }
    if (spaces) {
      text = text.trim();
      // every character typed apart (村 里 阳 了 先 去 哪 看): the spaces are no breaks at all; else a space between
      // two CJK characters is voice-typing noise, a pause
      const apart = text.match(CJK_SPACE)?.length ?? 0;
      const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
      const everyCharacter = cjk >= 4 && apart >= (cjk - 1) * 0.7;
      // …or word by word (妈妈 胸口 疼 很久 出汗 多): most of five or more pieces a word of one or two characters; a
      // negated word keeps its clause (不 发烧 胸口 疼 → 不发烧,胸口疼)
      const pieces = text.split(' ');
      const cjkPieces = pieces.filter((p) => /[\u3400-\u9fff]/.test(p));
      // (a piece's words counted apart from the punctuation typed between them: 我 聋。电话 不 能 打)
      const words = cjkPieces.flatMap((p) => p.split(/[^\u3400-\u9fff]+/).filter(Boolean));
      const wordByWord = cjkPieces.length >= 5 && words.filter((w) => w.length <= 2).length >= words.length * 0.7;
      if (wordByWord && !everyCharacter) {
        let out = pieces[0] as string;
        for (let k = 1; k < pieces.length; k++) {
          const prev = pieces[k - 1] as string;
          const cur = pieces[k] as string;
          const between = /[\u3400-\u9fff]$/.test(prev) && /^[\u3400-\u9fff]/.test(cur);
          out += !between ? ` ${cur}` : k >= 2 && negators.has(pieces[k - 2] as string) && !modals.has(prev) ? `,${cur}` : cur;
        }
        text = out;
      } else text = text.replace(CJK_SPACE, everyCharacter ? '$1' : '$1,');
    }
    // punctuation said aloud to a dictating phone (…逗号…问号): the marks themselves
    if (SPOKEN_TWICE.test(text)) text = text.replace(SPOKEN_PUNCT, (w) => SPOKEN_MARKS[w] as string);

    const removed: string[] = [];
    for (let changed = anyPrefix !== undefined && anyPrefix.test(text); changed; ) {
      changed = false;
      for (const re of prefixes) {
        const m = re.exec(text);
        if (m && m[0].length > 0 && m[0].length < text.length) {
          removed.push(m[0]);
          text = text.slice(m[0].length).replace(/^[\s:,.。!?]+/, '');
          changed = true;
        }
      }
    }

    // Language: English when Latin words outnumber Han characters; markup (<img …>) and links say nothing.
    const prose = /[<:]/.test(text) ? text.replace(/<[^<>]{0,300}>|https?:\/\/\S+/g, ' ') : text;
    let cjk = 0;
    let latin = 0;
    let words = 0;
    for (let i = 0; i < prose.length; i++) {
      const c = prose.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) cjk++;
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (letter) latin++;
      else {
        if (latin >= 2) words++;
        latin = 0;
      }
    }
    if (latin >= 2) words++;
    const lang = words >= 2 && cjk <= words ? 'en' : 'zh';
    if (config.english && latinAny(text)) text = config.english.gloss(text);
    const langKnown = cjk > 0 || words >= 2;
    return { original, text, script, lang, langKnown, forwarded: removed.length > 0, prefixes: removed, varieties: mapped.varieties };
  };
}
