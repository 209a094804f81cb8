// The console on MongoDB when the server answers its writes with the error of a race it could not order
// (FerretDB's "deadlock detected", made to happen by a loopback proxy in front of the server:
// test/support/mongo-faults.ts): every staff action — signing in and out, claiming and answering a handed-off
// conversation, live status, review — is tried again and done, once, never a 500; its audit line is written
// once. Through the HTTP API (inject), with real accounts. Runs when MONGODB_URI is set (CI: FerretDB).
import { randomBytes } from 'node:crypto';
import { DOUBLE_FACILITY } from '../support/core-double';
import { dropPrefixed, faultyMongoStore, on, type MongoFaults } from '../support/mongo-faults';
import { buildTestApp, type TestApp } from '../support/service-app';
import { addStaff, signIn, type Signed } from '../support/staff';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)
if (!uri && process.env.JIUYI_REQUIRE_MONGO) throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not');
const json = (r: { body: string }) => JSON.parse(r.body);

(uri ? describe : describe.skip)(`the console on MongoDB when writes lose races${uri ? '' : ' (skipped: MONGODB_URI is not set)'}`, () => {
  jest.setTimeout(60_000);
  const prefix = `cf${randomBytes(4).toString('hex')}_`;
  let faults: MongoFaults;
  let t: TestApp;
  let wang: Signed;
  let boss: Signed;

  beforeAll(async () => {
    const opened = await faultyMongoStore(uri!, prefix);
    faults = opened.faults;
    const store = opened.store;
    t = await buildTestApp({ store });
    await addStaff(t.store, 'wang', { name: '王医生' });
    await addStaff(t.store, 'boss', { name: '张主任', role: 'admin' });
    [wang, boss] = [await signIn(t.app, 'wang'), await signIn(t.app, 'boss')];
  });

  afterAll(async () => {
    await t?.close();
    await faults?.close();
    await dropPrefixed(uri!, prefix);
  });

  /** Runs `action` with each of `lost` answered once with FerretDB's deadlock; checks they were. */
  async function losing<T>(lost: [string, string][], action: () => Promise<T>): Promise<T> {
    const before = faults.injected.length;
    for (const [command, collection] of lost) faults.fail({ when: on(command, collection), times: 1 });
    const r = await action();
    await t.service.settled(); // staff routes are told without being waited for (the claim's and close's audit)
    expect(faults.injected.slice(before).map((i) => `${i.command} ${String(i.collection).slice(prefix.length)}`).sort()).toEqual(lost.map(([c, n]) => `${c} ${n}`).sort());
    faults.clear();
    return r;
  }
  const act = (s: Signed, method: 'POST' | 'PUT', url: string, payload: object = {}) => t.app.inject({ method, url, headers: s.headers, payload });
  const audit = async (action: string) => (await t.store.listAudit({ action })).length;

  it('signs in and out', async () => {
    const other = await losing([['insert', 'staff_sessions']], () => signIn(t.app, 'wang'));
    const out = await losing([['delete', 'staff_sessions']], () => act(other, 'POST', '/api/v1/staff/logout'));
    expect(out.statusCode).toBe(200);
  });

  it('claims, answers, hands over and closes a handed-off conversation; each action audited once', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user: 'sick', text: '忻州 胸痛', channel: 'web' } });
    const id = json(first).ticket.id as string;
    const claim = await losing([['findAndModify', 'tickets'], ['insert', 'audit']], () => act(wang, 'POST', `/api/v1/tickets/${id}/claim`));
    expect(claim.statusCode).toBe(200);
    expect(await audit('claim')).toBe(1); // written by the console's staff route, not dropped
    const reply = await losing([['insert', 'audit'], ['insert', 'messages']], () => act(wang, 'POST', `/api/v1/tickets/${id}/reply`, { text: '救护车已出发' }));
    expect(reply.statusCode).toBe(200);
    expect(await audit('reply')).toBe(1);
    const over = await losing([['insert', 'audit']], () => act(boss, 'POST', `/api/v1/tickets/${id}/reply`, { text: '我来跟进' })); // takes it over
    expect(over.statusCode).toBe(200);
    expect(await audit('transfer')).toBe(1);
    const close = await losing([['findAndModify', 'tickets']], () => act(boss, 'POST', `/api/v1/tickets/${id}/close`, { message: '请保重' }));
    expect(json(close)).toMatchObject({ state: 'closed' });
    expect(await audit('close')).toBe(1);
    expect((await t.store.recentMessages('web', 'sick', 10)).filter((l) => l.from === 'staff').map((l) => l.text)).toEqual(['救护车已出发', '我来跟进', '请保重']);
  });

  it('sets and clears a facility’s live status', async () => {
    const set = await losing([['update', 'facility_status'], ['insert', 'audit']], () => act(wang, 'PUT', `/api/v1/status/facilities/${DOUBLE_FACILITY}`, { state: 'full', load: 'red' }));
    expect(set.statusCode).toBe(200);
    const clear = await losing([['delete', 'facility_status']], () => act(wang, 'PUT', `/api/v1/status/facilities/${DOUBLE_FACILITY}`, { state: 'open' }));
    expect(clear.statusCode).toBe(200);
    expect((await t.store.getStatus()).facilities[DOUBLE_FACILITY]).toBeUndefined();
    expect(await audit('status')).toBe(2);
  });

  it('sends a false alarm to review and marks it', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user: 'scared', text: '忻州 胸痛', channel: 'web' } });
    const id = json(first).ticket.id as string;
    const alarm = await losing([['insert', 'review'], ['insert', 'audit']], () => act(wang, 'POST', `/api/v1/tickets/${id}/false-alarm`));
    expect(alarm.statusCode).toBe(200);
    const item = json(alarm).review as string;
    const mark = await losing([['findAndModify', 'review'], ['insert', 'audit']], () => act(wang, 'POST', `/api/v1/review/${item}`, { verdict: 'fine' }));
    expect(mark.statusCode).toBe(200);
    expect((await t.store.listReviewItems({ state: 'reviewed' })).map((i) => i.verdict)).toEqual(['fine']);
    expect(await audit('review')).toBe(1);
  });
});
