// The SQLite file's opening and the bound on its write-ahead log (the checkpoint thread is
// sqlite-checkpoint.ts). Before each transaction the log's size is looked at (a stat, ~2 µs). Past the bound
// (the checkpoint thread has fallen behind, or is starved of CPU) this connection tries a checkpoint of its
// own every 10 ms, and the writes wait, for a second at most: then they go on (a reader holding an old
// snapshot can keep every checkpoint from emptying the log) and, at twice the bound, the store says it is not
// ready (`check`, called by ping) until the log is back under it.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';

export const DEFAULT_WAL_MAX_BYTES = 64 * 1024 * 1024;
/** Longest writes are held back for a checkpoint once the log is past its bound. */
const MAX_HOLD_MS = 1000;

/** Opens the file in WAL mode and brings its schema up to date (`migrate`), naming the file in the error
 * when it cannot be opened or written (a read-only data directory). */
export function openFile(file: string, busyTimeoutMs: number, walMaxBytes: number, migrate: (db: Database.Database) => unknown): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma(`journal_size_limit = ${walMaxBytes}`);
    // deleted rows are overwritten where that costs no extra I/O (the raw inbound message once processed)
    db.pragma('secure_delete = FAST');
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    const why = (err as Error).message;
    const hint = /readonly|read-only|unable to open|cannot open|permission/i.test(why) ? ': is the data directory (JIUYI_DATA_DIR) writable?' : '';
    throw new Error(`store: cannot open ${file} (${why})${hint}`);
  }
}

export interface WalGuard {
  /** Before a transaction: ms to hold it back (0: go). */
  hold(): number;
  /** The checkpoint thread's latest look at the log's size. */
  seen(bytes: number): void;
  /** Throws when the log is over twice its bound. */
  check(): void;
}

export function walGuard(o: { db: Database.Database; file: string; walMax: number; busyTimeoutMs: number; active: () => boolean }): WalGuard {
  const walFile = `${o.file}-wal`;
  const size = () => statSync(walFile, { throwIfNoEntry: false })?.size ?? 0;
  let bytes = 0;
  let heldSince = 0;
  let lastTry = 0;
  return {
    hold() {
      if (!o.active()) return 0;
      bytes = size();
      if (bytes <= o.walMax) {
        heldSince = 0;
        return 0;
      }
      const now = Date.now();
      const overdue = heldSince !== 0 && now - heldSince >= MAX_HOLD_MS;
      if (now - lastTry >= (overdue ? 250 : 10)) {
        lastTry = now;
        try {
          o.db.pragma('busy_timeout = 20');
          o.db.pragma('wal_checkpoint(TRUNCATE)');
          bytes = size();
        } catch {
          // the transaction itself says what is wrong
        } finally {
          o.db.pragma(`busy_timeout = ${o.busyTimeoutMs}`);
        }
        if (bytes <= o.walMax) {
          heldSince = 0;
          return 0;
        }
      }
      if (!heldSince) heldSince = now;
      return overdue ? 0 : 10;
    },
    seen(b) {
      bytes = b;
    },
    check() {
      if (bytes > 2 * o.walMax)
        throw new Error(`the write-ahead log is ${Math.round(bytes / 1048576)} MB, over twice its bound (${Math.round(o.walMax / 1048576)} MB): checkpoints cannot keep up`);
    },
  };
}
