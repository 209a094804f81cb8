// Signing in and out of the console, who is signed in, the staff list, and the live event stream (SSE).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffDesk } from '../../staff';
import { ApiError } from '../errors';
import { actor, sessionCookie, staffGuard } from '../staff-auth';
import { errors as errorSchemas } from '../schemas';
import { security } from './staff';

const me = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ['staff', 'admin'] },
    csrf: { type: 'string', description: 'Send as X-CSRF-Token on every signed-in request that changes something' },
    expiresAt: { type: 'number' },
  },
} as const;

const HEARTBEAT_MS = 20_000;

export function consoleRoutes(desk: StaffDesk, adminToken: string | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    // Open event streams would hold the server open: they end when it closes.
    const openStreams = new Set<() => void>();
    app.addHook('preClose', (done) => {
      for (const finish of [...openStreams]) finish();
      done();
    });

    // --- public: sign in ---------------------------------------------------------------------------------
    app.post<{ Body: { username: string; password: string } }>(
      '/api/v1/staff/login',
      {
        bodyLimit: 4096,
        schema: {
          tags: ['staff'],
          summary: 'Sign in to the console: sets an HttpOnly session cookie and returns the CSRF token',
          body: {
            type: 'object',
            required: ['username', 'password'],
            properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
            additionalProperties: false,
          },
          response: { 200: me, ...errorSchemas(400, 401, 429) },
        },
      },
      async (req, reply) => {
        const { username, password } = req.body;
        const now = Date.now();
        const wait = desk.logins.blockedFor(username, req.ip, now);
        if (wait > 0) throw new ApiError('too_many_logins', undefined, undefined, { 'retry-after': String(Math.ceil(wait / 1000)) });
        const account = await desk.accounts.authenticate(username, password);
        if (!account) {
          desk.logins.failed(username, req.ip, now);
          req.log.info({ staff: username.slice(0, 64) }, 'console sign-in refused');
          throw new ApiError('login_failed');
        }
        desk.logins.succeeded(username, req.ip);
        const s = await desk.accounts.startSession(account);
        req.log.info({ staff: account.username }, 'console sign-in');
        void reply.header('set-cookie', sessionCookie(req, s.cookie, (s.expiresAt - now) / 1000));
        return { username: account.username, displayName: account.displayName, role: account.role, csrf: s.csrf, expiresAt: s.expiresAt };
      },
    );

    // --- signed in ---------------------------------------------------------------------------------------
    await app.register(async (signed) => {
      signed.addHook('preHandler', staffGuard(desk.accounts, adminToken));

      signed.get('/api/v1/staff/me', { schema: { tags: ['staff'], summary: 'Who is signed in, with the CSRF token', security, response: { 200: me, ...errorSchemas(401) } } }, async (req) => {
        const a = actor(req);
        const s = req.staffSession ? await desk.accounts.resolveSession(req.staffSession) : null;
        return { username: a.username, displayName: a.displayName, role: a.role, ...(s ? { csrf: s.csrf, expiresAt: s.expiresAt } : {}) };
      });

      signed.post('/api/v1/staff/logout', { schema: { tags: ['staff'], summary: 'Sign out: ends the session', security, response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorSchemas(401, 403) } } }, async (req, reply) => {
        if (req.staffSession) await desk.accounts.endSession(req.staffSession);
        void reply.header('set-cookie', sessionCookie(req, '', 0));
        return { ok: true };
      });

      signed.get(
        '/api/v1/staff',
        {
          schema: {
            tags: ['staff'],
            summary: 'Staff accounts (for transfers): username, display name, role',
            security,
            response: {
              200: {
                type: 'object',
                properties: {
                  staff: { type: 'array', items: { type: 'object', properties: { username: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string' }, disabled: { type: 'boolean' } } } },
                },
              },
              ...errorSchemas(401),
            },
          },
        },
        async () => ({ staff: (await desk.accounts.list()).filter((a) => !a.disabled) }),
      );

      signed.get('/api/v1/events', { schema: { tags: ['staff'], summary: 'Live console events (text/event-stream): ticket, status, review, audit', security } }, async (req, reply) =>
        stream(desk, openStreams, req, reply),
      );
    });
  };
}

/** Server-sent events: one `data:` line of JSON per event, a comment every 20 s to keep proxies open. */
function stream(desk: StaffDesk, openStreams: Set<() => void>, req: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': req.id,
  });
  res.write('retry: 3000\n\n');
  const unsubscribe = desk.hub.subscribe((e) => {
    const out = e.type === 'ticket' ? { ...e, ticket: { id: e.ticket.id, state: e.ticket.state, urgent: e.ticket.urgent } } : e;
    res.write(`event: ${e.type}\ndata: ${JSON.stringify(out)}\n\n`);
  });
  const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  beat.unref();
  const end = () => {
    clearInterval(beat);
    unsubscribe();
    openStreams.delete(finish);
  };
  const finish = () => {
    end();
    res.end();
  };
  openStreams.add(finish);
  req.raw.on('close', end);
}
