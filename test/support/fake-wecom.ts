// A fake WeCom server API on loopback (127.0.0.1, port 0) for channel tests: gettoken, message/send,
// kf/sync_msg, kf/send_msg, kf/service_state/get|trans and a group-robot webhook. Every call is recorded;
// tokens can be expired, calls rate-limited, users made invalid. Behaviour follows WeCom's documentation:
// errors come back as HTTP 200 with an errcode; 42001 for an expired token, 40014 for an unknown one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  at: number;
}

export interface FakeKfMessage {
  msgid: string;
  open_kfid: string;
  external_userid: string;
  send_time: number;
  origin: number;
  msgtype: string;
  [k: string]: unknown;
}

interface IssuedToken {
  secret: string;
  expired: boolean;
}

export interface FakeWecomOptions {
  corpId: string;
  /** secret → what it is for: 'app' tokens may call message/send, 'kf' tokens the kf/* APIs. */
  secrets: Record<string, 'app' | 'kf'>;
  /** The robot webhook key. */
  robotKey?: string;
  /** Robot messages a minute (WeCom: 20). */
  robotLimit?: number;
  /** The fake's clock for the robot's window (ms). */
  now?: () => number;
  /** Delay gettoken answers by this many ms (to make concurrent fetches overlap). */
  gettokenDelayMs?: number;
}

// allowed session state changes (developer.work.weixin.qq.com/document/path/94669)
const TRANSITIONS: Record<number, number[]> = { 0: [1, 2, 3, 4], 1: [2, 3, 4], 2: [3, 4], 3: [3, 4], 4: [] };

export class FakeWecom {
  readonly calls: FakeCall[] = [];
  readonly kfMessages: FakeKfMessage[] = [];
  /** Session state per `${open_kfid}:${external_userid}` (0 when unknown). */
  readonly kfStates = new Map<string, number>();
  readonly invalidUsers = new Set<string>();
  /** message/send bodies that reached the user (a duplicate caught by enable_duplicate_check does not). */
  readonly delivered: Record<string, any>[] = [];
  private readonly duplicateCheck = new Map<string, number>();
  private readonly tokens = new Map<string, IssuedToken>();
  private tokenSeq = 0;
  /** Answers queued for the next calls of a path (errcode bodies), consumed first. */
  private readonly scripted = new Map<string, Record<string, unknown>[]>();
  private readonly robotSent: number[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly o: FakeWecomOptions) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  get robotWebhook(): string {
    return `${this.url}/cgi-bin/webhook/send?key=${this.o.robotKey ?? 'robot-key'}`;
  }

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Marks every token issued so far as expired (WeCom then answers 42001). */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expired = true;
  }

  /** The next `n` calls to `path` answer `body` (e.g. { errcode: 45009 }). */
  script(path: string, body: Record<string, unknown>, n = 1): void {
    const q = this.scripted.get(path) ?? [];
    for (let i = 0; i < n; i++) q.push(body);
    this.scripted.set(path, q);
  }

  /** A customer writes to the kf account (what sync_msg will return). */
  addKfText(openKfid: string, externalUserid: string, content: string, sendTime = 1_700_000_000): FakeKfMessage {
    const m: FakeKfMessage = {
      msgid: `kfmsg${this.kfMessages.length + 1}`,
      open_kfid: openKfid,
      external_userid: externalUserid,
      send_time: sendTime,
      origin: 3,
      msgtype: 'text',
      text: { content },
    };
    this.kfMessages.push(m);
    return m;
  }

  private now(): number {
    return this.o.now ? this.o.now() : Date.now();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return this.json(res, { errcode: 47001, errmsg: 'data format error' });
      }
    }
    const call: FakeCall = { method: req.method ?? 'GET', path: u.pathname, query: Object.fromEntries(u.searchParams), body, at: this.now() };
    this.calls.push(call);
    const scripted = this.scripted.get(u.pathname);
    if (scripted && scripted.length > 0) return this.json(res, scripted.shift()!);

    switch (u.pathname) {
      case '/cgi-bin/gettoken':
        return this.gettoken(res, call);
      case '/cgi-bin/webhook/send':
        return this.robot(res, call);
      default:
        break;
    }
    const auth = this.auth(call, u.pathname.startsWith('/cgi-bin/kf/') ? 'kf' : 'app');
    if (auth) return this.json(res, auth);
    switch (u.pathname) {
      case '/cgi-bin/message/send':
        return this.messageSend(res, body);
      case '/cgi-bin/kf/sync_msg':
        return this.syncMsg(res, body);
      case '/cgi-bin/kf/send_msg':
        return this.json(res, { errcode: 0, errmsg: 'ok', msgid: `out${this.calls.length}` });
      case '/cgi-bin/kf/service_state/get':
        return this.json(res, { errcode: 0, errmsg: 'ok', service_state: this.kfStates.get(`${body.open_kfid}:${body.external_userid}`) ?? 0 });
      case '/cgi-bin/kf/service_state/trans':
        return this.trans(res, body);
      default:
        res.statusCode = 404;
        return this.json(res, { errcode: 404, errmsg: 'not found' });
    }
  }

  private json(res: ServerResponse, body: unknown): void {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  }

  private async gettoken(res: ServerResponse, call: FakeCall): Promise<void> {
    if (this.o.gettokenDelayMs) await new Promise((r) => setTimeout(r, this.o.gettokenDelayMs));
    if (call.query['corpid'] !== this.o.corpId) return this.json(res, { errcode: 40013, errmsg: 'invalid corpid' });
    const secret = call.query['corpsecret'] ?? '';
    if (!this.o.secrets[secret]) return this.json(res, { errcode: 40001, errmsg: 'invalid credential' });
    const token = `tok${++this.tokenSeq}-${this.o.secrets[secret]}`;
    this.tokens.set(token, { secret, expired: false });
    return this.json(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
  }

  private auth(call: FakeCall, needs: 'app' | 'kf'): Record<string, unknown> | null {
    const t = this.tokens.get(call.query['access_token'] ?? '');
    if (!t) return { errcode: 40014, errmsg: 'invalid access_token' };
    if (t.expired) return { errcode: 42001, errmsg: 'access_token expired' };
    if (this.o.secrets[t.secret] !== needs) return { errcode: 48002, errmsg: 'api forbidden' };
    return null;
  }

  private messageSend(res: ServerResponse, body: any): void {
    if (body?.msgtype !== 'text' || typeof body?.text?.content !== 'string') return this.json(res, { errcode: 40008, errmsg: 'invalid message type' });
    if (Buffer.byteLength(body.text.content, 'utf8') > 2048) return this.json(res, { errcode: 45002, errmsg: 'content size out of limit' });
    if (this.invalidUsers.has(body.touser)) return this.json(res, { errcode: 81013, errmsg: 'user & party & tag all invalid', invaliduser: body.touser });
    // "enable_duplicate_check: 1 — the same content (request JSON) within duplicate_check_interval (default
    // 1800 s, at most 4 h) is not received again": answered ok, not delivered
    if (body.enable_duplicate_check === 1) {
      const key = JSON.stringify(body);
      const until = this.duplicateCheck.get(key);
      const now = this.now();
      if (until !== undefined && now < until) return this.json(res, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${this.calls.length}` });
      this.duplicateCheck.set(key, now + Math.min(Number(body.duplicate_check_interval ?? 1800), 4 * 3600) * 1000);
    }
    this.delivered.push(body);
    return this.json(res, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${this.calls.length}` });
  }

  private syncMsg(res: ServerResponse, body: any): void {
    const start = body?.cursor ? Number(Buffer.from(String(body.cursor), 'base64').toString('utf8').replace(/^c/, '')) : 0;
    const limit = Math.min(Number(body?.limit ?? 1000), 1000);
    const all = this.kfMessages.filter((m) => !body?.open_kfid || m.open_kfid === body.open_kfid);
    const page = all.slice(start, start + limit);
    const end = start + page.length;
    return this.json(res, {
      errcode: 0,
      errmsg: 'ok',
      next_cursor: Buffer.from(`c${end}`).toString('base64'),
      has_more: end < all.length ? 1 : 0,
      msg_list: page,
    });
  }

  private trans(res: ServerResponse, body: any): void {
    const key = `${body.open_kfid}:${body.external_userid}`;
    const from = this.kfStates.get(key) ?? 0;
    const to = Number(body.service_state);
    if (!TRANSITIONS[from]?.includes(to)) return this.json(res, { errcode: 95016, errmsg: 'invalid service state transition' });
    if (to === 3 && !body.servicer_userid) return this.json(res, { errcode: 41000, errmsg: 'missing servicer_userid' });
    this.kfStates.set(key, to);
    return this.json(res, { errcode: 0, errmsg: 'ok' });
  }

  private robot(res: ServerResponse, call: FakeCall): void {
    if (call.query['key'] !== (this.o.robotKey ?? 'robot-key')) return this.json(res, { errcode: 93000, errmsg: 'invalid webhook url' });
    const now = this.now();
    while (this.robotSent.length && now - this.robotSent[0]! >= 60_000) this.robotSent.shift();
    if (this.robotSent.length >= (this.o.robotLimit ?? 20)) return this.json(res, { errcode: 45009, errmsg: 'api freq out of limit' });
    const content = call.body?.markdown?.content;
    if (call.body?.msgtype !== 'markdown' || typeof content !== 'string') return this.json(res, { errcode: 40008, errmsg: 'invalid message type' });
    if (Buffer.byteLength(content, 'utf8') > 4096) return this.json(res, { errcode: 40058, errmsg: 'markdown content exceed' });
    this.robotSent.push(now);
    return this.json(res, { errcode: 0, errmsg: 'ok' });
  }
}
