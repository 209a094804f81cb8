// A character trie frozen into typed arrays, for the walks a turn makes at every position of a message
// (entity cues, place names, red-flag words, scope cues). The tries are built as maps of maps — easy to insert
// into, and what the data loaders make — but walked that way every node is a Map of its own, scattered over
// the heap: a turn's walks then wait on memory the rest of the turn has pushed out of the CPU's caches.
// Frozen, the whole trie is one table of edges in a single Int32Array (one or two cache lines a step), and
// a 8 KB bitmap of the characters a word can start with answers most positions of a message without a probe.
// Built once; reading it is pure.

/** A map-of-maps trie node as the loaders build them: children by UTF-16 code unit. */
export interface MapTrieNode<N> {
  next: Map<number, N>;
}

/** Three Int32 a slot: the parent node + 1 (0: an empty slot), the code unit, the child node. */
const STRIDE = 3;

/** A trie's edges by (node, code unit); node 0 is the root; each node's payload by its number. */
export class CharTrie<T> {
  /** The node a walk starts from. */
  static readonly ROOT = 0;
  /** Each node's payload (undefined: none), by node number. */
  readonly payloads: readonly (T | undefined)[];

  constructor(
    private readonly edges: Int32Array,
    private readonly mask: number,
    /** One bit a code unit: whether the root has an edge for it. */
    private readonly rootCodes: Uint32Array,
    payloads: (T | undefined)[],
  ) {
    this.payloads = payloads;
  }

  /** How many nodes, the root included. */
  get size(): number {
    return this.payloads.length;
  }

  /** Whether some word starts with this code unit (a bit test, no probe). */
  starts(code: number): boolean {
    return (this.rootCodes[code >>> 5]! & (1 << (code & 31))) !== 0;
  }

  /** The child of `node` by `code`, or -1. */
  child(node: number, code: number): number {
    if (node === 0 && !this.starts(code)) return -1;
    const edges = this.edges;
    const mask = this.mask;
    for (let i = slotOf(node, code, mask); ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const from = edges[at]!;
      if (from === 0) return -1;
      if (from === node + 1 && edges[at + 1] === code) return edges[at + 2]!;
    }
  }
}

/** The first slot to probe for an edge. */
function slotOf(node: number, code: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ code;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
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
  // at most half full: a miss ends after a probe or two
  let capacity = 16;
  while (capacity < edgeCount * 2) capacity *= 2;
  const mask = capacity - 1;
  const edges = new Int32Array(capacity * STRIDE);
  const starts = new Uint32Array(65536 / 32);
  const numbers = new Map<N, number>(nodes.map((n, i) => [n, i]));
  nodes.forEach((node, from) => {
    for (const [code, child] of node.next) {
      if (code < 0 || code > 0xffff || !Number.isInteger(code)) throw new Error(`freezeTrie: an edge by ${code}, not a UTF-16 code unit`);
      let i = slotOf(from, code, mask);
      while (edges[i * STRIDE] !== 0) i = (i + 1) & mask;
      edges[i * STRIDE] = from + 1;
      edges[i * STRIDE + 1] = code;
      edges[i * STRIDE + 2] = numbers.get(child) as number;
      if (from === 0) starts[code >>> 5] = (starts[code >>> 5] as number) | (1 << (code & 31));
    }
  });
  return new CharTrie(edges, mask, starts, nodes.map(payloadOf));
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
