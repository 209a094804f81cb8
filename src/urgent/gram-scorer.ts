// The scorer for the message at hand, compiled once from the trained model: it reads a message's character
// n-grams where they stand in the text, as numbers (a CJK character is 16 bits: three of them and the scope mark
// fit a double exactly), in open-addressing tables of typed arrays, instead of building a string for every
// n-gram and hashing it into the model's map (what `ngramsOf` + `score` do, and what training still uses).
// It computes exactly what `score(model, [...ngramsOf(text, sizes, marks), ...others], admits)` does — the same
// distinct features, summed in the same order, so the same bits. Pure once built.
import { isWordFeature, ngramsOf, score, verdictOf, type ScorerModel, type ScorerVerdict } from './scorer';

const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/** The exact key of an n-gram: its characters in base 65536, times two, plus its mark. */
function keyOf(text: string, from: number, n: number, mark: number): number {
  let v = 0;
  for (let k = from; k < from + n; k++) v = v * 65536 + text.charCodeAt(k);
  return v * 2 + mark;
}

/** A 32-bit hash of a key (< 2^49). */
function hashOf(key: number): number {
  const lo = key % 4294967296 | 0;
  const hi = (key / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d);
}

/** An open-addressing table from n-gram keys to small integers (a feature's row). */
class GramTable {
  keys: Float64Array;
  values: Int32Array;
  stamps: Int32Array;
  stamp = 1;
  size = 0;
  mask: number;
  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Int32Array(cap);
    this.stamps = new Int32Array(cap);
    this.mask = cap - 1;
  }
  /** The value of `key`, or -1. */
  get(key: number): number {
    for (let i = hashOf(key) & this.mask; this.stamps[i] === this.stamp; i = (i + 1) & this.mask) if (this.keys[i] === key) return this.values[i] as number;
    return -1;
  }
  /** Adds `key` → `value` unless present; whether it was added. */
  add(key: number, value: number): boolean {
    let i = hashOf(key) & this.mask;
    for (; this.stamps[i] === this.stamp; i = (i + 1) & this.mask) if (this.keys[i] === key) return false;
    this.keys[i] = key;
    this.values[i] = value;
    this.stamps[i] = this.stamp;
    this.size++;
    return true;
  }
  /** Empties the table in O(1). */
  clear(): void {
    this.stamp++;
    this.size = 0;
  }
}

/**
 * The model's n-gram keys → rows, read-only once built: key and row side by side in one array (a probe reads one
 * cache line, not three: the table is megabytes and most of a message's n-grams miss the CPU's caches). An empty
 * slot has key 0 (a key is at least 2: a character's code times two).
 */
class FrozenGrams {
  slots: Float64Array;
  mask: number;
  constructor(keys: Float64Array) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    this.slots = new Float64Array(cap * 2);
    this.mask = cap - 1;
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row] as number;
      if (key < 0) continue;
      let i = hashOf(key) & this.mask;
      while (this.slots[2 * i] !== 0 && this.slots[2 * i] !== key) i = (i + 1) & this.mask;
      // the first row of a key, as GramTable.add keeps it
      if (this.slots[2 * i] === 0) {
        this.slots[2 * i] = key;
        this.slots[2 * i + 1] = row;
      }
    }
  }
  /** The row of `key`, or -1. */
  get(key: number): number {
    for (let i = hashOf(key) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[2 * i] as number;
      if (k === key) return this.slots[2 * i + 1] as number;
      if (k === 0) return -1;
    }
  }
}

/** A trained model's n-gram features as n-gram keys; the others (w:…, C:…, X:…) by name. */
export interface GramScorer {
  /**
   * The verdict for a lower-cased normalised message: `marks` as `ngramsOf` takes them (1: in a scope cue's
   * clause, 2: a word that only says who it is about), `others` the features after the n-grams (the Latin words'
   * `wordFeatures`, then the concepts'), `admits` as `score` takes it.
   */
  score(text: string, marks: Uint8Array, others: readonly string[], admits?: (label: string) => boolean): ScorerVerdict;
}

/**
 * A trained model as the compiled scorer reads it: one row of weights a feature, in the model's order; an
 * n-gram feature's row known by its key, any other's by its name. This is what the start-up cache keeps
 * (scorer-cache.ts): typed arrays load in milliseconds where 68,000 feature names and a map of them did not.
 */
export interface ScorerTables {
  labels: string[];
  bias: Float64Array;
  /** Per row, the n-gram's key (keyOf), or -1 for a feature read by name. */
  rowKeys: Float64Array;
  /** [feature name, row] of the features that are not n-grams of one to three CJK characters. */
  named: [string, number][];
  /** The weights, `labels.length` a row, in single precision: the model's weights are rounded to it when trained
   * (atCachePrecision), so they are read exactly, from half the memory (fewer cache misses a message). */
  block: Float32Array;
}

/** The rows of a model, in its order. */
export function scorerTables(model: ScorerModel): ScorerTables {
  const n = model.labels.length;
  const rowKeys = new Float64Array(model.weights.size);
  const named: [string, number][] = [];
  const block = new Float32Array(model.weights.size * n);
  let row = 0;
  for (const [f, w] of model.weights) {
    block.set(w, row * n);
    const mark = f.startsWith('~') ? 1 : 0;
    const g = mark ? f.slice(1) : f;
    let cjk = g.length >= 1 && g.length <= 3;
    for (let k = 0; cjk && k < g.length; k++) cjk = isCjk(g.charCodeAt(k));
    if (cjk) rowKeys[row] = keyOf(g, 0, g.length, mark);
    else {
      rowKeys[row] = -1;
      named.push([f, row]);
    }
    row++;
  }
  return { labels: model.labels, bias: model.bias, rowKeys, named, block };
}

/** The model back from its rows: each n-gram's name from its key (characters in base 65536, then the mark). */
export function modelOfTables(t: ScorerTables): ScorerModel {
  const n = t.labels.length;
  const names: string[] = [];
  for (const [f, row] of t.named) names[row] = f;
  const weights = new Map<string, Float64Array>();
  for (let row = 0; row < t.rowKeys.length; row++) {
    const key = t.rowKeys[row] as number;
    let name = names[row];
    if (name === undefined) {
      const mark = key % 2;
      let v = (key - mark) / 2;
      name = '';
      while (v > 0) {
        name = String.fromCharCode(v % 65536) + name;
        v = Math.floor(v / 65536);
      }
      if (mark) name = `~${name}`;
    }
    weights.set(name, Float64Array.from(t.block.subarray(row * n, row * n + n)));
  }
  return { labels: t.labels, bias: t.bias, weights };
}

export function compileScorer(model: ScorerModel, sizes: readonly number[]): GramScorer {
  return compileTables(scorerTables(model), sizes, () => model);
}

/** The scorer over a model's rows; `model` is asked for only when n-grams are longer than keys hold. */
export function compileTables(t: ScorerTables, sizes: readonly number[], model: () => ScorerModel = () => modelOfTables(t)): GramScorer {
  const n = t.labels.length;
  // n-grams of more than three characters do not fit a key: the general path then
  if (sizes.some((s) => s < 1 || s > 3))
    return { score: (text, marks, others, admits) => score(model(), [...ngramsOf(text, sizes, marks).filter((f) => !isWordFeature(f)), ...others], admits) };
  const grams = new FrozenGrams(t.rowKeys);
  const named = new Map<string, number>(t.named);
  const block = t.block;
  const bias = t.bias;
  // per message: the distinct n-grams in the order first seen (as `new Set(features)` keeps them)
  let seen = new GramTable(1024);
  let order = new Float64Array(2048);
  let rows = new Int32Array(2048);
  const z = new Float64Array(n);

  function scoreMessage(text: string, marks: Uint8Array, others: readonly string[], admits?: (label: string) => boolean): ScorerVerdict {
    if (seen.keys.length < text.length * sizes.length * 2) seen = new GramTable(text.length * sizes.length);
    else seen.clear();
    let count = 0;
    // the runs of CJK characters, as ngramsOf cuts them
    for (let start = 0; start < text.length; ) {
      if (!isCjk(text.charCodeAt(start))) {
        start++;
        continue;
      }
      let end = start;
      while (end < text.length && isCjk(text.charCodeAt(end))) end++;
      for (const size of sizes)
        for (let i = start; i + size <= end; i++) {
          let mark = 1;
          let context = false;
          for (let k = i; k < i + size; k++) {
            const v = marks[k] as number;
            if (v === 2) context = true;
            mark &= v === 1 ? 1 : 0;
          }
          if (context) continue;
          const key = keyOf(text, i, size, mark);
          if (!seen.add(key, 0)) continue;
          if (count === order.length) {
            const bigger = new Float64Array(order.length * 2);
            bigger.set(order);
            order = bigger;
          }
          order[count++] = key;
        }
      start = end;
    }
    const distinct = [...new Set(others)];
    const scale = 1 / Math.sqrt(Math.max(1, count + distinct.length));
    // every n-gram's row first, then the sums: the lookups do not wait on one another (nor on the sums), so the CPU
    // has several of the table's cache misses in flight at once (the same rows, summed in the same order)
    if (rows.length < count) rows = new Int32Array(order.length);
    for (let k = 0; k < count; k++) rows[k] = grams.get(order[k] as number);
    z.set(bias);
    for (let k = 0; k < count; k++) {
      const r = rows[k] as number;
      if (r < 0) continue;
      for (let c = 0, at = r * n; c < n; c++, at++) z[c] = (z[c] as number) + (block[at] as number) * scale;
    }
    for (const f of distinct) {
      const r = named.get(f);
      if (r === undefined) continue;
      for (let c = 0, at = r * n; c < n; c++, at++) z[c] = (z[c] as number) + (block[at] as number) * scale;
    }
    return verdictOf(t.labels, z, admits);
  }
  return { score: scoreMessage };
}
