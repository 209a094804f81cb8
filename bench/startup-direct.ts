// `npm run -s bench -- --startup`'s first measure: `node dist/src/main.js` (compiled, the start-up cache as the
// build left it) until GET /healthz answers, polled every 10 ms, on a new data directory each run, with the
// CPU the process used by then. `--peer-dir=DIR` alternates each run with another checkout's build (main's,
// for a before/after in the same minutes: the machine is shared), first one then the other.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds, freePort, serverEnv, stopChild, ROOT } from './server';

export interface DirectStart {
  wall_ms: number;
  cpu_ms: number | null;
}

async function healthz(url: string, child: ChildProcess, t0: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`no /healthz within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One start of `root`'s dist/src/main.js, until /healthz. */
export async function directStart(root: string): Promise<DirectStart> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-direct-'));
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, ...serverEnv(port, dataDir), JIUYI_CORE_THREADS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const wall = await healthz(`http://127.0.0.1:${port}`, child, t0);
    const cpu = cpuSeconds(child.pid);
    return { wall_ms: Math.round(wall), cpu_ms: cpu === null ? null : Math.round(cpu * 1000) };
  } finally {
    await stopChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `runs` starts of this checkout (and of `peerDir`'s, alternating), after one unmeasured start of each. */
export async function directStarts(runs: number, peerDir?: string): Promise<{ ours: DirectStart[]; peer: DirectStart[] }> {
  const ours: DirectStart[] = [];
  const peer: DirectStart[] = [];
  await directStart(ROOT);
  if (peerDir) await directStart(peerDir);
  for (let i = 0; i < runs; i++) {
    const pair = [async () => ours.push(await directStart(ROOT)), async () => peerDir && peer.push(await directStart(peerDir))];
    if (i % 2) pair.reverse();
    for (const f of pair) await f();
  }
  return { ours, peer };
}
