// The pure core: one inbound message and the session in, one reply and the new session out.
// Normalise → red flags → entities → intent (the NLU) → dialogue → answer → render. No I/O.
import { decide, localityChoices } from '../dialog/decide';
import { readSlots } from '../dialog/slots';
import { questionsOf, withAnswers } from '../dialog/questions';
import type { Domain } from '../answer/domain';
import { plan, say, type Plan } from '../answer/plan';
import { buildKb } from '../answer/kb';
import { digits, hotlineOf } from '../answer/contacts';
import { buildFactIndex, termReader, type FactIndex, type Tokenize } from '../answer/retrieve';
import type { Nlu } from '../nlu/types';
import type { Locales } from '../render/locale';
import { render } from '../render/render';
import type { RuleSet } from '../rules/types';
import type { Core, Inbound, Reply, Session, TurnContext, TurnResult } from './types';

export interface CoreDeps {
  rules: RuleSet;
  nlu: Nlu;
  locales: Locales;
  domain: Domain;
  toTraditional: (text: string) => string;
  /** Longer messages are read up to this many characters (default 1000). */
  maxChars?: number;
  /** The segmenter's words, for the fact retrieval's index. */
  tokenize?: Tokenize;
  /** The NLU's topic cue words, so that a fact is found by them too. */
  topicCues?: Readonly<Record<string, readonly string[]>>;
}

const COMPACT_ROLES = new Set(['family_doctor', 'hotline_staff']);

export function createCore(d: CoreDeps): Core {
  const maxChars = d.maxChars ?? 1000;
  const knownNumbers = new Set(d.rules.books.flatMap((b) => b.contacts.flatMap((c) => c.phones.map((p) => digits(p.number)))));
  const kb = buildKb(d);
  const facts = new Map<string, FactIndex>();
  // one reader for every book: a question searched in several books is cut once
  const reader = d.tokenize && termReader(d.tokenize);
  if (reader) for (const b of d.rules.books) facts.set(b.id, buildFactIndex(b, d.rules.vocabulary, reader, d.topicCues));

  // the vocabulary's English names, for the care, audience and topic names an English reply shows
  const v = d.rules.vocabulary;
  const names = new Map([
    ...[...v.categories, ...v.audiences, ...v.groups, ...v.topics].filter((x) => x.en).map((x) => [x.name, x.en] as [string, string]),
    ...v.categories.flatMap((c) => [...Object.entries(c.notice_names ?? {}), ...Object.values(c.notice_leaves_out ?? {}).flatMap((w) => Object.entries(w))]),
    // (a thing asked of by name: its English name, where answers.yml gives one)
    ...d.domain.namedThings.things.flatMap((names) => {
      const en = names.find((n) => /^[a-z]/.test(n));
      return en ? names.filter((n) => n !== en).map((n) => [n, en] as [string, string]) : [];
    }),
  ]);

  function renderFor(p: Plan, session: Session, forwarded: boolean): Reply {
    return render(p, {
      locales: d.locales,
      lang: session.lang ?? 'zh',
      script: session.script ?? 'simplified',
      compact: forwarded || COMPACT_ROLES.has(session.role ?? ''),
      toTraditional: d.toTraditional,
      names,
    });
  }

  /** A reply that answers from a rule book: no question asked back, no alarm, no hand-off, no fallback. */
  const answered = (p: Plan): boolean => !p.urgent && !p.handoff && !p.ask && !!p.locality && p.cite.length > 0 && !p.review;

  function turn(inbound: Inbound, session: Session, ctx: TurnContext): TurnResult {
    const raw = (inbound.choice ?? inbound.text ?? '').replace(/\u0000/g, '');
    // in code points (an emoji is one); a string of no more UTF-16 units than that has no more code points
    const chars = raw.length > maxChars ? [...raw] : undefined;
    const text = chars && chars.length > maxChars ? chars.slice(0, maxChars).join('') : raw;
    const analysis = d.nlu.analyse(text, { forwarded: !!inbound.forwardedFrom });
    if (!analysis.normalised.trim() && !analysis.redFlags.length) {
      // A shared location: the notices give no boundaries to place it in, so ask for the place's name
      // rather than guess a city (a wrong one would name another city's hospitals).
      const s = { ...session, turns: session.turns + 1 };
      const p = inbound.location
        ? plan('location', [say('location_unplaced', { localities: d.rules.books.map((b) => b.name) })], { ask: 'locality', quickReplies: localityChoices(d.rules) })
        : plan('non_text', [say(inbound.kind === 'text' ? 'empty' : 'non_text')]);
      return { reply: s.handoff?.heldBy ? null : renderFor(p, s, false), session: s, analysis };
    }
    const slots = readSlots(analysis, d.rules, d.domain.fullCues, d.domain.nextCues);
    const input = { rules: d.rules, domain: d.domain, status: ctx.status, now: ctx.now, knownNumbers, staffAlerted: ctx.staffAlerted ?? false, facts, inCare: d.nlu.inCare };
    const r = decide({ ...input, analysis, slots, session });
    if (!r.plan) return { reply: null, session: r.session, analysis };
    // two questions in one message (…能开多久？另外孩子发烧去哪): each answered, in the conversation as it stands
    if (answered(r.plan)) {
      const more = questionsOf(analysis.normalised, d.domain).flatMap((q) => {
        // (the whole message was read for red flags: its parts are not read again)
        const a = d.nlu.analyse(q, { urgent: false });
        const p = decide({ ...input, analysis: a, slots: readSlots(a, d.rules, d.domain.fullCues, d.domain.nextCues), session: { ...r.session, turns: session.turns, pending: undefined, urgentTurn: undefined } }).plan;
        return p && answered(p) && p.locality === r.plan?.locality ? [p] : [];
      });
      if (more.length) r.plan = withAnswers(r.plan, more);
    }
    if (text !== raw) r.plan.lines.push(say('truncated', { count: maxChars }));
    return { reply: renderFor(r.plan, r.session, analysis.forwarded), session: r.session, analysis };
  }

  function escalationNotice(locality: string | undefined, o: { script: 'simplified' | 'traditional'; lang: 'zh' | 'en' }): string {
    const book = locality ? d.rules.byId.get(locality) : undefined;
    const hotline = book && hotlineOf(book);
    const lines = [say('escalation_waiting'), ...(hotline ? [say('handoff_hotline', { name: hotline.name, phones: hotline.phones.map((p) => p.number) })] : [])];
    const p = plan('escalation', lines, { urgent: true });
    return renderFor(p, { turns: 0, lang: o.lang, script: o.script }, false).parts.join('\n');
  }

  function rateLimitNotice(perMinute: number, seconds: number, o: { script: 'simplified' | 'traditional'; lang: 'zh' | 'en' }): string {
    const p = plan('rate_limited', [say('rate_limited', { perMinute, seconds })]);
    return renderFor(p, { turns: 0, lang: o.lang, script: o.script }, false).parts.join('\n');
  }

  return {
    turn,
    escalationNotice,
    rateLimitNotice,
    kb: (query, ctx) => kb(query, ctx.status),
    localities: () => d.rules.books.map((b) => ({ id: b.id, name: b.name })),
    facilities: () => d.rules.books.flatMap((b) => b.facilities.map((f) => ({ id: f.id, name: f.name, locality: b.id }))),
  };
}
