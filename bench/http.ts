// `npm run -s bench -- --http`: POST /api/v1/messages with persistence, as `npm start` runs it: the
// compiled server (built first) in its own process, SQLite in a temporary data dir, on 127.0.0.1, logs at
// warn. autocannon drives it from this process with 50 connections: varied messages in 5,000 conversations, each
// opened first (POST /api/v1/conversations) for the token its messages carry.
// Side by side, the peer (http-peer.ts: fastify with the same route and body schema, a fixed reply, no
// core, no store) takes the same load, in interleaved rounds, so the figures can be read against what
// this machine's HTTP stack and load generator do on their own. This machine's speed drifts from minute
// to minute (a shared VM), so each figure is the median round.
// --instances N: one instance on SQLite, one and N on MongoDB instead (bench/instances.ts).
// Options: --duration S per round (default 5), --rounds N (default 5), --connections N (default 50),
// --warmup S (default 15).
// Last line: {"http": {"req_per_s", "p50_ms", "p99_ms", "concurrency", …, "peer": {…}, "ratio_to_peer"}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { arg, build, cpuSeconds, freePort, median, messageRequests, openConversations, rssMb, serverEnv, startServer, stopChild, waitReady, ROOT } from './server';

interface Round {
  req_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non_2xx: number;
  errors: number;
  /** CPU time of the server process per request (user + system), when /proc tells it. */
  cpu_us_per_req: number | null;
}

export async function run(args: string[]): Promise<void> {
  // --instances N: SQLite, one MongoDB instance and N on one MongoDB database, side by side (instances.ts)
  if (args.includes('--instances')) return (await import('./instances')).run(args);
  const duration = Math.min(60, arg(args, '--duration', 5));
  const rounds = Math.min(10, arg(args, '--rounds', 5));
  const connections = Math.min(500, arg(args, '--connections', 50));
  const warmup = Math.min(120, arg(args, '--warmup', 15));

  // The server as `npm start` runs it: compiled (incremental, a few seconds when up to date).
  build();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-bench-'));
  const [port, peerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const jiuyi = startServer(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], serverEnv(port, dataDir));
  const peer = startServer(process.execPath, ['--require', require.resolve('tsx/cjs'), path.join(__dirname, 'http-peer.ts')], { PORT: String(peerPort) });
  try {
    const readyMs = await waitReady(url, jiuyi, 30_000);
    await waitReady(peerUrl, peer, 30_000);
    process.stderr.write(`bench http: jiuyi ready in ${readyMs} ms (SQLite in ${dataDir}); ${warmup} s warm-up, then ${rounds} rounds of ${duration} s each, jiuyi and its peer in turn\n`);

    // 5,000 conversations, each with the token its later messages carry
    const request = { method: 'POST' as const, path: '/api/v1/messages', setupRequest: messageRequests(await openConversations(url)) };
    const round = async (target: string, child: ChildProcess, seconds: number, conns: number): Promise<Round> => {
      const cpu0 = cpuSeconds(child.pid);
      const r = await autocannon({ url: target, connections: conns, duration: seconds, requests: [request], timeout: 10 });
      const cpu1 = cpuSeconds(child.pid);
      return {
        req_per_s: Math.round(r.requests.average),
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        requests: r.requests.total,
        non_2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        cpu_us_per_req: cpu0 !== null && cpu1 !== null && r.requests.total ? Math.round(((cpu1 - cpu0) * 1e6) / r.requests.total) : null,
      };
    };
    // Warm-up to a steady state: V8 keeps re-optimising the pipeline for its first ~15 s under load (its
    // compiler threads then cost more CPU a request than the store does), and SQLite's page cache fills.
    await round(url, jiuyi, warmup, connections);
    await round(peerUrl, peer, Math.min(warmup, 3), connections);
    const ours: Round[] = [];
    const theirs: Round[] = [];
    for (let i = 0; i < rounds; i++) {
      ours.push(await round(url, jiuyi, duration, connections));
      theirs.push(await round(peerUrl, peer, duration, connections));
      process.stderr.write(`bench http: round ${i + 1}: jiuyi ${ours[i]!.req_per_s} req/s, peer ${theirs[i]!.req_per_s} req/s\n`);
    }
    const m = median(ours, (r) => r.req_per_s);
    const pm = median(theirs, (r) => r.req_per_s);
    const out = {
      req_per_s: m.req_per_s,
      p50_ms: m.p50_ms,
      p99_ms: m.p99_ms,
      concurrency: connections,
      duration_s: duration,
      warmup_s: warmup,
      rounds: ours.map((r) => r.req_per_s),
      requests: ours.reduce((a, r) => a + r.requests, 0),
      non_2xx: ours.reduce((a, r) => a + r.non_2xx, 0),
      errors: ours.reduce((a, r) => a + r.errors, 0),
      cpu_us_per_req: m.cpu_us_per_req,
      rss_mb: rssMb(jiuyi.pid),
      store: 'sqlite',
      peer: { what: 'fastify, same route and body schema, fixed reply, no core, no store', req_per_s: pm.req_per_s, p50_ms: pm.p50_ms, p99_ms: pm.p99_ms, rounds: theirs.map((r) => r.req_per_s), cpu_us_per_req: pm.cpu_us_per_req },
      ratio_to_peer: Math.round((m.req_per_s / pm.req_per_s) * 100) / 100,
    };
    process.stderr.write(
      `bench http: jiuyi ${out.req_per_s} req/s (median of ${out.rounds.join(', ')}), p50 ${out.p50_ms} ms, p99 ${out.p99_ms} ms, ${out.cpu_us_per_req ?? '?'} µs CPU a request, RSS ${out.rss_mb ?? '?'} MB; ` +
        `peer ${pm.req_per_s} req/s, ${pm.cpu_us_per_req ?? '?'} µs CPU a request; ratio ${out.ratio_to_peer}; ${connections} connections, ${out.requests} requests, ${out.non_2xx} non-2xx, ${out.errors} errors\n`,
    );
    const code = await stopChild(jiuyi);
    if (code !== 0) process.stderr.write(`bench http: the server exited with ${code} on SIGTERM\n`);
    process.stdout.write(`${JSON.stringify({ http: out })}\n`);
  } finally {
    for (const c of [jiuyi, peer]) if (c.exitCode === null) await stopChild(c);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
