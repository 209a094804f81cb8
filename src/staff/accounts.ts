// Staff accounts: created and reset from the CLI, signed in from the console (a session cookie with its CSRF
// token), or used by automation through a per-account API token. Passwords and secrets never leave this
// module other than once, to the person they are issued to; only hashes and digests are stored.
import type { ConsoleStore, StaffAccount, StaffRole } from '../store/console-port';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { digest, newSecret } from './tokens';

/** An account as it may be shown (no hashes). */
export interface StaffView {
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  hasToken: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Who is acting on a request. `via`: how they proved it. */
export interface Actor {
  username: string;
  displayName: string;
  role: StaffRole;
  via: 'session' | 'token' | 'bootstrap';
}

export class AccountError extends Error {
  constructor(
    readonly code: 'invalid_field' | 'staff_exists' | 'staff_not_found',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,31}$/;
export const SESSION_TTL_MS = 12 * 3_600_000;

export const viewOf = (a: StaffAccount): StaffView => ({
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  disabled: a.disabled,
  hasToken: a.tokenHash !== undefined,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export const actorOf = (a: StaffAccount, via: Actor['via']): Actor => ({ username: a.username, displayName: a.displayName, role: a.role, via });

type Store = Pick<
  ConsoleStore,
  | 'createStaff'
  | 'updateStaff'
  | 'getStaff'
  | 'staffByTokenHash'
  | 'listStaff'
  | 'createStaffSession'
  | 'getStaffSession'
  | 'deleteStaffSession'
  | 'deleteStaffSessionsOf'
>;

export class StaffAccounts {
  constructor(
    private readonly store: Store,
    private readonly opts: { now?: () => number; sessionTtlMs?: number } = {},
  ) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  async add(a: { username: string; displayName: string; role: StaffRole; password: string }): Promise<StaffView> {
    const username = a.username.trim().toLowerCase();
    if (!USERNAME.test(username)) throw new AccountError('invalid_field', 'username: 2–32 of a-z 0-9 _ . -, starting with a letter or digit');
    const displayName = a.displayName.trim();
    if (!displayName || displayName.length > 32) throw new AccountError('invalid_field', 'display name: 1–32 characters');
    if (a.role !== 'staff' && a.role !== 'admin') throw new AccountError('invalid_field', 'role: staff or admin');
    const problem = passwordProblem(a.password);
    if (problem) throw new AccountError('invalid_field', `password: ${problem}`);
    const created = await this.store.createStaff({ username, displayName, role: a.role, passwordHash: await hashPassword(a.password) }, this.now());
    if (!created) throw new AccountError('staff_exists', `an account "${username}" exists already`);
    return viewOf(created);
  }

  /** A new password (and, when given, display name or role); signs the account out everywhere. */
  async reset(username: string, password: string): Promise<StaffView> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError('invalid_field', `password: ${problem}`);
    const up = await this.store.updateStaff(username.toLowerCase(), { passwordHash: await hashPassword(password), disabled: false }, this.now());
    if (!up) throw new AccountError('staff_not_found', `no account "${username}"`);
    await this.store.deleteStaffSessionsOf(up.username);
    return viewOf(up);
  }

  /** Disabled accounts cannot sign in, their sessions end and their API token stops working. */
  async disable(username: string): Promise<StaffView> {
    const up = await this.store.updateStaff(username.toLowerCase(), { disabled: true }, this.now());
    if (!up) throw new AccountError('staff_not_found', `no account "${username}"`);
    await this.store.deleteStaffSessionsOf(up.username);
    return viewOf(up);
  }

  async list(): Promise<StaffView[]> {
    return (await this.store.listStaff()).map(viewOf);
  }

  async get(username: string): Promise<StaffView | null> {
    const a = await this.store.getStaff(username.toLowerCase());
    return a ? viewOf(a) : null;
  }

  /** A new API token for the account (the old one stops working); shown once. */
  async issueToken(username: string): Promise<string> {
    const token = newSecret('jy_');
    const up = await this.store.updateStaff(username.toLowerCase(), { tokenHash: digest(token) }, this.now());
    if (!up) throw new AccountError('staff_not_found', `no account "${username}"`);
    return token;
  }

  /** The account when the password is right and the account enabled; null otherwise (same time either way). */
  async authenticate(username: string, password: string): Promise<StaffAccount | null> {
    const a = await this.store.getStaff(username.trim().toLowerCase());
    const ok = await verifyPassword(a?.passwordHash ?? null, password);
    return a && ok && !a.disabled ? a : null;
  }

  /** A new session for a signed-in account: the cookie value and the CSRF token go to the browser. */
  async startSession(a: StaffAccount): Promise<{ cookie: string; csrf: string; expiresAt: number }> {
    const cookie = newSecret();
    const csrf = newSecret();
    const now = this.now();
    const expiresAt = now + (this.opts.sessionTtlMs ?? SESSION_TTL_MS);
    await this.store.createStaffSession({ idHash: digest(cookie), username: a.username, csrf, createdAt: now, expiresAt });
    return { cookie, csrf, expiresAt };
  }

  /** The session's account and CSRF token, or null (unknown, expired, or the account disabled). */
  async resolveSession(cookie: string): Promise<{ actor: Actor; csrf: string; expiresAt: number } | null> {
    const s = await this.store.getStaffSession(digest(cookie));
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      await this.store.deleteStaffSession(s.idHash);
      return null;
    }
    const a = await this.store.getStaff(s.username);
    if (!a || a.disabled) return null;
    return { actor: actorOf(a, 'session'), csrf: s.csrf, expiresAt: s.expiresAt };
  }

  async endSession(cookie: string): Promise<void> {
    await this.store.deleteStaffSession(digest(cookie));
  }

  /** The account holding this API token, when enabled. */
  async resolveToken(token: string): Promise<Actor | null> {
    if (!token.startsWith('jy_')) return null;
    const a = await this.store.staffByTokenHash(digest(token));
    return a && !a.disabled ? actorOf(a, 'token') : null;
  }
}
