// The console's review queue, audit log and today's figures (same authentication as the staff endpoints).
import type { FastifyInstance } from 'fastify';
import type { StaffDesk } from '../../staff';
import { actor, staffGuard } from '../staff-auth';
import { errors, idParams } from '../schemas';
import { security } from './staff';

const reviewItem = {
  type: 'object',
  properties: {
    id: { type: 'string' }, at: { type: 'number' }, channel: { type: 'string' }, locality: { type: 'string' },
    intent: { type: 'string' }, reason: { type: 'string', enum: ['fallback', 'low_confidence', 'not_in_notice', 'false_alarm'] },
    text: { type: 'string', description: "The user's words, redacted" }, reply: { type: 'string', description: "The bot's reply" },
    verdict: { type: 'string', enum: ['fine', 'wrong', 'train'] }, rightIntent: { type: 'string' }, note: { type: 'string' },
    reviewedBy: { type: 'string' }, reviewedAt: { type: 'number' },
  },
} as const;

export function deskRoutes(desk: StaffDesk, adminToken: string | undefined) {
  const c = desk.console;
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preHandler', staffGuard(desk.accounts, adminToken));

    app.get<{ Querystring: { state?: 'pending' | 'reviewed' | 'all'; limit?: number } }>(
      '/api/v1/review',
      {
        schema: {
          tags: ['staff'],
          summary: 'Messages worth a human look (fallback, low confidence, not in the notice, false alarm), grouped by locality and intent',
          security,
          querystring: {
            type: 'object',
            properties: { state: { type: 'string', enum: ['pending', 'reviewed', 'all'], default: 'pending' }, limit: { type: 'integer', minimum: 1, maximum: 2000, default: 300 } },
          },
          response: {
            200: {
              type: 'object',
              properties: {
                intents: { type: 'array', items: { type: 'string' }, description: 'The intents an item may be marked with' },
                groups: {
                  type: 'array',
                  items: { type: 'object', properties: { locality: { type: ['string', 'null'] }, localityName: { type: 'string' }, intent: { type: 'string' }, items: { type: 'array', items: reviewItem } } },
                },
              },
            },
            ...errors(400, 401),
          },
        },
      },
      async (req) => ({ intents: c.intents(), groups: await c.review({ state: req.query.state, limit: req.query.limit }) }),
    );

    app.post<{ Params: { id: string }; Body: { verdict: 'fine' | 'wrong' | 'train'; rightIntent?: string; note?: string; staff?: string } }>(
      '/api/v1/review/:id',
      {
        schema: {
          tags: ['staff'],
          summary: 'Mark a review item: fine, wrong (with the right intent or a note), or train (export it as an example)',
          security,
          params: idParams,
          body: {
            type: 'object',
            required: ['verdict'],
            properties: {
              verdict: { type: 'string', enum: ['fine', 'wrong', 'train'] },
              rightIntent: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' },
              note: { type: 'string', maxLength: 500 },
              staff: { type: 'string', minLength: 1, maxLength: 64 },
            },
            additionalProperties: false,
          },
          response: { 200: reviewItem, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const { verdict, rightIntent, note } = req.body;
        return c.markReview(actor(req), req.params.id, { verdict, ...(rightIntent ? { rightIntent } : {}), ...(note?.trim() ? { note: note.trim() } : {}) });
      },
    );

    app.get<{ Querystring: { limit?: number; target?: string; action?: string } }>(
      '/api/v1/audit',
      {
        schema: {
          tags: ['staff'],
          summary: 'The audit log, newest first: who did what, when',
          security,
          querystring: {
            type: 'object',
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
              target: { type: 'string', maxLength: 128 },
              action: { type: 'string', maxLength: 32 },
            },
          },
          response: {
            200: {
              type: 'object',
              properties: {
                entries: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' }, at: { type: 'number' }, actor: { type: 'string' }, actorName: { type: 'string' },
                      action: { type: 'string' }, target: { type: 'string' }, detail: { type: 'object', additionalProperties: true },
                    },
                  },
                },
              },
            },
            ...errors(400, 401),
          },
        },
      },
      async (req) => ({ entries: await c.auditLog(req.query) }),
    );

    app.get<{ Querystring: { since?: number } }>(
      '/api/v1/stats',
      {
        schema: {
          tags: ['staff'],
          summary: "Figures since a time (default: the last 24 hours): messages, urgent cases, open tickets, time to claim (p50/p90), by locality and hour",
          security,
          querystring: { type: 'object', properties: { since: { type: 'integer', minimum: 0, description: 'ms since epoch (the console sends local midnight)' } } },
          response: {
            200: {
              type: 'object',
              properties: {
                since: { type: 'number' }, until: { type: 'number' }, messages: { type: 'integer' }, urgent: { type: 'integer' }, openTickets: { type: 'integer' },
                timeToClaim: { type: 'object', properties: { n: { type: 'integer' }, p50Ms: { type: ['number', 'null'] }, p90Ms: { type: ['number', 'null'] } } },
                byLocality: {
                  type: 'array',
                  items: { type: 'object', properties: { locality: { type: ['string', 'null'] }, name: { type: 'string' }, messages: { type: 'integer' }, urgent: { type: 'integer' }, open: { type: 'integer' } } },
                },
                byHour: { type: 'array', items: { type: 'object', properties: { hour: { type: 'integer' }, messages: { type: 'integer' } } } },
              },
            },
            ...errors(400, 401),
          },
        },
      },
      async (req) => c.stats(req.query.since),
    );
  };
}
