// Numbers in the notice: which are phone numbers of the notice's contacts and which are something else (a
// news desk's line, an advertising hotline, a QQ number, a postcode, a site licence) and left out with the
// reason. Dates, times, quantities and document numbers are not phone numbers at all and are passed over.
import { PHONE } from '../schema';
import { CONTACT_CUE, NOT_MEDICAL, QUANTITY_AFTER, SHORT_CODES } from './cues';
import type { Seg } from './text';

export interface PhoneHit {
  /** As the schema wants it: 0797-8123456, 13912345678, 86123456, 120. */
  number: string;
  /** Where it is printed, within the searched Seg. */
  start: number;
  end: number;
}

export interface NumberVerdict extends PhoneHit {
  keep: boolean;
  reason?: string;
}

/** Runs of digits, with the separators phone numbers are printed with (0797-8123456, 0797 8123456). */
const NUMBER = /(?<![\d.])(?:\+?86[-\s]?)?(?:0\d{2,3}\s\d{7,8}(?!\d)|\d[\d\-－—‐]*\d)|(?<![\d.])\d(?![\d.])/g;

/**
 * Every number of a line or paragraph with its verdict. `furniture` is the reason when the whole text is
 * page furniture (a site footer, navigation); numbers there are never kept.
 */
export function numbersIn(s: Seg, furniture?: string, context = ''): NumberVerdict[] {
  const out: NumberVerdict[] = [];
  const n = s.norm;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(n); m; m = NUMBER.exec(n)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const before = n.slice(Math.max(0, start - 24), start);
    const after = n.slice(end, end + 6);
    const digits = raw.replace(/\D/g, '');
    if (isDateOrQuantity(raw, before, after)) continue;
    if (/^@\w|^\.(?:com|cn|net|org)/i.test(n.slice(end, end + 4)) || /[\w.-]@$/.test(before) || /https?:\/\/\S*$/.test(before)) {
      if (digits.length >= 5) out.push({ number: raw, start, end, keep: false, reason: 'part of an e-mail address or web link' });
      continue;
    }
    if (digits.length < 5) {
      // a short service number counts only where the text dials it (拨打120, 120急救电话)
      if (SHORT_CODES.test(digits) && (/(?:拨打|呼叫|打|致电|电话|热线)[:：]?\s*$/.test(before) || /^\s*(?:急救电话|电话|热线|求助)/.test(after))) {
        out.push(verdict(digits, start, end, before, n, furniture, context));
      }
      continue;
    }
    out.push(verdict(formatPhone(raw), start, end, before, n, furniture, context));
  }
  return out;
}

function verdict(number: string, start: number, end: number, before: string, text: string, furniture?: string, context = ''): NumberVerdict {
  const clauseBefore = before.split(/[,，。;；、\s]/).pop() ?? '';
  for (const cue of NOT_MEDICAL) {
    if (cue.re.test(before.replace(/\s+$/, '')) || cue.re.test(clauseBefore)) return { number, start, end, keep: false, reason: cue.reason };
  }
  if (furniture) return { number, start, end, keep: false, reason: furniture };
  if (!PHONE.test(number) || /^00/.test(number)) {
    const why = /^00/.test(number) ? 'not a Chinese phone number (international prefix 00)' : 'not a well-formed phone number';
    return { number, start, end, keep: false, reason: why };
  }
  const clause = clauseAround(text, start, end);
  if (!CONTACT_CUE.test(clause) && !CONTACT_CUE.test(context) && !nameBefore(before)) {
    return { number, start, end, keep: false, reason: 'no contact word (电话, 联系, 咨询…) in its sentence: not clearly a contact number' };
  }
  return { number, start, end, keep: true };
}

/** A person's name right before a number (王芳13912345678, 周明（13812345678）). */
function nameBefore(before: string): boolean {
  return /[:：][\u4e00-\u9fa5]{2,4}[（(\s]*$/.test(before) || /[\u4e00-\u9fa5]{2,4}[（(]$/.test(before);
}

function clauseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[。;；\n]/.test(text[a - 1] as string)) a--;
  let b = end;
  while (b < text.length && !/[。;；\n]/.test(text[b] as string)) b++;
  return text.slice(Math.max(a, start - 60), Math.min(b, end + 30));
}

function isDateOrQuantity(raw: string, before: string, after: string): boolean {
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(raw) || /^\d{4}-\d{1,2}$/.test(raw)) return true; // 2022-02-26
  if (/^\s*[:：]\d/.test(after) && raw.length <= 2) return true; // 15:27
  if (/\d[:：]$/.test(before)) return true; // 15:27:31
  if (QUANTITY_AFTER.test(after)) return true; // 12周, 152处, 45700余人次, 29号
  if (/[〔\[【﹝(（]$/.test(before) && /^[〕\]】﹞)）]/.test(after) && raw.length === 4) return true; // 〔2020〕
  if (/[〕\]】﹞]\s*$/.test(before)) return true; // 〔2020〕23号
  if (/第\s*$/.test(before)) return true;
  if (/^[A-Za-z]/.test(after) || /[A-Za-z]$/.test(before)) return true; // COVID-19, B2B
  return false;
}

/** 0797 8123456 → 0797-8123456; +86 138… → 138…; 0797-8123456 stays. */
export function formatPhone(raw: string): string {
  let s = raw.replace(/[－—‐]/g, '-').replace(/^\+?86[-\s]?/, '');
  const d = s.replace(/\D/g, '');
  if (/^00/.test(d)) return raw.trim(); // an international number: left as printed
  if (/^1[3-9]\d{9}$/.test(d)) return d;
  const m = /^(0\d{2,3})[-\s](\d{7,8})$/.exec(s.replace(/\s+/g, ' '));
  if (m) return `${m[1]}-${m[2]}`;
  if (/^0\d{9,11}$/.test(d)) {
    // 07978123456: a three-digit area code for 010 and 02x, four otherwise
    const area = /^(?:010|02\d)/.test(d) ? d.slice(0, 3) : d.slice(0, 4);
    return `${area}-${d.slice(area.length)}`;
  }
  s = s.replace(/\s+/g, '');
  return /^\d+$/.test(s) ? s : raw.trim();
}
