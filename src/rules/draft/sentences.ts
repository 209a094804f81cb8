// Sentences and clauses of a paragraph, as Segs (so their offsets in the original go with them).
import { sub, trim, type Seg } from './text';

/** Splits at 。！？ (and a closing quote or bracket right after them); a trailing ；ends a sentence too. */
export function sentences(s: Seg): Seg[] {
  const out: Seg[] = [];
  let start = 0;
  const n = s.norm;
  for (let i = 0; i < n.length; i++) {
    const c = n[i] as string;
    const end = c === '。' || c === '!' || c === '?' || ((c === ';' || c === '；') && /^\s*$/.test(n.slice(i + 1)));
    if (!end) continue;
    let j = i + 1;
    while (j < n.length && /[”’」』)）]/.test(n[j] as string) && depth(n.slice(start, j)) > 0) j++;
    push(out, sub(s, start, j));
    start = j;
    i = j - 1;
  }
  push(out, sub(s, start));
  return out;
}

/** Open brackets minus closed ones: a sentence end inside brackets (（…。）) does not end the sentence. */
function depth(t: string): number {
  let d = 0;
  for (const c of t) {
    if (c === '(' || c === '（' || c === '“' || c === '「') d++;
    else if (c === ')' || c === '）' || c === '”' || c === '」') d--;
  }
  return d;
}

function push(out: Seg[], s: Seg): void {
  const t = trim(s);
  if (t.text && /[\u3400-\u9fffA-Za-z0-9]/.test(t.text)) out.push(t);
}

/** Clauses of a sentence: split at ，；： outside brackets. */
export function clauses(s: Seg): Seg[] {
  const out: Seg[] = [];
  let start = 0;
  let d = 0;
  const n = s.norm;
  for (let i = 0; i < n.length; i++) {
    const c = n[i] as string;
    if (c === '(' || c === '“') d++;
    else if ((c === ')' || c === '”') && d > 0) d--;
    else if (d === 0 && (c === ',' || c === ';' || c === '。' || c === '!' || c === '?')) {
      push(out, sub(s, start, i + 1));
      start = i + 1;
    }
  }
  push(out, sub(s, start));
  return out;
}
