// Bearer-token check for the staff endpoints: constant-time comparison; no token configured → disabled.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function staffAuth(adminToken: string | undefined): (req: FastifyRequest) => Promise<void> {
  const expected = adminToken ? digest(adminToken) : null;
  return async (req) => {
    if (!expected) throw new ApiError('staff_disabled', undefined, undefined, { 'www-authenticate': 'Bearer' });
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // Comparing digests keeps the comparison constant-time whatever the given token's length.
    if (!m || !timingSafeEqual(digest(m[1] as string), expected))
      throw new ApiError('unauthorized', undefined, undefined, { 'www-authenticate': 'Bearer' });
  };
}
