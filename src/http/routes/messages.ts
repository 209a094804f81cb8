// POST /api/v1/messages: one message through the same pipeline as every channel; GET: the mailbox
// (staff replies and escalation notices that reached an API / web chat user later).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ChannelName, Inbound } from '../../core/types';
import type { Mailbox } from '../../service/mailbox';
import type { Service } from '../../service/service';
import { ApiError } from '../errors';
import { errors, mailboxResponse, messageBody, messageResponse } from '../schemas';

interface MessageBody {
  user: string;
  text: string;
  id?: string;
  choice?: string;
  channel?: 'api' | 'web';
  forwardedFrom?: string;
  location?: { latitude: number; longitude: number };
}

export function messageRoutes(service: Service, mailbox: Mailbox | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: MessageBody }>(
      '/api/v1/messages',
      {
        bodyLimit: 16 * 1024,
        schema: {
          tags: ['chat'],
          summary: 'Send a message, get the reply',
          description: 'The same pipeline as every channel; `user` keys the conversation (locality, status… are remembered).',
          body: messageBody,
          response: { 200: messageResponse, ...errors(400, 413, 415, 429, 500) },
        },
      },
      async (req) => {
        const b = req.body;
        const channel: ChannelName = b.channel ?? 'api';
        const inbound: Inbound = {
          channel,
          messageId: b.id ?? randomUUID(),
          user: b.user,
          chat: b.user,
          kind: b.location ? 'location' : 'text',
          text: b.text,
          sentAt: Date.now(),
          ...(b.choice ? { choice: b.choice } : {}),
          ...(b.forwardedFrom ? { forwardedFrom: b.forwardedFrom } : {}),
          ...(b.location ? { location: b.location } : {}),
        };
        const r = await service.handle(inbound);
        if (r.rateLimited)
          throw new ApiError('rate_limited', r.rateLimited.text, undefined, {
            'retry-after': String(Math.max(1, Math.ceil(r.rateLimited.retryAfterMs / 1000))),
          });
        const ticket = r.ticket ? { id: r.ticket.id, state: r.ticket.state } : undefined;
        if (!r.reply)
          return { text: '', parts: [], urgent: false, handoff: !!ticket, ask: null, quickReplies: [], held: !r.duplicate, duplicate: r.duplicate, ticket };
        const { parts, urgent, handoff, ask, quickReplies, locality, intent, sources, script, lang } = r.reply;
        return { text: parts.join('\n'), parts, urgent, handoff, ask, quickReplies, locality, intent, sources, script, lang, held: false, duplicate: false, ticket };
      },
    );

    app.get<{ Querystring: { user: string; channel?: 'api' | 'web' } }>(
      '/api/v1/messages',
      {
        schema: {
          tags: ['chat'],
          summary: 'Messages that reached the user later (staff replies, escalation notices); each is returned once',
          querystring: {
            type: 'object',
            required: ['user'],
            properties: { user: { type: 'string', minLength: 1, maxLength: 128 }, channel: { type: 'string', enum: ['api', 'web'] } },
          },
          response: { 200: mailboxResponse, ...errors(400) },
        },
      },
      async (req) => ({ messages: mailbox ? await mailbox.take(req.query.user, req.query.channel ? [req.query.channel] : undefined) : [] }),
    );
  };
}
