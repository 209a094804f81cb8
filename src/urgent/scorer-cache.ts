// The urgent scorer's rows (gram-scorer.ts ScorerTables) as the start-up cache keeps them: the length of a JSON
// header (the labels, the bias, the named features, the number of rows), the header (padded with spaces to align what
// follows), then the n-gram keys as Float64 and the weights as Float32, in this machine's byte order (the cache is
// written where it is read). The weights are trained at Float32 precision (atCachePrecision), so nothing is lost.
// Anything that does not add up gives undefined: the model is trained again.
import type { ScorerTables } from './gram-scorer';

interface Header {
  labels: string[];
  bias: number[];
  named: [string, number][];
  rows: number;
}

const isHeader = (h: Header): boolean =>
  !!h &&
  Array.isArray(h.labels) &&
  h.labels.every((l) => typeof l === 'string') &&
  Array.isArray(h.bias) &&
  h.bias.length === h.labels.length &&
  h.bias.every((b) => typeof b === 'number') &&
  Number.isInteger(h.rows) &&
  h.rows >= 0 &&
  Array.isArray(h.named) &&
  h.named.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Number.isInteger(e[1]) && e[1] >= 0 && e[1] < h.rows);

/** The tables as the parts of a cache entry; `at`: where these bytes will begin in their file (the header is padded
 * with spaces so that the arrays after it begin at a multiple of 8 in the file, where a read can view them in place). */
export function scorerTablesToBytes(t: ScorerTables, at = 0): Uint8Array[] {
  const header: Header = { labels: t.labels, bias: Array.from(t.bias), named: t.named, rows: t.rowKeys.length };
  const text = JSON.stringify(header);
  const length = Buffer.byteLength(text);
  const json = Buffer.from(text + ' '.repeat((8 - ((at + 4 + length) % 8)) % 8));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  const keys = Buffer.from(t.rowKeys.buffer, t.rowKeys.byteOffset, t.rowKeys.byteLength);
  const weights = t.block;
  return [size, json, keys, Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)];
}

/** The tables from a cache entry's bytes, or undefined when they are not what scorerTablesToBytes wrote. */
export function scorerTablesFromBytes(bytes: Buffer): ScorerTables | undefined {
  try {
    if (bytes.length < 4) return undefined;
    const size = bytes.readUInt32LE(0);
    if (4 + size > bytes.length) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + size)) as Header;
    if (!isHeader(header)) return undefined;
    const n = header.labels.length;
    const at = 4 + size;
    if (bytes.length !== at + header.rows * 8 + header.rows * n * 4) return undefined;
    // the arrays viewed where they lie when they are aligned there (the file read whole, as written with its padding:
    // 20 MB not copied at a start), else copied out (a typed array needs its element size's alignment)
    const start = bytes.byteOffset + at;
    let rowKeys: Float64Array;
    let block: Float32Array;
    if (start % 8 === 0) {
      rowKeys = new Float64Array(bytes.buffer, start, header.rows);
      block = new Float32Array(bytes.buffer, start + header.rows * 8, header.rows * n);
    } else {
      rowKeys = new Float64Array(header.rows);
      new Uint8Array(rowKeys.buffer).set(bytes.subarray(at, at + header.rows * 8));
      block = new Float32Array(header.rows * n);
      new Uint8Array(block.buffer).set(bytes.subarray(at + header.rows * 8));
    }
    const named = new Uint8Array(header.rows);
    for (const e of header.named) named[e[1]] = 1;
    for (let row = 0; row < header.rows; row++) {
      const key = rowKeys[row] as number;
      // a named feature's row has no key, an n-gram's a whole number below 2^49
      if (named[row] ? key !== -1 : !(key > 0 && key < 2 ** 49 && Math.floor(key) === key)) return undefined;
    }
    return { labels: header.labels, bias: Float64Array.from(header.bias), rowKeys, named: header.named, block };
  } catch {
    return undefined;
  }
}
