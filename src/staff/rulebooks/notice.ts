// A notice as an administrator pastes or uploads it, checked before it is drafted: text (not a binary file
// read as text), not empty, not huge. Line breaks are made \n, so the offsets of the evidence match the
// text the page shows.
export const MAX_NOTICE_CHARS = 100_000;

export type NoticeCheck = { ok: true; text: string } | { ok: false; code: 'empty' | 'too_long' | 'not_text'; message: string };

/** Control characters other than tab, line feed, carriage return and form feed. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

export function checkNotice(raw: string): NoticeCheck {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return { ok: false, code: 'empty', message: 'the notice is empty: paste its text or upload it as a .txt file' };
  if (text.length > MAX_NOTICE_CHARS)
    return { ok: false, code: 'too_long', message: `the notice is ${text.length} characters long; at most ${MAX_NOTICE_CHARS} are read (paste the notice itself, not a whole site)` };
  const controls = text.match(CONTROL)?.length ?? 0;
  // U+FFFD: bytes that were not UTF-8 (a binary file, or a text in another encoding read as UTF-8)
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > 8 || replaced > 8 || (controls + replaced) / text.length > 0.01)
    return { ok: false, code: 'not_text', message: 'this does not look like text (a binary file, or text in an encoding other than UTF-8): paste the notice, or save it as a UTF-8 .txt file' };
  return { ok: true, text };
}
