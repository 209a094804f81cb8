// Who may use the staff endpoints: sessions (cookie + CSRF), account API tokens, the bootstrap token.
import { createHash } from 'node:crypto';
import { StaffAccounts } from '../../src/staff/accounts';
import { auth, buildTestApp, type TestApp } from '../support/service-app';
import { addStaff, PASSWORD, signIn } from '../support/staff';

let t: TestApp;
const json = (r: { body: string }) => JSON.parse(r.body);
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeEach(async () => {
  t = await buildTestApp();
  await addStaff(t.store, 'wang', { name: '王医生' });
});
afterEach(async () => {
  await t.close();
});

describe('console sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token, never the password or its hash', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'Wang', password: PASSWORD } });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^jiuyi_staff=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(json(r)).toEqual({ username: 'wang', displayName: '王医生', role: 'staff', csrf: expect.stringMatching(/^[\w-]{43}$/), expiresAt: expect.any(Number) });
    expect(r.body).not.toContain(PASSWORD);
    expect(r.body).not.toContain('argon2');
    const me = await get('/api/v1/staff/me', { cookie: cookie.split(';')[0]! });
    expect(json(me)).toMatchObject({ username: 'wang', csrf: json(r).csrf });
    const list = await get('/api/v1/staff', { cookie: cookie.split(';')[0]! });
    expect(json(list).staff).toEqual([expect.objectContaining({ username: 'wang', displayName: '王医生' })]);
    expect(list.body).not.toMatch(/argon2|passwordHash|tokenHash/);
    // the cookie stored only as a digest
    const value = cookie.split(';')[0]!.split('=')[1]!;
    expect(await t.store.getStaffSession(value)).toBeNull();
    expect(await t.store.getStaffSession(createHash('sha256').update(value).digest('hex'))).not.toBeNull();
  });

  it('marks the cookie Secure behind https (a trusted proxy)', async () => {
    await t.close();
    t = await buildTestApp({ http: { trustProxy: true } });
    await addStaff(t.store, 'wang');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'wang', password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
    expect(String(r.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('refuses a wrong password and an unknown user alike, logs neither password, and limits attempts', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'wang', password: 'secret-guess-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).error.code).toBe('login_failed');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const nobody = await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'nobody', password: 'secret-guess-2' } });
    expect(json(nobody).error.code).toBe('login_failed');
    for (let i = 3; i <= 6; i++) await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'wang', password: `secret-guess-${i}` } });
    const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'wang', password: PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).error.code).toBe('too_many_logins');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await signIn(t.app, 'wang').catch(() => undefined);
    const logs = t.logs.join('');
    expect(logs).not.toContain('secret-guess');
    expect(logs).not.toContain(PASSWORD);
  });

  it('refuses a disabled account, and ends its sessions', async () => {
    const s = await signIn(t.app, 'wang');
    await new StaffAccounts(t.store).disable('wang');
    expect((await get('/api/v1/tickets', { cookie: s.cookie })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'wang', password: PASSWORD } });
    expect(json(again).error.code).toBe('login_failed');
  });
});

describe('signed-in requests', () => {
  it('need a session: none, an unknown one and an expired one are refused', async () => {
    expect(json(await get('/api/v1/tickets')).error.code).toBe('unauthorized');
    expect(json(await get('/api/v1/tickets', { cookie: 'jiuyi_staff=forged' })).error.code).toBe('session_expired');
    const cookie = 'expired-session-value';
    await t.store.createStaffSession({ idHash: createHash('sha256').update(cookie).digest('hex'), username: 'wang', csrf: 'c', createdAt: 1, expiresAt: Date.now() - 1 });
    const expired = await get('/api/v1/tickets', { cookie: `jiuyi_staff=${cookie}` });
    expect(expired.statusCode).toBe(401);
    expect(json(expired).error.code).toBe('session_expired');
    expect(String(expired.headers['set-cookie'])).toContain('Max-Age=0');
  });

  it('that change something need the CSRF token', async () => {
    const s = await signIn(t.app, 'wang');
    expect((await get('/api/v1/tickets', { cookie: s.cookie })).statusCode).toBe(200);
    const put = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/status/facilities/xz_test_hospital', headers, payload: { state: 'full' } });
    const none = await put({ cookie: s.cookie });
    expect(none.statusCode).toBe(403);
    expect(json(none).error.code).toBe('csrf');
    expect((await put({ cookie: s.cookie, 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await t.store.getStatus()).facilities).toEqual({});
    expect((await put(s.headers)).statusCode).toBe(200);
    expect((await t.store.getStatus()).facilities.xz_test_hospital?.state).toBe('full');
    // signed out: the cookie stops working
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/staff/logout', headers: s.headers })).statusCode).toBe(200);
    expect((await get('/api/v1/tickets', { cookie: s.cookie })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it("act as their account; a new one replaces the old; disabled accounts' are refused", async () => {
    const accounts = new StaffAccounts(t.store);
    const first = await accounts.issueToken('wang');
    expect(first).toMatch(/^jy_[\w-]{43}$/);
    expect((await get('/api/v1/staff/me', { authorization: `Bearer ${first}` })).statusCode).toBe(200);
    expect(json(await get('/api/v1/staff/me', { authorization: `Bearer ${first}` }))).toMatchObject({ username: 'wang' });
    const second = await accounts.issueToken('wang');
    expect((await get('/api/v1/tickets', { authorization: `Bearer ${first}` })).statusCode).toBe(401);
    expect((await get('/api/v1/tickets', { authorization: `Bearer ${second}` })).statusCode).toBe(200);
    await accounts.disable('wang');
    expect((await get('/api/v1/tickets', { authorization: `Bearer ${second}` })).statusCode).toBe(401);
    // the bootstrap token still works, as an administrator
    expect(json(await get('/api/v1/staff/me', auth))).toMatchObject({ username: 'admin', role: 'admin' });
  });
});
