// `npm run -s bench -- --surge`: a lockdown announced, scaled down and bounded: --updates N Telegram messages
// (default 600) from as many residents within --over S seconds (default 10), one in ten urgent, to jiuyi's
// webhook as `npm start` runs it (SQLite; --instances N: N instances on one MongoDB database, the updates
// spread over them), replies going to a fake Telegram on loopback. Reports what the platform would see:
// every message answered?, sliding-second violations of Telegram's 30 a second overall and 1 a second a chat
// (goal 0), urgent replies' p50/p99 from the webhook to Telegram (goal p99 < 2 s), the others' p99.
// Gives up waiting for replies after --timeout S (default 120).
// Last line: {"surge": {…}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../src/log';
import { start, type Running } from '../src/main';
import { loadCore } from '../src/core/load';
import { startFakeTelegram } from '../test/support/fake-telegram';
import { runSurge } from '../test/support/surge';
import { benchMongo, type BenchMongo } from './mongo-server';
import { arg } from './server';

const SECRET = 'bench-surge';

export async function run(args: string[]): Promise<void> {
  const updates = Math.max(10, Math.min(5000, arg(args, '--updates', 600)));
  const over = Math.max(1, Math.min(60, arg(args, '--over', 10)));
  const n = Math.max(1, Math.min(4, arg(args, '--instances', 1)));
  const timeoutS = Math.min(600, arg(args, '--timeout', 120));
  const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const tg = await startFakeTelegram();
  const core = await loadCore();
  const mongo: BenchMongo | null = n > 1 ? await benchMongo('jiuyi_surge') : null;
  const dirs: string[] = [];
  const running: Running[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-surge-'));
      dirs.push(dir);
      running.push(
        await start({
          env: {
            JIUYI_DATA_DIR: dir,
            ...(mongo ? { MONGODB_URI: mongo.uri, JIUYI_DATA_KEY: 'ef'.repeat(32) } : {}),
            JIUYI_INSTANCE: `surge-${i + 1}`,
            PORT: '0',
            HOST: '127.0.0.1',
            LOG_LEVEL: 'silent',
            JIUYI_RULES_WATCH: '0',
            JIUYI_MAX_CONNECTIONS_PER_IP: '0',
            TELEGRAM_BOT_TOKEN: tg.token,
            TELEGRAM_API_ROOT: tg.apiRoot,
            TELEGRAM_WEBHOOK_SECRET: SECRET,
          },
          logger: silent,
          core,
        }),
      );
    }
    if (n > 1) await new Promise((r) => setTimeout(r, 1500)); // the instances see each other (heartbeats)
    process.stderr.write(`bench surge: ${updates} Telegram updates within ${over} s to ${n} instance(s) on ${mongo ? 'MongoDB' : 'SQLite'}, one in ten urgent\n`);
    const f = await runSurge(tg, { targets: running.map((r) => r.url), secret: SECRET, updates, overMs: over * 1000, urgentEvery: 10, timeoutMs: timeoutS * 1000 });
    const out = { ...f, instances: n, store: mongo ? 'mongo' : 'sqlite' };
    process.stderr.write(
      `bench surge: ${f.answered}/${f.updates} answered in ${f.drained_s} s, ${f.http_5xx} 5xx; busiest second ${f.busiest_second} sends (limit 30), ` +
        `${f.violations_overall} overall and ${f.violations_per_chat} per-chat sliding-second violations; urgent p50 ${f.urgent_p50_ms} ms, p99 ${f.urgent_p99_ms} ms; others p50 ${f.other_p50_ms} ms, p99 ${f.other_p99_ms} ms; urgent ahead of ${f.urgent_ahead} earlier, behind ${f.urgent_behind} of ${f.later_pairs} later\n`,
    );
    process.stdout.write(`${JSON.stringify({ surge: out })}\n`);
  } finally {
    for (const r of running) await r.stop().catch(() => undefined);
    await tg.close();
    await mongo?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}
