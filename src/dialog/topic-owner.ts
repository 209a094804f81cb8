// Which intent answers a topic the message names by its words: for words only a topic cue reads, and for an intent
// the classifier holds only weakly beside a topic it does not answer.
import { asksByWords, type Domain } from '../answer/domain';
import type { Analysis } from '../nlu/types';
import { isContent } from './input';
import { bounds, CLAUSE_NO_LIST } from '../urgent/scope-text';

/** Each topic's intent, per domain: found once rather than by walking the intents every turn. */
const topicOwners = new WeakMap<Domain, Map<string, string>>();

/** The intent whose answer draws on a topic (the first in answers.yml's order), for words only a topic cue reads. */
export function topicIntent(domain: Domain, topic: string): string | undefined {
  let owners = topicOwners.get(domain);
  if (!owners) {
    owners = new Map();
    for (const [name, spec] of Object.entries(domain.intents))
      if (spec.answer === 'topics') for (const t of spec.topics) if (!owners.has(t)) owners.set(t, name);
    topicOwners.set(domain, owners);
  }
  return owners.get(topic);
}

/**
 * An intent read below `weakIntent` beside topics the message names by its own words, none of them the intent's:
 * the question of those topics — the classifier's best runner-up that answers one, else a topic's first intent
 * ("can i see a doctor online…" read as chronic care at 0.49, 线上问诊 named: online care).
 */
export function weaklyHeldOwner(domain: Domain, analysis: Analysis, topics: readonly string[]): string | undefined {
  const said = analysis.intent.name;
  if (!isContent(domain, said) || analysis.intent.confidence >= domain.weakIntent) return undefined;
  const named = askedOf(domain, analysis, topics.filter((t) => !domain.aspectTopics.includes(t)));
  const mine = domain.intents[said]?.topics ?? [];
  if (!named.length || named.some((t) => mine.includes(t))) return undefined;
  const answers = (name: string) => (domain.intents[name]?.topics ?? []).some((t) => named.includes(t));
  return (
    analysis.ranking.find((r) => r.name !== said && isContent(domain, r.name) && answers(r.name))?.name ??
    named.map((t) => topicIntent(domain, t)).find((x) => !!x && x !== said)
  );
}

/** Of the topics named, those named in a clause that asks (…闺女半年才回来一趟…有没有家庭医生能常来量量血压: the family
 * doctor, not the daughter's coming back), when any is; else all of them. */
function askedOf(domain: Domain, analysis: Analysis, named: readonly string[]): readonly string[] {
  if (named.length < 2) return named;
  const text = analysis.normalised;
  const inAsking = new Set<string>();
  for (const e of analysis.entities) {
    if (e.type !== 'topic' || !named.includes(e.value)) continue;
    const [from, to] = bounds(text, e.start, CLAUSE_NO_LIST);
    if (asksByWords(domain, text.slice(from, to + 1))) inAsking.add(e.value);
  }
  return inAsking.size ? named.filter((t) => inAsking.has(t)) : named;
}

/** A number asked for, not a person (电话, 号码, 热线 — not 找谁, which asks the way in). */
const NUMBER_WORD = /电话|号码|热线|手机号|座机/;

/** …in English, as written: "phone" is glossed 电话 whether it is a number or the device one sees a doctor on
 * ("…from my phone"); "number", "hotline" are a number. */
const ENGLISH_NUMBER_WORD = /\b(?:numbers?|hotlines?|helplines?)\b/i;

/** The message asks for a number and names no other topic (a time of day aside: 晚上…给留个咨询电话). */
export function onlyNumberAsked(analysis: Analysis, topics: readonly string[]): boolean {
  const contact = analysis.entities.some((e) => e.type === 'topic' && (e.value === 'contact_info' || e.value === 'hotline') && (analysis.lang !== 'zh' || NUMBER_WORD.test(e.text)));
  const asked = contact && (analysis.lang === 'zh' || ENGLISH_NUMBER_WORD.test(analysis.original));
  return asked && topics.every((t) => t === 'contact_info' || t === 'hotline' || t === 'hours');
}
