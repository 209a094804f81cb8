// An urgent turn: 120 and the locality's emergency route first, then whether a person was alerted; and, when the
// locality comes after the alarm, what the urgent reply promised for it. Pure.
import { answer } from '../answer/answer';
import { designatedLines, emergencyCareOf } from '../answer/asked';
import { plan, say, steps, type Line, type Plan } from '../answer/plan';
import type { Session } from '../core/types';
import { emergencyRoute } from '../rules/query';
import type { RuleBook } from '../rules/types';
import { answerInput, isContent, type DecideInput } from './input';
import { asksNothing } from './said-only';
import { lowerCase } from '../answer/domain';

/** The pending question an urgent reply without a locality leaves: the locality, for its emergency route. */
export const URGENT_ROUTE = 'urgent_route';

/** 120 again, the book's emergency route, and the hospital for the emergency's care. */
function routeLines(i: DecideInput, s: Session, book: RuleBook, categories: readonly string[], intent: string, orEmergency = true): { first: Line[]; rest: Line[] } {
  const first: Line[] = [say('urgent_call')];
  const emergency = emergencyRoute(book);
  if (emergency) first.push(say('urgent_route', { locality: book.name }), steps(emergency.steps));
  const a = answerInput(i, book, intent, s);
  let rest = designatedLines(a, categories);
  // none for the emergency's own care: the book's emergency (or general) designation, the first it has
  if (!rest.length && orEmergency) {
    const emergencyCare = emergencyCareOf(i.domain, book);
    if (emergencyCare) rest = designatedLines(a, [emergencyCare]);
  }
  return { first, rest };
}

export function urgent(i: DecideInput, s: Session, book: RuleBook | undefined, intent: string): { plan: Plan; session: Session } {
  const flags = i.analysis.redFlags.map((f) => f.id);
  const categories = [...new Set(flags.map((f) => i.domain.redFlagCategories[f]).filter((c): c is string => !!c))];
  const { first, rest } = book ? routeLines(i, s, book, categories, intent, false) : { first: [say('urgent_call')], rest: [] };
  const asks = !asksNothing(i);
  if (book && asks && isContent(i.domain, intent) && intent !== 'designation') {
    const r = answer(answerInput(i, book, intent, s));
    if (r.kind === 'answer' && r.found) rest.push(say('urgent_then'), ...r.lines);
  }
  const reason = `urgent:${flags.join(',')}`;
  // 120 and the route first, as a message of their own; then whether a person was alerted, truthfully.
  const handoff = say(i.staffAlerted ? 'urgent_handoff' : 'urgent_handoff_queued');
  const where = book ? [] : [say('urgent_where')];
  const lines = [...first, handoff, ...where, ...rest];
  // the emergency's kind of care is what the conversation is about now ("which hospital will they take her to?");
  // without a locality, the next message naming one gets the route (urgent_where promises it)
  // (…and a treatment's care said before is not all of it: a dialysis patient's bleeding may go where emergencies go)
  const said = s.categories ?? [];
  const emergencyCare = book && said.some((c) => i.domain.treatmentCategories.includes(c)) ? emergencyCareOf(i.domain, book) : undefined;
  const about = categories.length ? { category: categories[0], categories } : emergencyCare && !said.includes(emergencyCare) ? { categories: [...said, emergencyCare] } : {};
  const pending = book ? s.pending : { slot: 'locality' as const, intent: URGENT_ROUTE };
  const session: Session = { ...s, ...about, pending, urgentTurn: s.turns, handoff: s.handoff ?? { since: i.now, reason } };
  return {
    plan: plan('urgent', lines, { urgent: true, handoff: true, handoffReason: reason, locality: book?.id, cite: book ? [book] : [], firstPart: first.length + 1 }),
    session,
  };
}

/**
 * The locality given after an urgent reply that had none ("we are in Quanxiu street"): 120 again, the emergency
 * route and the hospital it promised. The alarm was raised with the first message and is not raised again.
 */
export function urgentRoute(i: DecideInput, s: Session, book: RuleBook): { plan: Plan; session: Session } {
  const { first, rest } = routeLines(i, s, book, s.categories ?? (s.category ? [s.category] : []), URGENT_ROUTE);
  const said = first.length > 1 || rest.length > 0;
  const lines = said ? [...first, ...rest] : [...first, say('urgent_no_route', { locality: book.name })];
  return {
    plan: plan(URGENT_ROUTE, lines, { locality: book.id, cite: said ? [book] : [] }),
    session: { ...s, pending: undefined, lastIntent: undefined },
  };
}

/**
 * Right after an urgent reply, the message says help is on its way and asks something else ("120那边我已经报了 车在路上了
 * 那个大爷的药能开多久"): the alarm is raised and a person holds it, so the learned scorer alone does not raise it again
 * over the question. A red-flag concept in scope still does (救护车到了 他又抽了).
 */
export function alreadyComing(i: DecideInput): boolean {
  return i.analysis.urgency.by === 'scorer' && i.session.urgentTurn !== undefined && i.session.urgentTurn === i.session.turns && helpComing(i);
}

/** The message says help is on its way (120打了, 救护车来了) or has taken the case in hand (救护车拉走了: the NLU's `inCare`):
 * read only right after an urgent reply. */
export function helpComing(i: DecideInput): boolean {
  if (i.inCare?.(i.analysis.normalised)) return true;
  const lower = i.analysis.normalised.toLowerCase();
  // (said of help that has come, not supposed of it: 救护车来了能拉走吗 asks what happens when it comes)
  return lowerCase(i.domain.helpComingCues).some((c) => {
    for (let at = lower.indexOf(c); at >= 0; at = lower.indexOf(c, at + 1))
      if (!i.domain.helpComingSupposed.some((re) => re.test(lower.slice(at + c.length)))) return true;
    return false;
  });
}
