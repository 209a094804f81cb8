// A table from a pair of UTF-16 code units (one 32-bit number, never 0) to a value: open addressing over typed
// arrays. A pair of CJK characters is above 2^31 for most characters from U+8000 on, which a Map keeps as a boxed
// number — a probe then reads the key's box, the entry and the bucket from three places in the heap; here it reads
// one slot of a Uint32Array. Bounded: emptied when it holds `max` pairs (what it holds is only remembered work).
export class PairTable<V> {
  private keys: Uint32Array;
  private slots: Int32Array;
  private values: V[] = [];
  private mask: number;

  constructor(private readonly max: number, capacity = 1024) {
    this.keys = new Uint32Array(capacity);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.values.length;
  }

  /** The value of `pair` (≠ 0), or undefined. */
  get(pair: number): V | undefined {
    for (let i = mix(pair) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i] as number;
      if (k === pair) return this.values[this.slots[i] as number];
      if (k === 0) return undefined;
    }
  }

  /** Sets `pair` (≠ 0, not yet in the table) to `value`. */
  set(pair: number, value: V): void {
    if (this.values.length >= this.max) this.clear();
    // at most half full: probes stay short
    if ((this.values.length + 1) * 2 > this.keys.length) this.grow();
    let i = mix(pair) & this.mask;
    while (this.keys[i] !== 0) i = (i + 1) & this.mask;
    this.keys[i] = pair;
    this.slots[i] = this.values.length;
    this.values.push(value);
  }

  clear(): void {
    this.keys.fill(0);
    this.values = [];
  }

  private grow(): void {
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Uint32Array(keys.length * 2);
    this.slots = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j] as number;
      if (k === 0) continue;
      let i = mix(k) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.slots[i] = slots[j] as number;
    }
  }
}

/** The pair's bits mixed (neighbouring characters' pairs are neighbouring numbers). */
function mix(pair: number): number {
  const h = Math.imul(pair ^ (pair >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
