// The dialogue policy for one turn: urgent first, then handoff, small talk, slot filling and answers.
// Pure: the analysis, the session, the rule books and the live status come in; a plan and the new
// session go out (a null plan when a human holds the conversation).
import { answer, factAnswer, missing, retrieveFacts, walkList, type AnswerResult } from '../answer/answer';
import type { Retrieved } from '../answer/retrieve';
import { askedNumbers, hotlineOf, unknownNumberLine, unlistedNumbers } from '../answer/contacts';
import { contactLine, lineWords, topicLines } from '../answer/topics';
import { followUp, isFollowUp } from '../answer/follow-up';
import { asksWhere, intentAnswering, lowerCase, namesCare, saysRouteFailed, saysUnanswered } from '../answer/domain';
import { redact } from '../log/redact';
import { cueScan } from '../data/cue-scan';
import { plan, say, type Line, type Plan } from '../answer/plan';
import type { QuickReply, Session } from '../core/types';
import type { RuleBook, RuleSet } from '../rules/types';
import { answerInput, isContent, type DecideInput } from './input';
import { otherWay } from './other-way';
import { onlyNumberAsked, topicIntent, weaklyHeldOwner } from './topic-owner';
import { remember } from './remember';
import { asksNothing, onlyPlace, outsideClause, vague } from './said-only';
import { URGENT_ROUTE, alreadyComing, helpComing, urgent, urgentRoute } from './urgent';

export type { DecideInput } from './input';


export function localityChoices(rules: RuleSet): QuickReply[] {
  return rules.books.map((b) => ({ label: b.name, value: b.name }));
}

/** The NLU's runners-up that could answer instead when the best intent finds nothing in the rule book. */
function alternativesOf(i: DecideInput, intent: string): string[] {
  const top = i.analysis.ranking[0]?.confidence ?? 0;
  const ranked = i.analysis.ranking
    .filter((r) => r.name !== intent && isContent(i.domain, r.name) && r.confidence >= top * i.domain.alternativeRatio)
    .map((r) => r.name);
  // then the questions of the topics the message names ("120打了，她的吸入剂快没了能找谁": medicines)
  const named = i.slots.topics.map((t) => topicIntent(i.domain, t)).filter((x): x is string => !!x && x !== intent);
  return [...new Set([...ranked, ...named])];
}

/** "急诊的呢", "那孕妇呢", "what about my dad?": a short question that only puts something new in the last one's place. */
function elliptical(text: string): boolean {
  const t = text.replace(/[\s,.!?;:，。！？；：]+/g, '');
  return t.length > 0 && t.length <= 8 && /呢$/.test(t) && !/什么|怎么|哪|谁|多少|几|吗/.test(t);
}

/** The phone-like numbers the message asks about (five digits or more, digits only; not the user's own). */
const numbersIn = (i: DecideInput): string[] => askedNumbers(i.analysis.normalised, lowerCase(i.domain.ownNumberCues));
/** …those no notice lists (and no public service number: 打了一天12345). */
const unknownNumbers = (i: DecideInput): string[] =>
  unlistedNumbers(i.analysis.normalised, { ownNumberCues: lowerCase(i.domain.ownNumberCues), knownNumbers: i.knownNumbers, serviceNumbers: i.domain.serviceNumbers });

/** The message is phone numbers and nothing else (a pause or a dash between them aside). */
const onlyNumbers = (i: DecideInput): boolean =>
  numbersIn(i).length > 0 && !i.analysis.normalised.replace(/[\d\s\p{P}\p{S}]/gu, '');

/** Which intent this turn answers: a pending question resumed, a follow-up, or the NLU's own. */
export function resolveIntent(i: DecideInput, s: Session): string {
  const { analysis, slots, domain } = i;
  const said = analysis.intent.name;
  const p = s.pending;
  // the locality given after an urgent reply that had none, and no question with it: the route it promised
  if (p?.intent === URGENT_ROUTE && slots.locality && asksNothing(i)) return URGENT_ROUTE;
  if (p) {
    const fills =
      (p.slot === 'locality' && !!slots.locality) ||
      (p.slot === 'zone' && !!slots.audience) ||
      (p.slot === 'category' && slots.categories.length > 0);
    // (…or asks only about being asked, naming no care and no topic: "Why does it matter where? ok, Xinzhou")
    const asksOfItsOwn = slots.categories.length > 0 || slots.topics.length > 0;
    if (fills && (vague(i) || onlyPlace(i, true) || said === p.intent || !isContent(domain, said) || asksNothing(i) || !asksOfItsOwn)) return p.intent;
  }
  // a person asked for in so many words (机器人说不清楚，给我找个值班的真人)
  const handoff = intentAnswering(domain, 'handoff');
  const askedForPerson = domain.handoffAsks.some((re) => re.test(analysis.normalised));
  if (handoff && said !== handoff && askedForPerson) return handoff;
  // "你是机器人还是真人", "are you a real person?": who answers, not a request for one (the greeting says who)
  if (handoff && said === handoff && !askedForPerson && domain.identityAsks.some((re) => re.test(analysis.normalised))) return intentAnswering(domain, 'greeting') ?? said;
  // "你们管哪些地方", "which cities do you cover": what the bot answers for — the greeting names the localities
  if (!slots.topics.length && !slots.categories.length && domain.coverageAsks.some((re) => re.test(analysis.normalised))) return intentAnswering(domain, 'greeting') ?? said;
  // "忻州明天刮风不 俺一变天就偏头疼": the weather asked, a reason told beside it and nothing else asked — out of scope
  const weather = domain.weatherAsks.find((re) => re.test(analysis.normalised));
  if (weather && asksNothing(i, outsideClause(analysis.normalised, weather))) return intentAnswering(domain, 'out_of_scope') ?? said;
  const contacts = intentAnswering(domain, 'contacts');
  if (contacts) {
    // "网上查到…的电话3309576，这个能问看病的事吗", "那个96678是看病的热线吗": a number no notice lists, asked about, is a
    // question about contacts
    if ((slots.topics.includes('contact_info') || slots.topics.includes('hotline')) && unknownNumbers(i).length) return contacts;
    // "…这种找谁咨询一下", a message the classifier could not read that asks whom to ask and names no care (晋江管控区的
    // 孕妇到底在哪生…卫健局电话又占线 names one: where to go for it, below)
    if (said === 'fallback' && slots.topics.includes('contact_info') && !slots.categories.length) return contacts;
    // "0531-66661234 96678", the numbers alone: what they are, as far as the notices say
    if (onlyNumbers(i)) return contacts;
    // "0350-3301599…打了一上午都占线 还有别的号没有", or the number just given (你说的这个电话打不通): a number going
    // unanswered asks for the other contacts; so does the transfer car not come (转运车…还没影)
    if ((((numbersIn(i).length && !slots.categories.length) || s.lastIntent === contacts) && saysUnanswered(domain, analysis.normalised)) || saysRouteFailed(domain, analysis.normalised)) return contacts;
  }
  // "麻烦给我一段能直接转给居民的话": the last answer again, as text to pass on
  if (s.lastIntent && isContent(domain, s.lastIntent) && !slots.categories.length && !slots.topics.length) {
    const lower = analysis.normalised.toLowerCase();
    if (cueScan(lowerCase(domain.forwardCues)).any(lower)) return s.lastIntent;
  }
  const whereTo = slots.full ? 'backup' : 'designation'; // (where to go: the backups when a hospital is said full)
  const slotted = slots.categories.length > 0 || !!slots.audience || slots.loadMarks.length > 0 || !!slots.facility || slots.full || !!slots.locality;
  if (slotted && s.lastIntent && isContent(domain, s.lastIntent) && vague(i)) return slots.full ? 'backup' : s.lastIntent;
  // (a care only in general — 看病 — beside a topic's words is that topic's question: 看病没有核酸证明咋办)
  const onlyBroad = slots.categories.every((c) => domain.broadCategories.includes(c));
  const topicOwner = slots.topics.map((t) => topicIntent(domain, t)).find((x) => !!x);
  if (said === 'fallback' && slots.categories.length && !(onlyBroad && topicOwner)) return whereTo;
  // "去的医院一样吗" read as nothing, in a conversation about a care: where to go for it
  if (said === 'fallback' && !slots.topics.length && (s.category || s.categories?.length) && asksWhere(domain, analysis.normalised))
    return 'designation';
  // words the classifier could not place but that name a topic ("怎么过去" → transport): the intent answering it
  if (said === 'fallback' && slots.topics.length) {
    const owner = slots.topics.map((t) => topicIntent(domain, t)).find((x) => !!x);
    if (owner) return owner;
  }
  // an intent made for a care the message denies ("不发烧…能线上看看不"): the topic it names, else care in general
  const own = domain.intents[said]?.category;
  // a zone asked about and nothing else placed, opening a conversation (防范区到底有什么规定), read as nothing or as a care
  // it does not name: how the book says that zone's people get care (later, a zone is the last question's: 说错了 是防范区)
  if ((said === 'fallback' || own) && slots.audience && !slots.categories.length && !slots.topics.length && !asksNothing(i) && !(s.lastIntent && isContent(domain, s.lastIntent)))
    return 'care_route';
  // …or names nowhere, a number asked for beside symptoms and not where to go (头不疼了…想要个咨询电话): the contacts
  // (a care in general named — 头疼, 看病 — or the classifier's own: a question about a facility's details names none)
  if ((own || ((said === 'designation' || said === 'care_route') && slots.categories.length > 0)) && contacts && onlyNumberAsked(analysis, slots.topics) && onlyBroad && !asksWhere(domain, analysis.normalised)) return contacts;
  if (own && slots.denied?.includes(own) && !slots.categories.includes(own)) {
    const owner = slots.topics.map((t) => topicIntent(domain, t)).find((x) => !!x);
    return owner ?? (slots.categories.length ? 'designation' : 'care_route');
  }
  // …or one the message names no care for at all, beside a facility and an aspect of it asked (泉秀社区医院…八点多了，还开着吗
  // read as fever clinics: its hours, address, number): that question, of that facility
  if (own && !slots.categories.length && slots.facility) {
    const aspect = slots.topics.filter((t) => domain.aspectTopics.includes(t)).map((t) => topicIntent(domain, t)).find((x) => !!x);
    if (aspect && aspect !== said) return aspect;
  }
  // …or beside a department or a stay in hospital and where to go (胸口不疼 也不喘…膝盖肿了 想看个骨科 该去哪家 read as
  // fever clinics): where to go, for the care those words name
  if (own && !slots.categories.length && namesCare(domain, slots.topics) && asksWhere(domain, analysis.normalised)) return whereTo;
  // a care corrected (她是要透析，不是化疗): the last question, asked again about the care it names; or the care said
  // before taken back and no other named (不是小孩，是我自己): the last question again without it (remember drops it)
  const corrected = slots.categories.some((c) => !slots.denied?.includes(c)) || (!slots.categories.length && !!i.session.categories?.some((c) => slots.denied?.includes(c)));
  if (slots.denied?.length && corrected && !slots.topics.length && s.lastIntent && isContent(domain, s.lastIntent)) return s.lastIntent;
  // "急诊的呢", "那孕妇呢": a bare 呢 with something new asks the last question again about it
  // …unless it names a topic of another question that the last one's answer does not speak of ("要是急诊呢" after the
  // care route: the emergency route; "急诊的呢" after admission without a NAT result: admission, which speaks of 急诊)
  if (s.lastIntent && isContent(domain, s.lastIntent) && slotted && elliptical(analysis.normalised)) {
    if (slots.full) return 'backup'; // (要是那家满了呢: the backups, whatever was asked before)
    const cues = analysis.entities.filter((e) => e.type === 'topic' && !domain.aspectTopics.includes(e.value) && topicIntent(domain, e.value) !== s.lastIntent);
    const book = cues.length ? i.rules.byId.get(slots.locality ?? s.locality ?? '') : undefined;
    const said = book ? topicLines(book, { topics: domain.intents[s.lastIntent]?.topics ?? [], text: '', departments: {} }).map(lineWords).join('\n') : '';
    const other = cues.find((e) => !said.includes(e.text));
    return (other && topicIntent(domain, other.value)) ?? s.lastIntent;
  }
  // an intent made for a care the message does not name while it names another ("透析去哪，电话多少" read as fever
  // clinics): where to go for the care it names
  if (own && slots.categories.length && !slots.categories.includes(own) && asksWhere(domain, analysis.normalised))
    return whereTo;
  // …or the care route read for where a care it names is given (孩子生下来以后看病也是这俩？)
  if (said === 'care_route' && slots.categories.some((c) => !domain.broadCategories.includes(c)) && asksWhere(domain, analysis.normalised))
    return whereTo;
  // …and the emergency route asked beside a care it does not speak for (120打了 是拉去哪透析): where that care is given
  if (said === topicIntent(domain, 'emergency_route') && slots.categories.some((c) => !domain.broadCategories.includes(c) && c !== 'emergency') && asksWhere(domain, analysis.normalised))
    return whereTo;
  // (a hospital said full or dealing with a positive case, beside an intent read only weakly: the backups)
  if (slots.full && (said === 'designation' || said === 'fallback' || analysis.intent.confidence < domain.weakIntent)) return 'backup';
  // a weakly held intent beside a topic the message names that it does not answer: that topic's question
  return weaklyHeldOwner(domain, analysis, slots.topics) ?? said;
}

/** The words of a question kept while it waits for its locality: personal numbers removed, and no more than a post. */
const questionText = (i: DecideInput): string => redact(i.analysis.normalised).slice(0, 300);

/** A message the NLU could not read, in a known locality: the facts it asks about, when the notice has them. */
function factsFor(i: DecideInput, s: Session, book: RuleBook | undefined): { plan: Plan; session: Session } | undefined {
  if (!book) return undefined;
  const a = answerInput(i, book, 'fact', s);
  let hits = retrieveFacts(a);
  // no words to find it by, but a topic's cue (谁发的 → the notice itself): that topic's facts
  if (!hits.length && i.facts && i.slots.topics.length) {
    const units = i.facts.get(book.id)?.units.filter((u) => u.topic && i.slots.topics.includes(u.topic)).slice(0, 3) ?? [];
    hits = units.map((unit) => ({ unit, score: 0, matched: [], words: [] }));
  }
  if (!hits.length) return undefined;
  const r = factAnswer(a, hits);
  if (r.kind !== 'answer') return undefined;
  const prefix: Line[] = book.fallback ? [say('rural_fallback', { source: book.source.title })] : [];
  return { plan: plan('fact', [...prefix, ...r.lines], { locality: book.id, cite: [book] }), session: { ...r.session, pending: undefined, lastIntent: undefined } };
}

/** "收费怎么算", "找谁？" after an answer: about what that answer said. */
function followUpOf(i: DecideInput, s: Session, book: RuleBook, intent: string): { plan: Plan; session: Session } | undefined {
  const facts = i.facts?.get(book.id);
  const input = { book, domain: i.domain, slots: i.slots, session: s, text: i.analysis.normalised, original: i.analysis.original, lang: i.analysis.lang, answerKind: i.domain.intents[intent]?.answer };
  if (!facts || !isFollowUp(input)) return undefined;
  const r = followUp({ ...input, facts });
  if (!r) return undefined;
  const prefix: Line[] = book.fallback ? [say('rural_fallback', { source: book.source.title })] : [];
  return { plan: plan('follow_up', [...prefix, ...r.lines], { locality: book.id, cite: [book] }), session: { ...s, pending: undefined, lastUnits: [...new Set([...r.units, ...(s.lastUnits ?? [])])].slice(0, 8) } };
}

/** Intents whose answer is a choice among a locality's hospitals: they always need the locality. */
const LOCAL_ANSWERS = new Set(['designation', 'backup', 'contacts', 'load_status']);
const place_free = (i: DecideInput): boolean => !i.slots.unknownPlace;

/** Without a locality: the rural plan's answer, when it alone clearly holds what is asked. */
function factsOfOneBook(i: DecideInput, s: Session, intent: string): { plan: Plan; session: Session } | undefined {
  if (LOCAL_ANSWERS.has(i.domain.intents[intent]?.answer ?? '') || !i.facts) return undefined;
  // only a fallback book's facts are answered: unless one of them matches this well, no other book need be searched
  const searched = new Map<RuleBook, Retrieved[]>();
  if (!i.rules.books.some((book) => book.fallback && (hitsIn(searched, i, s, intent, book)[0]?.score ?? 0) >= ONE_BOOK_SCORE)) return undefined;
  const best = i.rules.books
    .map((book) => ({ book, hits: hitsIn(searched, i, s, intent, book) }))
    .filter((x) => x.hits.length)
    .map((x) => ({ ...x, score: (x.hits[0] as { score: number }).score }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = best;
  if (!first || !first.book.fallback || first.score < ONE_BOOK_SCORE || (second && second.score * 2 > first.score)) return undefined;
  const rare = first.hits[0]?.words.some((w) => (i.facts?.get(first.book.id)?.spread(w) ?? 99) <= 2);
  if (!rare) return undefined;
  const a = answerInput(i, first.book, intent, s);
  const r = factAnswer(a, first.hits);
  if (r.kind !== 'answer') return undefined;
  const prefix: Line[] = first.book.fallback ? [say('rural_fallback', { source: first.book.source.title })] : [say('from_notice', { locality: first.book.name })];
  return { plan: plan('fact', [...prefix, ...r.lines], { locality: first.book.id, cite: [first.book] }), session: { ...r.session, pending: undefined } };
}

/** A book's facts for the question, each book searched once (`searched`). */
function hitsIn(searched: Map<RuleBook, Retrieved[]>, i: DecideInput, s: Session, intent: string, book: RuleBook): Retrieved[] {
  let hits = searched.get(book);
  if (!hits) searched.set(book, (hits = retrieveFacts(answerInput(i, book, intent, s))));
  return hits;
}

/** A question with no locality is answered from one notice only when it matches it this well. */
const ONE_BOOK_SCORE = 20;

/** "/start" → the intent the domain maps the command to. */
function commandIntent(i: DecideInput): string | undefined {
  const m = /^\/([a-z_]+)(@\w+)?\b/i.exec(i.analysis.original.trim());
  return m ? (i.domain.commands[(m[1] as string).toLowerCase()] ?? 'fallback') : undefined;
}

/** "English" / "繁體中文": the user's language choice, when that is all the message says. */
function languageChoice(i: DecideInput): Session['preferred'] | undefined {
  const said = i.analysis.original.trim().toLowerCase();
  const c = i.domain.languageChoices.find((x) => lowerCase(x.words).includes(said));
  return c && { lang: c.lang, script: c.script };
}

/** Handoff requests, greetings, thanks, out of scope, a bare locality, and what the NLU could not read. */
function smallTalk(i: DecideInput, s: Session, book: RuleBook | undefined, intent: string): { plan: Plan; session: Session } | undefined {
  const localities = i.rules.books.map((b) => b.name);
  switch (i.domain.intents[intent]?.answer) {
    case 'handoff': {
      const hotline = book && hotlineOf(book);
      const lines = [say('handoff_requested'), ...(hotline ? [say('handoff_hotline', { name: hotline.name, phones: hotline.phones.map((p) => p.number) })] : [])];
      const session = { ...s, pending: undefined, handoff: s.handoff ?? { since: i.now, reason: 'requested' } };
      return { plan: plan(intent, lines, { handoff: true, handoffReason: 'requested', locality: book?.id, cite: hotline && book ? [book] : [] }), session };
    }
    case 'greeting':
      return { plan: plan(intent, [say('greeting', { localities })], { quickReplies: localityChoices(i.rules) }), session: s };
    case 'thanks':
      return { plan: plan(intent, [say('thanks')]), session: s };
    case 'out_of_scope':
      return { plan: plan(intent, [say('out_of_scope')]), session: { ...s, pending: undefined } };
    case 'locality':
      if (book) return { plan: plan(intent, [say('locality_noted', { locality: book.name })], { locality: book.id }), session: s };
      return { plan: plan(intent, [say('ask_locality', { localities })], { ask: 'locality', quickReplies: localityChoices(i.rules) }), session: s };
    case undefined:
      return { plan: plan('fallback', [say('fallback')], { review: 'fallback' }), session: s };
    default:
      return undefined;
  }
}

/** A red-flag symptom only asked about or supposed (胸痛挂什么科, 万一破水): the answer ends with the safety line. */
export function decide(i: DecideInput): { plan: Plan | null; session: Session } {
  const r = decideTurn(i);
  if (r.plan && !r.plan.urgent && i.analysis.urgency.caution) r.plan.lines.push(say('urgent_caution'));
  // the message right after an urgent reply ("家庭医生能先来看看吗", "还要打120吗"): 120 first again, unless it says
  // help is on its way (120打了, 救护车来了) or it is the route the urgent reply promised
  const afterUrgent = i.session.urgentTurn !== undefined && i.session.urgentTurn === i.session.turns;
  if (r.plan && !r.plan.urgent && afterUrgent && r.plan.intent !== URGENT_ROUTE && !helpComing(i)) r.plan.lines.unshift(say('urgent_still'));
  // (help is coming and the scorer still reads an emergency: the answer, and 120 again should it get worse)
  else if (r.plan && !r.plan.urgent && alreadyComing(i)) r.plan.lines.unshift(say('urgent_coming'));
  return r;
}

function decideTurn(i: DecideInput): { plan: Plan | null; session: Session } {
  const chosen = languageChoice(i);
  if (chosen) {
    const s = { ...i.session, turns: i.session.turns + 1, preferred: chosen, lang: chosen.lang, script: chosen.script };
    return { plan: plan('language', [say('language_set')]), session: s };
  }
  let s = remember(i.session, i.slots, i.analysis);
  const command = commandIntent(i);
  // A command's Latin letters say nothing of the user's language.
  if (command) s = { ...s, lang: i.session.lang ?? 'zh', script: i.session.script ?? 'simplified' };
  const book = s.locality ? i.rules.byId.get(s.locality) : undefined;
  let intent = command ?? resolveIntent(i, s);
  if (i.analysis.redFlags.length && !alreadyComing(i)) return urgent(i, s, book, intent);
  if (intent === URGENT_ROUTE && book) return urgentRoute(i, s, book);
  if (s.handoff?.heldBy) return { plan: null, session: s };

  // "我住鲤城区，能打泉秀的家庭护理电话吗": the notice named is another locality's, and none covers where they live
  if (book && i.slots.livesOutside && i.slots.locality && (intent === 'fallback' || isContent(i.domain, intent))) {
    const lines = [say('outside_locality', { place: i.slots.livesOutside, locality: book.name, localities: i.rules.books.map((b) => b.name) })];
    return { plan: plan(intent, lines, { review: 'not_in_notice' }), session: { ...s, pending: undefined } };
  }
  // a follow-up over the last answer's list ("第二个呢", "再不行呢") walks it, whatever else the NLU read
  const walked = book && ((i.slots.next && !i.slots.backupOrdinal && !i.slots.facility) || i.slots.ordinal || i.slots.last) && !i.slots.categories.length ? walkList(answerInput(i, book, 'backup', s)) : undefined;
  if (book && walked && walked.kind === 'answer') {
    return { plan: plan('backup', walked.lines, { locality: book.id, cite: [book] }), session: { ...walked.session, pending: undefined, lastIntent: 'backup' } };
  }
  // "线上看不了的呢": the way just given does not work — the notice's other ways to the same end
  const other = book ? otherWay({ domain: i.domain, book, session: s, text: i.analysis.normalised, topics: i.slots.topics, audiences: s.audience ? [s.audience] : undefined }) : undefined;
  if (book && other) return { plan: plan(other.intent, other.lines, { locality: book.id, cite: [book] }), session: { ...s, pending: undefined, lastIntent: other.intent } };
  const carried = book && (intent === 'fallback' || isContent(i.domain, intent)) ? followUpOf(i, s, book, intent) : undefined;
  if (carried) return carried;
  // (and a message read as out of scope that names a topic of the locality's notice: 泉秀的通知是什么时候发的？文号多少？)
  if (intent === 'fallback' || (i.slots.topics.length && i.domain.intents[intent]?.answer === 'out_of_scope')) {
    const found = factsFor(i, s, book);
    if (found) return found;
  }
  const talk = smallTalk(i, s, book, intent);
  if (talk) return talk;
  const localities = i.rules.books.map((b) => b.name);
  const resumed = s.pending?.intent === intent;
  const alternatives = resumed ? (s.pending?.alternatives ?? []) : alternativesOf(i, intent);
  if (!book) {
    // the rural plan names no locality: a question only it answers (城乡对口帮扶) is answered from it, said so;
    // any other notice's fact may differ from the user's locality's, so the locality is asked for
    const confidence = i.analysis.intent.name === intent ? i.analysis.intent.confidence : 0;
    const waiting = { slot: 'locality' as const, intent, alternatives, text: questionText(i), ...(confidence ? { confidence } : {}), ...(i.slots.topics.length ? { topics: i.slots.topics } : {}) };
    // (…and still waits on the locality: 泉秀街道 said next is where the question is asked, not a place to note)
    const only = place_free(i) ? factsOfOneBook(i, s, intent) : undefined;
    if (only) return { ...only, session: { ...only.session, pending: waiting } };
    // "96678是看病的电话吗": a number no notice lists is not a medical contact, wherever the user is
    const numbers = numbersIn(i);
    if (i.domain.intents[intent]?.answer === 'contacts' && numbers.length && numbers.every((n) => !i.knownNumbers.has(n))) {
      return { plan: plan(intent, [unknownNumberLine(i.rules.books, numbers), say('ask_locality', { localities })], { ask: 'locality', quickReplies: localityChoices(i.rules) }), session: { ...s, pending: waiting } };
    }
    const place = i.slots.unknownPlace;
    const lines = [place ? say('uncovered_place', { place, localities }) : say('ask_locality', { localities })];
    return { plan: plan(intent, lines, { ask: 'locality', quickReplies: localityChoices(i.rules) }), session: { ...s, pending: waiting } };
  }
  // a question resumed once its locality is given is answered in its own words too (请问犬伤门诊哪里有 … 泉秀那边); a
  // message that only says where (就灯荣路浦西花园那边) adds no words to search by: its road is no question of an address
  const asked = resumed && s.pending?.text ? (onlyPlace(i, true) ? s.pending.text : `${s.pending.text}，${i.analysis.normalised}`) : undefined;
  // …as surely as it was understood then (山东烟台 莱阳市 says nothing of the question: the answer would not trust its words)
  const sure = resumed && s.pending?.confidence ? { confidence: s.pending.confidence } : {};
  // …and of the care it named then (透析的定点医院几点开门 … 忻府区的: the dialysis hospitals, said as asked), and what
  // else it asked (…另外陪着去的家属要什么条件 … 忻州，管控区: the companion rule too)
  const ia = resumed ? resumedAs(i, s) : i;
  let r = answerAs(ia, book, s, intent, asked, sure);
  for (const alt of r.kind === 'answer' && !r.found ? alternatives : []) {
    const other = answerAs(ia, book, s, alt, asked, alt === intent ? sure : {});
    if (other.kind === 'answer' && other.found) {
      r = other;
      intent = alt;
      break;
    }
  }
  if (r.kind === 'ask')
    return { plan: plan(intent, r.lines, { ask: r.slot, quickReplies: r.quickReplies, locality: book.id }), session: { ...r.session, pending: { slot: r.slot, intent } } };
  const lines = [...(r.lines.length ? r.lines : missing(book)), ...unansweredHotline(i, book, intent, r.lines)];
  const review = !r.found ? ('not_in_notice' as const) : undefined;
  // The rural plan is general: say so, so nobody takes it for their own locality's notice.
  const prefix: Line[] = book.fallback ? [say('rural_fallback', { source: book.source.title })] : [];
  return {
    plan: plan(intent, [...prefix, ...lines], { locality: book.id, cite: [book], ...(review ? { review } : {}) }),
    session: { ...r.session, pending: undefined, lastIntent: intent, lastUnits: saidUnits(i, book, lines) ?? r.session.lastUnits },
  };
}

/** The input of a question resumed once its locality is given: the care and the topics it named then. */
function resumedAs(i: DecideInput, s: Session): DecideInput {
  const categories = onlyPlace(i, true) && !i.slots.categories.length && s.categories?.length ? s.categories : i.slots.categories;
  const topics = s.pending?.topics?.length ? [...new Set([...s.pending.topics, ...i.slots.topics])] : i.slots.topics;
  return categories === i.slots.categories && topics === i.slots.topics ? i : { ...i, slots: { ...i.slots, categories, topics } };
}

/** The answer for `intent`, to the question's words (`asked`, when they are not the message's) as surely as `sure` says. */
function answerAs(i: DecideInput, book: RuleBook, s: Session, intent: string, asked: string | undefined, sure: { confidence?: number }): AnswerResult {
  return answer({ ...answerInput(i, book, intent, s), ...(asked ? { text: asked } : {}), ...sure });
}

/** Someone the user could not reach (网格员电话一直打不通), said beside another question: the notice's hotline too,
 * when the answer does not give it already (a contacts answer lists the others itself). */
function unansweredHotline(i: DecideInput, book: RuleBook, intent: string, lines: readonly Line[]): Line[] {
  if (intent === intentAnswering(i.domain, 'contacts') || !saysUnanswered(i.domain, i.analysis.normalised)) return [];
  const hotline = hotlineOf(book);
  const numbers = hotline?.phones.map((p) => p.number) ?? [];
  if (!hotline || lines.some((l) => numbers.some((n) => lineWords(l).includes(n)))) return [];
  return [contactLine(hotline)];
}

/** The fact units an answer stated, for the follow-ups that ask about them. */
function saidUnits(i: DecideInput, book: RuleBook, lines: readonly Line[]): string[] | undefined {
  const units = i.facts?.get(book.id)?.said(lines);
  return units?.length ? units : undefined;
}
