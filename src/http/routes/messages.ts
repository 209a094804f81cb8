// POST /api/v1/messages: one message through the same pipeline as every channel; GET: the mailbox
// (staff replies, closing messages and escalation notices that reached an API / web chat user later);
// POST /api/v1/conversations: a new conversation's id and token.
// Every conversation has a token only its owner holds (issued on first contact, conversations.ts), and
// each client address is limited as well as each user: a refused request costs a counter, nothing else.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChannelName, Inbound } from '../../core/types';
import type { Mailbox } from '../../service/mailbox';
import { RateLimiter, type Limiter } from '../../service/rate-limit';
import type { Service } from '../../service/service';
import type { ConversationTokens } from '../conversations';
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

export const TOKEN_HEADER = 'x-conversation-token';

const tokenOf = (req: FastifyRequest): string | undefined => {
  const t = req.headers[TOKEN_HEADER];
  return typeof t === 'string' && t.length <= 200 ? t : undefined;
};

const conversationSchema = {
  type: 'object',
  properties: {
    user: { type: 'string', description: 'The conversation id: send it as `user`' },
    token: { type: 'string', description: 'Send it as X-Conversation-Token with every message and mailbox read; shown once' },
    channel: { type: 'string' },
  },
} as const;

export interface MessageRouteDeps {
  service: Service;
  mailbox?: Mailbox;
  conversations: ConversationTokens;
  /** Messages (and new conversations) one client address may send a minute. */
  perClient: number;
  /** Counts the per-client limit (default: in this process's memory); several instances: in the store. */
  clientLimiter?: Limiter;
}

export function messageRoutes(d: MessageRouteDeps) {
  const clients: Limiter = d.clientLimiter ?? new RateLimiter(d.perClient);
  /** Counts one request of the address; refuses it (429, nothing else done) over the limit. */
  const countClient = async (req: FastifyRequest) => {
    const rl = await clients.hit(req.ip, Date.now());
    if (rl.limited) throw new ApiError('client_rate_limited', undefined, undefined, { 'retry-after': String(Math.max(1, Math.ceil(rl.retryAfterMs / 1000))) });
  };

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { channel?: 'api' | 'web' } | undefined }>(
      '/api/v1/conversations',
      {
        bodyLimit: 1024,
        schema: {
          tags: ['chat'],
          summary: 'Start a conversation: its id and the token that every later request of it must carry',
          body: { type: ['object', 'null'], properties: { channel: { type: 'string', enum: ['api', 'web'], default: 'api' } }, additionalProperties: false },
          response: { 200: conversationSchema, ...errors(400, 429) },
        },
      },
      async (req) => {
        await countClient(req);
        const channel: ChannelName = req.body?.channel ?? 'api';
        const user = `${channel}-${randomUUID()}`;
        const token = await d.conversations.issue(channel, user);
        return { user, token, channel };
      },
    );

    app.post<{ Body: MessageBody }>(
      '/api/v1/messages',
      {
        bodyLimit: 16 * 1024,
        schema: {
          tags: ['chat'],
          summary: 'Send a message, get the reply',
          description:
            'The same pipeline as every channel; `user` keys the conversation (locality, status… are remembered). The first message of a ' +
            'conversation returns `conversation.token`: send it as X-Conversation-Token with every later message and mailbox read. ' +
            'Give each message an `id` and send it again with the same id when the response is lost or is 503 `message_kept`: the answer ' +
            'is given once, never a second message.',
          headers: { type: 'object', properties: { [TOKEN_HEADER]: { type: 'string', description: 'The conversation token (not on its first message)' } } },
          response: { 200: messageResponse, ...errors(400, 401, 413, 415, 429, 500, 503) },
          body: messageBody,
        },
      },
      async (req, reply) => {
        await countClient(req);
        const b = req.body;
        const channel: ChannelName = b.channel ?? 'api';
        const check = await d.conversations.forMessage(channel, b.user, tokenOf(req));
        if (!check.ok) throw new ApiError('conversation_token');
        // also in a header, so that a first message answered with an error still hands over its token
        if (check.issued) void reply.header(TOKEN_HEADER, check.issued);
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
        const r = await d.service.handle(inbound);
        const retryAfter = (ms: number) => ({ 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) });
        if (r.rateLimited) throw new ApiError('rate_limited', r.rateLimited.text, undefined, retryAfter(r.rateLimited.retryAfterMs));
        // recorded, not answered (the service logged why): never a 500, and a retry with the id is no second message
        if (r.kept) throw new ApiError('message_kept', undefined, undefined, retryAfter(r.kept.retryAfterMs));
        const ticket = r.ticket ? { id: r.ticket.id, state: r.ticket.state } : undefined;
        const conversation = check.issued ? { user: b.user, token: check.issued, channel } : undefined;
        if (!r.reply)
          return { text: '', parts: [], urgent: false, handoff: !!ticket, ask: null, quickReplies: [], held: r.held ?? false, duplicate: r.duplicate, ticket, conversation };
        const { parts, urgent, handoff, ask, quickReplies, locality, intent, sources, script, lang } = r.reply;
        return { text: parts.join('\n'), parts, urgent, handoff, ask, quickReplies, locality, intent, sources, script, lang, held: false, duplicate: r.duplicate, ticket, conversation };
      },
    );

    app.get<{ Querystring: { user: string; channel?: 'api' | 'web' } }>(
      '/api/v1/messages',
      {
        schema: {
          tags: ['chat'],
          summary: 'Messages that reached the user later (staff replies, closing messages, escalation notices); each is returned once',
          headers: { type: 'object', properties: { [TOKEN_HEADER]: { type: 'string', description: 'The conversation token' } } },
          querystring: {
            type: 'object',
            required: ['user'],
            properties: { user: { type: 'string', minLength: 1, maxLength: 128 }, channel: { type: 'string', enum: ['api', 'web'], default: 'api' } },
          },
          response: { 200: mailboxResponse, ...errors(400, 401) },
        },
      },
      async (req) => {
        const channel = req.query.channel ?? 'api';
        if (!(await d.conversations.forRead(channel, req.query.user, tokenOf(req)))) throw new ApiError('conversation_token');
        return { messages: d.mailbox ? await d.mailbox.take(req.query.user, [channel]) : [] };
      },
    );
  };
}
