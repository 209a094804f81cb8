// What the service needs of one turn of the core, and the two ways to run it: on this thread, or on a
// pool of worker threads (core-threads.ts).
import type { Core, Inbound, Reply, Session, TurnContext, TurnResult } from '../core/types';

/** A turn's result without the NLU analysis, which stays where it was made (it does not cross threads). */
export interface TurnOutcome {
  reply: Reply | null;
  session: Session;
  /** The NLU's intent (for the inbound log and metrics), '' when none. */
  intent: string;
}

export type TurnRunner = (inbound: Inbound, session: Session, ctx: TurnContext) => TurnOutcome | Promise<TurnOutcome>;

export const outcomeOf = (r: TurnResult): TurnOutcome => ({ reply: r.reply, session: r.session, intent: r.analysis?.intent?.name ?? '' });

/** Runs the core on the calling thread. */
export const inProcess =
  (core: Core): TurnRunner =>
  (inbound, session, ctx) =>
    outcomeOf(core.turn(inbound, session, ctx));
