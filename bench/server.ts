// What the HTTP benchmarks share: the compiled server started as `npm start` runs it, in its own process on
// a free port of 127.0.0.1, and what /proc tells about that process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..');

/** What residents write: locality, status and need in many forms; a few follow-ups, a few urgent. */
export const MESSAGES = [
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

/** Compiles src/ to dist/ when the sources changed since the last build (as `npm start` does). */
export function build(): void {
  const start = require(path.join(ROOT, 'scripts', 'start.cjs')) as { staleReason(): string | null; build(): number };
  const why = start.staleReason();
  if (!why) return;
  process.stderr.write(`bench: compiling src/ to dist/ (${why})\n`);
  if (start.build() !== 0) throw new Error('bench: the build failed');
}

export async function freePort(): Promise<number> {
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

export async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
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

export function stopChild(child: ChildProcess): Promise<number | null> {
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

export function arg(args: string[], name: string, def: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : def;
  return Number.isFinite(v) && v > 0 ? v : def;
}

/** CPU seconds a process has used (Linux /proc; null elsewhere). */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** Resident memory of a process in MiB (Linux /proc; null elsewhere). */
export function rssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

export const median = <T>(xs: T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;

export function startServer(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The environment of a jiuyi server under benchmark: SQLite in `dataDir`, logs at warn, no channels, and
 * users that may write faster than residents may (the pipeline is measured, not the limiter). */
export function serverEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    JIUYI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JIUYI_RATE_LIMIT: '100000',
    JIUYI_RATE_LIMIT_CLIENT: '1000000',
    MONGODB_URI: '',
    TELEGRAM_BOT_TOKEN: '',
    WECOM_CORP_ID: '',
    WECOM_KF_SECRET: '',
    WECOM_ROBOT_WEBHOOK: '',
  };
}

/** `users` conversations opened on the server (POST /api/v1/conversations): their ids and tokens. Through
 * 10 connections of their own, closed afterwards: fetch's pool would leave dozens open for seconds, and with
 * the load's 50 they would pass the server's limit of connections from one address. */
export async function openConversations(url: string, users = 5000): Promise<{ user: string; token: string }[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  const one = () =>
    new Promise<{ user: string; token: string }>((resolve, reject) => {
      const req = http.request(`${url}/api/v1/conversations`, { method: 'POST', agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as { user: string; token: string }) : reject(new Error(`bench: POST /api/v1/conversations answered ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  const out: { user: string; token: string }[] = [];
  try {
    for (let i = 0; i < users; i += 50) out.push(...(await Promise.all(Array.from({ length: Math.min(50, users - i) }, one))));
  } finally {
    agent.destroy();
  }
  return out;
}

/** autocannon's setupRequest for POST /api/v1/messages: varied messages from the conversations in turn, each
 * with its token and its own message id. */
export function messageRequests(conversations: { user: string; token: string }[]): (req: Record<string, unknown>) => Record<string, unknown> {
  let n = 0;
  return (req) => {
    n += 1;
    const c = conversations[n % conversations.length]!;
    return {
      ...req,
      headers: { 'content-type': 'application/json', 'x-conversation-token': c.token },
      body: JSON.stringify({ user: c.user, text: MESSAGES[n % MESSAGES.length], id: `b-${n}` }),
    };
  };
}
