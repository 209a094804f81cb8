// `jiuyi staff …` and `jiuyi review export` against a real store.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { run as review } from '../../src/cli/review';
import { run as staff } from '../../src/cli/staff';
import { StaffAccounts } from '../../src/staff/accounts';
import { openStore, type Store } from '../../src/store';

let store: Store;
let dir: string;
beforeEach(async () => {
  store = await openStore({ dataDir: ':memory:' });
  dir = mkdtempSync(join(tmpdir(), 'jiuyi-cli-'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(fn: typeof staff, args: string[], password?: string) {
  let out = '';
  let err = '';
  const code = await fn(args, { store, out: (s) => void (out += s), err: (s) => void (err += s), readPassword: async () => password ?? '' });
  return { code, out, err };
}

describe('staff', () => {
  it('adds an account with a generated password shown once, lists, resets from stdin, disables, issues a token', async () => {
    const added = await cli(staff, ['add', 'Wang', '--name', '王医生']);
    expect(added.code).toBe(0);
    const password = /password: (\S+)/.exec(added.out)![1]!;
    expect(await new StaffAccounts(store).authenticate('wang', password)).toMatchObject({ username: 'wang', role: 'staff' });
    expect((await cli(staff, ['add', 'boss', '--name', '张主任', '--role', 'admin', '--password-stdin'], 'a long password 1')).out).not.toContain('password:');
    expect((await cli(staff, ['add', 'wang', '--name', 'x'])).err).toContain('exists already');
    expect((await cli(staff, ['add', 'li', '--name', 'x', '--password-stdin'], 'short')).err).toContain('at least 10 characters');
    const list = await cli(staff, ['list']);
    expect(list.out).toMatch(/^boss\s+admin\s+active\s+张主任$/m);
    expect(list.out).toMatch(/^wang\s+staff\s+active\s+王医生$/m);
    expect(list.out).not.toMatch(/argon2/);

    expect((await cli(staff, ['reset', 'wang', '--password-stdin'], 'a new password 2')).code).toBe(0);
    expect(await new StaffAccounts(store).authenticate('wang', password)).toBeNull();
    expect(await new StaffAccounts(store).authenticate('wang', 'a new password 2')).not.toBeNull();
    const token = /^(jy_\S+)$/m.exec((await cli(staff, ['token', 'wang'])).out)![1]!;
    expect(await new StaffAccounts(store).resolveToken(token)).toMatchObject({ username: 'wang', via: 'token' });
    expect((await cli(staff, ['disable', 'wang'])).code).toBe(0);
    expect(await new StaffAccounts(store).authenticate('wang', 'a new password 2')).toBeNull();
    expect(await new StaffAccounts(store).resolveToken(token)).toBeNull();
    expect((await cli(staff, ['list'])).out).toMatch(/^wang\s+staff\s+disabled token\s+王医生$/m);
    expect((await cli(staff, ['disable', 'ghost'])).code).toBe(1);
    expect((await cli(staff, ['frobnicate', 'x'])).code).toBe(2);
  });
});

describe('review export', () => {
  it('writes reviewed examples in the intents/classes format, never the unreviewed or unlabelled ones', async () => {
    const base = { channel: 'web' as const, reason: 'fallback' as const, reply: '…' };
    const a = await store.addReviewItem({ ...base, at: 1, messageId: 'a', intent: 'fallback', text: '今天天气怎么样' });
    const b = await store.addReviewItem({ ...base, at: 2, messageId: 'b', intent: 'designation', reason: 'low_confidence', text: '洗肾去哪' });
    const c = await store.addReviewItem({ ...base, at: 3, messageId: 'c', intent: 'fallback', text: '帮我挂个号' });
    await store.addReviewItem({ ...base, at: 4, messageId: 'd', intent: 'fallback', text: 'not reviewed' });
    const e = await store.addReviewItem({ ...base, at: 5, messageId: 'e', intent: 'designation', text: '肾透析哪家医院' });
    await store.markReviewItem(a.id, { verdict: 'train', rightIntent: 'out_of_scope', reviewedBy: 'wang' }, 10);
    await store.markReviewItem(b.id, { verdict: 'train', reviewedBy: 'wang' }, 10);
    await store.markReviewItem(c.id, { verdict: 'train', reviewedBy: 'wang' }, 10); // fallback with no right intent
    await store.markReviewItem(e.id, { verdict: 'fine', reviewedBy: 'wang' }, 10);

    const r = await cli(review, ['export']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`skipped ${c.id}: no intent to learn (fallback)`);
    const docs = yaml.loadAll(r.out) as { version: number; intent: string; examples: string[] }[];
    expect(docs.map((d) => [d.version, d.intent, d.examples])).toEqual([
      [1, 'designation', ['洗肾去哪']],
      [1, 'out_of_scope', ['今天天气怎么样']],
    ]);
    const file = join(dir, 'examples.yml');
    expect((await cli(review, ['export', '--out', file])).err).toContain('2 examples under 2 intents written to');
    expect(readFileSync(file, 'utf8')).toBe(r.out);
    expect((await cli(review, ['export', '--since', 'yesterday-ish'])).code).toBe(2);
  });
});
