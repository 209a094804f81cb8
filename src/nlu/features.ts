// Classifier features: jieba tokens, with the words of places, facilities, audiences and categories
// replaced by their entity type (ENT:place…), plus cue features (T:hours, R:family_doctor…).
import type { Entity } from './types';
import type { EntityLexicon } from './lexicon';
import type { Normalised } from './normalise';

const REPLACED = new Set(['locality', 'place', 'facility', 'contact', 'audience', 'category', 'other_place', 'denied']);
const NOISE = /^[\s\p{P}\p{S}]+$/u;
const EMPTY: ReadonlySet<string> = new Set();
const KEEP_NUMBERS = new Set(['120', '12345', '12320', '110']);

/** Feature names are built once and reused (no string building per message). */
const names = new Map<string, string>();
function feature(prefix: string, value: string): string {
  const key = prefix + value;
  let f = names.get(key);
  if (f === undefined) {
    f = key;
    names.set(key, f);
  }
  return f;
}

function kind(t: string): 'cjk' | 'latin' | 'digits' | 'noise' | 'other' {
  const c = t.charCodeAt(0);
  if (c >= 0x3400 && c <= 0x9fff) return 'cjk';
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return /^[A-Za-z]+$/.test(t) ? 'latin' : 'other';
  if (c >= 48 && c <= 57) return /^\d+$/.test(t) ? 'digits' : 'other';
  return NOISE.test(t) ? 'noise' : 'other';
}

export function featuresOf(norm: Normalised, tokens: string[], entities: Entity[], lex: EntityLexicon, stopwords: ReadonlySet<string> = EMPTY): string[] {
  const text = norm.text;
  const cover = new Array<string | undefined>(text.length);
  const out: string[] = [];
  for (const e of entities) {
    // (an address's road or compound is read as its words: they ask where the facility is)
    if (e.address) continue;
    if (REPLACED.has(e.type)) {
      const type = e.type === 'locality' ? 'place' : e.type;
      for (let i = e.start; i < e.end; i++) cover[i] = type;
      out.push(feature('ENT:', type));
      if (e.type === 'category') out.push(feature('CAT:', e.value));
    } else if (e.type === 'topic') out.push(feature('T:', e.value));
    else if (e.type === 'role') out.push(feature('R:', e.value));
    else if (e.type === 'time') out.push(feature('TM:', e.value));
    else if (e.type === 'load_mark') out.push('LOAD');
    else if (e.type === 'rural') out.push('RURAL');
  }
  if (norm.forwarded) out.push('FWD');
  const entityFeatures = out.length;
  let pos = 0;
  for (const t of tokens) {
    const start = pos;
    pos += t.length;
    const k = kind(t);
    if (k === 'noise') continue;
    let inside = true;
    for (let i = start; i < pos; i++) if (cover[i] === undefined) inside = false;
    if (inside) continue;
    if (k === 'latin') {
      const e = lex.english.get(t.toLowerCase());
      out.push(e ? e.gloss : t.toLowerCase());
    } else if (k === 'digits' && !KEEP_NUMBERS.has(t)) out.push(t.length >= 7 ? 'NUM:long' : 'NUM');
    else if (!stopwords.has(t)) out.push(t);
  }
  // nothing but entities (忻州忻府区, 晋江安海): a bare answer
  if (out.length === entityFeatures && entities.length > 0) out.push('ONLY_ENT');
  return out;
}
