// The app callback through fastify: URL verification and messages with the published vectors, then forged,
// stale, foreign, malformed and oversized callbacks, replays, and a kf event starting a sync.
import Fastify, { type FastifyInstance } from 'fastify';
import { createWecomChannel, type WecomChannel } from '../../../src/channels/wecom';
import { FakeWecom } from '../../support/fake-wecom';
import { makeDeps, type TestDeps } from '../../support/fake-wecom-deps';
import { AES_KEY, CORP_ID, envelope, kfEventXml, MESSAGE, sealed, textXml, TOKEN, VERIFY } from './vectors';

const NOW_S = 1_800_000_000;

async function setup(opts: { nowS?: number; maxSkewS?: number; kf?: FakeWecom } = {}) {
  const deps = makeDeps({ now: (opts.nowS ?? NOW_S) * 1000 });
  const channel = createWecomChannel(
    {
      corpId: CORP_ID,
      token: TOKEN,
      aesKey: AES_KEY,
      maxSkewS: opts.maxSkewS ?? 300,
      ...(opts.kf ? { apiRoot: opts.kf.url, kfSecret: 'kf-secret', kfOpenKfid: 'wkAAA' } : {}),
    },
    deps,
  );
  const app = Fastify();
  await app.register(channel.routes!);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, deps, channel };
}

/** A real HTTP request to the listening app (fastify's inject needs an ESM module jest cannot load). */
async function inject(app: FastifyInstance, o: { method: string; url: string; payload?: string; headers?: Record<string, string> }) {
  const a = app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${a.port}${o.url}`, { method: o.method, body: o.payload, headers: o.headers });
  return { statusCode: res.status, body: await res.text() };
}

describe('GET /wecom/callback (URL verification)', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  beforeAll(async () => ({ app, deps } = await setup({ nowS: Number(VERIFY.timestamp) + 10 })));
  afterAll(() => app.close());

  it('answers the sample echostr with 1288432023552776189 (echostr URL-encoded)', async () => {
    const q = new URLSearchParams({ msg_signature: VERIFY.msg_signature, timestamp: VERIFY.timestamp, nonce: VERIFY.nonce, echostr: VERIFY.echostr });
    const res = await inject(app, { method: 'GET', url: `/wecom/callback?${q}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(VERIFY.plain);
  });

  it('also when the "+" of echostr arrives unencoded (read as spaces)', async () => {
    const res = await inject(app, {
      method: 'GET',
      url: `/wecom/callback?msg_signature=${VERIFY.msg_signature}&timestamp=${VERIFY.timestamp}&nonce=${VERIFY.nonce}&echostr=${VERIFY.echostr.replace(/=/g, '%3D')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(VERIFY.plain);
  });

  it('refuses a forged signature and does not echo', async () => {
    const q = new URLSearchParams({ msg_signature: '1'.repeat(40), timestamp: VERIFY.timestamp, nonce: VERIFY.nonce, echostr: VERIFY.echostr });
    const res = await inject(app, { method: 'GET', url: `/wecom/callback?${q}` });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(VERIFY.plain);
    expect(deps.logLines.join('')).not.toContain(VERIFY.echostr);
  });
});

describe('POST /wecom/callback', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  beforeEach(async () => ({ app, deps } = await setup()));
  afterEach(() => app.close());

  const post = (query: string, body: string, contentType = 'text/xml') =>
    inject(app, { method: 'POST', url: `/wecom/callback?${query}`, payload: body, headers: { 'content-type': contentType } });

  it('the published sample message: verified, decrypted, accepted as ChenJiaShun saying 你好, answered "success"', async () => {
    ({ app, deps } = await (async () => {
      await app.close();
      return setup({ nowS: Number(MESSAGE.timestamp) + 2 });
    })());
    const q = `msg_signature=${MESSAGE.msg_signature}&timestamp=${MESSAGE.timestamp}&nonce=${MESSAGE.nonce}`;
    const res = await post(q, envelope(MESSAGE.encrypt));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('success');
    expect(deps.inbound.accepted).toEqual([
      { channel: 'wecom', messageId: '1456453720', user: 'ChenJiaShun', chat: 'ChenJiaShun', kind: 'text', text: '你好', sentAt: 1476422779000 },
    ]);
  });

  it('a replayed callback (WeCom retrying the same MsgId) is accepted once', async () => {
    const c = sealed(textXml('zhangsan', '忻州透析去哪', '7001', NOW_S), NOW_S);
    expect((await post(c.query, c.body)).body).toBe('success');
    expect((await post(c.query, c.body)).body).toBe('success');
    // a retry is a new request with a fresh nonce/signature but the same MsgId
    const again = sealed(textXml('zhangsan', '忻州透析去哪', '7001', NOW_S), NOW_S, { nonce: 'other' });
    expect((await post(again.query, again.body)).statusCode).toBe(200);
    expect(deps.inbound.calls).toBe(3);
    expect(deps.inbound.accepted.map((i) => i.messageId)).toEqual(['7001']);
  });

  it('events are keyed by sender + CreateTime: a retried enter_agent is accepted once', async () => {
    const ev = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>${NOW_S}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><AgentID>1</AgentID></xml>`;
    for (const n of ['a', 'b']) {
      const c = sealed(ev, NOW_S, { nonce: n });
      expect((await post(c.query, c.body)).statusCode).toBe(200);
    }
    expect(deps.inbound.accepted).toHaveLength(1);
    expect(deps.inbound.accepted[0]).toMatchObject({ kind: 'event', user: 'lisi', messageId: `event:lisi:${NOW_S}:enter_agent` });
  });

  it('refuses a forged signature (4xx), accepts nothing, logs no payload', async () => {
    const c = sealed(textXml('zhangsan', '秘密内容', '7002', NOW_S), NOW_S);
    const forged = c.query.replace(/msg_signature=[0-9a-f]{40}/, `msg_signature=${'0'.repeat(40)}`);
    const res = await post(forged, c.body);
    expect(res.statusCode).toBe(403);
    // a body encrypted with our key but signed with another token
    const other = sealed(textXml('zhangsan', '秘密内容', '7003', NOW_S), NOW_S);
    const res2 = await post(other.query, envelope(c.encrypted));
    expect(res2.statusCode).toBe(403);
    expect(deps.inbound.calls).toBe(0);
    const logs = deps.logLines.join('');
    expect(logs).toContain('bad msg_signature');
    expect(logs).not.toContain(c.encrypted);
    expect(logs).not.toContain('秘密内容');
  });

  it('refuses a message encrypted for another corp (receive id)', async () => {
    const c = sealed(textXml('zhangsan', 'hi', '7004', NOW_S), NOW_S, { receiveId: 'wwanothercorp00000' });
    const res = await post(c.query, c.body);
    expect(res.statusCode).toBe(403);
    expect(deps.inbound.calls).toBe(0);
    expect(deps.logLines.join('')).toContain('receive_id');
  });

  it('rejects timestamps further than maxSkewS from now; 0 turns the check off', async () => {
    const stale = sealed(textXml('zhangsan', 'hi', '7005', NOW_S - 301), NOW_S - 301);
    expect((await post(stale.query, stale.body)).statusCode).toBe(403);
    const future = sealed(textXml('zhangsan', 'hi', '7006', NOW_S + 301), NOW_S + 301);
    expect((await post(future.query, future.body)).statusCode).toBe(403);
    const edge = sealed(textXml('zhangsan', 'hi', '7007', NOW_S - 299), NOW_S - 299);
    expect((await post(edge.query, edge.body)).statusCode).toBe(200);
    expect(deps.inbound.accepted.map((i) => i.messageId)).toEqual(['7007']);

    await app.close();
    ({ app, deps } = await setup({ maxSkewS: 0 }));
    const old = sealed(textXml('zhangsan', 'hi', '7008', 1_000_000_000), 1_000_000_000);
    expect((await post(old.query, old.body)).statusCode).toBe(200);
  });

  it('refuses malformed XML (outside and inside the encryption), DTDs and missing fields', async () => {
    const q = sealed('<xml/>', NOW_S).query;
    expect((await post(q, '<xml><Encrypt>abc</Encrypt>')).statusCode).toBe(400);
    expect((await post(q, 'not xml at all')).statusCode).toBe(400);
    expect((await post(q, '<xml><ToUserName>x</ToUserName></xml>')).statusCode).toBe(400);
    const inner = sealed('<xml><MsgType>text</MsgType><Content>unclosed</xml>', NOW_S);
    expect((await post(inner.query, inner.body)).statusCode).toBe(400);
    const dtd = sealed('<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><MsgType>text</MsgType><FromUserName>a</FromUserName><MsgId>1</MsgId><Content>&a;</Content></xml>', NOW_S);
    expect((await post(dtd.query, dtd.body)).statusCode).toBe(400);
    const noId = sealed('<xml><MsgType>text</MsgType><FromUserName>a</FromUserName><Content>x</Content></xml>', NOW_S);
    expect((await post(noId.query, noId.body)).statusCode).toBe(400);
    expect((await post('timestamp=1', '<xml/>')).statusCode).toBe(400);
    expect(deps.inbound.calls).toBe(0);
  });

  it('refuses XML nested thousands of levels deep with 400, outside the encryption (no signature needed) and inside', async () => {
    const deep = (n: number, inner: string) => `${'<a>'.repeat(n)}${inner}${'</a>'.repeat(n)}`;
    const q = sealed('<xml/>', NOW_S).query;
    expect((await post(q, `<xml>${deep(5000, '<Encrypt>abc</Encrypt>')}</xml>`)).statusCode).toBe(400);
    expect((await post('msg_signature=x', deep(5000, 'x'))).statusCode).toBe(400);
    const inner = sealed(`<xml><MsgType>text</MsgType><FromUserName>a</FromUserName><MsgId>1</MsgId>${deep(3000, '')}</xml>`, NOW_S);
    expect((await post(inner.query, inner.body)).statusCode).toBe(400);
    // CDATA holding angle brackets is text, not nesting
    const cdata = sealed(textXml('zhangsan', '<a>'.repeat(100), '7010', NOW_S), NOW_S);
    expect((await post(cdata.query, cdata.body)).statusCode).toBe(200);
    expect(deps.inbound.calls).toBe(1);
    expect(deps.logLines.join('')).toContain('nested more than');
  });

  it('refuses oversized bodies with 413, whatever the content type', async () => {
    const c = sealed(textXml('zhangsan', 'x'.repeat(70_000), '7009', NOW_S), NOW_S);
    const res = await post(c.query, c.body, 'application/xml');
    expect(res.statusCode).toBe(413);
    expect(deps.inbound.calls).toBe(0);
    expect(deps.logLines.join('')).toContain('wecom callback refused');
  });

  it('answers 500 when the message cannot be persisted, so WeCom retries', async () => {
    deps.inbound.failNext = 1;
    const c = sealed(textXml('zhangsan', 'hi', '7010', NOW_S), NOW_S);
    expect((await post(c.query, c.body)).statusCode).toBe(500);
    expect((await post(c.query, c.body)).statusCode).toBe(200);
    expect(deps.inbound.accepted.map((i) => i.messageId)).toEqual(['7010']);
  });

  it('maps a location message', async () => {
    const xml = `<xml><ToUserName>${CORP_ID}</ToUserName><FromUserName>wangwu</FromUserName><CreateTime>${NOW_S}</CreateTime><MsgType>location</MsgType><Location_X>38.41</Location_X><Location_Y>112.73</Location_Y><Scale>15</Scale><Label><![CDATA[忻州市忻府区]]></Label><MsgId>7011</MsgId><AgentID>1</AgentID></xml>`;
    const c = sealed(xml, NOW_S);
    expect((await post(c.query, c.body)).statusCode).toBe(200);
    expect(deps.inbound.accepted[0]).toMatchObject({ kind: 'location', location: { latitude: 38.41, longitude: 112.73 }, text: '忻州市忻府区' });
  });
});

describe('kf_msg_or_event on the callback', () => {
  let fake: FakeWecom;
  let app: FastifyInstance;
  let deps: TestDeps;
  let channel: WecomChannel;
  beforeAll(async () => {
    fake = await new FakeWecom({ corpId: CORP_ID, secrets: { 'kf-secret': 'kf' } }).start();
    ({ app, deps, channel } = await setup({ kf: fake }));
  });
  afterAll(async () => {
    await channel.stop();
    await app.close();
    await fake.close();
  });

  it('answers success at once and syncs with the event token', async () => {
    fake.addKfText('wkAAA', 'wmUser1', '泉州发烧去哪看');
    const c = sealed(kfEventXml('ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR', 'wkAAA', NOW_S), NOW_S);
    const res = await inject(app, { method: 'POST', url: `/wecom/callback?${c.query}`, payload: c.body, headers: { 'content-type': 'text/xml' } });
    expect(res.body).toBe('success');
    await channel.kf!.idle();
    const sync = fake.callsTo('/cgi-bin/kf/sync_msg');
    expect(sync).toHaveLength(1);
    expect(sync[0]!.body).toMatchObject({ token: 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR', open_kfid: 'wkAAA' });
    expect(deps.inbound.accepted).toEqual([
      expect.objectContaining({ channel: 'wecom_kf', user: 'wmUser1', chat: 'wkAAA:wmUser1', text: '泉州发烧去哪看', messageId: 'kfmsg1' }),
    ]);
  });
});
