// What a turn's decision reads, and the answer input built from it for one rule book. Pure.
import type { AnswerInput } from '../answer/answer';
import type { FactIndex } from '../answer/retrieve';
import type { Domain } from '../answer/domain';
import type { Session } from '../core/types';
import type { Analysis } from '../nlu/types';
import type { LiveStatus, RuleBook, RuleSet } from '../rules/types';
import type { Slots } from './slots';

export interface DecideInput {
  analysis: Analysis;
  slots: Slots;
  session: Session;
  rules: RuleSet;
  domain: Domain;
  status: LiveStatus;
  now: number;
  knownNumbers: ReadonlySet<string>;
  /** A person on duty hears of a handoff (a staff route is configured). */
  staffAlerted: boolean;
  /** The NLU's reading of a case in a hospital's hands (救护车拉走了): help come, after an urgent reply. */
  inCare?: (normalised: string) => boolean;
  /** Each locality's facts, for questions the structured answers do not hold. */
  facts?: ReadonlyMap<string, FactIndex>;
}

/** Answer kinds that need no rule book; every other kind asks one, so without a locality the bot asks where. */
const SMALL_TALK = new Set(['greeting', 'thanks', 'locality', 'handoff', 'out_of_scope']);
export const isContent = (domain: Domain, intent: string): boolean => {
  const kind = domain.intents[intent]?.answer;
  return !!kind && !SMALL_TALK.has(kind);
};

export function answerInput(i: DecideInput, book: RuleBook, intent: string, s: Session): AnswerInput {
  const confidence = i.analysis.intent.name === intent ? i.analysis.intent.confidence : 0;
  return {
    rules: i.rules,
    domain: i.domain,
    status: i.status,
    slots: i.slots,
    knownNumbers: i.knownNumbers,
    book,
    intent,
    session: s,
    text: i.analysis.normalised,
    facts: i.facts?.get(book.id),
    placeTexts: i.slots.placeTexts,
    confidence,
  };
}
