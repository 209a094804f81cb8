// POST /telegram/webhook: the secret-token header checked in constant time, the update handed over,
// 200 as soon as it is persisted (the answer goes out later through the outbox).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Update } from 'telegraf/types';

export const WEBHOOK_PATH = '/telegram/webhook';
const HEADER = 'x-telegram-bot-api-secret-token';

/** Constant-time comparison (digests, so that lengths leak nothing either). */
export function secretMatches(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export function webhookRoutes(opts: {
  secret: string;
  handle(update: Update): Promise<void>;
  logger: Logger;
}): (app: FastifyInstance) => Promise<void> {
  return async (app: FastifyInstance) => {
    app.post(
      WEBHOOK_PATH,
      {
        // Checked before the body is even parsed: a request without the secret is not processed at all.
        onRequest: async (req, reply) => {
          const given = req.headers[HEADER];
          if (typeof given !== 'string' || given.length === 0) return reply.code(401).send({ error: 'missing secret token' });
          if (!secretMatches(opts.secret, given)) return reply.code(403).send({ error: 'wrong secret token' });
        },
        schema: {
          hide: true,
          body: { type: 'object', required: ['update_id'], properties: { update_id: { type: 'integer' } } },
        },
      },
      async (req, reply) => {
        const update = req.body as Update;
        try {
          await opts.handle(update);
        } catch (err) {
          // A bug (a TypeError on a shape nobody foresaw): delivering the same update again cannot help.
          if (err instanceof TypeError || err instanceof RangeError) {
            opts.logger.error({ err, update_id: update.update_id }, 'telegram update failed on a bug: ignored');
            return reply.code(200).send({ ok: true, ignored: true });
          }
          // Not persisted: a 5xx makes Telegram deliver the update again.
          opts.logger.error({ err, update_id: update.update_id }, 'telegram update failed');
          return reply.code(500).send({ error: 'update not processed' });
        }
        return reply.code(200).send({ ok: true });
      },
    );
  };
}
