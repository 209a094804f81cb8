// Evidence: for every drafted value, the sentence of the notice it came from, with character offsets into
// the text as pasted, so a reviewer (or the console's page) can highlight it. Also what is marked for
// review and the numbers left out.
import { range, type Seg } from './text';

/** Where a value came from, while drafting: its sentence and, when printed literally, the value itself. */
export interface Ev {
  sentence: Seg;
  value?: Seg;
}

/** A drafted value, its evidence and, when the drafter is unsure, why it should be reviewed. */
export interface Field<T> {
  value: T;
  ev?: Ev;
  review?: string;
}

export interface Evidence {
  /** Path of the value in the rule book: `facilities[0].name`, `designations[3]`, `guidance[1].steps[0]`. */
  path: string;
  value: string;
  /** The sentence as read (simplified, pinyin glosses removed). */
  sentence: string;
  /** The same sentence exactly as pasted: `text.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  /** The value's own span in the pasted text, when it is printed there as it is. */
  valueStart?: number;
  valueEnd?: number;
  /** 1-based line of the pasted text where the sentence starts. */
  line: number;
}

export interface Review {
  path: string;
  reason: string;
}

export interface LeftOut {
  /** The number as printed. */
  number: string;
  reason: string;
  start: number;
  end: number;
  line: number;
  /** The line it was printed on (simplified). */
  context: string;
}

export class EvidenceLog {
  readonly evidence: Evidence[] = [];
  readonly review: Review[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(readonly original: string) {
    for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Records the evidence of `path` (and a review note when given). */
  add(path: string, value: unknown, ev: Ev | undefined, review?: string): void {
    if (review) this.review.push({ path, reason: review });
    if (!ev) return;
    const [start, end] = range(ev.sentence);
    const e: Evidence = {
      path,
      value: typeof value === 'string' ? value : JSON.stringify(value),
      sentence: ev.sentence.text.replace(/\s*\n\s*/g, ''),
      quote: this.original.slice(start, end),
      start,
      end,
      line: this.lineOf(start),
    };
    if (ev.value && ev.value.offs.length) [e.valueStart, e.valueEnd] = range(ev.value);
    this.evidence.push(e);
  }

  note(path: string, reason: string): void {
    this.review.push({ path, reason });
  }
}
