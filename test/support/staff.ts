// Staff accounts and signed-in sessions for HTTP tests: real accounts in the test store, real sign-in.
import type { FastifyInstance } from 'fastify';
import { StaffAccounts } from '../../src/staff/accounts';
import type { Store } from '../../src/store';

export const PASSWORD = 'correct horse battery';

export interface Signed {
  username: string;
  cookie: string;
  csrf: string;
  /** Headers for a signed-in request that changes something. */
  headers: Record<string, string>;
}

export async function addStaff(store: Store, username: string, o: { role?: 'staff' | 'admin'; name?: string } = {}) {
  return new StaffAccounts(store).add({ username, displayName: o.name ?? username, role: o.role ?? 'staff', password: PASSWORD });
}

/** Signs in through POST /api/v1/staff/login, as the page does. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Signed> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${username} refused: ${r.body}`);
  const set = String(r.headers['set-cookie']);
  const cookie = set.split(';')[0]!;
  const { csrf } = JSON.parse(r.body) as { csrf: string };
  return { username, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
