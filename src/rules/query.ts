// Pure queries over a loaded RuleSet and a LiveStatus overlay passed in. A query answers from one rule book
// only; what the book lacks comes back as `missing`, never filled in from another locality.
import type {
  AudienceId,
  CategoryId,
  Contact,
  Designation,
  Facility,
  FacilityId,
  Guidance,
  LiveStatus,
  LoadMark,
  LocalityId,
  RuleBook,
  RuleSet,
  Source,
  Stat,
  TopicId,
  Vocabulary,
} from './types';

/** What a rule book does not say, for the answer to state plainly. */
export interface Missing {
  locality: LocalityId;
  what: 'designation' | 'guidance' | 'contact' | 'facility' | 'phone';
  /** The query that found nothing (category, audience, topic…). */
  query: Record<string, string>;
  note: string;
  /** For a designation missing for one audience: the audiences that do have one for this category. */
  designatedFor?: AudienceId[];
}

/** A query's findings (in the notice's order) and, when they are empty or partial, what is missing. */
export interface Lookup<T> {
  items: T[];
  missing: Missing[];
}

// ---------------------------------------------------------------- places

export interface PlaceMatch {
  locality: LocalityId;
  /** The canonical name (忻府区, 忻州市). */
  name: string;
  /** The text that matched (忻府). */
  matched: string;
  /** district | county | town | street | area, or `locality` for a book's own name or alias. */
  kind: string;
  /** Offset of the match in the (NFKC-normalised) text. */
  start: number;
}

export interface PlaceResolution {
  /** The one locality the text names, when it names exactly one (a specific book beats the rural fallback). */
  locality?: LocalityId;
  matches: PlaceMatch[];
  /** Several specific localities named (忻州 and 晋江): the caller must ask. */
  ambiguous: boolean;
  /** Larger areas named that contain a locality without being covered by it (泉州 → jinjiang, quanxiu). */
  partial: { name: string; localities: LocalityId[] }[];
}

interface PlaceEntry {
  locality: LocalityId;
  name: string;
  matched: string;
  kind: string;
  fallback: boolean;
}

const placeIndexes = new WeakMap<RuleSet, { names: PlaceEntry[]; within: Map<string, LocalityId[]> }>();

function placeIndex(set: RuleSet) {
  let index = placeIndexes.get(set);
  if (index) return index;
  const names: PlaceEntry[] = [];
  const within = new Map<string, LocalityId[]>();
  for (const b of set.books) {
    for (const n of [b.name, ...b.aliases]) names.push({ locality: b.id, name: b.name, matched: n, kind: 'locality', fallback: b.fallback });
    for (const p of b.places) {
      for (const n of [p.name, ...p.aliases]) names.push({ locality: b.id, name: p.name, matched: n, kind: p.kind, fallback: b.fallback });
    }
    for (const w of b.within ?? []) within.set(w, [...(within.get(w) ?? []), b.id]);
  }
  names.sort((a, b) => b.matched.length - a.matched.length);
  index = { names, within };
  placeIndexes.set(set, index);
  return index;
}

/**
 * Finds the place names (exact names and aliases; no fuzzy matching) in `text`, longest first, without
 * overlaps. "泉州丰泽区泉秀街道" → quanxiu; a bare "泉州" resolves to nothing and is reported as `partial`.
 */
export function resolvePlace(set: RuleSet, text: string): PlaceResolution {
  const s = text.normalize('NFKC');
  const { names, within } = placeIndex(set);
  const taken: boolean[] = new Array<boolean>(s.length).fill(false);
  const matches: PlaceMatch[] = [];
  const fallbackOf = new Map<LocalityId, boolean>();
  for (const e of names) {
    for (let at = s.indexOf(e.matched); at >= 0; at = s.indexOf(e.matched, at + 1)) {
      if (taken.slice(at, at + e.matched.length).some(Boolean)) continue;
      taken.fill(true, at, at + e.matched.length);
      matches.push({ locality: e.locality, name: e.name, matched: e.matched, kind: e.kind, start: at });
      fallbackOf.set(e.locality, e.fallback);
    }
  }
  matches.sort((a, b) => a.start - b.start);
  const partial: PlaceResolution['partial'] = [];
  const wNames = [...within.keys()].sort((a, b) => b.length - a.length);
  for (const w of wNames) {
    for (let at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) {
      if (taken.slice(at, at + w.length).some(Boolean)) continue;
      taken.fill(true, at, at + w.length);
      partial.push({ name: w, localities: within.get(w) ?? [] });
    }
  }
  const all = [...new Set(matches.map((m) => m.locality))];
  const specific = all.filter((l) => !fallbackOf.get(l));
  const chosen = specific.length === 1 ? specific[0] : specific.length === 0 && all.length === 1 ? all[0] : undefined;
  const resolution: PlaceResolution = { matches, ambiguous: specific.length > 1, partial };
  if (chosen) resolution.locality = chosen;
  return resolution;
}

/** The rural fallback book (used where a rural locality has no book of its own), if any. */
export function fallbackBook(set: RuleSet): RuleBook | undefined {
  return set.books.find((b) => b.fallback);
}

// ---------------------------------------------------------------- facilities

/** A facility by id, name or alias (NFKC, exact). */
export function findFacility(book: RuleBook, nameOrId: string): Facility | undefined {
  const q = nameOrId.normalize('NFKC').trim();
  return (
    book.facilities.find((f) => f.id === q) ??
    book.facilities.find((f) => f.name.normalize('NFKC') === q) ??
    book.facilities.find((f) => f.aliases.some((a) => a.normalize('NFKC') === q))
  );
}

const facilityIds = new WeakMap<RuleBook, Map<FacilityId, Facility>>();

function facilityById(book: RuleBook, id: FacilityId): Facility {
  let ids = facilityIds.get(book);
  if (!ids) {
    ids = new Map();
    for (const x of book.facilities) if (!ids.has(x.id)) ids.set(x.id, x);
    facilityIds.set(book, ids);
  }
  const f = ids.get(id);
  if (!f) throw new Error(`${book.file}: unknown facility "${id}" (the loader should have refused it)`);
  return f;
}

// ---------------------------------------------------------------- designations

export type FacilityState = 'open' | 'full' | 'closed';

export interface DesignatedFacility {
  facility: Facility;
  /** `designated` for the notice's own list, `backup` for a backup (with its order). */
  role: 'designated' | 'backup';
  /** 0 for designated facilities, 1… for backups. */
  order: number;
  state: FacilityState;
  /** Whether people should go here now. */
  active: boolean;
  /** Load colour and staff note from the live status. */
  load?: string;
  note?: string;
}

export interface DesignationAnswer {
  designation: Designation;
  /** Facilities with the active ones first, then the rest in the notice's order. */
  facilities: DesignatedFacility[];
  /** The facilities to go to now (all open designated ones; else the first open backup in order). */
  active: Facility[];
  /** Facilities marked full or closed (by the live status or `assumedFull`). */
  unavailable: FacilityId[];
  /** True when a backup is active because the designated facilities are unavailable. */
  backupActive: boolean;
  /** Every listed facility is unavailable: the answer must say so (and give the activation words). */
  exhausted: boolean;
  /** When backups start, in the notice's words. */
  activation?: string;
}

export interface DesignationQuery {
  category: CategoryId;
  /** The person's audience (sealed_zone…). Omitted (and no `audiences`): every audience. */
  audience?: AudienceId;
  /** Any of these audiences (a group expanded with expandGroup); takes precedence over `audience`. */
  audiences?: AudienceId[];
}

export interface DesignationLookup extends Lookup<DesignationAnswer> {
  /** All answers name the same facilities and backups: the audience does not change the answer. */
  uniform: boolean;
}

/** Whether the book designates hospitals for a care (晋江 none for covid, 烟台 none at all). */
export const designatesFor = (book: RuleBook, category: string): boolean => book.designations.some((d) => d.category === category);

/**
 * The designations of `book` for a category (and audience), each with its facilities in order and the active
 * one first. `assumedFull` marks facilities full for this question (the user said 晋江市医院收满了).
 */
export function findDesignations(
  book: RuleBook,
  query: DesignationQuery,
  status: LiveStatus,
  assumedFull: string[] = [],
): DesignationLookup {
  const forCategory = book.designations.filter((d) => d.category === query.category);
  const audiences = wanted(query);
  const matching = audiences ? forCategory.filter((d) => d.audiences.length === 0 || d.audiences.some((a) => audiences.includes(a))) : forCategory;
  const full = new Set(assumedFull.map((n) => findFacility(book, n)?.id ?? n));
  const items = matching.map((d) => answerDesignation(book, d, status, full));
  const missing: Missing[] = [];
  if (items.length === 0) {
    const designatedFor = [...new Set(forCategory.flatMap((d) => d.audiences))];
    const m: Missing = {
      locality: book.id,
      what: 'designation',
      query: { category: query.category, ...(audiences ? { audience: audiences.join(',') } : {}) },
      note: forCategory.length
        ? `${book.name}的通知没有为这类人员指定这一类就诊医院（见 designatedFor）`
        : `${book.name}的通知没有为这一类诊疗指定医院`,
    };
    if (forCategory.length) m.designatedFor = designatedFor;
    missing.push(m);
  }
  const first = items.length > 1 ? shapeOf(items[0] as DesignationAnswer) : '';
  return { items, missing, uniform: items.length < 2 || items.every((a, i) => i === 0 || shapeOf(a) === first) };
}

/** A designation's facilities and backups, to tell whether several audiences' answers are the same. */
const shapeOf = (a: DesignationAnswer): string => JSON.stringify([a.designation.facilities, a.designation.backups]);

/** The audiences a query stands for: `audiences` when given, else `[audience]`, else undefined (any). */
function wanted(q: { audience?: AudienceId; audiences?: AudienceId[] }): AudienceId[] | undefined {
  return q.audiences ?? (q.audience ? [q.audience] : undefined);
}

/** A group id (special_target) → its member audiences; an audience id → itself. */
export function expandGroup(vocab: Vocabulary, id: string): AudienceId[] {
  const members = vocab.audiences.filter((a) => a.groups.includes(id)).map((a) => a.id);
  return vocab.groups.some((g) => g.id === id) ? members : [id];
}

function stateOf(status: LiveStatus, full: Set<string>, id: FacilityId): { state: FacilityState; load?: string; note?: string } {
  const s = status.facilities[id];
  const state: FacilityState = full.has(id) ? (s?.state === 'closed' ? 'closed' : 'full') : (s?.state ?? 'open');
  return s ? { state, ...(s.load ? { load: s.load } : {}), ...(s.note ? { note: s.note } : {}) } : { state };
}

function answerDesignation(book: RuleBook, d: Designation, status: LiveStatus, full: Set<string>): DesignationAnswer {
  const listed: DesignatedFacility[] = [
    ...d.facilities.map((id) => ({ id, role: 'designated' as const, order: 0 })),
    ...d.backups.map((b) => ({ id: b.facility, role: 'backup' as const, order: b.order })),
  ].map(({ id, role, order }) => ({ facility: facilityById(book, id), role, order, active: false, ...stateOf(status, full, id) }));
  const designatedOpen = listed.filter((f) => f.role === 'designated' && f.state === 'open');
  const firstBackup = listed.find((f) => f.role === 'backup' && f.state === 'open');
  const active = designatedOpen.length > 0 ? designatedOpen : firstBackup ? [firstBackup] : [];
  for (const f of active) f.active = true;
  const answer: DesignationAnswer = {
    designation: d,
    facilities: [...active, ...listed.filter((f) => !f.active)],
    active: active.map((f) => f.facility),
    unavailable: listed.filter((f) => f.state !== 'open').map((f) => f.facility.id),
    backupActive: designatedOpen.length === 0 && active.length > 0,
    exhausted: active.length === 0,
  };
  if (d.activation) answer.activation = d.activation;
  return answer;
}

// ---------------------------------------------------------------- guidance, contacts, stats

export interface GuidanceQuery {
  /** Topics wanted; empty: any topic. */
  topics: TopicId[];
  audience?: AudienceId;
  /** Any of these audiences; takes precedence over `audience`. */
  audiences?: AudienceId[];
  category?: CategoryId;
}

/**
 * Guidance entries on the topics asked, in the order of `topics` then the notice's; entries limited to other
 * audiences or categories are left out. A topic with no entry is reported missing.
 */
export function findGuidance(book: RuleBook, query: GuidanceQuery): Lookup<Guidance> {
  const audiences = wanted(query);
  const candidates = book.guidance.filter(
    (g) =>
      (!audiences || g.audiences.length === 0 || audiences.some((a) => g.audiences.includes(a))) &&
      (!query.category || g.categories.length === 0 || g.categories.includes(query.category)),
  );
  if (query.topics.length === 0) return { items: candidates, missing: [] };
  const items: Guidance[] = [];
  const missing: Missing[] = [];
  for (const t of query.topics) {
    const found = candidates.filter((g) => g.topic === t && !items.includes(g));
    if (found.length === 0 && !items.some((g) => g.topic === t)) {
      missing.push({ locality: book.id, what: 'guidance', query: { topic: t, ...pick(query) }, note: `${book.name}的通知没有关于这一点的规定` });
    }
    items.push(...found);
  }
  return { items, missing };
}

function pick(q: GuidanceQuery): Record<string, string> {
  const audiences = wanted(q);
  return { ...(audiences ? { audience: audiences.join(',') } : {}), ...(q.category ? { category: q.category } : {}) };
}

/** A guidance entry by id (the book's `emergency` route, for instance). */
export function guidanceById(book: RuleBook, id: string): Guidance | undefined {
  return book.guidance.find((g) => g.id === id);
}

/** The book's emergency route, when it has one. */
export function emergencyRoute(book: RuleBook): Guidance | undefined {
  return book.emergency ? guidanceById(book, book.emergency) : undefined;
}

/** Contacts for a topic and/or kind, in the notice's order; contacts without a printed number are reported. */
export function findContacts(book: RuleBook, query: { topic?: TopicId; kind?: string } = {}): Lookup<Contact> {
  const items = book.contacts.filter((c) => (!query.topic || c.topics.includes(query.topic)) && (!query.kind || c.kind === query.kind));
  const q: Record<string, string> = { ...(query.topic ? { topic: query.topic } : {}), ...(query.kind ? { kind: query.kind } : {}) };
  const missing: Missing[] = [];
  if (items.length === 0) missing.push({ locality: book.id, what: 'contact', query: q, note: `${book.name}的通知没有公布这方面的联系人或电话` });
  for (const c of items.filter((x) => x.phones.length === 0)) {
    missing.push({ locality: book.id, what: 'phone', query: { ...q, contact: c.id }, note: `通知没有公布${c.name}的电话号码` });
  }
  return { items, missing };
}

/** The contact for urgent handoffs, when the notice gives one. */
export function escalationContact(book: RuleBook): Contact | undefined {
  return book.escalation ? book.contacts.find((c) => c.id === book.escalation) : undefined;
}

/** Figures the notice gives (152 sentinel clinics…), optionally for one topic. */
export function findStats(book: RuleBook, topic?: TopicId): Stat[] {
  return book.stats.filter((s) => !topic || s.topic === topic);
}

/** A load mark (Longkou's 蓝/黄/红/×) by id, name or synonym. */
export function findLoadMark(book: RuleBook, word: string): LoadMark | undefined {
  const w = word.normalize('NFKC').trim();
  return book.loadMarks?.marks.find((m) => m.id === w || m.name.normalize('NFKC') === w || m.synonyms.some((s) => s.normalize('NFKC') === w));
}

// ---------------------------------------------------------------- citation

export interface Citation extends Source {
  locality: LocalityId;
  /** 《title》（issuer，number，date；via published url）, ready to print. */
  text: string;
}

const citations = new WeakMap<RuleBook, Citation>();

/** The notice a book transcribes, with a printable one-line reference (computed once per book). */
export function citation(book: RuleBook): Citation {
  let c = citations.get(book);
  if (!c) citations.set(book, (c = makeCitation(book)));
  return c;
}

function makeCitation(book: RuleBook): Citation {
  const s = book.source;
  const main = [s.issuer, s.number, s.date && chineseDate(s.date)].filter(Boolean).join('，');
  const via = [s.via, s.published && `${chineseDate(s.published)}发布`, s.url].filter(Boolean).join(' ');
  const text = `《${s.title}》（${main}${via ? `；${via}` : ''}）`;
  return { ...s, locality: book.id, text };
}

/** 2022-02-25 → 2022年2月25日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
