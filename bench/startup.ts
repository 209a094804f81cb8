// `npm run -s bench -- --startup`: `npm start` (scripts/start.cjs, dist/ up to date) until /readyz answers,
// on a new data directory each time; then, with one core worker thread (JIUYI_CORE_THREADS=1) given two
// seconds to load its core, the first replies in traditional script and in simplified script, each from a
// new conversation, and the next ones (the first traditional reply used to wait for OpenCC's tables).
// First, `node dist/src/main.js` to /healthz (startup-direct.ts; --peer-dir=DIR alternates with another build).
// Options: --runs N (default 3). Last line: {"startup": {"healthz_ms": …, "ready_ms": [...], "first_traditional_ms", …}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, build, freePort, median, serverEnv, startServer, stopChild, waitReady, ROOT } from './server';
import { directStarts, type DirectStart } from './startup-direct';
import { machine } from './measure';

const summary = (xs: DirectStart[]) =>
  xs.length ? { wall_ms: xs.map((x) => x.wall_ms), median_wall_ms: median(xs, (x) => x.wall_ms).wall_ms, median_cpu_ms: median(xs, (x) => x.cpu_ms ?? 0).cpu_ms } : null;

async function timed(url: string, user: string, text: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text }) });
  await res.text();
  if (!res.ok) throw new Error(`bench startup: ${res.status}`);
  return Math.round((performance.now() - t0) * 10) / 10;
}

export async function run(args: string[]): Promise<void> {
  const runs = Math.min(10, arg(args, '--runs', 3));
  build();
  const peerDir = args.find((a) => a.startsWith('--peer-dir='))?.slice('--peer-dir='.length);
  const direct = await directStarts(Math.max(runs, 5), peerDir);
  const healthz = summary(direct.ours);
  const peer = summary(direct.peer);
  process.stderr.write(
    `bench startup: node dist/src/main.js to /healthz ${healthz?.median_wall_ms} ms (median of ${healthz?.wall_ms.join(', ')}), ${healthz?.median_cpu_ms} ms of CPU` +
      (peer ? `; ${peerDir}: ${peer.median_wall_ms} ms (${peer.wall_ms.join(', ')}), ${peer.median_cpu_ms} ms of CPU, alternating` : '') +
      `; load average ${machine().loadavg.join(' ')}\n`,
  );
  const ready: number[] = [];
  const replies: { trad1: number; trad2: number; simp1: number; simp2: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-startup-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const t0 = Date.now();
    const child = startServer(process.execPath, [path.join(ROOT, 'scripts', 'start.cjs')], { ...serverEnv(port, dataDir), JIUYI_CORE_THREADS: '1' });
    try {
      await waitReady(url, child, 60_000);
      ready.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 2000)); // the worker loads its core
      replies.push({
        trad1: await timed(url, `t${i}a`, '請問忻州封控區洗腎去哪家醫院'),
        trad2: await timed(url, `t${i}b`, '請問晉江隔離人員化療去哪家醫院'),
        simp1: await timed(url, `s${i}a`, '我在忻州封控区，要做透析，去哪家医院？'),
        simp2: await timed(url, `s${i}b`, '晋江的密接人员要透析去哪里'),
      });
      process.stderr.write(`bench startup: run ${i + 1}: ready in ${ready[i]} ms; first traditional reply ${replies[i]!.trad1} ms, next ${replies[i]!.trad2} ms\n`);
    } finally {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const m = (k: keyof (typeof replies)[number]) => median(replies, (r) => r[k])[k];
  const out = {
    healthz,
    ...(peer ? { peer: { dir: peerDir, ...peer } } : {}),
    method: 'node dist/src/main.js until GET /healthz (polled every 10 ms), one unmeasured start first, medians; CPU of the process by then from /proc; with --peer-dir the two builds alternate',
    machine: machine(),
    runs,
    ready_ms: ready,
    ready_median_ms: median(ready, (x) => x),
    first_traditional_ms: m('trad1'),
    next_traditional_ms: m('trad2'),
    first_simplified_ms: m('simp1'),
    next_simplified_ms: m('simp2'),
  };
  process.stderr.write(
    `bench startup: npm start ready in ${out.ready_median_ms} ms (median of ${ready.join(', ')}); replies through HTTP with a core worker: ` +
      `traditional ${out.first_traditional_ms} ms first, ${out.next_traditional_ms} ms next; simplified ${out.first_simplified_ms} / ${out.next_simplified_ms} ms\n`,
  );
  process.stdout.write(`${JSON.stringify({ startup: out })}\n`);
}
