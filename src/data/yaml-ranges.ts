// The lines every value of a YAML document spans, by path (`facilities[2].name`): how the console's rule
// book editor knows which value the cursor is on, to show the sentence of the notice it was drafted from.
// A document with a syntax error gives what could be read of it.
import type { Node } from 'yaml';

export interface PathRange {
  path: string;
  /** 1-based, the line of the key (in a map) or of the item (in a list). */
  line: number;
  /** 1-based, the last line of the value. */
  end: number;
}

export function pathRanges(text: string): PathRange[] {
  // required here, not at start-up: only the console's editor asks (the `yaml` package is 30 ms to load)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = require('yaml') as typeof import('yaml');
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  } catch {
    return [];
  }
  const out: PathRange[] = [];
  const lineOf = (offset: number) => counter.linePos(Math.max(0, offset)).line;
  const lastLine = (start: number, node: Node | null | undefined, fallback: number) => {
    const end = node?.range?.[1];
    return Math.max(start, end === undefined ? fallback : lineOf(end - 1));
  };
  const walk = (node: unknown, base: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
        const path = base ? `${base}.${String(pair.key.value)}` : String(pair.key.value);
        const line = lineOf(pair.key.range[0]);
        out.push({ path, line, end: lastLine(line, pair.value as Node | null, line) });
        walk(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as Node | null)?.range;
        if (!range) return;
        const path = `${base}[${i}]`;
        const line = lineOf(range[0]);
        out.push({ path, line, end: lastLine(line, item as Node, line) });
        walk(item, path);
      });
    }
  };
  walk(doc.contents, '');
  return out;
}
