// Answers a content question from one locality's rule book: dispatches on the intent's answer kind
// (intents/domain/answers.yml) and returns the lines, or the slot to ask for when it changes the answer.
import type { QuickReply, Session } from '../core/types';
import type { Slots } from '../dialog/slots';
import type { LiveStatus, RuleBook, RuleSet } from '../rules/types';
import { contactAnswer, hotlineOf, unknownNumberLine, unlistedNumbers } from './contacts';
import { withUnstated } from './unstated';
import { withUnmentioned } from './unmentioned';
import { compareAudiences } from './compare';
import { defineGroup } from './define';
import { designatesFor, findDesignations } from '../rules/query';
import { designationAnswer, routeLines } from './designation';
import { asksWhere, lowerCase, namesCare, saysUnanswered, type Domain } from './domain';
import { cueScan } from '../data/cue-scan';
import { loadStatusAnswer, withLoadMarks } from './load-status';
import { audienceGuidance, audiencesOf, categoriesOf, designationQuery, emergencyCareOf, generalFor, othersGuidance } from './asked';
import { say, type Line } from './plan';
import { dedupe, lineWords, topicGuidance, topicLines, topicLinesForOthers, type TopicQuery } from './topics';
import type { FactIndex } from './retrieve';
import { factAnswer, particular, withFacts } from './with-facts';

export { designationQuery } from './asked';
export { factAnswer, retrieveFacts } from './with-facts';

export interface AnswerInput {
  rules: RuleSet;
  domain: Domain;
  status: LiveStatus;
  book: RuleBook;
  intent: string;
  slots: Slots;
  session: Session;
  /** The normalised message. */
  text: string;
  knownNumbers: ReadonlySet<string>;
  /** The locality's facts, for questions the structured answers do not hold. */
  facts?: FactIndex;
  /** What the message names as places (left out of the fact search). */
  placeTexts?: readonly string[];
  /** How sure the NLU is of the intent: a sure topic keeps its block, facts asked besides are added to it. */
  confidence?: number;
}

export type AnswerResult =
  /** `found`: the rule book had something to say (false: the lines say what is missing). */
  | { kind: 'answer'; lines: Line[]; session: Session; found: boolean; units?: string[]; designated?: boolean }
  | { kind: 'ask'; slot: 'zone' | 'category'; lines: Line[]; quickReplies: QuickReply[]; session: Session };

const names = (list: { id: string; name: string }[], ids: string[]): QuickReply[] =>
  ids.map((id) => list.find((t) => t.id === id)).filter((t) => !!t).map((t) => ({ label: t.name, value: t.name }));

function designation(a: AnswerInput, assumedFull: readonly string[], categories: string[]): AnswerResult {
  const { book } = a;
  if (!categories.length) {
    const offered = [...new Set(book.designations.map((d) => d.category))];
    // Without a category: what the message names instead (核酸, 陪同…), or what the notice says for the
    // user's zone when it designates nothing for it (防范区就近就医), before asking which kind of care.
    const named = topics(a, a.slots.topics);
    // (a care named by a department's words or a stay in hospital, 狗咬了…去哪个医院 怎么出去, 要住院调理 哪家是定点医院,
    // by a known group: their hospital for general care before what the words name — domain `careTopics`)
    // (…and how a known group gets to hospital, 隔离的人要怎么去医院: the procedure takes them to their hospital, named first)
    const general =
      named.found && a.session.audience && ((namesCare(a.domain, a.slots.topics) && asksWhere(a.domain, a.text)) || a.slots.topics.includes('transport')) ? generalFor(a, assumedFull) : [];
    if (general.length && named.kind === 'answer') return { ...named, lines: dedupe([...general, ...named.lines]) };
    if (named.found || !offered.length) return named;
    const own = audienceGuidance(a);
    if (own.length) return { kind: 'answer', lines: own, session: a.session, found: true };
    // Every variant, when they fit in a short reply ("忻州的定点医院有哪些"); else ask which kind of care.
    const all = designationAnswer(book, designationQuery(a, offered, assumedFull));
    const groups = all.kind === 'answer' ? all.lines.filter((l) => 'key' in l && l.key === 'designation').length : Infinity;
    if (groups <= a.domain.maxDesignationGroups) return designation(a, assumedFull, offered);
    return { kind: 'ask', slot: 'category', session: a.session, lines: [say('ask_category', { categories: names(a.rules.vocabulary.categories, offered).map((q) => q.label) })], quickReplies: names(a.rules.vocabulary.categories, offered) };
  }
  const r = designationAnswer(book, designationQuery(a, categories, assumedFull));
  if (r.kind === 'ask_zone') {
    const quickReplies = names(a.rules.vocabulary.audiences, r.audiences);
    return { kind: 'ask', slot: 'zone', session: a.session, lines: [say('ask_zone', { zones: quickReplies.map((q) => q.label) })], quickReplies };
  }
  const anyDesignated = categories.some((c) => designatesFor(book, c));
  const q = topicQuery(a);
  const extra = secondaryOrInstead(a, q, ['transport']);
  // "which hospital for a diabetes check" where the notice designates none for that care: a known group's hospital
  // for general care, beside what the notice does say of it
  const general = !anyDesignated && a.session.audience && asksWhere(a.domain, a.text) ? generalFor(a, assumedFull) : [];
  const lines = dedupe([...general, ...r.lines, ...(anyDesignated ? routeLines(book, audiencesOf(a), categories) : []), ...othersGuidance(a, categories), ...topicLines(book, { ...q, topics: extra })]);
  const lastList = listOf(a, categories, assumedFull);
  return { kind: 'answer', session: { ...a.session, assumedFull: [...assumedFull], lastList }, lines, found: anyDesignated || r.lines.length > 0, designated: anyDesignated };
}

/** The ordered list a designation answer gives for its first category, and where the answer stands in it. */
function listOf(a: AnswerInput, categories: string[], assumedFull: readonly string[]): Session['lastList'] {
  const category = categories.find((c) => designatesFor(a.book, c));
  if (!category) return undefined;
  const lookup = findDesignations(a.book, { category, audiences: audiencesOf(a) }, a.status, [...assumedFull]);
  const first = lookup.items[0];
  if (!first) return undefined;
  const designated = first.designation.facilities;
  const backups = [...first.designation.backups].sort((x, y) => x.order - y.order).map((b) => b.facility);
  const order = [...designated, ...backups];
  const at = Math.max(0, order.findIndex((id) => first.active.some((f) => f.id === id)));
  return { locality: a.book.id, category, designated, backups, at };
}

/**
 * "第二个呢" / "再不行呢" / "and the next one?" after a designation answer: the place in its list asked for. Past
 * the designated hospitals, the backups are given as the notice orders them, the ones before marked full.
 */
export function walkList(a: AnswerInput): AnswerResult | undefined {
  const list = a.session.lastList;
  if (!list || list.locality !== a.book.id || (!a.slots.next && !a.slots.ordinal && !a.slots.last)) return undefined;
  const order = [...list.designated, ...list.backups];
  // an ordinal counts within the part of the list the last answer was about: the backups once they were in play
  const inBackups = list.at >= list.designated.length && list.backups.length > 0;
  const target = a.slots.last
    ? order.length - 1
    : a.slots.ordinal
    ? inBackups || (list.designated.length === 1 && list.backups.length)
      ? list.designated.length + a.slots.ordinal - 1
      : a.slots.ordinal - 1
    : list.at + 1;
  if (target < 0 || target >= order.length) {
    // past the end: what the notice says happens then (其他医院作为后备医院), when it says
    const d = a.book.designations.find((x) => x.category === list.category && x.activation);
    const then = d?.activation ? [say('designation_activation', { text: d.activation })] : [];
    const hotline = hotlineOf(a.book);
    const call = hotline ? [say('missing_hotline', { name: hotline.name, phones: hotline.phones.map((p) => p.number) })] : [];
    // (the ones listed named again: 第二家呢 after one hospital is answered with it, not only with a count)
    const names = order.map((id) => a.book.facilities.find((f) => f.id === id)?.name ?? id);
    return { kind: 'answer', lines: [say('list_end', { count: order.length, names }), ...then, ...call], session: a.session, found: true };
  }
  const id = order[target] as string;
  const facility = a.book.facilities.find((f) => f.id === id);
  if (target < list.designated.length) {
    const q = { ...a, session: { ...a.session, lastList: { ...list, at: target } } };
    return { kind: 'answer', lines: [say('list_item', { n: target + 1, facility: facility?.name ?? id })], session: q.session, found: true, designated: true };
  }
  // the backups before it (and the designated ones) are taken as full: the answer shows it as the one in force
  const full = [...new Set([...(a.session.assumedFull ?? []), ...order.slice(0, target)])];
  const r = designation({ ...a, session: { ...a.session, assumedFull: full } }, full, [list.category]);
  if (r.kind !== 'answer') return r;
  return { ...r, session: { ...r.session, lastList: { ...list, at: target } } };
}

/** "要是晋江市医院收满了呢" / "第一后备也满了呢": mark what is full, then answer with the backups in force. */
function backup(a: AnswerInput): AnswerResult {
  const { book, slots } = a;
  const full = new Set(a.session.assumedFull ?? []);
  let categories = categoriesOf(a);
  const named = slots.facility && slots.facility.locality === book.id ? slots.facility.facility.id : undefined;
  // a named hospital is full: the care it is designated for — of what is asked, else all of it
  // ("晋江市医院有阳性病例…收不到人": its covid is the hospital's, the care asked is general)
  if (named) {
    const its = book.designations.filter((d) => d.facilities.includes(named) || d.backups.some((b) => b.facility === named)).map((d) => d.category);
    const both = categories.filter((c) => its.includes(c));
    // (a category the hospital has no designation for — 出了阳性病例 is covid — leaves the conversation's own)
    const earlier = (a.session.categories ?? (a.session.category ? [a.session.category] : [])).filter((c) => its.includes(c));
    if (its.length) categories = both.length ? both : earlier.length ? earlier : its;
  }
  // (none named, or none the book designates for — 阳了…满了呢 in 晋江, which designates no covid hospital: the backups of
  // general care, else of all it has backups for)
  if (!categories.some((c) => designatesFor(book, c))) {
    const withBackups = [...new Set(book.designations.filter((d) => d.backups.length).map((d) => d.category))];
    const broad = withBackups.filter((c) => a.domain.broadCategories.includes(c));
    categories = broad.length ? broad : withBackups;
  }
  if (slots.full && named) full.add(named);
  // "磁灶那边满了": a facility called by its town; else the one designated facility of the category.
  if (slots.full && !named && !slots.backupOrdinal)
    for (const d of book.designations.filter((x) => categories.includes(x.category))) {
      const byPlace = d.facilities.filter((id) => slots.placeTexts.some((p) => book.facilities.find((f) => f.id === id)?.name.includes(p)));
      for (const id of byPlace.length ? byPlace : d.facilities.length === 1 ? d.facilities : []) full.add(id);
    }
  if (slots.full && slots.backupOrdinal)
    for (const d of book.designations.filter((x) => categories.includes(x.category)))
      for (const b of d.backups) if (b.order === slots.backupOrdinal) full.add(b.facility);
  return designation(a, [...full], categories);
}

/** Other topics the message asks about that the domain lets stand beside the main question. */
const secondary = (a: AnswerInput): string[] => a.slots.topics.filter((t) => a.domain.secondaryTopics.includes(t));

/** …one the notice is silent on read as what it says instead (咳嗽两天了 能在线帮看看吗 in 烟台 →
 * its family doctors' online care at home). */
const secondaryOrInstead = (a: AnswerInput, q: Omit<TopicQuery, 'topics'>, except: readonly string[] = []): string[] =>
  orInstead(a, q, secondary(a).filter((t) => !except.includes(t)));

/** Each topic, or where the book is silent on it what the domain says answers instead (`askedFallbacks`, else who sees
 * to it: `topicFallbacks` — 药能让人送来吗 in 忻州 → 与网格员联系). */
const orInstead = (a: AnswerInput, q: Omit<TopicQuery, 'topics'>, topics: readonly string[]): string[] =>
  topics.flatMap((t) => {
    const instead = a.domain.askedFallbacks[t] ?? a.domain.topicFallbacks[t];
    return instead && !topicLines(a.book, { ...q, topics: [t] }).length ? instead : [t];
  });

/** The facility the user means: the one named now, else the one named earlier in this locality. */
function topicQuery(a: AnswerInput): Omit<TopicQuery, 'topics'> {
  const { book } = a;
  const earlier = a.session.lastFacility?.startsWith(`${book.id}/`) ? book.facilities.find((f) => `${book.id}/${f.id}` === a.session.lastFacility) : undefined;
  const facility = a.slots.facility?.locality === book.id ? a.slots.facility.facility : earlier;
  const counts = cueScan(a.domain.countCues).any(a.text);
  return { text: a.text, departments: a.domain.departments, facility, audiences: audiencesOf(a), counts, categories: categoriesOf(a), named: a.slots.topics };
}

/**
 * "产检去哪，能陪同吗": a care category and a where-question beside another question get the designation too; so
 * does an answer on how to get care (`designates`) in a conversation about a care the notice designates for.
 */
function withDesignation(a: AnswerInput, r: AnswerResult, designates = false): AnswerResult {
  if (r.kind !== 'answer') return r;
  // (a topic the book is silent on is said to be missing first, and where to go after it: withFacts)
  const designating = designates && r.found;
  const where = asksWhere(a.domain, a.text);
  // (the emergency route says "go to the designated hospital": for a care it names, which — 他有心脏病…万一犯了咋送医院)
  const route = a.domain.intents[a.intent]?.topics.includes('emergency_route') && a.slots.categories.some((c) => !a.domain.emergencyCategories.includes(c));
  const asked = a.slots.categories.length > 0 && (where || !!route);
  // "120来了会送哪个医院": after an emergency, where the ambulance goes — the emergency's care, else emergencies
  const emergency = where && a.session.handoff?.reason.startsWith('urgent:') ? urgentCategories(a) : [];
  // (not again when the conversation has just been given the hospitals)
  const lastKind = a.session.lastIntent ? a.domain.intents[a.session.lastIntent]?.answer : undefined;
  const told = lastKind === 'designation' || lastKind === 'backup';
  // "黄码 血压药快吃完了 该去哪里看": where someone of a known audience goes, no care named — their hospital for care
  // (asked where again in so many words, it is said again: 那她会被送去哪家医院)
  const whereGoes = where && !a.slots.categories.length && !!a.session.audience;
  if (!asked && !emergency.length && !whereGoes && (!designating || told)) return r;
  // no care named: how someone of a known audience gets to hospital is answered with their hospital for general care
  const said = categoriesOf(a);
  const all = emergency.length ? emergency : said.length || !(designating || whereGoes) || !a.session.audience ? said : a.domain.broadCategories;
  const narrow = all.filter((c) => !a.domain.broadCategories.includes(c));
  const specific = narrow.length ? narrow : all;
  const categories = (asked ? categoriesOf(a) : specific).filter((c) => designatesFor(a.book, c));
  if (!categories.length) return r;
  // (where an ambulance takes them is not a question to answer with one: each zone's hospitals when the zone is not known)
  const d = designationAnswer(a.book, { ...designationQuery(a, categories, a.session.assumedFull ?? []), everyZone: emergency.length > 0 });
  return d.kind === 'answer' ? { ...r, lines: dedupe([...d.lines, ...r.lines]), found: true } : r;
}

/** The care an emergency of this conversation is designated under: its own category, else emergencies, else general care. */
function urgentCategories(a: AnswerInput): string[] {
  const own = categoriesOf(a).filter((c) => designatesFor(a.book, c));
  if (own.length) return own;
  const care = emergencyCareOf(a.domain, a.book);
  return care ? [care] : [];
}

/** The topics of who handles what the topics ask, where a book is silent on them (medicines: the family doctors). */
const handlersOf = (a: AnswerInput, list: readonly string[]): string[] => [...new Set(list.flatMap((t) => a.domain.topicFallbacks[t] ?? []))];

function topics(a: AnswerInput, own: readonly string[]): Extract<AnswerResult, { kind: 'answer' }> {
  const q = topicQuery(a);
  // Of the intent's topics, those the message names (CT → the green channel, not the herbal decoction).
  const named = own.filter((t) => a.slots.topics.includes(t));
  // (with the topics their procedures go on in: 按相应流程就诊 → the transport procedure)
  const asked = named.length ? named : own;
  const wanted = [...new Set([...asked, ...asked.flatMap((t) => a.domain.continues[t] ?? [])])];
  let lines = topicLines(a.book, { ...q, topics: wanted });
  if (!lines.length && q.audiences?.length) lines = ownAudienceLines(a, q, wanted);
  if (!lines.length && q.audiences?.length) lines = topicLinesForOthers(a.book, { ...q, topics: wanted }, asked, a.rules.vocabulary.audiences);
  // (what is asked besides comes after, and does not stand in for the question's own answer or its handlers)
  // (who to ask, 找谁: not beside an answer that already names whom to call, nor in place of a topic asked that the book
  // is silent on — the facts retrieval finds answer that)
  const noNumbers = lines.some((l) => 'key' in l && l.key === 'contact_line') || (!lines.length && named.length > 0);
  const besides = topicLines(a.book, { ...q, topics: secondaryOrInstead(a, q, wanted).filter((t) => !(noNumbers && t === 'contact_info')) });
  // a book silent on the topic asked may say who handles it (medicines: the family doctors who bring them), once it
  // is said to be silent on it
  const silent = !lines.length && named.length > 0;
  if (!lines.length && named.length) lines = topicLines(a.book, { ...q, topics: handlersOf(a, named) });
  if (!lines.length && named.length) lines = topicLines(a.book, { ...q, topics: own });
  if (!lines.length) lines = topicLines(a.book, { ...q, topics: handlersOf(a, own) });
  if (!lines.length && a.book.fallback) lines = topicLines(a.book, { ...q, topics: a.domain.fallbackTopics });
  // (nothing on the question itself: what is asked besides may be what the message is about)
  if (!lines.length && !besides.length) return { kind: 'answer', lines: missing(a.book), session: a.session, found: false };
  if (silent) lines = [say('topic_missing', { locality: a.book.name }), ...lines];
  lines = dedupe([...lines, ...besides]);
  return { kind: 'answer', lines: withUnstated(a.domain, a.book, a.text, named.length ? named : own, lines), session: a.session, found: true };
}

/** The asker's own way instead of topics written only for others (domain `ownAudienceTopics`): only a topic whose
 * guidance names the asker's audience — not one for everyone, which is no answer to the way asked. */
function ownAudienceLines(a: AnswerInput, q: Omit<TopicQuery, 'topics'>, wanted: readonly string[]): Line[] {
  const audiences = q.audiences ?? [];
  const own = wanted.flatMap((t) => a.domain.ownAudienceTopics[t] ?? []).filter((t) => topicGuidance(a.book, t).some((g) => g.audiences.some((x) => audiences.includes(x))));
  return own.length ? topicLines(a.book, { ...q, topics: own }) : [];
}

/** A fact the book lacks is said to be missing, with the locality's hotline where it has one. */
export function missing(book: RuleBook): Line[] {
  const hotline = hotlineOf(book);
  return [say('missing', { locality: book.name }), ...(hotline ? [say('missing_hotline', { name: hotline.name, phones: hotline.phones.map((p) => p.number) })] : [])];
}

/** The answer, with what it leaves unstated of a particular the question asks (a fee, a street address) said first,
 * and what a number the question quotes is when the notice lists it as no medical contact (报道末尾的96678能打吗). */
export function answer(a: AnswerInput): AnswerResult {
  // (and a clinic's load mark asked beside any question: 孩子发烧…门口牌子上画个黄的 是么意思, 门口挂了个红牌子 带老人看病咋弄)
  // (a colour alone, 红色的疹子, is no mark: one said with a mark's words, 红牌子, 标红, or in a designation's answer as before)
  const spec = a.domain.intents[a.intent];
  const r = spec?.answer === 'designation' || a.slots.topics.includes('load_mark') ? withLoadMarks(a, answerOf(a)) : answerOf(a);
  if (r.kind !== 'answer' || !r.found) return r;
  const lines = withUnmentioned(a.domain, a.book, a.text, withUnstated(a.domain, a.book, a.text, undefined, [...r.lines, ...ruleLines(a, r.lines)]));
  // (the contacts answer says it of its own)
  const unknown =
    a.domain.intents[a.intent]?.answer === 'contacts' ? [] : unlistedNumbers(a.text, { ownNumberCues: lowerCase(a.domain.ownNumberCues), knownNumbers: a.knownNumbers, serviceNumbers: a.domain.serviceNumbers });
  return { ...r, lines: unknown.length ? [unknownNumberLine([a.book], unknown), ...lines] : lines };
}

/** The rule of a care named in the question that says where it must be seen (发热病人须到设有发热门诊的二级及以上医院),
 * when the answer does not give it: a fever patient asking for the community centre's evening hours is told it. */
function ruleLines(a: AnswerInput, given: readonly Line[]): Line[] {
  const topics = a.slots.categories.flatMap((c) => a.domain.ruleCategories[c] ?? []);
  if (!topics.length) return [];
  const said = new Set(given.flatMap((l) => lineWords(l).split('\n')));
  return topicLines(a.book, { ...topicQuery(a), topics }).filter((l) => !lineWords(l).split('\n').some((w) => said.has(w)));
}

/** Where to go for a care: its designated hospitals, or the facts asked where the book designates none. */
function designationOf(a: AnswerInput, category: string | undefined, own: readonly string[]): AnswerResult {
  const asked = categoriesOf(a, category);
  // no care named after an emergency in the conversation (救护车到了 他们问送哪 黄码的是不是只能去晋江市医院): its care
  const care = !asked.length && a.session.urgentTurn !== undefined ? emergencyCareOf(a.domain, a.book) : undefined;
  const categories = care ? [care] : asked;
  // no care named, and the question's own words name a fact (基层医疗卫生机构…家庭医生团队发挥): that fact
  if (!categories.length && !a.slots.topics.length) {
    const hits = particular(a, own);
    if (hits.length) return factAnswer(a, hits);
  }
  // where the book designates nothing for the question, the facts it asks about may still be in it
  const r = designation(a, a.session.assumedFull ?? [], categories);
  if (r.kind === 'answer' && !r.designated) return withFacts(a, r, own);
  // beside the hospitals, a fact the question asks for in words of its own (保障连续的医疗服务)
  if (r.kind === 'answer') {
    const extra = particular(a, own, 2);
    if (extra.length) return { ...r, lines: [...r.lines, ...extra.flatMap((h) => h.unit.lines)], units: extra.map((h) => h.unit.id) };
  }
  return r;
}

/** …with what a topic named beside the question says that the hospitals do not (本地没有能做的 → 我市未开展的诊疗项目:
 * domain `designationBesides`), after them. */
function withBesides(a: AnswerInput, r: AnswerResult): AnswerResult {
  const topics = a.slots.topics.filter((t) => a.domain.designationBesides.includes(t));
  if (r.kind !== 'answer' || !topics.length) return r;
  const lines = topicLines(a.book, { ...topicQuery(a), topics });
  return lines.length ? { ...r, lines: dedupe([...r.lines, ...lines]), found: true } : r;
}

function answerOf(a: AnswerInput): AnswerResult {
  const spec = a.domain.intents[a.intent];
  const defined = defineGroup(a);
  if (defined) return defined;
  // two audiences compared ("封控区和管控区去的定点医院一样吗"), asked of where to go or how to get care
  if (spec?.answer === 'designation' || spec?.designates) {
    const compared = compareAudiences(a, categoriesOf(a, spec.category), (c) => designationQuery(a, c, a.session.assumedFull ?? []));
    if (compared) return compared;
  }
  switch (spec?.answer) {
    case 'designation':
      return withBesides(a, designationOf(a, spec.category, spec.topics));
    case 'backup':
      return backup(a);
    case 'contacts': {
      const r = contactAnswer(a.book, { text: a.text, audiences: audiencesOf(a), channels: a.domain.channels, knownNumbers: a.knownNumbers, topics: a.slots.topics, ownNumberCues: lowerCase(a.domain.ownNumberCues), serviceNumbers: a.domain.serviceNumbers, unanswered: saysUnanswered(a.domain, a.text) });
      // (what else the message asks beside the number, where the book says it: 能打这个叫转运车吗 → its transport procedure)
      // (…and any need it names that the domain says who sees to, which a book may be silent on: 拿药找谁 → 忻州's
      // 与网格员联系, 烟台's family doctors — domain `topicFallbacks`)
      const asked = [...new Set([...secondary(a), ...a.slots.topics.filter((t) => a.domain.topicFallbacks[t])])].filter((t) => !spec.topics.includes(t));
      const q = topicQuery(a);
      const more = asked.length ? topicLines(a.book, { ...q, topics: orInstead(a, q, asked) }) : [];
      const result: AnswerResult = { kind: 'answer', lines: more.length ? dedupe([...r.lines, ...more]) : r.lines, session: a.session, found: r.found };
      // (a care and where to go for it asked beside the number: 心衰…想问定点医院 另外…打哪个电话)
      if (r.found) return withDesignation(a, result);
      // no number for it: that said first, then any fact the question's words find
      const facts = withFacts(a, result, spec.topics);
      return facts === result || facts.kind !== 'answer' ? result : { ...facts, lines: [...r.lines, ...facts.lines] };
    }
    case 'load_status': {
      const lines = loadStatusAnswer(a.book, a.slots.loadMarks, a.status, a.text);
      // a book without load marks may still hold what the question's words ask (an intent read wrong)
      if (!lines.length) return withFacts(a, { kind: 'answer', lines: missing(a.book), session: a.session, found: false }, spec.topics);
      return { kind: 'answer', lines, session: a.session, found: true };
    }
    default: {
      // (the topics asked besides that the block says are its own too: 不去医院…问医生 names online care)
      const own = spec?.topics ?? [];
      const r = withFacts(a, withDesignation(a, topics(a, own), spec?.designates), [...own, ...secondary(a).filter((t) => !own.includes(t))]);
      // nothing on it, not even in the facts: what the notice says instead of a topic the message names (网上问医生 →
      // its family doctors' online care at home)
      if (r.kind !== 'answer' || r.found) return r;
      const instead = a.slots.topics.flatMap((t) => a.domain.askedFallbacks[t] ?? []);
      const lines = instead.length ? topicLines(a.book, { ...topicQuery(a), topics: instead }) : [];
      return lines.length ? { ...r, lines, found: true } : r;
    }
  }
}
