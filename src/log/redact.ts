// Removes personal numbers from free text before it is logged or stored: Chinese ID numbers, mobile and
// landline phone numbers, bare 7- and 8-digit local numbers, e-mail addresses. Full-width digits count too.
// It errs on the side of removing: an 8-digit date or order number is removed as well.

const D = '[0-9０-９]';
const SEP = '[\\s\\-－]?';
/** Not preceded / followed by another digit, so parts of longer numbers are not matched. */
const NB = '(?<![0-9０-９])';
const NA = '(?![0-9０-９])';

export const REDACTIONS: readonly { name: string; pattern: RegExp; token: string }[] = [
  // 18-digit resident ID (last character may be X), and the old 15-digit form
  { name: 'id_number', pattern: new RegExp(`${NB}${D}{17}[0-9０-９XxＸｘ]${NA}|${NB}${D}{15}${NA}`, 'g'), token: '[身份证号]' },
  { name: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, token: '[邮箱]' },
  // mobile: 1[3-9]x xxxx xxxx, with an optional +86 and spaces or dashes between groups
  {
    name: 'mobile',
    pattern: new RegExp(`${NB}(?:(?:\\+|＋)?(?:86|８６)${SEP})?[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}${NA}`, 'g'),
    token: '[电话]',
  },
  // landline with area code: 0350-3301599, (0595)85632120, 0595 8563 2120, with an optional extension
  {
    name: 'landline',
    pattern: new RegExp(
      `${NB}(?:[(（]${D}{3,4}[)）]|[0０]${D}{2,3})${SEP}${D}{3,4}${SEP}${D}{3,4}(?:(?:转|-|ext\\.?)${D}{1,5})?${NA}`,
      'g',
    ),
    token: '[电话]',
  },
  // a bare local number: 8 digits (8563-2120), or 7 as smaller cities have them (3301599)
  { name: 'local', pattern: new RegExp(`${NB}${D}{3,4}${SEP}${D}{4}${NA}`, 'g'), token: '[电话]' },
];

/** The text with personal numbers replaced by tokens ([电话], [身份证号], [邮箱]). */
export function redact(text: string): string {
  if (!text || !/[0-9０-９@]/.test(text)) return text;
  let out = text;
  for (const r of REDACTIONS) out = out.replace(r.pattern, r.token);
  return out;
}
