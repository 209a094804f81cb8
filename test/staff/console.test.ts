// The console's actions through the HTTP API (inject), with real accounts: the inbox order and words, who
// may reply, transfer, close with a closing message, live status with its author, review and its audit.
import { auth, buildTestApp, type TestApp } from '../support/service-app';
import { DOUBLE_FACILITY } from '../support/core-double';
import { addStaff, signIn, type Signed } from '../support/staff';

let t: TestApp;
let wang: Signed, li: Signed, boss: Signed;
const json = (r: { body: string }) => JSON.parse(r.body);
const tokens = new Map<string, string>();

async function say(user: string, text: string) {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user, text, channel: 'web' }, headers: tokens.has(user) ? { 'x-conversation-token': tokens.get(user)! } : {} });
  if (r.headers['x-conversation-token']) tokens.set(user, String(r.headers['x-conversation-token']));
  return json(r);
}
/** What the outbox worker does for the web chat: every due item into the mailbox. */
async function deliver() {
  for (;;) {
    const items = await t.store.claimDue('web', t.clock.now, 10, 1000);
    if (!items.length) return;
    for (const item of items) {
      await t.registry.sender('web')!.send(item);
      await t.store.markSent(item.id, t.clock.now);
    }
  }
}
const act = (s: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

beforeEach(async () => {
  t = await buildTestApp();
  tokens.clear();
  await addStaff(t.store, 'wang', { name: '王医生' });
  await addStaff(t.store, 'li', { name: '李护士' });
  await addStaff(t.store, 'boss', { name: '张主任', role: 'admin' });
  [wang, li, boss] = await Promise.all([signIn(t.app, 'wang'), signIn(t.app, 'li'), signIn(t.app, 'boss')]);
});
afterEach(async () => {
  await t.close();
});

it('lists urgent tickets first, then the longest waiting, with the locality, reason and holder in words', async () => {
  for (const [u, place] of [['a', '忻州'], ['b', '晋江'], ['c', '忻州']]) await say(u!, place!);
  await say('a', '转人工');
  t.clock.now += 1000;
  await say('b', '转人工');
  t.clock.now += 1000;
  await say('c', '胸痛');
  const list = json(await act(wang, 'GET', '/api/v1/tickets')).tickets;
  expect(list.map((x: { user: string }) => x.user)).toEqual(['c', 'a', 'b']);
  expect(list[0]).toMatchObject({ urgent: true, localityName: '忻州市', reasonText: '紧急情况：胸痛、胸闷（疑似心梗）', channel: 'web' });
  expect(list[1]).toMatchObject({ reasonText: '用户要求转人工', localityName: '忻州市' });
  await act(wang, 'POST', `/api/v1/tickets/${list[1].id}/claim`, {});
  const after = json(await act(li, 'GET', '/api/v1/tickets')).tickets;
  expect(after.find((x: { id: string }) => x.id === list[1].id)).toMatchObject({ state: 'claimed', claimedBy: 'wang', claimedByName: '王医生' });
});

it('lets only the holder reply, an administrator take over, transfers, and closes with a message the user receives', async () => {
  await say('u', '忻州 胸痛');
  const [tk] = json(await act(wang, 'GET', '/api/v1/tickets')).tickets;
  expect((await act(wang, 'POST', `/api/v1/tickets/${tk.id}/claim`, {})).statusCode).toBe(200);
  const refused = await act(li, 'POST', `/api/v1/tickets/${tk.id}/reply`, { text: '我来回答' });
  expect(refused.statusCode).toBe(409);
  expect(json(refused).error).toMatchObject({ code: 'ticket_held', detail: expect.stringContaining('王医生') });
  expect((await act(li, 'POST', `/api/v1/tickets/${tk.id}/close`, {})).statusCode).toBe(409);
  expect((await act(li, 'POST', `/api/v1/tickets/${tk.id}/transfer`, { to: 'li' })).statusCode).toBe(409);

  const replied = json(await act(wang, 'POST', `/api/v1/tickets/${tk.id}/reply`, { text: '已联系120，电话0350-3301599' }));
  expect(replied.lastMessages.at(-1)).toMatchObject({ from: 'staff', text: '已联系120，电话[电话]' }); // kept redacted
  // the user's page gets it with the staff member's display name
  await deliver();
  const box = json(await t.app.inject({ method: 'GET', url: '/api/v1/messages?channel=web&user=u', headers: { 'x-conversation-token': tokens.get('u')! } }));
  expect(box.messages).toEqual([expect.objectContaining({ kind: 'staff', staff: '王医生', text: '已联系120，电话0350-3301599' })]);

  expect(json(await act(wang, 'POST', `/api/v1/tickets/${tk.id}/transfer`, { to: 'li' }))).toMatchObject({ claimedBy: 'li', claimedByName: '李护士' });
  expect((await act(wang, 'POST', `/api/v1/tickets/${tk.id}/reply`, { text: 'x' })).statusCode).toBe(409);
  expect((await act(wang, 'POST', `/api/v1/tickets/${tk.id}/transfer`, { to: 'nobody' })).statusCode).toBe(409);
  expect((await act(li, 'POST', `/api/v1/tickets/${tk.id}/transfer`, { to: 'nobody' })).statusCode).toBe(404);
  // an administrator may answer anyway, and takes the ticket over
  expect(json(await act(boss, 'POST', `/api/v1/tickets/${tk.id}/reply`, { text: '主任接手' }))).toMatchObject({ claimedBy: 'boss' });

  const closed = json(await act(boss, 'POST', `/api/v1/tickets/${tk.id}/close`, { message: '本次服务结束，祝早日康复。' }));
  expect(closed.state).toBe('closed');
  await deliver();
  const after = json(await t.app.inject({ method: 'GET', url: '/api/v1/messages?channel=web&user=u', headers: { 'x-conversation-token': tokens.get('u')! } }));
  expect(after.messages.map((m: { kind: string; staff?: string; text: string }) => [m.kind, m.staff, m.text])).toEqual([
    ['staff', '张主任', '主任接手'],
    ['closed', '张主任', '本次服务结束，祝早日康复。'],
  ]);
  // the bot answers again
  expect((await say('u', '忻州')).text).toContain('忻州市');

  await t.service.settled();
  const audit = json(await act(wang, 'GET', '/api/v1/audit')).entries.map((e: { actor: string; action: string }) => `${e.actor}:${e.action}`);
  expect(audit.reverse()).toEqual(['wang:claim', 'wang:reply', 'wang:transfer', 'boss:transfer', 'boss:reply', 'boss:close']);
});

it('changes live status in one request, shown with its author, in the answers at once and in /metrics claims', async () => {
  await say('s', '忻州');
  const put = await act(wang, 'PUT', `/api/v1/status/facilities/${DOUBLE_FACILITY}`, { state: 'full' });
  expect(put.statusCode).toBe(200);
  expect((await say('s', '透析去哪')).text).toContain('备用医院');
  const { facilities } = json(await act(li, 'GET', '/api/v1/facilities'));
  expect(facilities).toEqual([expect.objectContaining({ id: DOUBLE_FACILITY, state: 'full', changedBy: 'wang', changedByName: '王医生', localityName: '忻州市' })]);
  const [entry] = json(await act(li, 'GET', '/api/v1/audit?action=status')).entries;
  expect(entry).toMatchObject({ actor: 'wang', actorName: '王医生', target: DOUBLE_FACILITY, detail: { state: 'full' } });
});

it('queues fallback replies and false alarms for review, grouped; marks them; counts the day', async () => {
  await say('r', '忻州');
  await say('r', '今天天气怎么样');
  await say('r2', '忻州');
  await say('r2', '胸痛');
  const [tk] = json(await act(wang, 'GET', '/api/v1/tickets')).tickets;
  t.clock.now += 30_000;
  await act(wang, 'POST', `/api/v1/tickets/${tk.id}/claim`, {});
  expect((await act(wang, 'POST', `/api/v1/tickets/${tk.id}/false-alarm`, {})).statusCode).toBe(200);
  const { groups, intents } = json(await act(li, 'GET', '/api/v1/review'));
  expect(intents).toEqual(expect.arrayContaining(['designation', 'out_of_scope']));
  expect(groups.map((g: { localityName: string; intent: string; items: unknown[] }) => [g.localityName, g.intent, g.items.length]).sort()).toEqual([
    ['忻州市', 'fallback', 1],
    ['忻州市', 'urgent', 1],
  ]);
  const fallback = groups.find((g: { intent: string }) => g.intent === 'fallback').items[0];
  expect(fallback).toMatchObject({ reason: 'fallback', text: '今天天气怎么样', reply: '我只能回答就医问题。' });
  const alarm = groups.find((g: { intent: string }) => g.intent === 'urgent').items[0];
  expect(alarm).toMatchObject({ reason: 'false_alarm', text: '胸痛', reply: '【紧急】请立即拨打 120。' });
  const marked = await act(li, 'POST', `/api/v1/review/${fallback.id}`, { verdict: 'train', rightIntent: 'out_of_scope' });
  expect(json(marked)).toMatchObject({ verdict: 'train', rightIntent: 'out_of_scope', reviewedBy: 'li' });
  expect((await act(li, 'POST', '/api/v1/review/nope', { verdict: 'fine' })).statusCode).toBe(404);
  expect(json(await act(li, 'POST', `/api/v1/review/${fallback.id}`, { verdict: 'maybe' })).error.field).toBe('verdict');
  expect(json(await act(li, 'GET', '/api/v1/review')).groups).toHaveLength(1);

  await t.service.settled();
  const stats = json(await act(li, 'GET', `/api/v1/stats?since=${t.clock.now - 3_600_000}`));
  expect(stats).toMatchObject({ messages: 4, urgent: 1, openTickets: 1, timeToClaim: { n: 1, p50Ms: 30_000, p90Ms: 30_000 } });
  expect(stats.byLocality[0]).toMatchObject({ name: '忻州市', messages: 4, urgent: 1, open: 1 });
  const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  expect(metrics).toContain('jiuyi_ticket_time_to_claim_seconds_count{urgent="true"} 1');
  expect(metrics).toContain('jiuyi_ticket_time_to_claim_seconds_bucket{le="30",urgent="true"} 1');
});

it('the bootstrap token acts as the administrator named in the body', async () => {
  await say('z', '忻州 胸痛');
  const [tk] = json(await act(wang, 'GET', '/api/v1/tickets')).tickets;
  const r = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${tk.id}/claim`, headers: auth, payload: { staff: '夜班' } });
  expect(json(r)).toMatchObject({ claimedBy: '夜班' });
});
