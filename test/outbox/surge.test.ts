// A scaled-down surge through the whole service (real core, SQLite, the outbox as `npm start` runs it) to a
// fake Telegram on loopback: 150 residents in 3 s, one in ten urgent. Every message answered, no sliding
// second over Telegram's 30 messages, no chat sent to twice within a second, urgent replies first: ahead of
// ordinary ones already waiting (50 a second in against 30 out makes a queue whatever the machine), and
// seldom behind one written after them. How fast is `npm run -s bench -- --surge`'s to say, not a test's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { realCore } from '../support/core';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram';
import { runSurge } from '../support/surge';

const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

describe('a surge of Telegram messages', () => {
  jest.setTimeout(60_000);
  let tg: FakeTelegram;
  let running: Running;
  let dir: string;
  beforeAll(async () => {
    tg = await startFakeTelegram();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-surge-'));
    running = await start({
      env: {
        JIUYI_DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        JIUYI_CORE_THREADS: '0',
        JIUYI_RULES_WATCH: '0',
        JIUYI_MAX_CONNECTIONS_PER_IP: '0',
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_SECRET: 'surge-secret',
      },
      logger: silent,
      core: await realCore(),
    });
  });
  afterAll(async () => {
    await running?.stop();
    await tg?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers everyone within the platform limits, urgent first', async () => {
    // (written after it: a quarter of a second or more later — on a loaded machine, as CI's is with every suite
    // running beside this one, posts closer than that reach the service in either order. Counted from the first post,
    // 16–75 of ~940 pairs fell "behind" in five CI runs, over the 5% bar in the last; with three busy loops beside it
    // here, 3–4 counted so and none a quarter of a second on)
    const f = await runSurge(tg, { targets: [running.url], secret: 'surge-secret', updates: 150, overMs: 3000, urgentEvery: 10, timeoutMs: 40_000, laterBy: 250 });
    console.log(`surge: ${JSON.stringify(f)}`);
    expect(f).toMatchObject({ unanswered: 0, http_5xx: 0, violations_overall: 0, violations_per_chat: 0 });
    expect(f.busiest_second).toBeLessThanOrEqual(30);
    expect(f.urgent_ahead).toBeGreaterThan(0);
    expect(f.urgent_behind).toBeLessThanOrEqual(f.later_pairs * 0.05);
    expect(f.urgent_p50_ms).toBeLessThan(f.other_p50_ms);
  });
});
