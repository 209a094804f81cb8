// Classifier features: jieba tokens, with the words of places, facilities, audiences and categories
// replaced by their entity type (ENT:place…), plus cue features (T:hours, R:family_doctor…).
import type { Entity } from './types';
import type { EntityLexicon } from './lexicon';
import type { Normalised } from './normalise';

const REPLACED = new Set(['locality', 'place', 'facility', 'audience', 'category', 'other_place']);
const NOISE = /^[\s\p{P}\p{S}]+$/u;
const KEEP_NUMBERS = new Set(['120', '12345', '12320', '110']);

export function featuresOf(norm: Normalised, tokens: string[], entities: Entity[], lex: EntityLexicon): string[] {
  const text = norm.text;
  const cover = new Array<string | undefined>(text.length);
  const out: string[] = [];
  for (const e of entities) {
    if (REPLACED.has(e.type)) {
      const type = e.type === 'locality' ? 'place' : e.type;
      for (let i = e.start; i < e.end; i++) cover[i] = type;
      out.push(`ENT:${type}`);
      if (e.type === 'category') out.push(`CAT:${e.value}`);
    } else if (e.type === 'topic') out.push(`T:${e.value}`);
    else if (e.type === 'role') out.push(`R:${e.value}`);
    else if (e.type === 'time') out.push(`TM:${e.value}`);
    else if (e.type === 'load_mark') out.push('LOAD');
    else if (e.type === 'rural') out.push('RURAL');
  }
  if (norm.forwarded) out.push('FWD');
  let pos = 0;
  for (const t of tokens) {
    const start = pos;
    pos += t.length;
    if (NOISE.test(t)) continue;
    let inside = true;
    for (let i = start; i < pos; i++) if (cover[i] === undefined) inside = false;
    if (inside) continue;
    if (/^[A-Za-z]+$/.test(t)) {
      const e = lex.english.get(t.toLowerCase());
      out.push(e ? e.gloss : t.toLowerCase());
    } else if (/^\d+$/.test(t) && !KEEP_NUMBERS.has(t)) out.push(t.length >= 7 ? 'NUM:long' : 'NUM');
    else out.push(t);
  }
  return out;
}
