// Removes personal numbers from free text before it is logged or stored: Chinese ID numbers, mobile and
// landline phone numbers, bare 7- and 8-digit local numbers, e-mail addresses. Full-width digits count too.
// It errs on the side of removing: an 8-digit date or order number is removed as well.
//
// It runs on the main thread for every message, so its work must grow linearly with the text whatever the
// text is (a regular expression with an unbounded repetition, tried at every position, is quadratic: the
// e-mail pattern used to take 13 s on 100 KB of digits). The text is scanned once per pattern:
// - a number pattern has a bounded length (`maxLength`), so it is tried, as a sticky regular expression,
//   only where a number may begin (a start character not preceded by a digit) and only on a window of
//   `maxLength` + 2 characters around that position: each try costs at most a constant;
// - e-mail addresses are matched by hand around each '@': the local part to its left and the domain to its
//   right never contain an '@', so the stretches read for different '@'s do not overlap.
// `redactCounted` returns the work done (characters read, window characters handed to a regular
// expression), which the tests bound by a constant times the length of the text.

const DIGIT = '[0-9０-９]';
const SEP = '[\\s\\-－]?';
/** Not preceded / followed by another digit, so parts of longer numbers are not matched. */
const NB = '(?<![0-9０-９])';
const NA = '(?![0-9０-９])';

interface NumberPattern {
  kind: 'number';
  name: string;
  /** Sticky: tried at one position of a window. */
  pattern: RegExp;
  /** The longest text the pattern can match (its quantifiers are all bounded). */
  maxLength: number;
  /** Characters a match can begin with. */
  starts: string;
  token: string;
}

interface EmailPattern {
  kind: 'email';
  name: 'email';
  token: string;
}

export type Redaction = NumberPattern | EmailPattern;

const number = (name: string, source: string, maxLength: number, starts: string, token: string): NumberPattern => ({
  kind: 'number',
  name,
  pattern: new RegExp(source, 'y'),
  maxLength,
  starts,
  token,
});

const DIGITS = '0123456789０１２３４５６７８９';

/** In the order they are applied: the ID before the phone numbers inside it. */
export const REDACTIONS: readonly Redaction[] = [
  // 18-digit resident ID (last character may be X), and the old 15-digit form
  number('id_number', `${NB}${DIGIT}{17}[0-9０-９XxＸｘ]${NA}|${NB}${DIGIT}{15}${NA}`, 18, DIGITS, '[身份证号]'),
  // local part @ domain with at least one dot (matched by hand, see emailPass)
  { kind: 'email', name: 'email', token: '[邮箱]' },
  // mobile: 1[3-9]x xxxx xxxx, with an optional +86 and spaces or dashes between groups
  number(
    'mobile',
    `${NB}(?:(?:\\+|＋)?(?:86|８６)${SEP})?[1１][3-9３-９]${DIGIT}${SEP}${DIGIT}{4}${SEP}${DIGIT}{4}${NA}`,
    // +86 and a separator, then 3 + 1 + 4 + 1 + 4
    4 + 13,
    '+＋8８1１',
    '[电话]',
  ),
  // landline with area code: 0350-3301599, (0595)85632120, 0595 8563 2120, with an optional extension
  number(
    'landline',
    `${NB}(?:[(（]${DIGIT}{3,4}[)）]|[0０]${DIGIT}{2,3})${SEP}${DIGIT}{3,4}${SEP}${DIGIT}{3,4}(?:(?:转|-|ext\\.?)${DIGIT}{1,5})?${NA}`,
    // (xxxx) + separator + 4 + separator + 4 + "ext." + 5
    6 + 1 + 4 + 1 + 4 + 4 + 5,
    '(（0０',
    '[电话]',
  ),
  // a bare local number: 8 digits (8563-2120), or 7 as smaller cities have them (3301599)
  number('local', `${NB}${DIGIT}{3,4}${SEP}${DIGIT}{4}${NA}`, 4 + 1 + 4, DIGITS, '[电话]'),
];

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
/** [A-Za-z0-9-] */
const isLabel = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
/** [A-Za-z0-9._%+-] */
const isLocal = (c: number): boolean => isLabel(c) || c === 46 || c === 95 || c === 37 || c === 43;

interface Counter {
  work: number;
}

function numberPass(text: string, p: NumberPattern, count: Counter): string {
  const n = text.length;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < n) {
    count.work += 1;
    if (p.starts.includes(text[i]!) && (i === 0 || !isDigit(text.charCodeAt(i - 1)))) {
      // The window: the character before (for the look-behind), the longest match, the one after (look-ahead).
      const from = i === 0 ? 0 : i - 1;
      const window = text.slice(from, i + p.maxLength + 1);
      count.work += window.length;
      p.pattern.lastIndex = i - from;
      const m = p.pattern.exec(window);
      if (m) {
        out += text.slice(last, i) + p.token;
        i += m[0].length;
        last = i;
        continue;
      }
    }
    i += 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The end of the domain `[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+` beginning at `i`, or -1. */
function domainEnd(text: string, i: number, count: Counter): number {
  const n = text.length;
  let j = i;
  while (j < n && isLabel(text.charCodeAt(j))) j++;
  count.work += j - i + 1;
  if (j === i) return -1;
  let end = -1;
  while (j < n && text.charCodeAt(j) === 46) {
    let k = j + 1;
    while (k < n && isLabel(text.charCodeAt(k))) k++;
    count.work += k - j + 1;
    if (k === j + 1) break;
    end = k;
    j = k;
  }
  return end;
}

function emailPass(text: string, token: string, count: Counter): string {
  let out = '';
  let last = 0;
  let searched = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    count.work += at - searched + 1;
    searched = at + 1;
    let start = at;
    while (start > last && isLocal(text.charCodeAt(start - 1))) start--;
    count.work += at - start;
    if (start === at) continue;
    const end = domainEnd(text, at + 1, count);
    if (end < 0) continue;
    out += text.slice(last, start) + token;
    last = end;
    // the domain holds no '@': the next one is at `end` or later
    at = end - 1;
    searched = end;
  }
  count.work += text.length - searched;
  return last === 0 ? text : out + text.slice(last);
}

/** `redact`, with the work it did (see above). */
export function redactCounted(text: string): { text: string; work: number } {
  const count: Counter = { work: 0 };
  if (!text) return { text, work: 0 };
  count.work += text.length;
  if (!/[0-9０-９@]/.test(text)) return { text, work: count.work };
  let out = text;
  for (const r of REDACTIONS) out = r.kind === 'email' ? emailPass(out, r.token, count) : numberPass(out, r, count);
  return { text: out, work: count.work };
}

/** The text with personal numbers replaced by tokens ([电话], [身份证号], [邮箱]). */
export function redact(text: string): string {
  return redactCounted(text).text;
}
