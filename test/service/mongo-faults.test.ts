// The Telegram webhook of an instance on MongoDB when the server answers its writes with the error of a race
// it could not order (FerretDB's "deadlock detected", made to happen by a loopback proxy in front of the
// server: test/support/mongo-faults.ts): a message that has been recorded is never answered 500 — a race
// lost now and then is tried again and the user answered at once; one lost again and again leaves the
// message to the recovery sweep, which answers it. Runs when MONGODB_URI is set (CI: FerretDB).
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { connectMongo } from '../../src/store/mongo';
import { migrateMongo } from '../../src/store/mongo-migrate';
import { realCore } from '../support/core';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram';
import { on, startMongoFaults, type MongoFaults } from '../support/mongo-faults';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)
if (!uri && process.env.JIUYI_REQUIRE_MONGO) throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not');
const SECRET = 'faults-secret';
const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

(uri ? describe : describe.skip)(`a webhook on MongoDB when writes lose races${uri ? '' : ' (skipped: MONGODB_URI is not set)'}`, () => {
  jest.setTimeout(60_000);
  const dbName = `jiuyi_faults_${randomBytes(3).toString('hex')}`;
  let tg: FakeTelegram;
  let faults: MongoFaults;
  let app: Running;

  beforeAll(async () => {
    const conn = await connectMongo({ uri: uri!, dbName });
    await migrateMongo(conn, { retentionDays: 30 });
    await conn.close();
    tg = await startFakeTelegram();
    faults = await startMongoFaults(uri!);
    app = await start({
      env: {
        MONGODB_URI: `${faults.uri.replace(/\/?$/, '/')}${dbName}`,
        JIUYI_DATA_KEY: 'cd'.repeat(32),
        JIUYI_INSTANCE: 'faults',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        JIUYI_CORE_THREADS: '0',
        JIUYI_RULES_WATCH: '0',
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      logger: silent,
      core: await realCore(),
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await tg?.close();
    await faults?.close();
    const conn = await connectMongo({ uri: uri!, dbName });
    await conn.db!.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  const webhook = async (id: number, chat: number, text: string) =>
    (
      await fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({
          update_id: id,
          message: { message_id: id, from: { id: chat, is_bot: false, first_name: 'R' }, chat: { id: chat, type: 'private' }, date: Math.floor(Date.now() / 1000), text },
        }),
      })
    ).status;
  const answers = (chat: number) => tg.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === chat);

  it('answers 200 and the user once when marking the message processed loses a race twice', async () => {
    const before = faults.injected.length;
    faults.fail({ when: on('findAndModify', 'inbound'), times: 2 });
    expect(await webhook(1001, 610_001, '我在忻州，透析去哪')).toBe(200);
    expect(faults.injected.length - before).toBe(2);
    await tg.waitFor(() => answers(610_001).length >= 1 || undefined, 20_000);
    expect((await app.store.inboundOutcome('telegram', '1001'))?.processed).toBe(true);
    expect(await webhook(1001, 610_001, '我在忻州，透析去哪')).toBe(200); // Telegram delivering it again
    await new Promise((r) => setTimeout(r, 1500));
    expect(answers(610_001)).toHaveLength(1);
  });

  it('answers 200 when a recorded message keeps losing races, and the recovery sweep answers it', async () => {
    faults.fail({ when: on('findAndModify', 'inbound'), times: 1000 });
    expect(await webhook(1002, 610_002, '我在忻州，透析去哪')).toBe(200);
    expect(await app.store.inboundOutcome('telegram', '1002')).toEqual({ processed: false, outcome: null }); // kept, not marked
    // the races end; the sweep (every minute in main.ts, for messages a minute old) takes it up
    faults.clear();
    await app.service.recover({ olderThanMs: 0 });
    await tg.waitFor(() => answers(610_002).length >= 1 || undefined, 20_000);
    expect((await app.store.inboundOutcome('telegram', '1002'))?.processed).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(answers(610_002)).toHaveLength(1);
  });
});
