// A pasted notice made readable while keeping where every character came from: pinyin glosses in
// brackets and word-processor bookmarks removed, traditional characters made simplified (one for one), and
// a parallel NFKC form for matching. Every later stage works on Segs, whose `offs` map each character back
// to its offset in the original text, so evidence always points at what the administrator pasted.
import * as OpenCC from 'opencc-js';

/** A piece of the cleaned notice: `text` as printed (simplified), `norm` NFKC of it (same length), `offs` original offsets. */
export interface Seg {
  text: string;
  norm: string;
  offs: number[];
}

export interface Line extends Seg {
  /** 1-based line number in the original text. */
  no: number;
}

export interface Prepared {
  original: string;
  lines: Line[];
  /** The notice was written (at least partly) in traditional characters. */
  traditional: boolean;
}

/** A pinyin gloss right after a Han character: 農(nóng), 區(qū). */
const SYLLABLE = '[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,7}[1-5]?';
const PINYIN = new RegExp(`(?<=[\\u3400-\\u9fff])[(（]\\s*${SYLLABLE}(?:[\\s'’-]+${SYLLABLE}){0,5}\\s*[)）]`, 'g');
const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\r]/g;

let converter: ((s: string) => string) | undefined;
function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const whole = converter(s);
  if (whole.length === s.length) return whole;
  // a phrase conversion changed the length: convert one character at a time so offsets stay aligned
  let out = '';
  for (const ch of s) {
    const c = converter(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** NFKC per character where it keeps one character (full-width → half-width), so offsets stay aligned. */
export function nfkc(s: string): string {
  let out = '';
  for (const ch of s) {
    const n = ch.normalize('NFKC');
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

export function seg(text: string, offs: number[]): Seg {
  return { text, norm: nfkc(text), offs };
}

export function prepare(original: string): Prepared {
  const drop = new Uint8Array(original.length);
  for (const re of [PINYIN, BOOKMARK, INVISIBLE]) {
    re.lastIndex = 0;
    for (let m = re.exec(original); m; m = re.exec(original)) drop.fill(1, m.index, m.index + m[0].length);
  }
  let kept = '';
  const offs: number[] = [];
  for (let i = 0; i < original.length; i++) {
    if (drop[i]) continue;
    kept += original[i];
    offs.push(i);
  }
  const simplified = toSimplified(kept);
  const traditional = simplified !== kept;
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= simplified.length; i++) {
    if (i < simplified.length && simplified[i] !== '\n') continue;
    const text = simplified.slice(start, i);
    const o = offs.slice(start, i);
    // line breaks are never dropped, so the k-th line here is the k-th line of the original
    lines.push({ ...seg(text, o), no: lines.length + 1 });
    start = i + 1;
  }
  return { original, lines, traditional };
}

/** Part of a Seg. */
export function sub(s: Seg, start: number, end = s.text.length): Seg {
  return { text: s.text.slice(start, end), norm: s.norm.slice(start, end), offs: s.offs.slice(start, end) };
}

/** A Seg without surrounding white space (and the separators given). */
export function trim(s: Seg, chars = ''): Seg {
  const strip = (c: string) => /\s/.test(c) || chars.includes(c);
  let a = 0;
  let b = s.text.length;
  while (a < b && strip(s.text[a] as string)) a++;
  while (b > a && strip(s.text[b - 1] as string)) b--;
  return sub(s, a, b);
}

/** Segs joined into one (wrapped lines of one paragraph). */
export function join(parts: Seg[]): Seg {
  return { text: parts.map((p) => p.text).join(''), norm: parts.map((p) => p.norm).join(''), offs: parts.flatMap((p) => p.offs) };
}

/** [start, end) of a Seg in the original text. */
export function range(s: Seg): [number, number] {
  if (s.offs.length === 0) return [0, 0];
  return [s.offs[0] as number, (s.offs[s.offs.length - 1] as number) + 1];
}
