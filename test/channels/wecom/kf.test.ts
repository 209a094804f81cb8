// 微信客服: sync_msg from a cursor kept in the key/value port (surviving a restart), customer messages to
// Inbound, replies through send_msg, and the session handed to human reception and back.
import { createWecomChannel, type WecomChannel } from '../../../src/channels/wecom';
import { cursorKey } from '../../../src/channels/wecom/kf';
import { FakeWecom } from '../../support/fake-wecom';
import { makeDeps, MemoryKv, ticket, type TestDeps } from '../../support/fake-wecom-deps';
import { CORP_ID } from './vectors';

let fake: FakeWecom;
const kv = new MemoryKv();

const open = (deps: TestDeps, extra: Record<string, string> = {}): WecomChannel =>
  createWecomChannel({ corpId: CORP_ID, apiRoot: fake.url, kfSecret: 'kf-secret', kfOpenKfid: 'wkAAA', ...extra }, deps);

beforeAll(async () => {
  fake = await new FakeWecom({ corpId: CORP_ID, secrets: { 'kf-secret': 'kf' } }).start();
});
afterAll(() => fake.close());

describe('the kf sync → send loop', () => {
  it('syncs customer messages, skips others, replies via send_msg, and resumes from the cursor after a restart', async () => {
    const deps1 = makeDeps({ kv });
    const ch1 = open(deps1);
    await ch1.start();
    expect(fake.callsTo('/cgi-bin/kf/sync_msg')).toHaveLength(0); // no cursor yet: no catch-up of old history

    fake.addKfText('wkAAA', 'wmA', '晋江孕妇产检去哪');
    fake.kfMessages.push({ msgid: 'sys1', open_kfid: 'wkAAA', external_userid: 'wmA', send_time: 1, origin: 4, msgtype: 'event', event: { event_type: 'enter_session' } });
    fake.kfMessages.push({ msgid: 'staff1', open_kfid: 'wkAAA', external_userid: 'wmA', send_time: 2, origin: 5, msgtype: 'text', text: { content: '您好' } });
    fake.kfMessages.push({ msgid: 'menu1', open_kfid: 'wkAAA', external_userid: 'wmB', send_time: 3, origin: 3, msgtype: 'text', text: { content: '晋江', menu_id: 'locality:jinjiang' } });
    await ch1.kf!.onEvent('wkAAA', 'TOKEN1');
    expect(deps1.inbound.accepted).toEqual([
      { channel: 'wecom_kf', messageId: 'kfmsg1', user: 'wmA', chat: 'wkAAA:wmA', kind: 'text', text: '晋江孕妇产检去哪', sentAt: 1_700_000_000_000 },
      { channel: 'wecom_kf', messageId: 'menu1', user: 'wmB', chat: 'wkAAA:wmB', kind: 'text', text: '晋江', choice: 'locality:jinjiang', sentAt: 3000 },
    ]);
    const cursor1 = kv.map.get(cursorKey('wkAAA'));
    expect(cursor1).toBeTruthy();

    // the reply, as the outbox would send it
    const sender = ch1.senders.find((s) => s.channel === 'wecom_kf')!;
    expect(await sender.send({ id: 'r1', channel: 'wecom_kf', chat: 'wkAAA:wmA', text: '请到晋江市医院产科。', urgent: false, quickReplies: [], attempts: 0, createdAt: 0 })).toEqual({ ok: true });
    expect(fake.callsTo('/cgi-bin/kf/send_msg').at(-1)!.body).toMatchObject({ touser: 'wmA', open_kfid: 'wkAAA', text: { content: '请到晋江市医院产科。' } });
    await ch1.stop();

    // down: two more messages arrive; a new process with the same store catches up from the cursor at start
    fake.addKfText('wkAAA', 'wmA', '需要核酸吗');
    fake.addKfText('wkAAA', 'wmC', '胸口疼');
    const deps2 = makeDeps({ kv });
    const ch2 = open(deps2);
    const before = fake.callsTo('/cgi-bin/kf/sync_msg').length;
    await ch2.start();
    await ch2.kf!.idle();
    const catchUp = fake.callsTo('/cgi-bin/kf/sync_msg').slice(before);
    expect(catchUp).toHaveLength(1);
    expect(catchUp[0]!.body.cursor).toBe(cursor1);
    expect(catchUp[0]!.body.token).toBeUndefined();
    expect(deps2.inbound.accepted.map((i) => i.text)).toEqual(['需要核酸吗', '胸口疼']);
    await ch2.stop();
  });

  it('follows has_more across pages within one run', async () => {
    const deps = makeDeps();
    const ch = open(deps, { kfOpenKfid: 'wkPAGED' });
    for (let i = 0; i < 2500; i++) fake.addKfText('wkPAGED', `wm${i}`, `问题${i}`);
    await ch.kf!.onEvent('wkPAGED', 'T');
    expect(deps.inbound.accepted).toHaveLength(2500);
    expect(fake.callsTo('/cgi-bin/kf/sync_msg').filter((c) => c.body.open_kfid === 'wkPAGED')).toHaveLength(3);
    await ch.stop();
  });

  it('does not advance the cursor past messages that could not be accepted', async () => {
    const deps = makeDeps();
    const ch = open(deps, { kfOpenKfid: 'wkFAIL' });
    fake.addKfText('wkFAIL', 'wmX', '第一条');
    deps.inbound.failNext = 1;
    await ch.kf!.onEvent('wkFAIL', 'T');
    expect(deps.kv.map.get(cursorKey('wkFAIL'))).toBeUndefined();
    expect(deps.logLines.join('')).toContain('wecom kf sync failed');
    await ch.kf!.onEvent('wkFAIL', 'T2');
    expect(deps.inbound.accepted.map((i) => i.text)).toEqual(['第一条']);
    expect(deps.kv.map.get(cursorKey('wkFAIL'))).toBeTruthy();
    await ch.stop();
  });

  it('events arriving during a sync cause one more run, not overlapping ones', async () => {
    const deps = makeDeps();
    const ch = open(deps, { kfOpenKfid: 'wkBURST' });
    fake.addKfText('wkBURST', 'wm1', 'a');
    const before = fake.callsTo('/cgi-bin/kf/sync_msg').length;
    const runs = [1, 2, 3, 4, 5].map((i) => ch.kf!.onEvent('wkBURST', `T${i}`));
    await Promise.all(runs);
    const calls = fake.callsTo('/cgi-bin/kf/sync_msg').slice(before);
    expect(calls.map((c) => c.body.token)).toEqual(['T1', 'T5']);
    expect(deps.inbound.accepted).toHaveLength(1);
    await ch.stop();
  });
});

describe('handoff of a kf session', () => {
  it('moves the session to the reception pool when a ticket opens, and ends it when the ticket closes', async () => {
    const deps = makeDeps();
    const ch = open(deps);
    const route = ch.staffRoutes.find((r) => r.name === 'wecom_kf_handoff')!;
    const t = ticket({ id: 'T9', channel: 'wecom_kf', user: 'wmH', chat: 'wkAAA:wmH' });
    await route.notify({ kind: 'ticket_opened', ticket: t });
    expect(fake.kfStates.get('wkAAA:wmH')).toBe(2);
    // a receptionist takes it in the WeCom client
    fake.kfStates.set('wkAAA:wmH', 3);
    await route.notify({ kind: 'ticket_closed', ticket: { ...t, state: 'closed' } });
    expect(fake.kfStates.get('wkAAA:wmH')).toBe(4);
    // app-channel tickets are not touched
    const n = fake.calls.length;
    await route.notify({ kind: 'ticket_opened', ticket: ticket() });
    expect(fake.calls.length).toBe(n);
    await ch.stop();
  });

  it('hands to a named receptionist (state 3) when one is configured', async () => {
    const ch = open(makeDeps(), { kfServicerUserid: 'duty01' });
    const route = ch.staffRoutes.find((r) => r.name === 'wecom_kf_handoff')!;
    await route.notify({ kind: 'ticket_opened', ticket: ticket({ channel: 'wecom_kf', chat: 'wkAAA:wmS' }) });
    expect(fake.kfStates.get('wkAAA:wmS')).toBe(3);
    expect(fake.callsTo('/cgi-bin/kf/service_state/trans').at(-1)!.body).toMatchObject({ service_state: 3, servicer_userid: 'duty01' });
    await ch.stop();
  });
});
