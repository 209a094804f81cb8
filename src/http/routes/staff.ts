// Staff endpoints (bearer token): tickets — list, claim, reply through the bot, close — and live status.
import type { FastifyInstance } from 'fastify';
import type { Ticket } from '../../service/ports';
import type { Service } from '../../service/service';
import { staffAuth } from '../auth';
import { ApiError } from '../errors';
import { errors, facilityParams, facilityStatusBody, idParams, staffBody, staffReplyBody, ticketSchema } from '../schemas';

const security = [{ bearer: [] }];
const DEFAULT_STAFF = 'staff';

export function staffRoutes(service: Service, adminToken: string | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('onRequest', staffAuth(adminToken));

    app.get<{ Querystring: { state?: Ticket['state'] | 'active' } }>(
      '/api/v1/tickets',
      {
        schema: {
          tags: ['staff'],
          summary: 'Handoff tickets (default: open and claimed), newest first',
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
        return { tickets: await service.list(state && state !== 'active' ? { state } : undefined) };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/tickets/:id',
      { schema: { tags: ['staff'], summary: 'One ticket', security, params: idParams, response: { 200: ticketSchema, ...errors(401, 404) } } },
      async (req) => {
        const t = await service.get(req.params.id);
        if (!t) throw new ApiError('ticket_not_found', `no ticket ${req.params.id}`);
        return t;
      },
    );

    app.post<{ Params: { id: string }; Body: { staff?: string } | undefined }>(
      '/api/v1/tickets/:id/claim',
      {
        schema: {
          tags: ['staff'],
          summary: 'Claim a ticket: from now on the bot stays silent for that user and their messages come to staff',
          security,
          params: idParams,
          body: staffBody,
          response: { 200: ticketSchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) => service.claim(req.params.id, req.body?.staff ?? DEFAULT_STAFF),
    );

    app.post<{ Params: { id: string }; Body: { text: string; staff?: string } }>(
      '/api/v1/tickets/:id/reply',
      {
        schema: {
          tags: ['staff'],
          summary: "Reply to the ticket's user through the bot, on their channel (claims an open ticket)",
          security,
          params: idParams,
          body: staffReplyBody,
          response: { 200: ticketSchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) => service.reply(req.params.id, req.body.staff ?? DEFAULT_STAFF, req.body.text),
    );

    app.post<{ Params: { id: string }; Body: { staff?: string } | undefined }>(
      '/api/v1/tickets/:id/close',
      {
        schema: {
          tags: ['staff'],
          summary: 'Close a ticket: the bot answers the user again',
          security,
          params: idParams,
          body: staffBody,
          response: { 200: ticketSchema, ...errors(400, 401, 404) },
        },
      },
      async (req) => service.close(req.params.id, req.body?.staff ?? DEFAULT_STAFF),
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
      async () => service.status(),
    );

    app.put<{ Params: { id: string }; Body: { state: 'open' | 'full' | 'closed'; load?: string; note?: string } }>(
      '/api/v1/status/facilities/:id',
      {
        schema: {
          tags: ['staff'],
          summary: "Set a facility's live status (full → the first backup is named; closed; load colour); answers change at once",
          description: '`open` without `load` or `note` clears the overlay for that facility.',
          security,
          params: facilityParams,
          body: facilityStatusBody,
          response: { 200: statusSchema, ...errors(400, 401) },
        },
      },
      async (req) => service.setFacilityStatus(req.params.id, req.body),
    );
  };
}
