// Staff alerts through the group robot webhook (fake WeCom on loopback, 20 messages a minute, injected clock):
// within the limit one message per ticket; beyond it the rest wait and go out batched; none dropped.
import { createWecomChannel } from '../../../src/channels/wecom';
import type { RobotRoute } from '../../../src/channels/wecom/robot';
import { FakeWecom } from '../../support/fake-wecom';
import { makeDeps, MemoryKv, ticket, type TestDeps } from '../../support/fake-wecom-deps';
import { CORP_ID } from './vectors';

let fake: FakeWecom;
let deps: TestDeps;
let robot: RobotRoute;
const T0 = 1_800_000_000_000;

function setup(kv?: MemoryKv) {
  deps = makeDeps({ now: T0, ...(kv ? { kv } : {}) });
  const ch = createWecomChannel({ robotWebhook: fake.robotWebhook }, deps);
  robot = ch.robot!;
  return ch;
}

beforeEach(async () => {
  const clockRef = { get: () => T0 };
  fake = await new FakeWecom({ corpId: CORP_ID, secrets: {}, now: () => clockRef.get() }).start();
  setup();
  clockRef.get = () => deps.clock.now;
});
afterEach(async () => {
  robot.stop();
  await fake.close();
});

const posts = () => fake.callsTo('/cgi-bin/webhook/send').filter((c) => c.body?.markdown).map((c) => c.body.markdown.content as string);
const idsIn = (contents: string[]) => contents.flatMap((c) => [...c.matchAll(/\b(T\d+)\b/g)].map((m) => m[1]!));

describe('group robot alerts', () => {
  it('an alert carries the locality, the reason, the ticket id and how to take it', async () => {
    await robot.notify({ kind: 'ticket_opened', ticket: ticket({ id: 'T1' }) });
    await robot.notify({ kind: 'ticket_opened', ticket: ticket({ id: 'T2', channel: 'wecom_kf', chat: 'wkAAA:wm1', urgent: false, reason: 'requested', locality: 'jinjiang' }) });
    await robot.notify({ kind: 'ticket_claimed', ticket: ticket({ id: 'T3' }) }); // not alerted
    const [a, b] = posts();
    expect(posts()).toHaveLength(2);
    expect(a).toContain('工单 T1');
    expect(a).toContain('忻州市');
    expect(a).toContain('紧急（chest_pain）');
    expect(a).toContain('认领：值班台认领 POST /api/v1/tickets/T1/claim');
    expect(a).toContain('胸口疼得厉害');
    expect(b).toContain('晋江市');
    expect(b).toContain('用户要求转人工');
    expect(b).toContain('微信客服');
    expect(fake.callsTo('/cgi-bin/webhook/send')[0]!.body.msgtype).toBe('markdown');
  });

  it('20 a minute go out one by one; the rest wait for the window and go out as one batched message', async () => {
    for (let i = 1; i <= 26; i++) await robot.notify({ kind: 'ticket_opened', ticket: ticket({ id: `T${i}`, urgent: i % 2 === 0 }) });
    expect(posts()).toHaveLength(20);
    expect(robot.pendingCount()).toBe(6);
    // the fake never had to refuse one
    expect(fake.callsTo('/cgi-bin/webhook/send')).toHaveLength(20);

    deps.clock.now += 30_000;
    await robot.flush();
    expect(posts()).toHaveLength(20); // still the same minute

    deps.clock.now += 30_001;
    await robot.flush();
    const all = posts();
    expect(all).toHaveLength(21);
    const batch = all[20]!;
    expect(batch).toContain('待处理工单 6 条');
    expect(idsIn([batch]).sort()).toEqual(['T21', 'T22', 'T23', 'T24', 'T25', 'T26'].sort());
    // urgent ones first in the batch
    expect(idsIn([batch]).slice(0, 3)).toEqual(['T22', 'T24', 'T26']);
    expect(new Set(idsIn(all)).size).toBe(26);
    expect(robot.pendingCount()).toBe(0);
  });

  it('a concurrent burst never exceeds 20 posts a minute and drops nothing', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => robot.notify({ kind: 'ticket_escalated', ticket: ticket({ id: `T${i + 1}`, level: 1 }) })));
    expect(posts().length).toBeLessThanOrEqual(20);
    deps.clock.now += 60_001;
    await robot.flush();
    const all = posts();
    expect(all.length).toBeLessThanOrEqual(21);
    expect(new Set(idsIn(all)).size).toBe(40);
    expect(fake.callsTo('/cgi-bin/webhook/send').length).toBe(all.length);
  });

  it('when the robot refuses (45009, or the network), alerts are kept and sent later', async () => {
    fake.script('/cgi-bin/webhook/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    await robot.notify({ kind: 'ticket_opened', ticket: ticket({ id: 'T7' }) });
    expect(posts()).toHaveLength(1); // the refused attempt
    expect(robot.pendingCount()).toBe(1);
    deps.clock.now += 60_001;
    await robot.flush();
    expect(robot.pendingCount()).toBe(0);
    expect(fake.callsTo('/cgi-bin/webhook/send')).toHaveLength(2);
    expect(posts()[1]).toContain('T7');
  });

  it('pending alerts survive a restart (kept in the key/value store)', async () => {
    for (let i = 1; i <= 22; i++) await robot.notify({ kind: 'ticket_opened', ticket: ticket({ id: `T${i}` }) });
    expect(robot.pendingCount()).toBe(2);
    robot.stop();
    const kv = deps.kv;
    const now = deps.clock.now;
    setup(kv);
    deps.clock.now = now + 60_001;
    await robot.start();
    expect(robot.pendingCount()).toBe(0);
    const last = posts().at(-1)!;
    expect(idsIn([last]).sort()).toEqual(['T21', 'T22']);
  });
});
