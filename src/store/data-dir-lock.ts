// The SQLite store serves one service process: a second `npm start` on the same data directory would
// answer the same users with its own in-memory locks and limits. The service takes `jiuyi.lock` (its pid)
// in the data directory and refuses to start while another live process holds it; a lock left by a process
// that died (kill -9) is taken over. CLI commands (staff, review) do not take it: they may run beside.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirBusy extends Error {
  constructor(dir: string, pid: number) {
    super(
      `store: the data directory ${dir} is in use by another jiuyi process (pid ${pid}). The SQLite store serves one instance; ` +
        'for several instances set MONGODB_URI (see README, "Several instances"), or give this one its own JIUYI_DATA_DIR',
    );
    this.name = 'DataDirBusy';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the data directory for this process; returns the release. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'jiuyi.lock');
  for (let i = 0; i < 3; i++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* gone already */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(readFileSync(file, 'utf8').trim());
      } catch {
        continue;
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirBusy(dir, pid);
      try {
        unlinkSync(file); // left by a process that is gone (or by this one)
      } catch {
        /* another starter removed it first */
      }
    }
  }
  throw new Error(`store: could not take ${file}`);
}
