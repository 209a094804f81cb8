// `npm run -s bench -- --http --instances N`: the HTTP benchmark's load (POST /api/v1/messages, varied
// messages in 5,000 conversations) against one jiuyi on SQLite, one on MongoDB, and N on one MongoDB
// database, side by side in one run. The N instances are N processes of the compiled server; the load is
// spread over them as a round-robin load balancer would (nothing sticky: any instance answers any
// conversation), one autocannon per instance with its share of the connections, their rates summed.
// MongoDB: MONGODB_URI, else FerretDB from ../shared/tools/ferretdb (bench/mongo-server.ts).
// Options: --instances N (2), --duration S per measured round (5), --warmup S (10), --connections N (50).
// Last line: {"instances": {"sqlite_1": {…}, "mongo_1": {…}, "mongo_N": {…}, "mongo_scaling": r}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { benchMongo } from './mongo-server';
import { arg, build, freePort, messageRequests, openConversations, serverEnv, startServer, stopChild, waitReady, ROOT } from './server';

interface Figures {
  instances: number;
  store: 'sqlite' | 'mongo';
  req_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non_2xx: number;
  errors: number;
}

const DATA_KEY = 'cd'.repeat(32);

async function measure(store: 'sqlite' | 'mongo', n: number, mongoUri: string | null, o: { duration: number; warmup: number; connections: number }): Promise<Figures> {
  const dataDirs: string[] = [];
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const port = await freePort();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-bench-'));
      dataDirs.push(dir);
      const env = { ...serverEnv(port, dir), ...(mongoUri ? { MONGODB_URI: mongoUri, JIUYI_DATA_KEY: DATA_KEY } : {}), JIUYI_INSTANCE: `bench-${i + 1}` };
      children.push(startServer(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], env));
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 0; i < n; i++) await waitReady(urls[i]!, children[i]!, 30_000);
    const conversations = await openConversations(urls[0]!, 5000);
    const per = Math.max(1, Math.floor(o.connections / n));
    const load = async (seconds: number) => {
      const rs = await Promise.all(
        urls.map((url) => autocannon({ url, connections: per, duration: seconds, requests: [{ method: 'POST', path: '/api/v1/messages', setupRequest: messageRequests(conversations) }], timeout: 10 })),
      );
      const total = rs.reduce((a, r) => a + r.requests.total, 0);
      return {
        req_per_s: Math.round(rs.reduce((a, r) => a + r.requests.average, 0)),
        p50_ms: Math.max(...rs.map((r) => r.latency.p50)),
        p99_ms: Math.max(...rs.map((r) => r.latency.p99)),
        requests: total,
        non_2xx: rs.reduce((a, r) => a + r.non2xx, 0),
        errors: rs.reduce((a, r) => a + r.errors + r.timeouts, 0),
      };
    };
    await load(o.warmup);
    const r = await load(o.duration);
    const f: Figures = { instances: n, store, ...r };
    process.stderr.write(`bench instances: ${n} × ${store}: ${f.req_per_s} req/s, p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms (slowest instance), ${f.requests} requests, ${f.non_2xx} non-2xx, ${f.errors} errors\n`);
    return f;
  } finally {
    for (const c of children) if (c.exitCode === null) await stopChild(c);
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const n = Math.max(2, Math.min(8, arg(args, '--instances', 2)));
  const o = { duration: Math.min(60, arg(args, '--duration', 5)), warmup: Math.min(60, arg(args, '--warmup', 10)), connections: Math.min(500, arg(args, '--connections', 50)) };
  build();
  const sqlite = await measure('sqlite', 1, null, o);
  const mongo = await benchMongo('jiuyi_bench');
  try {
    const one = await measure('mongo', 1, mongo.uri, o);
    const many = await measure('mongo', n, mongo.uri, o);
    const out = { sqlite_1: sqlite, mongo_1: one, [`mongo_${n}`]: many, mongo_scaling: Math.round((many.req_per_s / one.req_per_s) * 100) / 100, cores: os.availableParallelism() };
    process.stderr.write(
      `bench instances: SQLite, 1 instance ${sqlite.req_per_s} req/s | MongoDB, 1 instance ${one.req_per_s} req/s | MongoDB, ${n} instances ${many.req_per_s} req/s (×${out.mongo_scaling}) on ${out.cores} cores, load generator included\n`,
    );
    process.stdout.write(`${JSON.stringify({ instances: out })}\n`);
  } finally {
    await mongo.close();
  }
}
