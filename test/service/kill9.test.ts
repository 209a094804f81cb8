// A surge of Telegram messages (long polling against the fake Bot API), the service killed with kill -9
// twice while it answers, restarted each time on the same data directory: Telegram delivers again what was
// not confirmed, and every message must be answered. Sends the dead process had in flight may be sent again
// (Telegram has no idempotency key, so a send whose answer was lost cannot be told from one that never
// arrived): those duplicates are counted and reported; they can be at most the sends in flight at a kill.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeTelegram, tg, type FakeTelegram } from '../support/fake-telegram';
import { startService, until, type ServiceProcess } from '../support/service-process';

const UPDATES = 300;
const KILLS = 2;
/** The outbox sends at most this many items at once (src/outbox/worker.ts, batchSize). */
const MAX_IN_FLIGHT = 16;
const QUESTIONS = [
  '我在忻州封控区，需要定期做血液透析，应该去哪家医院？',
  '晋江的密接人员要透析去哪里',
  '烟台封控区孕妇产检去哪',
  '泉秀街道居家护理怎么预约',
  '农村发烧了先去哪里看',
  '家里老人突然胸口疼，喘不上气',
  '你好',
];

jest.setTimeout(120_000);

describe('kill -9 during a Telegram surge', () => {
  let api: FakeTelegram;
  let dir: string;
  let service: ServiceProcess | null = null;
  beforeAll(async () => {
    api = await startFakeTelegram();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-kill9-'));
  });
  afterAll(async () => {
    if (service) await service.kill();
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`answers every one of ${UPDATES} updates across ${KILLS} kills, and reports the duplicates`, async () => {
    const users = Array.from({ length: UPDATES }, (_, i) => 20_000 + i);
    users.forEach((u, i) => api.pushUpdate(tg.text(QUESTIONS[i % QUESTIONS.length]!, { userId: u })));
    const env = {
      JIUYI_DATA_DIR: path.join(dir, 'data'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JIUYI_CORE_THREADS: '0',
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
    };
    const log = path.join(dir, 'service.log');
    const answered = () => new Set(api.messages.map((m) => String(m.chat.id))).size;

    const started = Date.now();
    for (let k = 1; k <= KILLS; k++) {
      service = startService(env, log);
      // killed while it is answering: a third, then two thirds of the way
      await until(() => answered() >= Math.floor((UPDATES * k) / (KILLS + 1)), 60_000, `${k}/${KILLS + 1} of the answers`);
      await service.kill();
      service = null;
    }
    service = startService(env, log);
    await until(() => answered() === UPDATES, 60_000, `every answer (${answered()} of ${UPDATES} so far; log ${fs.readFileSync(log, 'utf8').slice(-2000)})`);
    // anything still to be sent twice has a moment to arrive
    await new Promise((r) => setTimeout(r, 1500));
    expect(await service.stop()).toBe(0);
    service = null;

    const perChat = new Map<string, number>();
    for (const m of api.messages) perChat.set(String(m.chat.id), (perChat.get(String(m.chat.id)) ?? 0) + 1);
    const duplicates = [...perChat.values()].reduce((a, n) => a + n - 1, 0);
    process.stderr.write(
      `kill -9 test: ${UPDATES} updates, ${KILLS} kills, ${answered()} answered in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${duplicates} sent twice (${((duplicates / UPDATES) * 10_000).toFixed(0)} per 10,000)\n`,
    );
    expect(users.every((u) => perChat.has(String(u)))).toBe(true);
    expect(duplicates).toBeLessThanOrEqual(KILLS * MAX_IN_FLIGHT);
  });
});
