// The scope reader's cue words in one trie, and a message read into cue hits: a word in several lists carries every
// list's bit; a cue inside a plain word, a longer number or (a joke) a word is none.
import { join } from 'node:path';
import { loadUrgentData } from '../../src/urgent/data';
import { cueTrie, scanCues } from '../../src/urgent/scope-cues';
import { Cue } from '../../src/urgent/scope-text';

const data = loadUrgentData(join(__dirname, '../../intents/urgent')).scope;
const trie = cueTrie(data, (w) => w.normalize('NFKC').toLowerCase());
const hitsAt = (text: string, word: string): number[] => {
  const i = text.indexOf(word);
  return scanCues(trie, text)
    .filter((h) => h.start === i && h.end === i + word.length)
    .map((h) => h.cues);
};

describe('scope cues', () => {
  it('gives a word the bits of every list it is in', () => {
    // 现在: a clause break, something going on, and (two characters long) present
    const [bits] = hitsAt('胸口疼 现在还疼', '现在');
    expect((bits ?? 0) & Cue.Break).toBeTruthy();
    expect((bits ?? 0) & Cue.Ongoing).toBeTruthy();
    expect((bits ?? 0) & Cue.Present).toBeTruthy();
    // 现在不疼 is a resolution starting where the present word does
    expect((hitsAt('胸口疼 现在不疼', '现在不疼')[0] ?? 0) & Cue.Resolved).toBeTruthy();
  });

  it('reads no cue inside a plain word', () => {
    // 别 is a negator, but not in 特别
    expect((hitsAt('别喘了', '别')[0] ?? 0) & Cue.Neg).toBeTruthy();
    expect(hitsAt('特别喘', '别')).toEqual([0]);
  });

  it('reads no cue inside a longer number', () => {
    const joke = hitsAt('他说抽搐了233', '233')[0] ?? 0;
    expect(joke & Cue.Joke).toBeTruthy();
    expect(hitsAt('座机22334455一直没人接', '233')).toEqual([0]);
  });
});
