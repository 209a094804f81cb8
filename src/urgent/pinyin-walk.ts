// The homophone walk's reading of the concept lexicon's pinyin trie (lexicon.ts): the trie frozen into typed
// arrays (char-trie.ts) with its edges by syllable number rather than by syllable string, and each character's
// readings as those numbers. The walk starts at every CJK character of every message; as maps of maps keyed by
// strings, each step read a Map, its entry and the next node from wherever the heap had put them, which the rest
// of a turn has pushed out of the CPU's caches by the time the next message comes. The walk finds the same nodes,
// in the same order, as it did over the maps.
import { CharTrie, freezeTrie, type MapTrieNode } from '../data/char-trie';
import { readingsOf, type PinyinNode } from './lexicon';
import { PairTable } from './pair-table';

/** The concept words a node of the trie ends (a path of syllables). */
export type PinyinWords = NonNullable<PinyinNode['words']>;

/** Every toneless syllable, numbered the first time it is seen (a few hundred). */
const syllables = new Map<string, number>();
function syllableNumber(s: string): number {
  let n = syllables.get(s);
  if (n === undefined) syllables.set(s, (n = syllables.size));
  return n;
}

/** Only CJK ideographs have readings (readingsOf): those of each, by code, looked up once a process. */
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;
const NO_READINGS: readonly number[] = [];
const readingsByCode: (readonly number[] | undefined)[] = new Array(CJK_LAST - CJK_FIRST + 1);

/** The syllable numbers of readingsOf(text[k]), for the code unit at k. */
export function readingsAt(text: string, k: number): readonly number[] {
  const c = text.charCodeAt(k);
  if (c < CJK_FIRST || c > CJK_LAST) return NO_READINGS;
  return (readingsByCode[c - CJK_FIRST] ??= readingsOf(text[k] as string).map(syllableNumber));
}

interface NumberedNode extends MapTrieNode<NumberedNode> {
  words?: PinyinWords;
}

function numbered(node: PinyinNode): NumberedNode {
  const next = new Map<number, NumberedNode>();
  for (const [syllable, child] of node.next) next.set(syllableNumber(syllable), numbered(child));
  return node.words ? { next, words: node.words } : { next };
}

export interface PinyinWalk {
  /** The words each node ends, by node number. */
  words: readonly (PinyinWords | undefined)[];
  /** The nodes a walk from the root reaches by the character at k (undefined: none); shared, read only. */
  first(text: string, k: number): readonly number[] | undefined;
  /** The nodes a walk from the root reaches by the characters at k and k + 1 (undefined: none), for a k `first`
   * reaches nodes from; shared, read only. */
  second(text: string, k: number): readonly number[] | undefined;
  /** The nodes one character further on (any of its readings), written into `into`; undefined when the walk ends. */
  advance(frontier: readonly number[], readings: readonly number[], into: number[]): number[] | undefined;
}

const walks = new WeakMap<PinyinNode, PinyinWalk>();

/** The walk over a pinyin trie, made the first time it is asked for (the trie must not change after). */
export function pinyinWalk(root: PinyinNode): PinyinWalk {
  let walk = walks.get(root);
  if (!walk) walks.set(root, (walk = createWalk(root)));
  return walk;
}

function createWalk(root: PinyinNode): PinyinWalk {
  const trie = freezeTrie(numbered(root), (n) => n.words);
  function advance(frontier: readonly number[], readings: readonly number[], into: number[]): number[] | undefined {
    into.length = 0;
    for (const node of frontier)
      for (const r of readings) {
        const n = node === CharTrie.ROOT ? trie.rootChild(r) : trie.innerChild(node, r);
        if (n >= 0 && !into.includes(n)) into.push(n);
      }
    return into.length ? into : undefined;
  }
  // most walks end after their first step: its nodes are found once a character, not once a message
  const firstSteps: (readonly number[] | null | undefined)[] = new Array(CJK_LAST - CJK_FIRST + 1);
  function first(text: string, k: number): readonly number[] | undefined {
    const c = text.charCodeAt(k);
    if (c < CJK_FIRST || c > CJK_LAST) return undefined;
    let nodes = firstSteps[c - CJK_FIRST];
    if (nodes === undefined) {
      const rs = readingsAt(text, k);
      nodes = (rs.length ? advance([CharTrie.ROOT], rs, []) : undefined) ?? null;
      firstSteps[c - CJK_FIRST] = nodes;
    }
    return nodes ?? undefined;
  }
  // and the second step by the pair of characters (where most walks that take a first step end): found once a pair
  // (a bounded table, emptied when full)
  const secondSteps = new PairTable<readonly number[] | null>(100_000);
  function second(text: string, k: number): readonly number[] | undefined {
    const c = text.charCodeAt(k + 1);
    if (c < CJK_FIRST || c > CJK_LAST) return undefined;
    const pair = (text.charCodeAt(k) * 0x10000 + c) >>> 0;
    let nodes = secondSteps.get(pair);
    if (nodes === undefined) {
      const from = first(text, k);
      const rs = readingsAt(text, k + 1);
      nodes = (from && rs.length ? advance(from, rs, []) : undefined) ?? null;
      secondSteps.set(pair, nodes);
    }
    return nodes ?? undefined;
  }
  return { words: trie.payloads, first, second, advance };
}
