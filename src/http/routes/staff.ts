// Staff endpoints (a console session, an account's API token, or the bootstrap token): the inbox —
// list, one ticket with its transcript, claim, reply through the bot, transfer, close with a closing
// message, false alarm — and live status.
import type { FastifyInstance } from 'fastify';
import type { Ticket } from '../../service/ports';
import type { StaffDesk } from '../../staff';
import { ApiError } from '../errors';
import { actor, staffGuard } from '../staff-auth';
import { closeBody, errors, facilityParams, facilityStatusBody, idParams, staffBody, staffReplyBody, ticketSchema, transferBody } from '../schemas';

export const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { session: [] }];

export function staffRoutes(desk: StaffDesk, adminToken: string | undefined) {
  const c = desk.console;
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preHandler', staffGuard(desk.accounts, adminToken));

    app.get<{ Querystring: { state?: Ticket['state'] | 'active' } }>(
      '/api/v1/tickets',
      {
        schema: {
          tags: ['staff'],
          summary: 'Handoff tickets (default: open and claimed): urgent first, then open before claimed, then the longest waiting',
          security,
          querystring: {
            type: 'object',
            properties: { state: { type: 'string', enum: ['active', 'open', 'claimed', 'closed'], default: 'active' } },
          },
          response: { 200: { type: 'object', properties: { tickets: { type: 'array', items: ticketSchema } } }, ...errors(400, 401) },
        },
      },
      async (req) => {
        const state = req.query.state;
        if (!state || state === 'active') return { tickets: await c.inbox() };
        return { tickets: await c.list(state) };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/tickets/:id',
      { schema: { tags: ['staff'], summary: 'One ticket, with its transcript', security, params: idParams, response: { 200: ticketSchema, ...errors(401, 404) } } },
      async (req) => c.ticket(req.params.id),
    );

    app.post<{ Params: { id: string }; Body: { staff?: string } | undefined }>(
      '/api/v1/tickets/:id/claim',
      {
        schema: {
          tags: ['staff'],
          summary: 'Claim a ticket: from now on the bot stays silent for that user and their messages come to you',
          security,
          params: idParams,
          body: staffBody,
          response: { 200: ticketSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => c.claim(actor(req), req.params.id),
    );

    app.post<{ Params: { id: string }; Body: { text: string; staff?: string } }>(
      '/api/v1/tickets/:id/reply',
      {
        schema: {
          tags: ['staff'],
          summary: "Reply to the ticket's user through the bot, on their channel (claims an open ticket; a claimed one only its holder or an administrator)",
          security,
          params: idParams,
          body: staffReplyBody,
          response: { 200: ticketSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => c.reply(actor(req), req.params.id, req.body.text),
    );

    app.post<{ Params: { id: string }; Body: { to: string; staff?: string } }>(
      '/api/v1/tickets/:id/transfer',
      {
        schema: {
          tags: ['staff'],
          summary: 'Hand a ticket to another staff member (its holder, or an administrator)',
          security,
          params: idParams,
          body: transferBody,
          response: { 200: ticketSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => c.transfer(actor(req), req.params.id, req.body.to),
    );

    app.post<{ Params: { id: string }; Body: { staff?: string; message?: string } | undefined }>(
      '/api/v1/tickets/:id/close',
      {
        schema: {
          tags: ['staff'],
          summary: 'Close a ticket, with an optional closing message the user receives: the bot answers the user again',
          security,
          params: idParams,
          body: closeBody,
          response: { 200: ticketSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => c.close(actor(req), req.params.id, req.body?.message),
    );

    app.post<{ Params: { id: string }; Body: { staff?: string } | undefined }>(
      '/api/v1/tickets/:id/false-alarm',
      {
        schema: {
          tags: ['staff'],
          summary: 'Mark an urgent handoff a false alarm: the message that raised it joins the review queue',
          security,
          params: idParams,
          body: staffBody,
          response: { 200: { type: 'object', properties: { review: { type: 'string' } } }, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => ({ review: (await c.falseAlarm(actor(req), req.params.id)).id }),
    );

    const statusSchema = {
      type: 'object',
      properties: {
        facilities: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { state: { type: 'string' }, load: { type: 'string' }, note: { type: 'string' }, updatedAt: { type: 'string' } },
          },
        },
      },
    } as const;

    app.get(
      '/api/v1/status',
      { schema: { tags: ['staff'], summary: 'The live-status overlay', security, response: { 200: statusSchema, ...errors(401) } } },
      async () => c.status(),
    );

    app.get(
      '/api/v1/facilities',
      {
        schema: {
          tags: ['staff'],
          summary: 'Every facility of every rule book with its live state, load colour and who changed it last',
          security,
          response: {
            200: {
              type: 'object',
              properties: {
                facilities: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' }, name: { type: 'string' }, locality: { type: 'string' }, localityName: { type: 'string' },
                      state: { type: 'string' }, load: { type: 'string' }, note: { type: 'string' }, updatedAt: { type: 'string' },
                      changedBy: { type: 'string' }, changedByName: { type: 'string' },
                    },
                  },
                },
                loadMarks: {
                  type: 'object',
                  additionalProperties: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, meaning: { type: 'string' } } } },
                },
              },
            },
            ...errors(401),
          },
        },
      },
      async () => ({ facilities: await c.facilities(), loadMarks: c.loadMarks() }),
    );

    app.put<{ Params: { id: string }; Body: { state: 'open' | 'full' | 'closed'; load?: string; note?: string } }>(
      '/api/v1/status/facilities/:id',
      {
        schema: {
          tags: ['staff'],
          summary: "Set a facility's live status (full → the first backup is named; closed; load colour); answers change at once",
          description: '`open` without `load` or `note` clears the overlay for that facility. The change and its author go to the audit log.',
          security,
          params: facilityParams,
          body: facilityStatusBody,
          response: { 200: statusSchema, ...errors(400, 401, 404) },
        },
      },
      async (req) => {
        if (!req.actor) throw new ApiError('unauthorized');
        return c.setStatus(req.actor, req.params.id, req.body);
      },
    );
  };
}
