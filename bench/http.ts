// `npm run -s bench -- --http`: POST /api/v1/messages with persistence, as `npm start` runs it.
// The server runs in its own process (src/main.ts, SQLite in a temporary data dir, 127.0.0.1) and
// autocannon drives it from this one with 50 connections for ~10 s: varied messages from many users.
// Options: --duration S (default 10), --connections N (default 50).
// Last line: {"http": {"req_per_s", "p50_ms", "p99_ms", "concurrency", …}}.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = path.join(__dirname, '..');

/** What residents write: locality, status and need in many forms; a few follow-ups, a few urgent. */
const MESSAGES = [
  '我在忻州封控区，需要定期做血液透析，应该去哪家医院？',
  '忻州管控区的孕妇要去医院产检，定点医院是哪几家？',
  '我们在忻府区，小区被封了，孩子发烧了去哪看',
  '晋江的密接人员要透析去哪里',
  '晋江市特定对象看急诊怎么办',
  '泉秀街道居家护理怎么预约',
  '丰泽区泉秀街道有没有夜诊',
  '烟台封控区孕妇产检去哪',
  '龙口蓝码是什么意思',
  '农村发烧了先去哪里看',
  '那孕妇呢',
  '要是定点医院满了呢',
  '陪护有什么要求',
  '需要核酸证明吗',
  '我在晋江，老人需要开药',
  '忻州 肿瘤 放化疗 去哪',
  '請問忻州封控區洗腎去哪家醫院',
  '帮居民问一下，晋江隔离人员分娩去哪家医院',
  '转人工',
  '家里老人突然胸口疼，喘不上气',
  '我没有胸痛，只是想问透析',
  '你好',
  '今天天气怎么样',
  '我在烟台，管控区的人看病要怎么出去',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return Date.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(force);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

function arg(args: string[], name: string, def: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : def;
  return Number.isFinite(v) && v > 0 ? v : def;
}

export async function run(args: string[]): Promise<void> {
  const duration = Math.min(60, arg(args, '--duration', 10));
  const connections = Math.min(500, arg(args, '--connections', 50));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      JIUYI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // the benchmark's users write faster than residents may: measure the pipeline, not the limiter
      JIUYI_RATE_LIMIT: '100000',
      MONGODB_URI: '',
      TELEGRAM_BOT_TOKEN: '',
      WECOM_CORP_ID: '',
      WECOM_KF_SECRET: '',
      WECOM_ROBOT_WEBHOOK: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const readyMs = await waitReady(url, child, 30_000);
    process.stderr.write(`bench http: server ready in ${readyMs} ms (SQLite in ${dataDir})\n`);

    let n = 0;
    const users = 5000;
    const body = () => {
      n += 1;
      return JSON.stringify({ user: `bench-${n % users}`, text: MESSAGES[n % MESSAGES.length], id: `b-${n}` });
    };
    const request = {
      method: 'POST' as const,
      path: '/api/v1/messages',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }),
    };
    // warm-up: JIT, SQLite page cache
    await autocannon({ url, connections: 10, duration: 1, requests: [request] });
    const result = await autocannon({ url, connections, duration, requests: [request], timeout: 10 });

    const out = {
      req_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      concurrency: connections,
      duration_s: duration,
      requests: result.requests.total,
      non_2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      store: 'sqlite',
    };
    process.stderr.write(
      `bench http: ${out.req_per_s} req/s, p50 ${out.p50_ms} ms, p99 ${out.p99_ms} ms, ${connections} connections, ${out.requests} requests, ${out.non_2xx} non-2xx, ${out.errors} errors\n`,
    );
    const code = await stopChild(child);
    if (code !== 0) process.stderr.write(`bench http: the server exited with ${code} on SIGTERM\n`);
    process.stdout.write(`${JSON.stringify({ http: out })}\n`);
  } finally {
    if (child.exitCode === null) await stopChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
