// The scope reader's cue words (intents/urgent/scope.yml) in one trie, each word with the cue bits of every list it is
// in, and a message read once into the cue hits the readings are judged from. Pure.
import type { ScopeFile } from './schema';
import { insert, type Trie } from './lexicon';
import { frozenValues } from '../data/char-trie';
import { Cue, insideNumber, insideWord, type Hit } from './scope-text';
import { ONE_SPELLING, type Spell } from './spellings';

/** Every cue list of scope.yml in one trie of cue bits, its words as messages are read (`norm`) in each of their
 * spellings (`spell`: 没什么事 and 没啥事). */
export function cueTrie(data: ScopeFile, norm: (w: string) => string, spell: Spell = ONE_SPELLING): Trie<number> {
  const trie: Trie<number> = { next: new Map() };
  const lists: [readonly string[], number][] = [
    [data.negation.before, Cue.Neg],
    [data.negation.gap, Cue.Gap],
    [data.negation.list_separators, Cue.Sep],
    [data.negation.list_end, Cue.ListEnd],
    [data.negation.after, Cue.NegAfter],
    [data.resolved, Cue.Resolved],
    [data.handled, Cue.Resolved],
    [data.past, Cue.Past],
    [data.ongoing, Cue.Ongoing],
    [data.history, Cue.History],
    [data.now, Cue.Now],
    [data.hypothetical, Cue.Hypo],
    [data.belief, Cue.Hypo],
    [data.knowledge, Cue.Know],
    [data.figurative, Cue.Fig],
    [data.literal_before, Cue.Literal],
    [data.figurative_subjects, Cue.FigSubject],
    [data.reported, Cue.Reported],
    [data.symptoms, Cue.Symptom],
    [data.clause_breaks, Cue.Break],
    [data.continuing, Cue.Continuing],
    [data.sequela, Cue.Sequela],
    [data.history_durations, Cue.HistDuration],
    [data.medicine_after, Cue.HistDuration],
    [data.hypothetical_after, Cue.HypoAfter],
    [data.jokes, Cue.Joke],
    [data.service_after, Cue.ServiceAfter],
    [data.knowledge_after, Cue.KnowAfter],
    [data.past_after, Cue.PastAfter],
    [data.plain_words, Cue.Plain],
    [data.since, Cue.Since],
    [data.pleas, Cue.Plea],
    [data.supposing, Cue.Suppose],
    [data.serious_turn, Cue.Serious],
    // (a word of two characters or more saying it goes on, 现在, 一直: present — 还, 起 alone are too common)
    [data.ongoing.filter((w) => w.length >= 2), Cue.Present],
  ];
  for (const [list, cue] of lists) for (const w of list) for (const s of spell(norm(w))) insert(trie, s, cue);
  return trie;
}

/** Every cue word found in the text, at every start, with its bits; none inside a plain word (别 in 特别, 非 in 非常, 如
 * in 不如), inside a longer number (233, laughter, in the landline 22334455) or, for a joke, inside a word (lol in lola). */
export function scanCues(trie: Trie<number>, text: string): Hit[] {
  const out: Hit[] = [];
  const cues = frozenValues(trie);
  for (let i = 0; i < text.length; i++) {
    let node = cues.rootChild(text.charCodeAt(i));
    let j = i + 1;
    while (node >= 0) {
      const values = cues.payloads[node];
      if (values) out.push({ start: i, end: j, cues: values.reduce((a, b) => a | b, 0) });
      if (j >= text.length) break;
      node = cues.innerChild(node, text.charCodeAt(j));
      j++;
    }
  }
  for (const w of out)
    if (w.cues & Cue.Plain)
      for (const h of out) if (h !== w && h.start >= w.start && h.end <= w.end && h.end - h.start < w.end - w.start) h.cues = 0;
  for (const h of out) if (insideNumber(text, h) || (h.cues & Cue.Joke && insideWord(text, h))) h.cues = 0;
  return out;
}
