// What a MongoDB-compatible server's errors mean to the store. Two instances racing on one unique key get
// E11000 from MongoDB; FerretDB (PostgreSQL underneath) also answers "deadlock detected" (code 16908292) and,
// on an upsert, "conflicting key value violates exclusion constraint" (code 1): one of the writers lost a
// race the database could not order, and the same write tried again gets the plain answer (E11000, or
// success). MongoDB itself can answer WriteConflict (112) under load. So: duplicates are one outcome,
// races are retried, everything else is an error.

/** The write collided with a unique index: the document exists. */
export function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; writeErrors?: { code?: unknown }[] } | null;
  if (!err) return false;
  if (err.code === 11000 || err.code === 11001 || err.code === 12582) return true;
  if (Array.isArray(err.writeErrors) && err.writeErrors.some((w) => w?.code === 11000)) return true;
  return typeof err.message === 'string' && /E11000|duplicate key/i.test(err.message);
}

/** The write lost a race the server could not order: the same write again will settle it. */
export function isTransientConflict(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; errorLabels?: unknown; hasErrorLabel?: (l: string) => boolean } | null;
  if (!err) return false;
  if (err.code === 112 || err.code === 16908292) return true; // WriteConflict; FerretDB's deadlock
  if (typeof err.hasErrorLabel === 'function' && (err.hasErrorLabel('TransientTransactionError') || err.hasErrorLabel('RetryableWriteError'))) return true;
  return typeof err.message === 'string' && /deadlock detected|could not serialize|conflicting key value violates exclusion constraint|write ?conflict/i.test(err.message);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `write`, again after a short random pause while it loses races (at most `attempts` times). */
export async function retryRaces<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (e) {
      if (i >= attempts || !isTransientConflict(e)) throw e;
      await sleep(Math.round(5 * 2 ** i * (0.5 + Math.random())));
    }
  }
}
