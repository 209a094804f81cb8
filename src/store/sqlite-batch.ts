// Group commit for the SQLite store: operations issued within `windowMs` of the first one waiting (or in the
// same turn of the event loop, with 0) run in order inside one write transaction, committed once, then each
// caller is answered. A commit costs far more than an operation (measured: ~85 µs, against 5–10 µs for an
// insert), so the more operations share one, the less the store weighs on the main thread under load; a
// millisecond's window doubles the operations a commit carries at 50 concurrent requests. One failing does not undo the others: a single SQL statement is atomic on its own, and an operation
// that writes with several statements wraps them in `db.transaction`, which nests as a savepoint. (A
// savepoint around every operation cost a fifth of the store's time under load.)
import type Database from 'better-sqlite3';

/** Taken at load, so a test's fake timers do not stall the store. */
const realSetImmediate = setImmediate;
const realSetTimeout = setTimeout;

interface Op {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface Batcher {
  run<T>(fn: () => T): Promise<T>;
  /** Runs what is queued now, held back or not (close() calls it). */
  flush(): void;
}

export interface BatcherOptions {
  /** How long the first operation waits for others to join its transaction (0: to the end of this turn
   * of the event loop). */
  windowMs?: number;
  maxBatch?: number;
  /** Runs before the queued operations are written: how many ms to hold them back first (0: write now).
   * The WAL bound's back-pressure (sqlite.ts). */
  beforeFlush?: () => number;
}

export function createBatcher(db: Database.Database, o: BatcherOptions = {}): Batcher {
  const maxBatch = o.maxBatch ?? 500;
  const windowMs = o.windowMs ?? 0;
  let queue: Op[] = [];
  let scheduled = false;

  const runAll = db.transaction((ops: Op[]) =>
    ops.map((op): { ok: true; value: unknown } | { ok: false; error: unknown } => {
      try {
        return { ok: true, value: op.fn() };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(force = false): void {
    scheduled = false;
    const hold = queue.length && !force ? (o.beforeFlush?.() ?? 0) : 0;
    if (hold > 0) {
      scheduled = true;
      realSetTimeout(flush, hold);
      return;
    }
    while (queue.length) {
      const ops = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      let results: ReturnType<typeof runAll>;
      try {
        results = runAll.immediate(ops);
      } catch (error) {
        for (const op of ops) op.reject(error);
        continue;
      }
      results.forEach((r, i) => (r.ok ? ops[i]!.resolve(r.value) : ops[i]!.reject(r.error)));
    }
  }

  return {
    run<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          if (windowMs > 0) realSetTimeout(flush, windowMs);
          else realSetImmediate(flush);
        }
      });
    },
    flush: () => flush(true),
  };
}
