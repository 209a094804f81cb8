// WAL checkpoints on a worker thread. A checkpoint copies the write-ahead log into the database file and
// syncs it to disk; SQLite's automatic checkpoint does that inside a commit, so the thread that commits
// waits for the disk (on this machine's virtual disk an fsync takes 4 ms at the median and up to 80 ms).
// Here the main connection never checkpoints (`wal_autocheckpoint = 0`, set by the caller) and a second
// connection on its own thread runs a PASSIVE checkpoint, which waits for no reader or writer, every
// `intervalMs`. If that thread fails, it stops, `onError` is told and the caller turns automatic checkpoints
// back on.
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** Closes the thread's connection (before the main one closes: the last to close checkpoints). */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  file: string;
  intervalMs?: number;
  onError: (err: Error) => void;
  /** Each checkpoint that moved pages: how many (tests, debug logs). */
  onCheckpoint?: (pages: number) => void;
}

// Plain JavaScript, evaluated in the worker: nothing to compile, whether we run from dist/ or from source.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.checkpointed > 0) parentPort.postMessage({ kind: 'checkpoint', pages: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ kind: 'error', message: String(err && err.message || err) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(o: CheckpointerOptions): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file: o.file, driver: require.resolve('better-sqlite3'), intervalMs: o.intervalMs ?? 500 },
  });
  worker.unref(); // a store left open does not keep the process alive
  let failed = false;
  const fail = (err: Error) => {
    if (failed) return;
    failed = true;
    o.onError(err);
  };
  worker.on('message', (m: { kind: 'checkpoint'; pages: number } | { kind: 'error'; message: string }) => {
    if (m.kind === 'checkpoint') o.onCheckpoint?.(m.pages);
    else {
      fail(new Error(`WAL checkpoint failed: ${m.message}`));
      worker.postMessage('stop');
    }
  });
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => fail(new Error('the WAL checkpoint thread exited')));
  return {
    async stop() {
      failed = true; // an exit from here on is the one asked for
      worker.postMessage('stop');
      await exited;
    },
  };
}
