// message/send and kf/send_msg against the fake WeCom API: access_token caching, single-flight, refresh on
// expiry, separate app / kf tokens, errcode → SendOutcome, splitting by bytes, resuming a split message.
import { createWecomChannel, type WecomChannel } from '../../../src/channels/wecom';
import type { ChannelSender, OutboxItem } from '../../../src/service/ports';
import { FakeWecom } from '../../support/fake-wecom';
import { makeDeps, type TestDeps } from '../../support/fake-wecom-deps';
import { CORP_ID } from './vectors';

let fake: FakeWecom;
let deps: TestDeps;
let channel: WecomChannel;
let app: ChannelSender;
let kf: ChannelSender;

const item = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  id: `o${Math.random()}`,
  channel: 'wecom',
  chat: 'zhangsan',
  text: '请拨打忻州市就医咨询电话。',
  urgent: false,
  quickReplies: [],
  attempts: 0,
  createdAt: 0,
  ...over,
});

beforeEach(async () => {
  fake = await new FakeWecom({ corpId: CORP_ID, secrets: { 'app-secret': 'app', 'kf-secret': 'kf' }, gettokenDelayMs: 30 }).start();
  deps = makeDeps({ now: 1_800_000_000_000 });
  channel = createWecomChannel(
    { corpId: CORP_ID, agentId: '1000002', secret: 'app-secret', apiRoot: fake.url, kfSecret: 'kf-secret', kfOpenKfid: 'wkAAA' },
    deps,
  );
  app = channel.senders.find((s) => s.channel === 'wecom')!;
  kf = channel.senders.find((s) => s.channel === 'wecom_kf')!;
});
afterEach(async () => {
  await channel.stop();
  await fake.close();
});

describe('configuration', () => {
  it('starts only the parts whose settings are present', () => {
    const robotOnly = createWecomChannel({ robotWebhook: 'http://127.0.0.1:1/x' }, makeDeps());
    expect(robotOnly.parts).toEqual({ callback: false, app: false, kf: false, robot: true });
    expect(robotOnly.senders).toEqual([]);
    expect(robotOnly.routes).toBeUndefined();
    expect(channel.parts).toEqual({ callback: false, app: true, kf: true, robot: false });
    expect(() => createWecomChannel({ aesKey: 'short' }, makeDeps())).toThrow(/WECOM_AES_KEY/);
  });

  it('also works as the service ChannelFactory, reading config.wecom', () => {
    const d = makeDeps();
    const wecom = { app: { corpId: CORP_ID, token: 't', aesKey: 'a'.repeat(43), agentId: '1', secret: 's' }, apiRoot: fake.url, maxSkewS: 300, kf: { secret: 'k', openKfid: 'wk1' }, robotWebhook: fake.robotWebhook };
    const ch = createWecomChannel({ ...d, config: { wecom } as never });
    expect(ch.parts).toEqual({ callback: true, app: true, kf: true, robot: true });
    expect(ch.senders.map((x) => x.channel)).toEqual(['wecom', 'wecom_kf']);
    expect(ch.staffRoutes.map((r) => r.name)).toEqual(['wecom_kf_handoff', 'wecom_robot']);
  });

  it('declares the limits the outbox enforces', () => {
    expect(app.maxLength).toEqual({ value: 2048, unit: 'bytes' });
    expect(app.limits.perChat).toEqual({ count: 30, perMs: 60_000 });
    expect(kf.maxLength).toEqual({ value: 2048, unit: 'bytes' });
  });
});

describe('access_token', () => {
  it('is fetched once for concurrent sends (single-flight) and then cached', async () => {
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((i) => app.send(item({ chat: `u${i}` }))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await app.send(item());
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    expect(fake.callsTo('/cgi-bin/gettoken')[0]!.query).toEqual({ corpid: CORP_ID, corpsecret: 'app-secret' });
    const sends = fake.callsTo('/cgi-bin/message/send');
    expect(sends).toHaveLength(6);
    expect(new Set(sends.map((c) => c.query['access_token'])).size).toBe(1);
    expect(sends[0]!.body).toEqual({ touser: 'u1', msgtype: 'text', agentid: 1000002, text: { content: '请拨打忻州市就医咨询电话。' }, enable_duplicate_check: 1, duplicate_check_interval: 600 });
  });

  it('on 42001 (expired) is refreshed once — one gettoken for a burst — and the sends retried', async () => {
    await app.send(item());
    fake.expireTokens();
    const outcomes = await Promise.all([1, 2, 3].map((i) => app.send(item({ chat: `u${i}` }))));
    expect(outcomes).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
    const sends = fake.callsTo('/cgi-bin/message/send');
    expect(sends).toHaveLength(1 + 3 + 3); // first, three refused with 42001, three retried
    expect(sends.slice(4).every((c) => c.query['access_token'] !== sends[0]!.query['access_token'])).toBe(true);
  });

  it('on 40014 too, and a second failure is not retried again', async () => {
    fake.script('/cgi-bin/message/send', { errcode: 40014, errmsg: 'invalid access_token' }, 2);
    const out = await app.send(item());
    expect(out.ok).toBe(false);
    expect(out.ok || out.permanent).toBeFalsy(); // retried later by the outbox, not dead-lettered
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(2);
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('expires by the clock shortly before expires_in', async () => {
    await app.send(item());
    deps.clock.now += 7200_000 - 6 * 60_000;
    await app.send(item());
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    deps.clock.now += 2 * 60_000; // within 5 minutes of expiry
    await app.send(item());
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('the app and 微信客服 use separate tokens from their own secrets', async () => {
    await app.send(item());
    await kf.send(item({ channel: 'wecom_kf', chat: 'wkAAA:wmUser1' }));
    const gets = fake.callsTo('/cgi-bin/gettoken').map((c) => c.query['corpsecret']).sort();
    expect(gets).toEqual(['app-secret', 'kf-secret']);
    const kfSend = fake.callsTo('/cgi-bin/kf/send_msg')[0]!;
    expect(kfSend.query['access_token']).toMatch(/-kf$/);
    expect(kfSend.body).toEqual({ touser: 'wmUser1', open_kfid: 'wkAAA', msgtype: 'text', text: { content: '请拨打忻州市就医咨询电话。' } });
  });
});

describe('errcodes → outcomes', () => {
  it('45009 (frequency limit): retry later', async () => {
    fake.script('/cgi-bin/message/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    const out = await app.send(item());
    expect(out).toMatchObject({ ok: false, retryAfterMs: 60_000 });
    expect(out.ok === false && out.permanent).toBeFalsy();
    expect(await app.send(item())).toEqual({ ok: true });
  });

  it('an invalid user: permanent', async () => {
    fake.invalidUsers.add('gone');
    expect(await app.send(item({ chat: 'gone' }))).toMatchObject({ ok: false, permanent: true, blocked: true });
  });

  it('network failure: retry later', async () => {
    await fake.close();
    const out = await app.send(item());
    expect(out.ok).toBe(false);
    expect(out.ok === false && out.permanent).toBeFalsy();
  });

  it('a kf chat id without open_kfid: permanent', async () => {
    expect(await kf.send(item({ channel: 'wecom_kf', chat: 'wmUser1' }))).toMatchObject({ ok: false, permanent: true });
  });
});

describe('splitting', () => {
  const para = (n: number) => `第${n}段：` + '封控区居民就医请先联系社区，'.repeat(20) + '由专车转运。';

  it('text over 2048 bytes goes as several messages of ≤ 2048 bytes, cut at paragraph ends, nothing lost', async () => {
    const text = [1, 2, 3, 4, 5].map(para).join('\n\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2048 * 2);
    expect(await app.send(item({ text }))).toEqual({ ok: true });
    const contents = fake.callsTo('/cgi-bin/message/send').map((c) => c.body.text.content as string);
    expect(contents.length).toBeGreaterThan(2);
    for (const c of contents) {
      expect(Buffer.byteLength(c)).toBeLessThanOrEqual(2048);
      expect(c.startsWith('第')).toBe(true); // each part begins at a paragraph
      expect(c.endsWith('由专车转运。')).toBe(true);
    }
    expect(contents.join('\n\n')).toBe(text);
  });

  it('a single overlong line without boundaries is cut at characters, never inside one', async () => {
    const text = '急'.repeat(1500); // 4500 bytes
    await app.send(item({ text }));
    const contents = fake.callsTo('/cgi-bin/message/send').map((c) => c.body.text.content as string);
    expect(contents.map((c) => Buffer.byteLength(c))).toEqual([2046, 2046, 408]);
    expect(contents.join('')).toBe(text);
  });

  it('a retry after a failure in the middle resumes with the unsent parts', async () => {
    const text = [1, 2, 3, 4, 5].map(para).join('\n\n');
    const it1 = item({ text });
    await app.send(it1);
    const all = fake.callsTo('/cgi-bin/message/send').map((c) => c.body.text.content as string);
    fake.calls.length = 0;
    // the second part hits the frequency limit
    const okFirst = { errcode: 0, errmsg: 'ok' };
    fake.script('/cgi-bin/message/send', okFirst);
    fake.script('/cgi-bin/message/send', { errcode: 45009, errmsg: 'freq' });
    const it2 = item({ text });
    expect((await app.send(it2)).ok).toBe(false);
    expect(await app.send(it2)).toEqual({ ok: true });
    const sent = fake.callsTo('/cgi-bin/message/send').map((c) => c.body.text.content as string);
    // first part once, second part twice (refused, then sent), then the rest: never the first part again
    expect(sent).toEqual([all[0], all[1], ...all.slice(1)]);
  });

  it('kf quick replies become a click menu on the last part', async () => {
    const out = await kf.send(
      item({ channel: 'wecom_kf', chat: 'wkAAA:wmUser1', text: '您在哪个城市？', quickReplies: [{ label: '忻州', value: 'locality:xinzhou' }, { label: '晋江', value: 'locality:jinjiang' }] }),
    );
    expect(out).toEqual({ ok: true });
    const sends = fake.callsTo('/cgi-bin/kf/send_msg');
    expect(sends).toHaveLength(1);
    expect(sends[0]!.body.msgmenu).toEqual({
      head_content: '您在哪个城市？',
      list: [
        { type: 'click', click: { id: 'locality:xinzhou', content: '忻州' } },
        { type: 'click', click: { id: 'locality:jinjiang', content: '晋江' } },
      ],
    });
  });
});

describe('sending again after a crash', () => {
  it('asks WeCom to drop a repeat of the same message: sent twice (the first send arrived, its outcome was lost), received once', async () => {
    const it1 = item({ id: 'o-crash', text: '请拨打120，并前往忻州市人民医院急诊。' });
    expect(await app.send({ ...it1, attempts: 1 })).toEqual({ ok: true });
    // the process dies before recording the send; after the restart a new sender sends the item again
    const again = createWecomChannel({ corpId: CORP_ID, agentId: '1000002', secret: 'app-secret', apiRoot: fake.url }, makeDeps({ now: 1_800_000_000_000 }));
    expect(await again.senders[0]!.send({ ...it1, attempts: 2 })).toEqual({ ok: true });
    await again.stop();
    const sends = fake.calls.filter((c) => c.path === '/cgi-bin/message/send');
    expect(sends).toHaveLength(2);
    expect(sends.every((c) => c.body.enable_duplicate_check === 1 && c.body.duplicate_check_interval === 600)).toBe(true);
    expect(fake.delivered.map((b) => b.text.content)).toEqual(['请拨打120，并前往忻州市人民医院急诊。']);
  });
});
