import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readingsOf, type PinyinNode } from '../../src/urgent/lexicon';
import { pinyinWalk, readingsAt } from '../../src/urgent/pinyin-walk';
import { ROOT, realNlu } from '../support/nlu';

type Found = [number, number, unknown][];

/** Every (start, end, words) the homophone walk reaches over the map-of-maps pinyin trie. */
function overMaps(root: PinyinNode, text: string, maxLength: number): Found {
  const out: Found = [];
  for (let i = 0; i < text.length; i++) {
    let frontier: PinyinNode[] = [root];
    for (let j = i; j < text.length && j - i < maxLength && frontier.length; j++) {
      const rs = /[\u3400-\u9fff]/.test(text[j] as string) ? readingsOf(text[j] as string) : [];
      const next: PinyinNode[] = [];
      for (const node of frontier)
        for (const r of rs) {
          const n = node.next.get(r);
          if (n && !next.includes(n)) next.push(n);
        }
      frontier = next;
      for (const n of frontier) if (n.words) out.push([i, j + 1, n.words]);
    }
  }
  return out;
}

/** The same over the frozen trie. */
function frozen(root: PinyinNode, text: string, maxLength: number): Found {
  const walk = pinyinWalk(root);
  const out: Found = [];
  for (let i = 0; i < text.length; i++) {
    let frontier: readonly number[] | undefined;
    for (let j = i; j < text.length && j - i < maxLength; j++) {
      frontier = j === i ? walk.first(text, i) : walk.advance(frontier as readonly number[], readingsAt(text, j), []);
      if (!frontier) break;
      for (const n of frontier) if (walk.words[n]) out.push([i, j + 1, walk.words[n]]);
    }
  }
  return out;
}

describe('the homophone walk over the frozen pinyin trie', () => {
  it('reads a character’s readings as syllable numbers, the same number for the same syllable', () => {
    const [a] = readingsAt('婚', 0);
    const [b] = readingsAt('昏', 0);
    expect(a).toBe(b);
    expect(readingsAt('a', 0)).toEqual([]);
  });

  it('reaches the same words at the same places as the walk over the maps, on every message of the real sets', () => {
    const { lexicon } = realNlu().urgent;
    const texts: string[] = [];
    for (const f of ['bench/corpus/nlu.jsonl', 'test/eval/dev3.jsonl', 'test/eval/holdout.jsonl'])
      for (const line of readFileSync(join(ROOT, f), 'utf8').split('\n'))
        if (line.trim())
          JSON.stringify(JSON.parse(line), (_, v: unknown) => {
            if (typeof v === 'string' && v.length > 1) texts.push(v);
            return v;
          });
    // and the concept words typed with homophones, as a walk must find them
    texts.push('我爸婚迷了', '孩子抽出了', '呼吸困南', '胸口疼得厉害');
    let found = 0;
    for (const t of texts) {
      const text = t.toLowerCase();
      const m = overMaps(lexicon.pinyin, text, lexicon.maxLength);
      const f = frozen(lexicon.pinyin, text, lexicon.maxLength);
      expect(f.length).toBe(m.length);
      f.forEach((x, k) => expect(x).toEqual(m[k]));
      f.forEach(([, , words], k) => expect(words).toBe((m[k] as Found[number])[2]));
      found += f.length;
    }
    expect(found).toBeGreaterThan(100);
  });
});
