// The service as `npm start` runs it, in a child process (from the sources, through tsx), for tests that
// kill it: `kill()` is a kill -9, `stop()` a SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
  kill(): Promise<void>;
  stop(): Promise<number | string | null>;
}

/** Starts src/main.ts with `env` (over a clean environment: nothing of this process's JIUYI_*, TELEGRAM_*…);
 * stderr and stdout go to `logFile`. */
export function startService(env: Record<string, string>, logFile: string): ServiceProcess {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resolves when `check()` is true, polling every 10 ms; rejects after `ms` with `what`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
