// Frequencies, from jieba's own dictionary, of the real words that look like one of our place names
// with one character changed (广州 5640, 新洲 270 for 忻州): the typo-tolerant place matcher leaves
// common words alone. Read once at load, scanning the dictionary's bytes; only look-alikes are kept.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WordFrequency } from './entities';

export function jiebaDictPath(): string {
  return join(dirname(require.resolve('@node-rs/jieba')), 'dict.txt');
}

/** The UTF-8 bytes of a CJK character (3 bytes) as one number. */
function key3(b: Uint8Array, i: number): number {
  return ((b[i] as number) << 16) | ((b[i + 1] as number) << 8) | (b[i + 2] as number);
}

export interface JiebaLexicon {
  /** Frequency of the dictionary words that look like one of our place names with one character changed. */
  freq: WordFrequency;
  /** The look-alikes found and their frequencies (kept in the start-up cache). */
  entries: [string, number][];
}

/** The frequencies of look-alikes found before (the start-up cache). */
export function jiebaLexiconOf(entries: [string, number][]): JiebaLexicon {
  const freq = new Map(entries);
  return { freq: (word) => freq.get(word) ?? 0, entries };
}

export function lookAlikeFrequencies(names: Iterable<string>, dict: Uint8Array): JiebaLexicon {
  const masks = new Set<string>();
  const first = new Set<number>();
  const second = new Set<number>();
  for (const n of names) {
    const forms = new Set([n, n.replace(/(?:[市区县镇乡]|街道)$/, '')]);
    for (const f of forms) {
      if (f.length < 2) continue;
      const bytes = Buffer.from(f.slice(0, 2), 'utf8');
      if (bytes.length === 6) {
        first.add(key3(bytes, 0));
        second.add(key3(bytes, 3));
      }
      for (let k = 0; k < f.length; k++) masks.add(`${f.slice(0, k)}*${f.slice(k + 1)}`);
    }
  }
  const freq = new Map<string, number>();
  const buf = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength);
  let p = 0;
  while (p < buf.length) {
    let e = buf.indexOf(10, p);
    if (e < 0) e = buf.length;
    if (e - p > 7 && (first.has(key3(buf, p)) || second.has(key3(buf, p + 3)))) {
      const line = buf.toString('utf8', p, e);
      const sp = line.indexOf(' ');
      const w = line.slice(0, sp);
      for (let k = 0; k < w.length && w.length <= 6; k++) {
        if (masks.has(`${w.slice(0, k)}*${w.slice(k + 1)}`)) {
          freq.set(w, parseInt(line.slice(sp + 1), 10) || 0);
          break;
        }
      }
    }
    p = e + 1;
  }
  return jiebaLexiconOf([...freq]);
}

export function loadJiebaLexicon(names: Iterable<string>): JiebaLexicon {
  return lookAlikeFrequencies(names, readFileSync(jiebaDictPath()));
}
