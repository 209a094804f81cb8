// Builds the entity lexicon from the RuleSet (places, facilities, vocabulary) and intents/lexicon.yml
// (cues). Everything here runs once, at load.
import { freezeTrie, type CharTrie } from '../data/char-trie';
import type { RuleSet } from '../rules/types';
import type { EntityType } from './types';
import { compile, DataError, type Lexicon } from './data';

/** A road, street or compound in an address: 灯荣路, 浦西花园 (not its number). */
export const ADDRESS_PART = /[\u4e00-\u9fff]{2,8}?(?:大道|路|街|巷|花园|小区|新村|苑|广场)/g;

/** Entities of different layers may overlap; within a layer, leftmost-longest wins. */
export const LAYERS: Record<EntityType, number> = {
  locality: 0,
  place: 0,
  facility: 1,
  contact: 1,
  audience: 2,
  category: 3,
  topic: 4,
  role: 5,
  time: 6,
  load_mark: 7,
  rural: 8,
  other_place: 9,
  denied: 3,
};

export interface LexEntry {
  type: EntityType;
  value: string;
  name?: string;
  /** Locality a facility belongs to; generic facilities (乡镇卫生院) are ranked after named ones. */
  locality?: string;
  generic?: boolean;
  /** A road or compound of a facility's address: a place, whose words still say what is asked (its address). */
  address?: boolean;
}

export interface RegexCue {
  re: RegExp;
  entry: LexEntry;
}

export interface TrieNode {
  /** Keyed by UTF-16 code unit. */
  next: Map<number, TrieNode>;
  entries?: LexEntry[];
  /** A word ends here that holds cues but is none (邻居家 holds 居家): what it covers is no entity. */
  plain?: true;
}

export interface PlaceName {
  surface: string;
  entry: LexEntry;
}

export interface FacilityName {
  surface: string;
  entry: LexEntry;
}

export interface EntityLexicon {
  trie: TrieNode;
  /** `trie` frozen for the walks at every position of a message (char-trie.ts): a node's payload is the node
   * itself where it has entries or is plain. */
  cues: CharTrie<TrieNode>;
  regexes: RegexCue[];
  /** All the regex cues in one alternation: a scan finds where any of them may start. */
  anyRegex: RegExp | undefined;
  /** The regex cues, sticky, tried only where anyRegex found a start. */
  stickyRegexes: RegexCue[];
  /** Place names and aliases for typo-tolerant matching. */
  places: PlaceName[];
  /** Places by their first and second characters: a name with one wrong character keeps one of them. */
  placeIndex: Map<string, { place: PlaceName; pos: number }[]>;
  facilities: FacilityName[];
  /** Facility names by their last two characters, for the typo-tolerant matcher. */
  facilityTails: Map<string, FacilityName[]>;
  english: Map<string, { gloss: string; entries: LexEntry[] }>;
  negationBefore: RegExp;
  /** …and right before a category only (不发烧). */
  categoryNegationBefore?: RegExp;
  /** …and right before a place, when another place is named (是晋江 不是忻州). */
  placeNegationBefore?: RegExp;
  /** An audience word asked about (要隔离吗): before it, or after it. */
  askedBefore?: RegExp;
  /** A case at a place (医院出了阳性病例), not the user's. */
  elsewhere?: RegExp;
  /** Whom a service is for (专门给特定对象用), not the user's status. */
  served?: RegExp;
  askedAfter?: RegExp;
  defaultAudience: string;
  placeAfter: RegExp;
  placeBefore: RegExp;
  minSimilarity: number;
  /** Character → its confusable groups (忻/新, 州/洲; 浮 is in two). */
  confusable: Map<string, number[]>;
  /** Audience ids that are groups (特定对象): dropped when the message negates every named audience. */
  groupIds: Set<string>;
  /** Every literal worth a user-dictionary entry. */
  words: Set<string>;
}

function isRegex(p: string): boolean {
  return p.length > 2 && p.startsWith('/') && p.endsWith('/');
}

/** The node a surface ends at, made on the way. */
function nodeAt(root: TrieNode, surface: string): TrieNode {
  let node = root;
  for (let i = 0; i < surface.length; i++) {
    const ch = surface.charCodeAt(i);
    let next = node.next.get(ch);
    if (!next) {
      next = { next: new Map() };
      node.next.set(ch, next);
    }
    node = next;
  }
  return node;
}

function insert(root: TrieNode, surface: string, entry: LexEntry): void {
  const node = nodeAt(root, surface);
  const entries = (node.entries ??= []);
  if (!entries.some((e) => e.type === entry.type && e.value === entry.value)) entries.push(entry);
}

export function buildLexicon(rules: RuleSet, lex: Lexicon, file = 'intents/lexicon.yml'): EntityLexicon {
  const trie: TrieNode = { next: new Map() };
  const regexes: RegexCue[] = [];
  const words = new Set<string>();
  const ignore = new Set(lex.ignore_synonyms);
  const places: PlaceName[] = [];
  const facilities: FacilityName[] = [];

  const add = (surface: string, entry: LexEntry, where: string): void => {
    if (isRegex(surface)) {
      regexes.push({ re: compile(surface.slice(1, -1), `${file}: ${where}`, 'g'), entry });
      return;
    }
    const s = surface.normalize('NFKC');
    if (!s) return;
    insert(trie, s, entry);
    if (/^[A-Za-z]+$/.test(s)) insert(trie, s.toLowerCase(), entry);
    // (an address's parts are found as places but not cut as words: the notice's own sentences keep their words)
    if (!entry.address) words.add(s);
  };

  const vocab = rules.vocabulary;
  const ids = {
    category: new Set(vocab.categories.map((t) => t.id)),
    audience: new Set(vocab.audiences.map((t) => t.id)),
    topic: new Set([...vocab.topics.map((t) => t.id), ...lex.extra_topics]),
  };
  const check = (kind: keyof typeof ids, id: string, where: string): void => {
    if (!ids[kind].has(id)) throw new DataError(`${file}: ${where}: unknown ${kind} id "${id}" (not in the vocabulary)`);
  };

  // rule books: localities, places, facilities
  for (const book of rules.books) {
    const locality: LexEntry = { type: 'locality', value: book.id, name: book.name };
    for (const s of [book.name, ...book.aliases]) {
      add(s, locality, `book ${book.id}`);
      if (s.length >= 2) places.push({ surface: s, entry: locality });
    }
    for (const p of book.places) {
      const entry: LexEntry = { type: 'place', value: book.id, name: p.name };
      for (const s of [p.name, ...p.aliases]) {
        add(s, entry, `book ${book.id} place ${p.name}`);
        if (s.length >= 2) places.push({ surface: s, entry });
      }
    }
    for (const f of book.facilities) {
      // the roads and compounds of its printed address are places of the book (灯荣路29号（浦西花园）: 住灯荣路附近)
      for (const part of f.address?.match(ADDRESS_PART) ?? []) {
        const entry: LexEntry = { type: 'place', value: book.id, name: part, address: true };
        add(part, entry, `book ${book.id} facility ${f.id} address`);
        places.push({ surface: part, entry });
      }
      const entry: LexEntry = {
        type: 'facility',
        value: `${book.id}/${f.id}`,
        name: f.name,
        locality: book.id,
        ...(f.generic ? { generic: true } : {}),
      };
      for (const s of [f.name, ...f.aliases]) {
        add(s, entry, `book ${book.id} facility ${f.id}`);
        if (s.length >= 6) facilities.push({ surface: s, entry });
      }
    }
    // a person the notice names as a contact (黄鑫那个号码打不通): where the user is, when nothing else says
    for (const c of book.contacts) {
      if (c.kind !== 'person' || !c.name || c.name.length < 2) continue;
      add(c.name, { type: 'contact', value: `${book.id}/${c.id}`, name: c.name, locality: book.id }, `book ${book.id} contact ${c.id}`);
    }
    for (const m of book.loadMarks?.marks ?? []) {
      for (const s of [m.name, ...m.synonyms]) {
        if (s.length >= 2 || s === '×') add(s, { type: 'load_mark', value: m.id }, `book ${book.id} loadMarks`);
      }
    }
  }

  // vocabulary
  for (const t of vocab.categories) for (const s of [t.name, ...t.synonyms]) if (!ignore.has(s)) add(s, { type: 'category', value: t.id, name: t.name }, `category ${t.id}`);
  for (const t of vocab.audiences) for (const s of [t.name, ...t.synonyms]) if (!ignore.has(s)) add(s, { type: 'audience', value: t.id, name: t.name }, `audience ${t.id}`);
  for (const g of vocab.groups) for (const s of [g.name, ...g.synonyms]) add(s, { type: 'audience', value: g.id, name: g.name }, `group ${g.id}`);
  for (const t of vocab.topics) for (const s of [t.name, ...t.synonyms]) if (!ignore.has(s)) add(s, { type: 'topic', value: t.id, name: t.name }, `topic ${t.id}`);

  // cues
  const names = (kind: 'category' | 'audience', id: string) =>
    (kind === 'category' ? vocab.categories : vocab.audiences).find((t) => t.id === id)?.name;
  for (const [id, list] of Object.entries(lex.categories)) {
    check('category', id, `categories.${id}`);
    list.forEach((p, i) => add(p, { type: 'category', value: id, name: names('category', id) }, `categories.${id}.${i}`));
  }
  for (const [id, list] of Object.entries(lex.audiences)) {
    check('audience', id, `audiences.${id}`);
    list.forEach((p, i) => add(p, { type: 'audience', value: id, name: names('audience', id) }, `audiences.${id}.${i}`));
  }
  check('audience', lex.negation.default_audience, 'negation.default_audience');
  for (const [id, list] of Object.entries(lex.topics)) {
    check('topic', id, `topics.${id}`);
    list.forEach((p, i) => add(p, { type: 'topic', value: id }, `topics.${id}.${i}`));
  }
  const simple: [EntityType, Record<string, string[]>, string][] = [
    ['role', lex.roles, 'roles'],
    ['time', lex.times, 'times'],
    ['load_mark', lex.load_marks, 'load_marks'],
  ];
  for (const [type, table, key] of simple) {
    for (const [id, list] of Object.entries(table)) list.forEach((p, i) => add(p, { type, value: id }, `${key}.${id}.${i}`));
  }
  lex.rural.forEach((p, i) => add(p, { type: 'rural', value: 'rural' }, `rural.${i}`));

  const english = new Map<string, { gloss: string; entries: LexEntry[] }>();
  for (const [word, e] of Object.entries(lex.english)) {
    const entries: LexEntry[] = [];
    if (e.category) {
      check('category', e.category, `english.${word}.category`);
      entries.push({ type: 'category', value: e.category, name: names('category', e.category) });
    }
    if (e.audience) {
      check('audience', e.audience, `english.${word}.audience`);
      entries.push({ type: 'audience', value: e.audience, name: names('audience', e.audience) });
    }
    if (e.topic) {
      check('topic', e.topic, `english.${word}.topic`);
      entries.push({ type: 'topic', value: e.topic });
    }
    english.set(word.toLowerCase(), { gloss: e.gloss, entries });
  }

  const placeIndex = new Map<string, { place: PlaceName; pos: number }[]>();
  for (const place of places) {
    for (const pos of [0, 1]) {
      const ch = place.surface[pos] as string;
      placeIndex.set(ch, [...(placeIndex.get(ch) ?? []), { place, pos }]);
    }
  }

  const facilityTails = new Map<string, FacilityName[]>();
  for (const f of facilities) {
    const tail = f.surface.slice(-2);
    facilityTails.set(tail, [...(facilityTails.get(tail) ?? []), f]);
  }

  for (const w of lex.not_inside) nodeAt(trie, w.normalize('NFKC')).plain = true;

  const anyRegex = regexes.length ? compile(regexes.map((r) => `(?:${r.re.source})`).join('|'), `${file}: regex cues`, 'g') : undefined;
  const stickyRegexes = regexes.map((r) => ({ re: new RegExp(r.re.source, 'y'), entry: r.entry }));

  return {
    trie,
    cues: freezeTrie(trie, (n) => (n.entries || n.plain ? n : undefined)),
    anyRegex,
    stickyRegexes,
    facilityTails,
    regexes,
    places,
    placeIndex,
    facilities,
    english,
    negationBefore: compile(lex.negation.before, `${file}: negation.before`),
    ...(lex.negation.category_before ? { categoryNegationBefore: compile(lex.negation.category_before, `${file}: negation.category_before`) } : {}),
    ...(lex.negation.place_before ? { placeNegationBefore: compile(lex.negation.place_before, `${file}: negation.place_before`) } : {}),
    ...(lex.elsewhere ? { elsewhere: compile(lex.elsewhere, `${file}: elsewhere`) } : {}),
    ...(lex.served ? { served: compile(lex.served, `${file}: served`) } : {}),
    ...(lex.asked ? { askedBefore: compile(lex.asked.before, `${file}: asked.before`), askedAfter: compile(lex.asked.after, `${file}: asked.after`) } : {}),
    defaultAudience: lex.negation.default_audience,
    placeAfter: compile(lex.places.after, `${file}: places.after`),
    placeBefore: compile(lex.places.before, `${file}: places.before`),
    minSimilarity: lex.places.min_similarity,
    confusable: lex.places.confusable.reduce((m, g, i) => ([...g].forEach((ch) => m.set(ch, [...(m.get(ch) ?? []), i])), m), new Map<string, number[]>()),
    groupIds: new Set(vocab.groups.map((g) => g.id)),
    words,
  };
}
