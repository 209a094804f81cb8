// Orderings without a counter document: a hybrid logical clock, the time in ms times 1024 plus a count,
// never going backwards in this process. Lines, outbox items and mailbox messages written by one process
// keep their order; across instances they interleave by time (to the millisecond), which is all the order
// a conversation needs. The largest value, for a time in 2100, is under 2^53: an exact JavaScript number.

export type Sequence = () => number;

export function hybridClock(now: () => number = Date.now): Sequence {
  let last = 0;
  return () => {
    const t = now() * 1024;
    last = t > last ? t : last + 1;
    return last;
  };
}
