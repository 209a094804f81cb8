// Splitting a reply to fit a channel's limit at clean boundaries: paragraph, then line, then sentence,
// then (for a single overlong sentence) a hard cut that never breaks a surrogate pair.

export type Unit = 'chars' | 'bytes';

const encoder = new TextEncoder();

/** Length of `text` in the channel's unit (Telegram counts characters, WeCom counts UTF-8 bytes). */
export function measure(text: string, unit: Unit): number {
  return unit === 'bytes' ? encoder.encode(text).length : [...text].length;
}

// Boundaries from the cleanest to the roughest. Each regex splits *after* the separator it matches.
const BOUNDARIES: RegExp[] = [/(?<=\n\n)/, /(?<=\n)/, /(?<=[。！？!?；;])/, /(?<=[，,、：:\s])/];

function hardCut(text: string, limit: number, unit: Unit): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur && measure(cur + ch, unit) > limit) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function splitAt(text: string, limit: number, unit: Unit, level: number): string[] {
  if (measure(text, unit) <= limit) return [text];
  const boundary = BOUNDARIES[level];
  if (!boundary) return hardCut(text, limit, unit);
  const pieces = text.split(boundary).flatMap((p) => splitAt(p, limit, unit, level + 1));
  // Pack pieces greedily back together up to the limit.
  const out: string[] = [];
  let cur = '';
  for (const piece of pieces) {
    if (cur && measure(cur + piece, unit) > limit) {
      out.push(cur);
      cur = '';
    }
    cur += piece;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Splits `text` into messages of at most `limit` units, preferring paragraph, line and sentence
 * boundaries. Whitespace at the cut is trimmed; no message is empty.
 */
export function splitText(text: string, limit: number, unit: Unit = 'chars'): string[] {
  if (limit < 1) throw new RangeError(`limit must be at least 1, got ${limit}`);
  return splitAt(text, limit, unit, 0)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
