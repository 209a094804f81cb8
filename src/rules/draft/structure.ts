// The notice's own structure: 一、二、三… sections, （一）（二） subsections, 1. 2. 3. items, plain
// paragraphs (wrapped lines joined), each paragraph with the headings it sits under. Pure.
import type { Classified } from './layout';
import { join, sub, trim, type Seg } from './text';

export interface Heading {
  level: number;
  marker: string;
  /** The heading's text without its marker. */
  seg: Seg;
}

export interface Paragraph {
  /** The paragraph's text without its marker. */
  seg: Seg;
  /** 一、 (1), （一）(2), 1. (3), (1) ① (4); 0 for a plain paragraph. */
  level: number;
  marker: string;
  /** A marker line with no sentence of its own (三、就诊流程): a heading, not a paragraph of rules. */
  heading: boolean;
  /** A short line without a sentence end between paragraphs (a photo caption, a subtitle). */
  caption: boolean;
  /** Enclosing headings, outermost first. */
  headings: Heading[];
  /** 1-based line in the original. */
  line: number;
  index: number;
}

const MARKERS: { re: RegExp; level: number }[] = [
  { re: /^第[一二三四五六七八九十]{1,3}[条章节部分]\s*/, level: 1 },
  { re: /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*/, level: 1 },
  { re: /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*[、.．]?\s*/, level: 2 },
  { re: /^\d{1,2}\s*[.．、](?!\d)\s*/, level: 3 },
  { re: /^[（(]\s*\d{1,2}\s*[）)]\s*/, level: 4 },
  { re: /^[①-⑳]\s*/, level: 4 },
];

const SENTENCE_END = /[。！？!?；;]/;

export function markerOf(norm: string): { marker: string; level: number } | undefined {
  const t = norm.replace(/^\s+/, '');
  for (const m of MARKERS) {
    const r = m.re.exec(t);
    if (r) return { marker: r[0].trim(), level: m.level };
  }
  return undefined;
}

/** Body lines → paragraphs. */
export function paragraphs(lines: Classified[]): Paragraph[] {
  const width = wrapWidth(lines);
  const groups: Seg[][] = [];
  const starts: number[] = [];
  let prev: Seg | undefined;
  for (const c of lines) {
    if (c.region !== 'body' || c.kind !== 'text') {
      prev = undefined;
      continue;
    }
    const s = trim(c.line);
    if (!s.text) {
      prev = undefined;
      continue;
    }
    if (prev && wraps(prev, s, width)) {
      (groups[groups.length - 1] as Seg[]).push(s);
    } else {
      groups.push([s]);
      starts.push(c.line.no);
    }
    prev = s;
  }

  const out: Paragraph[] = [];
  const stack: Heading[] = [];
  groups.forEach((g, i) => {
    const whole = join(g);
    const m = markerOf(whole.norm);
    const lead = whole.norm.length - whole.norm.replace(/^\s+/, '').length;
    const body = m ? trim(sub(whole, lead + whole.norm.slice(lead).indexOf(m.marker) + m.marker.length)) : whole;
    const level = m?.level ?? 0;
    const isHeading = !!m && level <= 2 && !SENTENCE_END.test(body.norm) && !/[:：]\s*\S/.test(body.norm) && body.text.length <= 40;
    const caption = !m && !SENTENCE_END.test(whole.norm) && whole.text.length <= 50;
    if (m) while (stack.length && (stack[stack.length - 1] as Heading).level >= level) stack.pop();
    out.push({ seg: body, level, marker: m?.marker ?? '', heading: isHeading, caption, headings: [...stack], line: starts[i] as number, index: out.length });
    if (isHeading && m) stack.push({ level, marker: m.marker, seg: body });
  });
  return out;
}

/**
 * The width a page wrapped its lines at, when it did: the most common length of body lines that end
 * without punctuation, if at least three share it (±1); otherwise only long lines (45+) are taken as wrapped.
 */
function wrapWidth(lines: Classified[]): number {
  const lengths = new Map<number, number>();
  for (const c of lines) {
    const t = c.line.text.trim();
    if (c.region !== 'body' || c.kind !== 'text' || t.length < 20 || /[。！？!?；;:：”)）]$/.test(t)) continue;
    lengths.set(t.length, (lengths.get(t.length) ?? 0) + 1);
  }
  let best = 45;
  let top = 0;
  for (const [len, n] of lengths) {
    const near = n + (lengths.get(len - 1) ?? 0) + (lengths.get(len + 1) ?? 0);
    if (near >= 3 && near > top) [best, top] = [len - 1, near];
  }
  return Math.min(best, 45);
}

/** A line that continues the previous one (a paragraph wrapped by the page, not a new paragraph). */
function wraps(prev: Seg, next: Seg, width: number): boolean {
  const p = prev.norm;
  const n = next.norm;
  if (markerOf(prev.norm) && !SENTENCE_END.test(p) && p.length <= 40) return false; // a heading
  if (markerOf(n)) return false;
  if (/\t|\S\s{2,}\S|[|｜]/.test(prev.text)) return false; // a table row
  if (/[。！？!?；;:：”」)）]$/.test(p)) return false;
  if (!/[\u3400-\u9fff，、,]$/.test(p)) return false;
  if (!/^[\u3400-\u9fff，、,。]/.test(n)) return false;
  return p.length >= width;
}
