// JSON schemas of the API: they validate requests (400 naming the field) and document it (OpenAPI at /docs).
import { errorSchema } from './errors';

const quickReply = {
  type: 'object',
  properties: { label: { type: 'string' }, value: { type: 'string' } },
  required: ['label', 'value'],
} as const;

export const messageBody = {
  type: 'object',
  required: ['user', 'text'],
  properties: {
    user: { type: 'string', minLength: 1, maxLength: 128, description: 'Stable id of the user: it keys the conversation.' },
    text: { type: 'string', minLength: 1, maxLength: 2000, description: 'What the user wrote.' },
    id: { type: 'string', minLength: 1, maxLength: 128, description: 'Client message id: a repeated id is processed once, and answered with the first answer again.' },
    choice: { type: 'string', maxLength: 200, description: 'The value of a quick reply the user pressed.' },
    channel: { type: 'string', enum: ['api', 'web'], default: 'api' },
    forwardedFrom: { type: 'string', maxLength: 200, description: 'Set when the message was forwarded.' },
    location: {
      type: 'object',
      required: ['latitude', 'longitude'],
      properties: { latitude: { type: 'number', minimum: -90, maximum: 90 }, longitude: { type: 'number', minimum: -180, maximum: 180 } },
    },
  },
  additionalProperties: false,
} as const;

export const messageResponse = {
  type: 'object',
  properties: {
    text: { type: 'string', description: 'The reply as the user reads it (parts joined with a newline); empty when held.' },
    parts: { type: 'array', items: { type: 'string' } },
    urgent: { type: 'boolean' },
    handoff: { type: 'boolean' },
    ask: { type: ['string', 'null'], description: 'The slot the bot asks for (locality, zone, category), or null.' },
    quickReplies: { type: 'array', items: quickReply },
    locality: { type: 'string' },
    intent: { type: 'string' },
    sources: { type: 'array', items: { type: 'string' } },
    script: { type: 'string' },
    lang: { type: 'string' },
    held: { type: 'boolean', description: 'A staff member holds the conversation: the message went to them.' },
    duplicate: { type: 'boolean', description: 'This message id was already answered: the rest is the answer given then (a retry after a lost response gets it again).' },
    ticket: {
      type: 'object',
      properties: { id: { type: 'string' }, state: { type: 'string' } },
    },
    conversation: {
      type: 'object',
      description: 'On the first message of a conversation only: its token, to send as X-Conversation-Token from now on',
      properties: { user: { type: 'string' }, token: { type: 'string' }, channel: { type: 'string' } },
    },
  },
  required: ['text', 'urgent', 'handoff', 'ask', 'quickReplies'],
} as const;

export const mailboxResponse = {
  type: 'object',
  properties: {
    messages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          text: { type: 'string' },
          urgent: { type: 'boolean' },
          kind: { type: 'string' },
          at: { type: 'number' },
          staff: { type: 'string', description: 'Display name of the staff member who wrote it' },
          quickReplies: { type: 'array', items: quickReply },
        },
      },
    },
  },
} as const;

const line = {
  type: 'object',
  properties: { from: { type: 'string', enum: ['user', 'bot', 'staff'] }, text: { type: 'string' }, at: { type: 'number' } },
} as const;

export const ticketSchema = {
  type: 'object',
  properties: {
    localityName: { type: 'string', description: 'The locality by name' },
    reasonText: { type: 'string', description: 'Why it was handed off, in words' },
    claimedByName: { type: 'string', description: 'Display name of the holder' },
    transcript: { type: 'array', items: line, description: 'The conversation so far, oldest first (one ticket only)' },
    id: { type: 'string' },
    channel: { type: 'string' },
    user: { type: 'string' },
    chat: { type: 'string' },
    locality: { type: 'string' },
    reason: { type: 'string' },
    urgent: { type: 'boolean' },
    state: { type: 'string', enum: ['open', 'claimed', 'closed'] },
    claimedBy: { type: 'string' },
    level: { type: 'integer' },
    createdAt: { type: 'number' },
    updatedAt: { type: 'number' },
    lastMessages: {
      type: 'array',
      items: {
        type: 'object',
        properties: { from: { type: 'string' }, text: { type: 'string' }, at: { type: 'number' } },
      },
    },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

/** Optional: claim and close may be posted without a body. */
export const staffBody = {
  type: ['object', 'null'],
  properties: { staff: { type: 'string', minLength: 1, maxLength: 64, description: 'Who acts (default "staff").' } },
  additionalProperties: false,
} as const;

export const staffReplyBody = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 4000 },
    staff: { type: 'string', minLength: 1, maxLength: 64 },
  },
  additionalProperties: false,
} as const;

export const facilityStatusBody = {
  type: 'object',
  required: ['state'],
  properties: {
    state: { type: 'string', enum: ['open', 'full', 'closed'] },
    load: { type: 'string', minLength: 1, maxLength: 32, description: 'Load colour mark id (blue, yellow, red, x) where the locality uses them.' },
    note: { type: 'string', maxLength: 500 },
  },
  additionalProperties: false,
} as const;

export const facilityParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' } },
} as const;

export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorSchema]));

export const closeBody = {
  type: ['object', 'null'],
  properties: {
    staff: { type: 'string', minLength: 1, maxLength: 64, description: 'Who acts (bootstrap token only).' },
    message: { type: 'string', maxLength: 2000, description: 'A closing message the user receives before the ticket closes.' },
  },
  additionalProperties: false,
} as const;

export const transferBody = {
  type: 'object',
  required: ['to'],
  properties: {
    to: { type: 'string', minLength: 1, maxLength: 64, description: 'Username of the staff member who takes it.' },
    staff: { type: 'string', minLength: 1, maxLength: 64 },
  },
  additionalProperties: false,
} as const;
