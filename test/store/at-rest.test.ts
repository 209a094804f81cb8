// Personal data at rest: after residents write their phone and ID numbers (some using a phone number as
// their user id), a message is left unprocessed by a "crash", staff claim and answer a ticket under their
// name, neither the SQLite database nor its write-ahead log holds any of it readably, while the service
// still reads it all back in clear.
import { readFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store';
import { KEY_FILE } from '../../src/store/key';
import { auth, buildTestApp } from '../support/service-app';

const SECRETS = ['13912345678', '13812345678', '14220219800101123X', '13700001111', '15500001111', '142202800101123', '18600001111', '王医生', 'zhang.san@qq.com'];

function found(dir: string): string[] {
  const hits: string[] = [];
  for (const name of ['jiuyi.sqlite', 'jiuyi.sqlite-wal']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const s of SECRETS) if (bytes.includes(Buffer.from(s, 'utf8'))) hits.push(`${name}: ${s}`);
  }
  return hits;
}

describe('personal data at rest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jiuyi-at-rest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is found neither in the database nor in its write-ahead log, and is read back in clear', async () => {
    const store = await openStore({ dataDir: dir });
    const t = await buildTestApp({ store });
    // the conversation's token (issued with its first answer) goes with its later messages
    const tokens = new Map<string, string>();
    const post = async (payload: { user: string } & Record<string, unknown>) => {
      const token = tokens.get(payload.user);
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload, headers: token ? { 'x-conversation-token': token } : {} });
      const issued = r.headers['x-conversation-token'];
      if (typeof issued === 'string') tokens.set(payload.user, issued);
      return r;
    };
    try {
      expect((await post({ user: '13912345678', id: 'r1', text: '我电话13812345678，身份证14220219800101123X，邮箱zhang.san@qq.com，忻州透析' })).statusCode).toBe(200);
      const urgent = JSON.parse((await post({ user: '13912345678', id: 'r2', text: '胸痛，打13812345678' })).body) as { ticket: { id: string } };
      await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${urgent.ticket.id}/claim`, headers: auth, payload: { staff: '王医生' } });
      await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${urgent.ticket.id}/reply`, headers: auth, payload: { staff: '王医生', text: '请拨打13700001111' } });
      await t.service.accept({ channel: 'wecom', messageId: 'w1', user: '15500001111', chat: '15500001111', kind: 'text', text: '老身份证142202800101123', sentAt: Date.now() });
      // acknowledged, then the process died before processing it: kept in full, for recovery
      await store.recordInbound({ channel: 'telegram', messageId: 't1', user: '18600001111', chat: '18600001111', kind: 'text', text: '电话18600001111', sentAt: Date.now() });
      await store.set('telegram:staff-name:tg:1', '王医生');
      // the console's records: an account, an audit line, a message put up for review
      await store.createStaff({ username: 'wang', displayName: '王医生', role: 'staff', passwordHash: '$argon2id$x' }, Date.now());
      await store.addAudit({ at: Date.now(), actor: 'wang', action: 'reply', target: urgent.ticket.id, detail: { text: '请拨打13700001111' } });
      await store.addReviewItem({ at: Date.now(), channel: 'api', messageId: 'r1', intent: 'fallback', reason: 'fallback', text: '电话13812345678', reply: '…' });
      await store.putConversationToken('api', '18600001111', 'hash', Date.now());
      await t.service.settled();

      expect(found(dir)).toEqual([]);

      // the service reads it all back in clear
      const tickets = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: auth })).body) as { tickets: { user: string; claimedBy?: string }[] };
      expect(tickets.tickets[0]).toMatchObject({ user: '13912345678', claimedBy: '王医生' });
      expect((await store.unprocessedInbound()).map((m) => [m.user, m.text])).toEqual([['18600001111', '电话18600001111']]);
      expect(await store.get('telegram:staff-name:tg:1')).toBe('王医生');
      expect(await store.getStaff('wang')).toMatchObject({ displayName: '王医生' });
      expect((await store.listAudit({ target: urgent.ticket.id }))[0]).toMatchObject({ actor: 'wang', detail: { text: '请拨打13700001111' } });
      expect((await store.listReviewItems())[0]).toMatchObject({ messageId: 'r1', text: '电话13812345678' });
      expect(await store.getConversationToken('api', '18600001111')).toBe('hash');
      const [staffReply] = (await store.claimDue('api', Date.now() + 1, 10, 1000)).filter((i) => i.meta?.kind === 'staff');
      expect(staffReply).toMatchObject({ chat: '13912345678', text: '请拨打13700001111', meta: { staff: '王医生' } });
    } finally {
      await t.close();
    }
    // checkpointed and closed: the database file alone
    expect(found(dir)).toEqual([]);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});
