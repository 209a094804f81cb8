// POST /api/v1/messages on MongoDB when the server answers the turn's writes with the error of a race it
// could not order, again and again (FerretDB's "deadlock detected", made to happen by a loopback proxy in
// front of the server: test/support/mongo-faults.ts): a message that has been recorded is never answered
// 500. It is answered 503 message_kept with Retry-After and kept; a retry with the same id gets its answer
// (once), and unasked the recovery sweep puts it in the mailbox. Through inject, with the core double.
// Runs when MONGODB_URI is set (CI: FerretDB).
import { randomBytes } from 'node:crypto';
import { createCoreDouble } from '../support/core-double';
import { dropPrefixed, faultyMongoStore, on, type MongoFaults } from '../support/mongo-faults';
import { buildTestApp, type TestApp } from '../support/service-app';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)
if (!uri && process.env.JIUYI_REQUIRE_MONGO) throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not');
const json = (r: { body: string }) => JSON.parse(r.body);

(uri ? describe : describe.skip)(`POST /api/v1/messages on MongoDB when writes keep losing races${uri ? '' : ' (skipped: MONGODB_URI is not set)'}`, () => {
  jest.setTimeout(60_000);
  const prefix = `mf${randomBytes(4).toString('hex')}_`;
  const core = createCoreDouble();
  let faults: MongoFaults;
  let t: TestApp;

  beforeAll(async () => {
    const opened = await faultyMongoStore(uri!, prefix);
    faults = opened.faults;
    const store = opened.store;
    t = await buildTestApp({ store, core });
  });

  afterAll(async () => {
    await t?.close();
    await faults?.close();
    await dropPrefixed(uri!, prefix);
  });

  const tokens = new Map<string, string>();
  const post = async (user: string, id: string, text: string) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user, id, text }, headers: tokens.has(user) ? { 'x-conversation-token': tokens.get(user)! } : {} });
    if (r.headers['x-conversation-token']) tokens.set(user, String(r.headers['x-conversation-token']));
    return r;
  };
  /** Marking the message processed loses every race (retryRaces gives up after its six tries). */
  const losingEveryRace = () => faults.fail({ when: on('findAndModify', 'inbound'), times: 1000 });

  it('answers 503 message_kept with Retry-After, keeps the message, and answers the retry with the same id once', async () => {
    losingEveryRace();
    const r = await post('k1', 'k1-m1', '忻州 透析');
    faults.clear();
    expect(r.statusCode).toBe(503);
    expect(json(r).error).toMatchObject({ code: 'message_kept' });
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.store.inboundOutcome('api', 'k1-m1')).toEqual({ processed: false, outcome: null }); // kept
    const retry = await post('k1', 'k1-m1', '忻州 透析');
    expect(retry.statusCode).toBe(200);
    expect(json(retry)).toMatchObject({ duplicate: true, text: expect.stringContaining('忻州市') });
    const again = await post('k1', 'k1-m1', '忻州 透析'); // the answer kept, not a third turn
    expect(json(again)).toEqual(json(retry));
    expect((await t.store.recentMessages('api', 'k1', 10)).filter((l) => l.from === 'user')).toHaveLength(1);
  });

  it('leaves a message nobody asks again for to the recovery sweep, which puts its answer in the mailbox', async () => {
    losingEveryRace();
    expect((await post('k2', 'k2-m1', '忻州 透析')).statusCode).toBe(503);
    faults.clear();
    t.clock.now = Date.now() + 1000; // the service's clock (fixed in the test app) after the message was sent
    await t.service.recover({ olderThanMs: 0 });
    for (const item of await t.store.claimDue('api', t.clock.now + 1000, 10, 1000)) await t.registry.sender('api')!.send(item);
    const box = await t.app.inject({ method: 'GET', url: '/api/v1/messages?user=k2', headers: { 'x-conversation-token': tokens.get('k2')! } });
    expect(json(box).messages).toEqual([expect.objectContaining({ text: expect.stringContaining('忻州市') })]);
    expect((await t.store.inboundOutcome('api', 'k2-m1'))?.processed).toBe(true);
  });
});
