// Words written either way: a question word has two spellings in everyday Chinese (什么 or 啥, 怎么 or 咋), and a data
// word with one of them matches a message with the other (没什么事 reads 没啥事, 区分 asked 咋 or 怎么), so the data
// list one spelling only. The classes are data (concepts.yml `interchangeable`). Pure.
import { escapeRegExp } from '../data/regex';

/** Every spelling of a word: itself first, then each with its interchangeable parts written the other ways. */
export type Spell = (word: string) => string[];

export const ONE_SPELLING: Spell = (w) => [w];

export function spellingsOf(classes: readonly (readonly string[])[]): Spell {
  const classOf = new Map<string, readonly string[]>();
  for (const c of classes) for (const w of c) classOf.set(w, c);
  if (!classOf.size) return ONE_SPELLING;
  const part = new RegExp([...classOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return (word) => {
    let out = [''];
    let at = 0;
    for (const m of word.matchAll(part)) {
      const plain = word.slice(at, m.index);
      out = out.flatMap((head) => (classOf.get(m[0]) as readonly string[]).map((w) => head + plain + w));
      at = (m.index as number) + m[0].length;
    }
    if (at === 0) return [word];
    const tail = word.slice(at);
    const all = out.map((head) => head + tail);
    return [word, ...all.filter((w) => w !== word)];
  };
}
