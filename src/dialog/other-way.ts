// "线上看不了的呢", "网格员联系不上怎么办": the way the last answer gave does not work for the user. The other ways the
// notice gives to the same end are answered: the topics of the question the last one is part of (the care route
// holds online care), without the one that failed. Pure.
import { lowerCase, type Domain } from '../answer/domain';
import { cueScan } from '../data/cue-scan';
import { topicLines } from '../answer/topics';
import type { Line } from '../answer/plan';
import type { Session } from '../core/types';
import type { RuleBook } from '../rules/types';

export interface OtherWayInput {
  domain: Domain;
  book: RuleBook;
  session: Session;
  /** The normalised message and the topics it names. */
  text: string;
  topics: readonly string[];
  audiences?: string[];
}

/** The intent answering the other ways, and its lines; undefined when the message says no way failed. */
export function otherWay(i: OtherWayInput): { intent: string; lines: Line[] } | undefined {
  const last = i.session.lastIntent;
  const spec = last ? i.domain.intents[last] : undefined;
  if (!last || spec?.answer !== 'topics') return undefined;
  const t = i.text.toLowerCase().replace(/[\s,.!?;:，。！？；：]+/g, '');
  if (t.length > i.domain.followUpLength + 6 || !cueScan(lowerCase(i.domain.failCues)).any(t)) return undefined;
  // what failed: the topic the message names of the last question's, else the last question's own
  const named = spec.topics.filter((x) => i.topics.includes(x));
  const failed = named.length ? named : spec.topics;
  // the question holding it with other ways besides (care_route holds online_care)
  const whole = Object.entries(i.domain.intents).find(
    ([, s]) => s.answer === 'topics' && failed.every((x) => s.topics.includes(x)) && s.topics.some((x) => !failed.includes(x)),
  );
  if (!whole) return undefined;
  const others = whole[1].topics.filter((x) => !failed.includes(x));
  const lines = topicLines(i.book, { topics: others, text: i.text, departments: i.domain.departments, audiences: i.audiences });
  return lines.length ? { intent: whole[0], lines } : undefined;
}
