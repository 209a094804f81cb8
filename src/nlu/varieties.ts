// Language varieties written in Chinese characters (Cantonese, Minnan) mapped to Mandarin, so that the
// concepts, entities and intents downstream are found however a message is written. The maps are data
// (intents/varieties/yue.yml, nan.yml): a character trie, longest key first; `marked` keys apply only when
// the message carries one of the variety's markers. Pure once built.
import { z } from 'zod';
import { DataError } from './data-error';
import { freezeTrie } from '../data/char-trie';


export const VarietySchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(/^[a-z]+$/),
  name: z.string(),
  /** Words that show the message is written in this variety. */
  markers: z.array(z.string().min(1)),
  /** Variety forms → Mandarin, applied in every message. */
  always: z.record(z.string().min(1), z.string()),
  /** Variety forms → Mandarin, applied only in a message with a marker (食, 点 are Mandarin too). */
  marked: z.record(z.string().min(1), z.string()),
});
export type VarietyFile = z.infer<typeof VarietySchema>;

interface Entry {
  to: string;
  variety: number;
  marked: boolean;
}

interface Node {
  next: Map<number, Node>;
  /** Unmarked entries first; several marked ones when varieties disagree (阿妈: mum in Cantonese, grandma in Minnan). */
  entries?: Entry[];
  marker?: number;
}

export interface VarietyMapper {
  /** The message in Mandarin forms, and the ids of the varieties whose markers it carries. */
  map(text: string): { text: string; varieties: string[] };
}

function child(node: Node, code: number): Node {
  let n = node.next.get(code);
  if (!n) {
    n = { next: new Map() };
    node.next.set(code, n);
  }
  return n;
}

/** The first of a key's entries that applies: unmarked, or of a variety the message's markers show. */
function activeEntry(entries: Entry[] | undefined, mask: number): Entry | undefined {
  return entries?.find((e) => !e.marked || mask & (1 << e.variety));
}

/** Builds the mapper; `simplify` is the normaliser's traditional → simplified conversion, applied to the keys. */
export function createVarietyMapper(files: { file: string; data: VarietyFile }[], simplify: (s: string) => string): VarietyMapper {
  const root: Node = { next: new Map() };
  const markers: Node = { next: new Map() };
  const starts = new Uint8Array(0x10000); // 1: a key starts here, 2: a marker starts here
  const owner = new Map<string, string>();
  files.forEach(({ file, data }, v) => {
    const add = (section: 'always' | 'marked', from: string, to: string): void => {
      const key = simplify(from.normalize('NFKC'));
      const where = `${file}: ${section}.${from}`;
      const prev = owner.get(`${section}:${key}`);
      if (prev && section === 'always') throw new DataError(`${where}: "${key}" is already mapped in ${prev}`);
      owner.set(`${section}:${key}`, where);
      let node = root;
      for (let i = 0; i < key.length; i++) node = child(node, key.charCodeAt(i));
      const entry: Entry = { to, variety: v, marked: section === 'marked' };
      node.entries = entry.marked ? [...(node.entries ?? []), entry] : [entry, ...(node.entries ?? [])];
      starts[key.charCodeAt(0)] = (starts[key.charCodeAt(0)] ?? 0) | 1;
    };
    for (const [from, to] of Object.entries(data.always)) add('always', from, to);
    for (const [from, to] of Object.entries(data.marked)) add('marked', from, to);
    for (const m of data.markers) {
      const key = simplify(m.normalize('NFKC'));
      let node = markers;
      for (let i = 0; i < key.length; i++) node = child(node, key.charCodeAt(i));
      node.marker = v;
      starts[key.charCodeAt(0)] = (starts[key.charCodeAt(0)] ?? 0) | 2;
    }
  });
  const ids = files.map((f) => f.data.id);
  // walked frozen (char-trie.ts): a walk starts at every character of every message that may start a key
  const keys = freezeTrie(root, (n) => n.entries);
  const marks = freezeTrie(markers, (n) => n.marker);

  function markedVarieties(text: string): number {
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      if (!(starts[text.charCodeAt(i)]! & 2)) continue;
      for (let j = i, node = 0; j < text.length && node >= 0; j++) {
        node = j === i ? marks.rootChild(text.charCodeAt(j)) : marks.innerChild(node, text.charCodeAt(j));
        const marker = node >= 0 ? marks.payloads[node] : undefined;
        if (marker !== undefined) mask |= 1 << marker;
      }
    }
    return mask;
  }

  return {
    map(text: string) {
      let any = false;
      for (let i = 0; i < text.length && !any; i++) if (starts[text.charCodeAt(i)]) any = true;
      if (!any) return { text, varieties: [] };
      const mask = markedVarieties(text);
      // the text with what changes replaced, built only where something does (most messages keep every character)
      let out = '';
      let from = 0;
      for (let i = 0; i < text.length; ) {
        let best: Entry | undefined;
        let bestEnd = i;
        if (starts[text.charCodeAt(i)]! & 1) {
          for (let j = i, node = 0; j < text.length; j++) {
            node = j === i ? keys.rootChild(text.charCodeAt(j)) : keys.innerChild(node, text.charCodeAt(j));
            if (node < 0) break;
            const e = activeEntry(keys.payloads[node], mask);
            if (e) {
              best = e;
              bestEnd = j + 1;
            }
          }
        }
        if (best) {
          if (best.to.length !== bestEnd - i || !text.startsWith(best.to, i)) {
            out += text.slice(from, i) + best.to;
            from = bestEnd;
          }
          i = bestEnd;
        } else i++;
      }
      return { text: from > 0 ? out + text.slice(from) : text, varieties: ids.filter((_, v) => mask & (1 << v)) };
    },
  };
}
