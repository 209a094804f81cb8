// Where in a YAML file a value is: the line of the key (or list item) at a path such as
// `designations[3].facilities[0]`, for error messages. Used only when a file has problems, so the parser
// that keeps positions (`yaml`) is loaded only then; the start-up path parses with js-yaml.
import type { Document, LineCounter } from 'yaml';

/** `designations[3].facilities[0]` → ['designations', 3, 'facilities', 0]. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

export interface Locator {
  /** The 1-based line of `path`, or of the deepest part of it that exists; undefined when none does. */
  line(path: string): number | undefined;
}

export function locator(text: string): Locator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof import('yaml');
  const counter: LineCounter = new yaml.LineCounter();
  let doc: Document.Parsed | undefined;
  try {
    doc = yaml.parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  } catch {
    doc = undefined;
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line);
  return {
    line(path) {
      if (!doc) return undefined;
      let node: unknown = doc.contents;
      let line: number | undefined = undefined;
      for (const seg of parsePath(path)) {
        if (yaml.isAlias(node)) node = node.resolve(doc);
        if (yaml.isMap(node)) {
          const pair = node.items.find((p) => (yaml.isScalar(p.key) ? p.key.value : p.key) === seg);
          if (!pair) break;
          line = lineAt((pair.key as { range?: [number, number, number] } | null)?.range?.[0]) ?? line;
          node = pair.value;
        } else if (yaml.isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg] as { range?: [number, number, number] } | undefined;
          if (!item) break;
          line = lineAt(item.range?.[0]) ?? line;
          node = item;
        } else break;
      }
      return line;
    },
  };
}
