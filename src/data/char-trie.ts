// A character trie frozen into typed arrays, for the walks a turn makes at every position of a message
// (entity cues, place names, red-flag words, scope cues). The tries are built as maps of maps — easy to insert
// into, and what the data loaders make — but walked that way every node is a Map of its own, scattered over
// the heap: a turn's walks then wait on memory the rest of the turn has pushed out of the CPU's caches.
// Frozen, an 8 KB bitmap says which characters start a word (most positions of a message end there), the root's
// few hundred edges are a table of a few KB, and every other edge is in one open-addressing table of Int32 (a
// cache line or two a step).
// Built once; reading it is pure.

/** A map-of-maps trie node as the loaders build them: children by UTF-16 code unit. */
export interface MapTrieNode<N> {
  next: Map<number, N>;
}

/** Three Int32 a slot of the edges below the root: the parent node + 1 (0: an empty slot), the code unit, the child. */
const STRIDE = 3;

/** A trie's edges by (node, code unit); node 0 is the root; each node's payload by its number. */
export class CharTrie<T> {
  /** The node a walk starts from. */
  static readonly ROOT = 0;
  /** Each node's payload (undefined: none), by node number. */
  readonly payloads: readonly (T | undefined)[];

  constructor(
    /** One bit a code unit: whether the root has an edge for it (8 KB: most positions of a message end here). */
    private readonly rootCodes: Int32Array,
    /** The root's edges, open addressing, two Int32 a slot: the code unit + 1 (0: empty), the child. A few
     * hundred edges in a few KB: the step every position that may start a word takes stays in the fastest cache. */
    private readonly rootEdges: Int32Array,
    private readonly rootShift: number,
    /** The other edges, open addressing, STRIDE Int32 a slot. */
    private readonly edges: Int32Array,
    /** 32 less the bits of a slot number (the multiplicative hash's top bits are the slot). */
    private readonly shift: number,
    payloads: (T | undefined)[],
  ) {
    this.payloads = payloads;
  }

  /** How many nodes, the root included. */
  get size(): number {
    return this.payloads.length;
  }

  /** Whether some word starts with this code unit. */
  starts(code: number): boolean {
    return (this.rootCodes[code >>> 5]! & (1 << (code & 31))) !== 0;
  }

  /** The child of `node` by `code`, or -1. */
  child(node: number, code: number): number {
    return node === 0 ? this.rootChild(code) : this.innerChild(node, code);
  }

  /** The root's child by `code`, or -1 (small: inlined where a walk starts). */
  rootChild(code: number): number {
    if ((this.rootCodes[code >>> 5]! & (1 << (code & 31))) === 0) return -1;
    const root = this.rootEdges;
    const mask = (root.length >> 1) - 1;
    for (let i = slotOf(0, code, this.rootShift); ; i = (i + 1) & mask) {
      const c = root[2 * i]!;
      if (c === code + 1) return root[2 * i + 1]!;
      if (c === 0) return -1;
    }
  }

  /** The child of a node other than the root by `code`, or -1. */
  innerChild(node: number, code: number): number {
    const edges = this.edges;
    const mask = edges.length / STRIDE - 1;
    for (let i = slotOf(node, code, this.shift); ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const from = edges[at]!;
      if (from === node + 1 && edges[at + 1] === code) return edges[at + 2]!;
      if (from === 0) return -1;
    }
  }
}

/** The first slot to probe for an edge: Fibonacci hashing of (node, code unit). */
function slotOf(node: number, code: number, shift: number): number {
  return Math.imul((node << 16) ^ code, 0x9e3779b1) >>> shift;
}

/** Bits of a table's slot numbers for `count` entries, at most a quarter (`spread` 4) or half (2) full. */
function bitsFor(count: number, spread: number): number {
  let bits = 4;
  while (1 << bits < count * spread) bits++;
  return bits;
}

/**
 * Freezes a map-of-maps trie: every node reachable from `root` is numbered (breadth first, the root 0), its
 * payload `payloadOf(node)` kept by its number, its edges put in the table. Walking the frozen trie from the
 * root by the same code units reaches the nodes with the same payloads as walking the maps.
 */
export function freezeTrie<N extends MapTrieNode<N>, T>(root: N, payloadOf: (node: N) => T | undefined): CharTrie<T> {
  const nodes: N[] = [root];
  let edgeCount = 0;
  for (let k = 0; k < nodes.length; k++)
    for (const child of (nodes[k] as N).next.values()) {
      nodes.push(child);
      edgeCount++;
    }
  let rootCount = 0;
  for (const _ of root.next.keys()) rootCount++;
  // below the root at most half full, the root's few at most a quarter: a miss ends after a probe or two
  const bits = bitsFor(edgeCount - rootCount, 2);
  const edges = new Int32Array((1 << bits) * STRIDE);
  const rootBits = bitsFor(rootCount, 4);
  const rootEdges = new Int32Array((1 << rootBits) * 2);
  const rootCodes = new Int32Array(0x10000 / 32);
  const numbers = new Map<N, number>(nodes.map((n, i) => [n, i]));
  nodes.forEach((node, from) => {
    for (const [code, child] of node.next) {
      if (code < 0 || code > 0xffff || !Number.isInteger(code)) throw new Error(`freezeTrie: an edge by ${code}, not a UTF-16 code unit`);
      const to = numbers.get(child) as number;
      if (from === 0) {
        let i = slotOf(0, code, 32 - rootBits);
        while (rootEdges[2 * i] !== 0) i = (i + 1) & ((1 << rootBits) - 1);
        rootEdges[2 * i] = code + 1;
        rootEdges[2 * i + 1] = to;
        rootCodes[code >>> 5] = (rootCodes[code >>> 5] as number) | (1 << (code & 31));
        continue;
      }
      let i = slotOf(from, code, 32 - bits);
      while (edges[i * STRIDE] !== 0) i = (i + 1) & ((1 << bits) - 1);
      edges[i * STRIDE] = from + 1;
      edges[i * STRIDE + 1] = code;
      edges[i * STRIDE + 2] = to;
    }
  });
  return new CharTrie(rootCodes, rootEdges, 32 - rootBits, edges, 32 - bits, nodes.map(payloadOf));
}

/** A trie whose nodes hold a list of values where words end (urgent/lexicon.ts's Trie). */
export interface ValuesTrieNode<T> extends MapTrieNode<ValuesTrieNode<T>> {
  values?: T[];
}

const frozenByRoot = new WeakMap<object, CharTrie<unknown>>();

/**
 * The frozen form of a values trie, made the first time it is asked for and kept as long as the trie is: for
 * the readers handed a built trie (the concept lexicon's) rather than building it themselves. The trie must not
 * change once frozen.
 */
export function frozenValues<T>(root: ValuesTrieNode<T>): CharTrie<T[]> {
  let trie = frozenByRoot.get(root) as CharTrie<T[]> | undefined;
  if (!trie) frozenByRoot.set(root, (trie = freezeTrie(root, (n) => n.values)));
  return trie;
}
