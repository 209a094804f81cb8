import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CharTrie, freezeTrie, frozenValues, type ValuesTrieNode } from '../../src/data/char-trie';
import { insert } from '../../src/urgent/lexicon';
import { ROOT, realNlu } from '../support/nlu';

/** Every (start, end, payload) a walk of the map-of-maps trie finds, from every position of `text`. */
function mapMatches<T>(root: ValuesTrieNode<T>, text: string): [number, number, T[]][] {
  const out: [number, number, T[]][] = [];
  for (let i = 0; i < text.length; i++)
    for (let node = root.next.get(text.charCodeAt(i)), j = i + 1; node; node = node.next.get(text.charCodeAt(j++)))
      if (node.values) out.push([i, j, node.values]);
  return out;
}

/** The same, walking the frozen trie. */
function frozenMatches<T>(trie: CharTrie<T[]>, text: string): [number, number, T[]][] {
  const out: [number, number, T[]][] = [];
  for (let i = 0; i < text.length; i++)
    for (let node = trie.child(CharTrie.ROOT, text.charCodeAt(i)), j = i + 1; node >= 0; node = j < text.length ? trie.child(node, text.charCodeAt(j++)) : -1) {
      const values = trie.payloads[node];
      if (values) out.push([i, j, values]);
    }
  return out;
}

/** Messages of every conversation set and the benchmark corpus. */
function realTexts(): string[] {
  const texts: string[] = [];
  const files = [join(ROOT, 'bench', 'corpus', 'nlu.jsonl'), join(ROOT, 'test', 'eval', 'dev3.jsonl'), join(ROOT, 'test', 'eval', 'holdout.jsonl')];
  for (const f of files)
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      // every string value of the line (a message's text, a conversation's turns)
      JSON.stringify(JSON.parse(line), (_, v: unknown) => {
        if (typeof v === 'string' && v.length > 1) texts.push(v);
        return v;
      });
    }
  return texts;
}

describe('CharTrie (a trie frozen into typed arrays)', () => {
  const root: ValuesTrieNode<string> = { next: new Map() };
  const words = ['胸痛', '胸口', '胸口疼', '呼吸困难', '呼吸', 'ct', 'a', '\uffff\u0000', '𠀀'];
  for (const w of words) insert(root, w, w);
  insert(root, '胸痛', 'chest_pain');
  const trie = freezeTrie(root, (n) => n.values);

  it('finds every word, with its values, where the map trie does', () => {
    for (const text of ['我胸口疼得厉害，呼吸困难', 'ct检查', 'a胸痛a', '\uffff\u0000\uffff', '𠀀𠀀', '', '无关的话'])
      expect(frozenMatches(trie, text)).toEqual(mapMatches(root, text));
    expect(frozenMatches(trie, '胸痛')).toEqual([[0, 2, ['胸痛', 'chest_pain']]]);
  });

  it('numbers the nodes from the root, and has no edge where the map has none', () => {
    expect(trie.size).toBe(1 + new Set(words.flatMap((w) => [...Array(w.length).keys()].map((k) => w.slice(0, k + 1)))).size);
    expect(trie.child(CharTrie.ROOT, '肚'.charCodeAt(0))).toBe(-1);
    expect(trie.starts('胸'.charCodeAt(0))).toBe(true);
    expect(trie.starts('口'.charCodeAt(0))).toBe(false);
    const chest = trie.child(CharTrie.ROOT, '胸'.charCodeAt(0));
    expect(trie.child(chest, '口'.charCodeAt(0))).toBeGreaterThan(0);
    expect(trie.child(chest, '肚'.charCodeAt(0))).toBe(-1);
    expect(trie.payloads[chest]).toBeUndefined();
  });

  it('is frozen once per trie by frozenValues', () => {
    expect(frozenValues(root)).toBe(frozenValues(root));
  });

  it('refuses an edge that is not a code unit', () => {
    expect(() => freezeTrie({ next: new Map([[0x10000, { next: new Map() }]]) }, () => undefined)).toThrow(/code unit/);
  });

  it('matches as the map tries do on the real lexicons and every message of the real sets', () => {
    const nlu = realNlu();
    const texts = realTexts();
    expect(texts.length).toBeGreaterThan(1000);
    const entityCues = (n: (typeof nlu.lexicon.trie)): ValuesTrieNode<typeof n> => ({ next: new Map([...n.next].map(([c, x]) => [c, entityCues(x)])), ...(n.entries || n.plain ? { values: [n] } : {}) });
    const cueRoot = entityCues(nlu.lexicon.trie);
    const lexicons: [string, ValuesTrieNode<unknown>, CharTrie<unknown[]>][] = [
      ['concept words', nlu.urgent.lexicon.words, frozenValues(nlu.urgent.lexicon.words)],
      ['concept terms', nlu.urgent.lexicon.terms, frozenValues(nlu.urgent.lexicon.terms)],
      ['entity cues', cueRoot, freezeTrie(nlu.lexicon.trie, (n) => (n.entries || n.plain ? [n] : undefined))],
    ];
    for (const [name, map, frozen] of lexicons) {
      let found = 0;
      for (const text of texts) {
        const m = mapMatches(map, text.toLowerCase());
        const f = frozenMatches(frozen, text.toLowerCase());
        if (JSON.stringify(f.map(([s, e]) => [s, e])) !== JSON.stringify(m.map(([s, e]) => [s, e]))) throw new Error(`${name}: ${text}`);
        // the same payloads, not copies
        f.forEach(([, , v], k) => {
          if (name !== 'entity cues') expect(v).toBe((m[k] as [number, number, unknown[]])[2]);
        });
        found += f.length;
      }
      expect(found).toBeGreaterThan(100);
    }
    // the frozen entity cues the NLU walks are those of its lexicon's trie
    expect(nlu.lexicon.cues.size).toBe(freezeTrie(nlu.lexicon.trie, () => undefined).size);
  });
});
