// The whole service as `npm start` runs it (real core, SQLite file, HTTP on loopback), stopped and started
// again on the same data directory: the conversation's locality is remembered, urgent messages are tickets.
// The turns run on a core worker thread (JIUYI_CORE_THREADS=1), as on a machine with four cores or more.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { openStore } from '../../src/store';

const TOKEN = 'restart-test-token-0123';
const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

function boot(dataDir: string): Promise<Running> {
  return start({
    env: { JIUYI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JIUYI_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', JIUYI_CORE_THREADS: '1' },
    logger: silent,
  });
}

/** Conversation tokens by user (issued on the first message; they live in the store, so they survive a restart). */
const tokens = new Map<string, string>();

async function ask(r: Running, user: string, text: string) {
  const known = tokens.get(user);
  const res = await fetch(`${r.url}/api/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(known ? { 'x-conversation-token': known } : {}) },
    body: JSON.stringify({ user, text }),
  });
  expect(res.status).toBe(200);
  const issued = res.headers.get('x-conversation-token');
  if (issued) tokens.set(user, issued);
  return (await res.json()) as { text: string; urgent: boolean; handoff: boolean; locality?: string; ask: string | null; ticket?: { id: string } };
}

describe('a restart on the same SQLite file', () => {
  // (two start-ups, each loading a core worker: seconds each, more on a loaded machine)
  jest.setTimeout(90_000);
  let dir: string;
  let running: Running | null = null;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-restart-'));
  });
  afterAll(async () => {
    await running?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('remembers the locality, keeps urgent messages as tickets, and answers what a crash left unanswered', async () => {
    running = await boot(dir);
    expect(running.store.kind).toBe('sqlite');
    const first = await ask(running, 'resident-1', '我在忻州封控区，需要定期做血液透析，应该去哪家医院？');
    expect(first.locality).toBe('xinzhou');
    expect(first.text).toContain('忻州市人民医院');
    const urgent = await ask(running, 'resident-2', '我在忻州，家里老人突然胸口疼，喘不上气');
    expect(urgent).toMatchObject({ urgent: true, handoff: true });
    expect(urgent.text).toContain('120');
    // staff answer; the user has not polled for it before the restart
    const staff = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const replied = await fetch(`${running.url}/api/v1/tickets/${urgent.ticket!.id}/reply`, { method: 'POST', headers: staff, body: JSON.stringify({ staff: 'dr-wang', text: '已派车，请保持电话畅通' }) });
    expect(replied.status).toBe(200);
    await running.service.settled();
    for (let i = 0; i < 50 && (await running.store.outboxDepth()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    await running.stop();
    running = null;
    expect(fs.existsSync(path.join(dir, 'jiuyi.sqlite'))).toBe(true);

    // a message persisted (acknowledged) just before a crash, never processed
    const crashed = await openStore({ dataDir: dir });
    tokens.set('resident-9', 'c_resident-9-token'); // issued with its first message, before it was recorded
    await crashed.putConversationToken('api', 'resident-9', createHash('sha256').update('c_resident-9-token').digest('hex'), Date.now());
    await crashed.recordInbound({ channel: 'api', messageId: 'crash-1', user: 'resident-9', chat: 'resident-9', kind: 'text', text: '晋江的密接人员要透析去哪里', sentAt: Date.now() - 1000 });
    await crashed.close();

    running = await boot(dir);
    // answered on start, through the outbox, into the mailbox the web chat polls
    let late: { text: string; kind: string }[] = [];
    for (let i = 0; i < 50 && !late.length; i++) {
      late = ((await (await fetch(`${running.url}/api/v1/messages?user=resident-9`, { headers: { 'x-conversation-token': tokens.get('resident-9')! } })).json()) as { messages: typeof late }).messages;
      if (!late.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(late).toEqual([expect.objectContaining({ kind: 'reply', text: expect.stringContaining('磁灶中心卫生院') })]);
    // the staff reply delivered before the restart is still waiting, and handed out once
    const mailbox = async (user: string) =>
      ((await (await fetch(`${running!.url}/api/v1/messages?user=${user}`, { headers: { 'x-conversation-token': tokens.get(user)! } })).json()) as { messages: { kind: string; text: string }[] }).messages;
    expect(await mailbox('resident-2')).toEqual([expect.objectContaining({ kind: 'staff', text: '已派车，请保持电话畅通' })]);
    expect(await mailbox('resident-2')).toEqual([]);

    // no locality in this message: it comes from the session kept in the SQLite file
    const again = await ask(running, 'resident-1', '孕妇产检去哪家医院？');
    expect(again.locality).toBe('xinzhou');
    expect(again.ask).toBeNull();
    expect(again.text).toContain('忻州');
    // a new user without a locality is asked for it (the answer above did not come from nowhere)
    expect((await ask(running, 'resident-3', '孕妇产检去哪家医院？')).ask).toBe('locality');

    const res = await fetch(`${running.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { tickets } = (await res.json()) as { tickets: { id: string; user: string; urgent: boolean; state: string; locality?: string; lastMessages: { from: string; text: string }[] }[] };
    expect(tickets).toEqual([expect.objectContaining({ id: urgent.ticket!.id, user: 'resident-2', urgent: true, state: 'claimed', claimedBy: 'dr-wang', locality: 'xinzhou' })]);
    expect(tickets[0]!.lastMessages[0]).toMatchObject({ from: 'user', text: '我在忻州，家里老人突然胸口疼，喘不上气' });
  });
});
