// English, whole or mixed into Chinese, read into the Chinese the rest of the NLU understands: phrases
// are matched word by word on their inflection-free forms after contractions are expanded, the longest phrase wins, a
// misspelt content word is corrected to the nearest vocabulary word, numbers with units become Chinese
// units (40°C → 40度, 20 minutes ago → 20分钟前). The phrase table is data (intents/varieties/en.yml)
// plus the place names the caller adds (their pinyin). Pure once built.
import { isEnglishWord } from './english-words';
import { OWN_KEYS } from './english-keys';
import { z } from 'zod';
import { DataError } from './data-error';

/** A gloss's place, where a space's neighbour is read (`emit`). */
const GLOSS = '\u0000';
const CJK_CHAR = /^[\u3400-\u9fff]$/;
/** A space between `a` and `b` is dropped: `a` a gloss, `b` a gloss or a Chinese character. */
const glued = (a: string, b: string): boolean => a === GLOSS && (b === GLOSS || CJK_CHAR.test(b));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DamerauLevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance(a: string, b: string): number;
};

export const EnglishSchema = z.strictObject({
  version: z.literal(1),
  /** gloss → the English phrases meaning it. */
  glosses: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
  /** a word typed short → the words it stands for (tmrw → tomorrow, no1 → no one), read before any phrase. */
  shorthand: z
    .record(z.string(), z.string().regex(/^[a-z]+(?: [a-z]+)*$/, 'the words it stands for: lower-case, one space apart'))
    .superRefine((words, ctx) => {
      for (const key of Object.keys(words))
        if (!/^[a-z0-9]+$/.test(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'a word typed short: lower-case letters and digits' });
    })
    .default({}),
});
/** As written (the tests' small files leave `shorthand` out) or as loaded. */
export type EnglishFile = z.input<typeof EnglishSchema>;

export interface Phrase {
  phrase: string;
  gloss: string;
}

export interface EnglishGlosser {
  /** The text with its English phrases replaced by their glosses; unchanged when it has no Latin letters. */
  gloss(text: string): string;
  /** Every phrase known, by its stems (for tests and `nlu` diagnostics). */
  size: number;
}

const GAP = '…';
const MAX_GAP = 3;

interface Node {
  next: Map<string, Node>;
  gloss?: string;
}

const CONTRACTIONS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  wont: ['will', 'not'],
  "shan't": ['shall', 'not'],
  // (typed without the apostrophe, as quick messages are: "she dont respond")
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  isnt: ['is', 'not'],
  wasnt: ['was', 'not'],
  arent: ['are', 'not'],
  werent: ['were', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
  hasnt: ['has', 'not'],
  havent: ['have', 'not'],
  hadnt: ['had', 'not'],
  ive: ['i', 'have'],
  youre: ['you', 'are'],
  theyre: ['they', 'are'],
  "i'm": ['i', 'am'],
  im: ['i', 'am'],
  "it's": ['it', 'is'],
  "he's": ['he', 'is'],
  "she's": ['she', 'is'],
  "that's": ['that', 'is'],
  "what's": ['what', 'is'],
  "there's": ['there', 'is'],
  "let's": ['let', 'us'],
};

/**
 * A word's key for matching: its inflections stripped (babies → baby, breathing/breathes/breathed → breath,
 * seizures → seizur), nothing more. A derivational stemmer (Porter's) joins words that mean different things
 * (operation/operator, medical/medication), which the gloss table cannot tell apart.
 */
export function inflectionKey(word: string): string {
  let w = word;
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
  // (stripped, these would be other words: "note" is no "not", and "please note" negates nothing; "does" no "doe")
  const own = OWN_KEYS.get(w);
  if (own) return own;
  if (/ies$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(w)) {
    /* kept: loss, virus, dialysis */
  } else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w)) w = w.slice(0, -1);
  if (/ing$/.test(w) && w.length > 5) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length > 4) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  if (/e$/.test(w) && w.length > 3) w = w.slice(0, -1);
  return w;
}

const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = inflectionKey(word);
    if (stems.size < 50_000) stems.set(word, s);
  }
  return s;
}

const ILL_AS_SICK = /\b(?:is|was|am|are|be|been|being|feel|feels|felt|feeling|fell|falls|very|so|too|seriously|critically|mentally|terminally|gets|got|getting|become|became|looks|looked|seems|seemed)[ \t]+$/i;
const ILL_AS_I_WILL = /^[ \t]+(?:be|go|call|need|do|have|take|come|try|see|get|make|just|never|always|probably|text|tell|let|wait|miss|leave|pay|send|ask|still|not)\b/i;

/** A word as the words it stands for, lower case: "can't" → can not, "dad's" → dad, "we're" → we are. */
export function expandWord(raw: string): string[] {
  const w = raw.toLowerCase().replace(/’/g, "'");
  const fixed = CONTRACTIONS[w];
  if (fixed) return fixed;
  if (!w.includes("'")) return [w];
  const m = /^(.+?)'(t|s|re|ve|ll|d|m)$/.exec(w);
  if (!m) return [w.replace(/'/g, '')];
  const [, base = '', tail] = m;
  if (tail === 't') return base.endsWith('n') ? [base.slice(0, -1), 'not'] : [base];
  const more: Record<string, string> = { re: 'are', ve: 'have', ll: 'will', d: 'would', m: 'am' };
  return tail === 's' ? [base] : [base, more[tail as string] as string];
}

const UNITS: Record<string, string> = {
  minute: '分钟', min: '分钟', hour: '小时', hr: '小时', day: '天', week: '周', month: '个月', year: '年',
};
const AGE_UNITS: Record<string, string> = { day: '天大', week: '周大', month: '个月大', year: '岁' };
const NUMBER_UNIT = /(\d+(?:\.\d+)?|几)[ \t]*-?[ \t]*(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)(?:[ \t]*-?[ \t]*(old|ago))?\b/gi;
/** Fahrenheit (104.5°F, 101 degrees F, ℉): read as the Celsius the Chinese text writes, to a tenth (40.3度). */
const FAHRENHEIT = /(\d+(?:\.\d+)?)[ \t]*(?:°[ \t]*F|℉|(?:degrees?[ \t]+)?fahrenheit|degrees?[ \t]+F)(?![a-zA-Z])/gi;
const DEGREES = /(\d+(?:\.\d+)?)[ \t]*(?:°[ \t]*[cC]?|℃|degrees?(?:[ \t]+(?:c|celsius))?)(?![a-zA-Z])/gi;
const IN_YEAR = /\bin[ \t]+((?:19|20)\d\d)\b/gi;
/** An age gone by ("when I was 17", "when she was 19 years old"): that year of one's life, 17岁那年 (not "when he was 3
 * months old", an infant's age). */
const WHEN_AGED = /\bwhen[ \t]+(i|he|she|we|they|you)[ \t]+(?:was|were)[ \t]+(\d{1,2})(?:[ \t]*-?[ \t]*(?:years?|yrs?)[ \t]*-?[ \t]*old)?(?![ \t]*-?[ \t]*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|mo\b|m\/o|yo\b|y\/o|[\d:%]|\.\d))\b/gi;
/** An age in the short form ("my 2yo", "a 3 y/o", "8mo"). */
const SHORT_AGE = /\b(\d{1,2})[ \t]*(yo|y\/o|y\.o\.?|mo|m\/o)(?![a-z])/gi;

const NUMBER_WORDS: Record<string, string> = {
  a: '1', an: '1', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', few: '几', several: '几', couple: '2',
};
const WORD_BEFORE_UNIT = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|(?:a )?few|several|(?:a )?couple of)[ \t]+(?=(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b)/gi;

/** A count of pills taken ("took like 20 of my sleeping pills", "swallowed about 30 tablets"): the Chinese count, 吃了20片,
 * before the pills' own name (its gloss follows); a dose taken with a unit of its own (took 2 puffs, took 5 mg) is none. */
const PILLS_TAKEN = /\b(?:took|taken|swallowed|popped|ate|downed)[ \t]+(?:(?:like|about|around|maybe|almost|nearly|over|at least|probably)[ \t]+)?(\d{1,3})[ \t]+(?:of[ \t]+)?(?:(?:my|her|his|their|the|mum's|mom's|dad's)[ \t]+)?(?=(?:\w+[ \t]+)?(?:pills?|tablets?|meds|capsules?)\b)/gi;

/** Numbers with units as the Chinese text writes them. */
function units(text: string): string {
  return text
    .replace(PILLS_TAKEN, '吃了$1片')
    .replace(WHEN_AGED, '$1 $2岁那年')
    .replace(/\bhalf an hour\b/gi, '半小时')
    .replace(WORD_BEFORE_UNIT, (_, w: string) => `${NUMBER_WORDS[w.toLowerCase().replace(/^a /, '').replace(/ of$/, '')] ?? w} `)
    .replace(FAHRENHEIT, (_, f: string) => `${Math.round(((Number(f) - 32) * 50) / 9) / 10}度`)
    .replace(DEGREES, '$1度')
    .replace(NUMBER_UNIT, (_, n: string, unit: string, tail?: string) => {
      const u = unit.toLowerCase().replace(/s$/, '');
      const key = u === 'min' || u === 'mins' ? 'minute' : u === 'hr' || u === 'hrs' ? 'hour' : u;
      if (tail?.toLowerCase() === 'old') return `${n}${AGE_UNITS[key] ?? UNITS[key] ?? unit}`;
      return `${n}${UNITS[key] ?? unit}${tail?.toLowerCase() === 'ago' ? '前' : ''}`;
    })
    .replace(IN_YEAR, '$1年')
    .replace(SHORT_AGE, (_, n: string, u: string) => `${n}${u.toLowerCase().startsWith('m') ? '个月大' : '岁'}`);
}

const CHOICE = /\{([^{}]*)\}/;
const MAX_ALTERNATIVES = 256;

/** A phrase's spellings: each {a|b|c} in it is one of its choices ("{want to|wanna} hurt {myself|herself}" is four
 * phrases); a choice may be empty ({really |}). */
export function alternatives(phrase: string, where: string): string[] {
  if (/[{}|]/.test(phrase.replace(/\{[^{}]*\}/g, ''))) throw new DataError(`${where}: "${phrase}" has an unmatched brace or a "|" outside braces`);
  let out = [phrase];
  while (out.some((p) => CHOICE.test(p))) {
    out = out.flatMap((p) => {
      const m = CHOICE.exec(p);
      if (!m) return [p];
      return (m[1] as string).split('|').map((c) => `${p.slice(0, m.index)}${c}${p.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim());
    });
    if (out.length > MAX_ALTERNATIVES) throw new DataError(`${where}: "${phrase}" spells more than ${MAX_ALTERNATIVES} phrases`);
  }
  return out;
}

interface Token {
  /** Offsets of the word in the text. */
  start: number;
  end: number;
  stems: string[];
  /** The words as written (lower case), for names matched exactly. */
  raws: string[];
  /** The lower-case word as written, for spelling correction. */
  word: string;
  /** Only white space (or a hyphen) separates it from the previous word. */
  joined: boolean;
}

const WORD = /[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|&/g;
/** Whether a word joins the one before in a phrase: only spaces between them, or an ordinal's digits before its
 * ending (the 22nd floor balcony: "nd" is a word of the gap) — not punctuation, not a number alone. */
const joinedWith = (between: string, word: string): boolean => /^[ \t]*$/.test(between) || (/^[ \t]+\d+$/.test(between) && /^(?:st|nd|rd|th)$/i.test(word));

/** Words typed short read as the words they stand for: lower case or capitalised (Tmrw), never in capitals (RN, MSG:
 * an abbreviation of something else); nor inside a word, a number or an apostrophe's contraction; nor right after a
 * number, where a letter is its unit (打了40 u 胰岛素 is forty units, not "forty you"). */
export function shorthandReader(shorthand: Readonly<Record<string, string>>): (text: string) => string {
  const keys = Object.keys(shorthand).sort((a, b) => b.length - a.length);
  if (!keys.length) return (text) => text;
  const re = new RegExp(`(?<![A-Za-z0-9'’]|\\d[ \\t]+)(?:${keys.join('|')})(?![A-Za-z0-9'’])`, 'gi');
  return (text) =>
    text.replace(re, (w) => {
      const key = w.toLowerCase();
      const as = w === key || w === key[0]?.toUpperCase() + key.slice(1) ? shorthand[key] : undefined;
      return as ?? w;
    });
}

export function createEnglishGlosser(file: string, data: EnglishFile, extra: readonly Phrase[] = []): EnglishGlosser {
  const root: Node = { next: new Map() };
  const unshort = shorthandReader(data.shorthand ?? {});
  const seen = new Map<string, string>();
  const vocabulary = new Map<string, string>(); // word as written → its stem (for spelling correction)
  const names = new Set<string>(); // one-word place names (pinyin), for a misspelt name (jinjang)
  let size = 0;
  // a name (pinyin: baoding, baode) is matched as written, as is a gloss's word marked so (=spotting: not spot); a
  // gloss's other English words without their inflections
  const keyOf = (w: string, exact: boolean): string => (w === GAP ? GAP : w.startsWith('=') ? w : exact ? `=${w}` : stem(w));
  const add = (phrase: string, gloss: string, where: string, exact = false): void => {
    const words = unshort(phrase).split(/[\s-]+/).filter(Boolean).flatMap((w) => (w === GAP ? [GAP] : expandWord(w)));
    if (!words.length || words[0] === GAP || words[words.length - 1] === GAP) throw new DataError(`${where}: "${phrase}" must start and end with a word`);
    const key = words.map((w) => keyOf(w, exact)).join(' ');
    const prev = seen.get(key);
    if (prev !== undefined && prev !== gloss) throw new DataError(`${where}: "${phrase}" already means "${prev}"`);
    if (prev !== undefined) return;
    seen.set(key, gloss);
    let node = root;
    for (const w of words) {
      const k = keyOf(w, exact);
      if (!exact && w !== GAP && w.length >= 5 && /^[a-z]+$/.test(w)) vocabulary.set(w, k);
      if (exact && words.length === 1 && w.length >= 6 && /^[a-z]+$/.test(w)) names.add(w);
      let n = node.next.get(k);
      if (!n) node.next.set(k, (n = { next: new Map() }));
      node = n;
    }
    node.gloss = gloss;
    size++;
  };
  for (const [gloss, phrases] of Object.entries(data.glosses)) {
    phrases.forEach((p, i) => {
      const where = `${file}: glosses.${gloss}[${i}]`;
      for (const one of alternatives(p, where)) add(one, gloss, where);
    });
  }
  for (const p of extra) add(p.phrase, p.gloss, `place ${p.gloss}`, true);
  const byFirst = new Map<string, string[]>();
  for (const w of vocabulary.keys()) byFirst.set(w[0] as string, [...(byFirst.get(w[0] as string) ?? []), w]);

  // a word's correction, as it was found: messages repeat their words, and a correction is a scan of the vocabulary
  // (the table bounded, emptied when full)
  const correctedBefore = new Map<string, string | undefined>();

  /** A misspelt content word's stem: the nearest vocabulary word within one edit (two from nine letters). */
  function corrected(word: string): string | undefined {
    if (word.length < 6 || vocabulary.has(word) || !/^[a-z]+$/.test(word)) return undefined;
    if (correctedBefore.has(word)) return correctedBefore.get(word);
    if (correctedBefore.size >= 20_000) correctedBefore.clear();
    const found = nearest(word);
    correctedBefore.set(word, found);
    return found;
  }

  function nearest(word: string): string | undefined {
    // a word of its own is no misspelling (cooking is not choking)
    if (isEnglishWord(word)) return undefined;
    const limit = word.length >= 9 ? 2 : 1;
    let best: string | undefined;
    let bestD = limit + 1;
    for (const v of byFirst.get(word[0] as string) ?? []) {
      if (Math.abs(v.length - word.length) > limit) continue;
      const d = DamerauLevenshteinDistance(word, v);
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    return best === undefined ? undefined : vocabulary.get(best);
  }

  /** A misspelt place name one edit away (jinjang → jinjiang), for names of seven letters or more: the only one, or the
   * only one the word drops a letter of (a letter left out is the commonest slip: jinjang is jinjiang, not jinjing). */
  function nameOf(word: string): string | undefined {
    if (word.length < 7 || names.has(word) || !/^[a-z]+$/.test(word) || isEnglishWord(word)) return undefined;
    const near: string[] = [];
    for (const n of names) if (n[0] === word[0] && Math.abs(n.length - word.length) <= 1 && DamerauLevenshteinDistance(word, n) === 1) near.push(n);
    if (near.length === 1) return near[0];
    const dropped = near.filter((n) => n.length === word.length + 1);
    return dropped.length === 1 ? dropped[0] : undefined;
  }

  function tokens(text: string): Token[] {
    const out: Token[] = [];
    WORD.lastIndex = 0;
    let prevEnd = -1;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const between = prevEnd < 0 ? 'x' : text.slice(prevEnd, m.index);
      // "ill" typed for I'll before a verb (ill be around, ill call them), not sick (feels ill, is ill because)
      const iWill = /^ill$/i.test(m[0]) && ILL_AS_I_WILL.test(text.slice(m.index + 3)) && !ILL_AS_SICK.test(text.slice(0, m.index));
      const words = iWill ? ['i', 'will'] : m[0].split('-').flatMap(expandWord);
      const st = words.map((w, i) => {
        const s = stem(w);
        if (root.next.has(s) || root.next.has(`=${w}`)) return s;
        const fixed = corrected(w);
        if (fixed !== undefined) return fixed;
        const name = nameOf(w);
        if (!name) return s;
        words[i] = name;
        return stem(name);
      });
      out.push({ start: m.index, end: m.index + m[0].length, stems: st, raws: words, word: m[0].toLowerCase(), joined: joinedWith(between, m[0]) });
      prevEnd = m.index + m[0].length;
    }
    return out;
  }

  /** The longest phrase over whole words from `start` in the flat stem list: the stem index it ends at. */
  function longest(st: string[], raw: string[], breaks: boolean[], wordEnd: boolean[], start: number): { gloss: string; end: number } | undefined {
    let best: { gloss: string; end: number } | undefined;
    const walk = (node: Node, i: number): void => {
      if (node.gloss !== undefined && wordEnd[i - 1] && (!best || i > best.end)) best = { gloss: node.gloss, end: i };
      if (i >= st.length || (i > start && breaks[i])) return;
      const exact = node.next.get(`=${raw[i] as string}`);
      if (exact) walk(exact, i + 1);
      const n = node.next.get(st[i] as string);
      if (n) walk(n, i + 1);
      const gap = node.next.get(GAP);
      if (gap)
        for (let k = 1; k <= MAX_GAP && i + k < st.length; k++) {
          if (k > 1 && breaks[i + k - 1]) break;
          if (breaks[i + k]) break;
          walk(gap, i + k);
        }
    };
    walk(root, start);
    return best;
  }

  function gloss(input: string): string {
    if (!/[A-Za-z]/.test(input)) return input;
    const text = units(unshort(input));
    const ts = tokens(text);
    if (!ts.length) return text;
    // the words' stems in one list; a phrase may not run across punctuation
    const st: string[] = [];
    const raw: string[] = [];
    const owner: number[] = [];
    const breaks: boolean[] = [];
    const wordEnd: boolean[] = [];
    ts.forEach((tok, t) => {
      tok.stems.forEach((s, k) => {
        st.push(s);
        raw.push(tok.raws[k] as string);
        owner.push(t);
        breaks.push(k === 0 && !tok.joined);
        wordEnd.push(k === tok.stems.length - 1);
      });
    });
    let out = '';
    let pos = 0;
    let lastWasGloss = false;
    // glosses sit next to Chinese (or each other) without spaces, on either side (不想 wake up 了 is 不想醒了); English
    // words keep theirs: a run of spaces goes when a gloss is on one side of it and a gloss or a Chinese character on the other
    const emit = (piece: string, isGloss: boolean, start: number): void => {
      const between = text.slice(pos, start).replace(/[ \t]+/g, (run: string, at: number, all: string) => {
        const left = at === 0 ? (lastWasGloss ? GLOSS : out.slice(-1)) : (all[at - 1] as string);
        const right = at + run.length === all.length ? (isGloss ? GLOSS : piece.slice(0, 1)) : (all[at + run.length] as string);
        return glued(left, right) || glued(right, left) ? '' : run;
      });
      out += between + piece;
      lastWasGloss = isGloss;
    };
    for (let i = 0; i < st.length; ) {
      const tok = ts[owner[i] as number] as Token;
      const hit = longest(st, raw, breaks, wordEnd, i);
      if (hit) {
        emit(hit.gloss, true, tok.start);
        pos = (ts[owner[hit.end - 1] as number] as Token).end;
        i = hit.end;
      } else {
        // a contraction's later part may start a phrase: isn't breathing → is + (not breathing)
        let j = i + 1;
        let inner: { gloss: string; end: number } | undefined;
        for (; j < st.length && ts[owner[j] as number] === tok && !inner; j++) inner = longest(st, raw, breaks, wordEnd, j);
        if (inner) {
          emit(raw.slice(i, j - 1).join(' '), false, tok.start);
          pos = tok.start;
          emit(inner.gloss, true, tok.start);
          pos = (ts[owner[inner.end - 1] as number] as Token).end;
          i = inner.end;
          continue;
        }
        emit(text.slice(tok.start, tok.end), false, tok.start);
        pos = tok.end;
        while (i < st.length && ts[owner[i] as number] === tok) i++;
      }
    }
    let rest = text.slice(pos);
    if (lastWasGloss && /^[ \t]+(?=[\u3400-\u9fff])/.test(rest)) rest = rest.trimStart();
    return out + rest;
  }

  return { gloss, size };
}

/** The glosses written as the varieties' mapping leaves Chinese (呕吐 → 吐吐): the English is glossed after the mapping,
 * so a gloss must already be in its form to meet the concept words. Glosses that map alike keep all their phrases. */
export function glossesMapped(data: EnglishFile, varieties: { map(text: string): { text: string } }): EnglishFile {
  const glosses: Record<string, string[]> = {};
  for (const [gloss, phrases] of Object.entries(data.glosses)) {
    const key = varieties.map(gloss).text;
    glosses[key] = [...(glosses[key] ?? []), ...phrases];
  }
  return { ...data, glosses };
}
