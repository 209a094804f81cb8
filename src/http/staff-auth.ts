// Who is calling a staff endpoint: a signed-in browser (the session cookie, and on requests that change
// something its CSRF token in X-CSRF-Token), an account's API token, or the shared bootstrap token
// (JIUYI_ADMIN_TOKEN, an administrator named by the body's `staff`). Sets `req.actor`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, StaffAccounts } from '../staff/accounts';
import { sameSecret } from '../staff/tokens';
import { ApiError } from './errors';

export const SESSION_COOKIE = 'jiuyi_staff';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    /** The session cookie's value, when the actor came from one. */
    staffSession?: string;
  }
}

/** The value of one cookie from the Cookie header, or undefined. */
export function readCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Set-Cookie for the session: HttpOnly, SameSite=Strict, Secure when the request came over https. */
export function sessionCookie(req: FastifyRequest, value: string, maxAgeS: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor(maxAgeS))}${secure}`;
}

export function staffGuard(accounts: StaffAccounts, adminToken: string | undefined) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      const token = m?.[1];
      if (token && adminToken && sameSecret(token, adminToken)) {
        const named = (req.body as { staff?: unknown } | undefined)?.staff;
        const name = typeof named === 'string' && named ? named : 'admin';
        req.actor = { username: name, displayName: name, role: 'admin', via: 'bootstrap' };
        return;
      }
      const actor = token ? await accounts.resolveToken(token) : null;
      if (!actor) throw new ApiError('unauthorized', undefined, undefined, { 'www-authenticate': 'Bearer' });
      req.actor = actor;
      return;
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    if (!cookie) throw new ApiError('unauthorized', undefined, undefined, { 'www-authenticate': 'Bearer' });
    const s = await accounts.resolveSession(cookie);
    if (!s) {
      void reply.header('set-cookie', sessionCookie(req, '', 0));
      throw new ApiError('session_expired');
    }
    if (!SAFE.has(req.method)) {
      const given = req.headers['x-csrf-token'];
      if (typeof given !== 'string' || !sameSecret(given, s.csrf)) throw new ApiError('csrf');
    }
    req.actor = s.actor;
    req.staffSession = cookie;
  };
}

/** The request's actor (set by staffGuard). */
export function actor(req: FastifyRequest): Actor {
  if (!req.actor) throw new ApiError('unauthorized');
  return req.actor;
}

export function requireAdmin(req: FastifyRequest): Actor {
  const a = actor(req);
  if (a.role !== 'admin') throw new ApiError('forbidden', 'administrators only');
  return a;
}
