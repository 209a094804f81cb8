// `npm run -s bench -- --soak`: steady HTTP load on the compiled server with SQLite, then idle, watching
// what must not grow: the write-ahead log (sampled every 200 ms) and the server's resident memory (every
// second). The WAL must stay under its bound (JIUYI_WAL_MAX_MB, default 64) throughout, and be back under
// it after the idle period; the process exits 1 otherwise.
// Options: --duration S of load (default 150), --idle S (default 20), --connections N (default 50),
// --wal-max-mb N (the bound given to the server and checked; default 64).
// Last line: {"soak": {"wal_max_mb", "wal_end_mb", "rss_mb": [one a 10 s], "req_per_s", …, "ok"}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { arg, build, freePort, messageRequests, openConversations, rssMb, serverEnv, startServer, stopChild, waitReady, ROOT } from './server';

const MB = 1024 * 1024;
const round1 = (x: number) => Math.round(x * 10) / 10;
const size = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

export async function run(args: string[]): Promise<void> {
  const duration = Math.min(3600, arg(args, '--duration', 150));
  const idle = Math.min(600, arg(args, '--idle', 20));
  const connections = Math.min(500, arg(args, '--connections', 50));
  const walMaxMb = arg(args, '--wal-max-mb', 64);

  build();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-soak-'));
  const db = path.join(dataDir, 'jiuyi.sqlite');
  const wal = `${db}-wal`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startServer(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], { ...serverEnv(port, dataDir), JIUYI_WAL_MAX_MB: String(walMaxMb) });
  try {
    const readyMs = await waitReady(url, server, 30_000);
    process.stderr.write(`bench soak: ready in ${readyMs} ms (SQLite in ${dataDir}); ${duration} s of load with ${connections} connections, then ${idle} s idle; WAL bound ${walMaxMb} MB\n`);
    const t0 = Date.now();
    let walMax = 0;
    let walMaxAt = 0;
    const rss: number[] = [];
    const walSeries: number[] = [];
    let windowRss = 0;
    let windowWal = 0;
    let phase: 'load' | 'idle' = 'load';
    const walTimer = setInterval(() => {
      const w = size(wal);
      windowWal = Math.max(windowWal, w);
      if (w > walMax) {
        walMax = w;
        walMaxAt = (Date.now() - t0) / 1000;
      }
    }, 200);
    let tick = 0;
    const rssTimer = setInterval(() => {
      windowRss = Math.max(windowRss, rssMb(server.pid) ?? 0);
      if (++tick % 10 === 0) {
        rss.push(windowRss);
        walSeries.push(round1(windowWal / MB));
        process.stderr.write(`bench soak: ${tick} s (${phase}): RSS ${windowRss} MB, WAL up to ${round1(windowWal / MB)} MB, database ${round1(size(db) / MB)} MB\n`);
        windowRss = 0;
        windowWal = 0;
      }
    }, 1000);

    const setupRequest = messageRequests(await openConversations(url));
    const result = await autocannon({
      url,
      connections,
      duration,
      timeout: 10,
      requests: [{ method: 'POST', path: '/api/v1/messages', setupRequest }],
    });
    phase = 'idle';
    await new Promise((r) => setTimeout(r, idle * 1000));
    clearInterval(walTimer);
    clearInterval(rssTimer);
    const walEnd = size(wal);
    const ready = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);

    const half = Math.floor(rss.length / 2);
    const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
    const out = {
      duration_s: duration,
      idle_s: idle,
      connections,
      requests: result.requests.total,
      req_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      non_2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      wal_bound_mb: walMaxMb,
      wal_max_mb: round1(walMax / MB),
      wal_max_at_s: round1(walMaxAt),
      wal_end_mb: round1(walEnd / MB),
      wal_mb: walSeries,
      db_mb: round1(size(db) / MB),
      rss_mb: rss,
      rss_first_half_mb: mean(rss.slice(0, half)),
      rss_second_half_mb: mean(rss.slice(half)),
      readyz_after: ready,
      ok: walMax <= walMaxMb * MB && walEnd <= walMaxMb * MB,
    };
    process.stderr.write(
      `bench soak: ${out.requests} requests (${out.req_per_s}/s, p99 ${out.p99_ms} ms, ${out.non_2xx} non-2xx, ${out.errors} errors); ` +
        `WAL max ${out.wal_max_mb} MB (bound ${walMaxMb} MB), ${out.wal_end_mb} MB after ${idle} s idle; database ${out.db_mb} MB; ` +
        `RSS ${out.rss_first_half_mb} MB on average in the first half, ${out.rss_second_half_mb} MB in the second; ${out.ok ? 'ok' : 'WAL OVER ITS BOUND'}\n`,
    );
    const code = await stopChild(server);
    if (code !== 0) process.stderr.write(`bench soak: the server exited with ${code} on SIGTERM\n`);
    process.stdout.write(`${JSON.stringify({ soak: out })}\n`);
    if (!out.ok) process.exitCode = 1;
  } finally {
    if (server.exitCode === null) await stopChild(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
