// WAL checkpoints on a worker thread, and the bound on the write-ahead log.
//
// A checkpoint copies the write-ahead log into the database file and syncs it to disk; SQLite's automatic
// checkpoint does that inside a commit, so the thread that commits waits for the disk (on this machine's
// virtual disk an fsync takes 4 ms at the median and up to 80 ms). Here the main connection never
// checkpoints (`wal_autocheckpoint = 0`, set by the caller) and a second connection on its own thread does.
//
// A PASSIVE checkpoint waits for no one, but under steady writes it never catches up with the end of the
// log, and only a checkpoint that has copied every frame lets the next writer start the log again from its
// beginning: the file grew by ~15 MB a second at 2,000 requests a second and never shrank. So every
// `intervalMs` the thread looks at the log's size and, past `truncateBytes` (a quarter of the bound by
// default), runs a TRUNCATE checkpoint: it waits for the current write transaction, holds writers off while
// it copies what PASSIVE checkpoints have not and syncs, then empties the file. That pause is the
// back-pressure: writers wait for the disk, a few milliseconds, instead of the log growing. When writes
// stop, the log is emptied as well. The caller is told the log's size after each look (`onWal`), to hold
// writes itself should the thread fall behind (sqlite.ts). If the thread fails, it stops, `onError` is
// told and the caller turns automatic checkpoints back on.
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** Closes the thread's connection (before the main one closes: the last to close checkpoints). */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  file: string;
  /** How often the log's size is looked at (default 100 ms); a PASSIVE checkpoint runs every fifth look. */
  intervalMs?: number;
  /** Past this size the log is checkpointed in full and emptied (default 16 MiB). */
  truncateBytes?: number;
  onError: (err: Error) => void;
  /** Each checkpoint that moved pages: how many, and how (tests, debug logs). */
  onCheckpoint?: (pages: number, mode: 'PASSIVE' | 'TRUNCATE') => void;
  /** The log's size in bytes after each look that changed it. */
  onWal?: (bytes: number) => void;
}

// Plain JavaScript, evaluated in the worker: nothing to compile, whether we run from dist/ or from source.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
// A TRUNCATE checkpoint holds writers off while it waits for readers on an old snapshot: never long.
db.pragma('busy_timeout = 100');
const wal = workerData.file + '-wal';
const size = () => { try { return fs.statSync(wal).size; } catch { return 0; } };
let looks = 0;
let last = -1;
let quiet = 0;
// A TRUNCATE that a reader kept from finishing is tried again after a growing pause, not at every look:
// each try holds writers off for up to the busy timeout.
let pause = 0;
let nextTruncate = 0;
const checkpoint = (mode) => {
  const [r] = db.pragma('wal_checkpoint(' + mode + ')');
  if (r && r.checkpointed > 0) parentPort.postMessage({ kind: 'checkpoint', pages: r.checkpointed, mode });
  return r;
};
const timer = setInterval(() => {
  try {
    looks += 1;
    let bytes = size();
    quiet = bytes === last ? quiet + 1 : 0;
    // past the threshold, or writes have stopped for a second with something left in the log: empty it
    if ((bytes >= workerData.truncateBytes || (bytes > 0 && quiet >= 10)) && looks >= nextTruncate) {
      const r = checkpoint('TRUNCATE');
      if (r && r.busy) {
        pause = Math.min(50, pause ? pause * 2 : 5);
        nextTruncate = looks + pause;
        checkpoint('PASSIVE');
      } else pause = 0;
      bytes = size();
    } else if (looks % 5 === 0 && bytes > 0) {
      checkpoint('PASSIVE');
    }
    if (bytes !== last) parentPort.postMessage({ kind: 'wal', bytes });
    last = bytes;
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

type Message = { kind: 'checkpoint'; pages: number; mode: 'PASSIVE' | 'TRUNCATE' } | { kind: 'wal'; bytes: number } | { kind: 'error'; message: string };

export function startCheckpointer(o: CheckpointerOptions): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file: o.file,
      driver: require.resolve('better-sqlite3'),
      intervalMs: o.intervalMs ?? 100,
      truncateBytes: o.truncateBytes ?? 16 * 1024 * 1024,
    },
  });
  let failed = false;
  const fail = (err: Error) => {
    if (failed) return;
    failed = true;
    o.onError(err);
  };
  worker.on('message', (m: Message) => {
    if (m.kind === 'checkpoint') o.onCheckpoint?.(m.pages, m.mode);
    else if (m.kind === 'wal') o.onWal?.(m.bytes);
    else {
      fail(new Error(`WAL checkpoint failed: ${m.message}`));
      worker.postMessage('stop');
    }
  });
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A store left open does not keep the process alive. (After the listeners: attaching one refs it again.)
  worker.unref();
  void exited.then(() => fail(new Error('the WAL checkpoint thread exited')));
  return {
    async stop() {
      failed = true; // an exit from here on is the one asked for
      // Held while it stops: unreferenced, a thread still starting would let the process exit (code 0, with
      // nothing said) while this waits on it — which is what a start-up failing early did.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
