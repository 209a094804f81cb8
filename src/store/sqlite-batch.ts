// Group commit for the SQLite store: operations issued in the same turn of the event loop (concurrent
// requests) run in order inside one write transaction, committed once, then each caller is answered.
// A commit per operation costs far more than the operation; this keeps the store off the hot path under
// load. One failing does not undo the others: a single SQL statement is atomic on its own, and an operation
// that writes with several statements wraps them in `db.transaction`, which nests as a savepoint. (A
// savepoint around every operation cost a fifth of the store's time under load.)
import type Database from 'better-sqlite3';

/** Taken at load, so a test's fake timers do not stall the store. */
const realSetImmediate = setImmediate;

interface Op {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface Batcher {
  run<T>(fn: () => T): Promise<T>;
  /** Runs what is queued now (close() calls it). */
  flush(): void;
}

export function createBatcher(db: Database.Database, maxBatch = 500): Batcher {
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

  function flush(): void {
    scheduled = false;
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
          realSetImmediate(flush);
        }
      });
    },
    flush,
  };
}
