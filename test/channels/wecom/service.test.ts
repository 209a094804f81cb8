// End to end through the real service (in-memory SQLite, the outbox worker, the core double): a WeCom
// callback is persisted once however often WeCom replays it, its reply goes out through message/send on
// the fake WeCom API, and an urgent message opens a ticket that reaches the group robot.
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { createWecomChannel, type WecomChannel } from '../../../src/channels/wecom';
import { createOutbox, type Outbox } from '../../../src/outbox';
import { ChannelRegistry } from '../../../src/service/registry';
import { Service } from '../../../src/service/service';
import { openStore, type Store } from '../../../src/store';
import { createCoreDouble } from '../../support/core-double';
import { FakeWecom } from '../../support/fake-wecom';
import { AES_KEY, CORP_ID, sealed, textXml, TOKEN } from './vectors';

let fake: FakeWecom;
let store: Store;
let service: Service;
let channel: WecomChannel;
let outbox: Outbox;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  fake = await new FakeWecom({ corpId: CORP_ID, secrets: { 'app-secret': 'app' } }).start();
  const logger = pino({ level: 'silent' });
  store = await openStore({ dataDir: ':memory:' });
  const registry = new ChannelRegistry(logger);
  const core = createCoreDouble();
  service = new Service({ store, core, registry, logger, now: Date.now, rateLimit: 20, escalateAfterS: 600 });
  channel = createWecomChannel(
    { corpId: CORP_ID, token: TOKEN, aesKey: AES_KEY, agentId: '1000002', secret: 'app-secret', apiRoot: fake.url, maxSkewS: 300, robotWebhook: fake.robotWebhook },
    { inbound: service, tickets: service, kv: store, kb: () => [], localities: () => core.localities(), logger, now: Date.now },
  );
  registry.addChannel(channel);
  outbox = createOutbox({ store, senders: registry.senders, logger });
  app = Fastify();
  for (const p of registry.routePlugins) await app.register(p.plugin);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await app.close();
  await outbox.stop({ drain: false });
  await service.drain();
  await store.close();
  await fake.close();
});

const post = async (c: { query: string; body: string }) => {
  const res = await fetch(`${base}/wecom/callback?${c.query}`, { method: 'POST', body: c.body, headers: { 'content-type': 'text/xml' } });
  return { status: res.status, body: await res.text() };
};

it('a replayed callback is persisted and answered once; the reply goes out through message/send', async () => {
  const now = Math.floor(Date.now() / 1000);
  const first = sealed(textXml('zhangsan', '忻州透析去哪', '9001', now), now, { nonce: 'a1' });
  const retry = sealed(textXml('zhangsan', '忻州透析去哪', '9001', now), now, { nonce: 'a2' });
  expect(await post(first)).toEqual({ status: 200, body: 'success' });
  expect(await post(retry)).toEqual({ status: 200, body: 'success' });
  expect(await post(first)).toEqual({ status: 200, body: 'success' });
  await outbox.flush();
  const sends = fake.callsTo('/cgi-bin/message/send');
  expect(sends).toHaveLength(1);
  expect(sends[0]!.body).toMatchObject({ touser: 'zhangsan', agentid: 1000002, msgtype: 'text' });
  expect(sends[0]!.body.text.content).toContain('忻州市');
});

it('an urgent message opens a ticket and the group robot gets the alert', async () => {
  const now = Math.floor(Date.now() / 1000);
  expect((await post(sealed(textXml('lisi', '我在忻州', '9002', now), now))).status).toBe(200);
  expect((await post(sealed(textXml('lisi', '我胸口疼', '9003', now), now))).status).toBe(200);
  await service.settled();
  await outbox.flush();
  const alerts = fake.callsTo('/cgi-bin/webhook/send');
  expect(alerts).toHaveLength(1);
  const [t] = await service.list({ state: 'open' });
  expect(alerts[0]!.body.markdown.content).toContain(`工单 ${t!.id}`);
  expect(alerts[0]!.body.markdown.content).toContain('忻州市');
  const toLisi = fake.callsTo('/cgi-bin/message/send').filter((c) => c.body.touser === 'lisi').map((c) => c.body.text.content);
  expect(toLisi).toContain('【紧急】请立即拨打 120。');
});
