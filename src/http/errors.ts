// THE error table: every error the HTTP API returns is one of these codes, with its status and message.
// One error handler (server.ts) maps fastify's, the service's and our own errors onto it.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../service/errors';
import { AccountError } from '../staff/accounts';
import { ConsoleError } from '../staff/console';
import { RuleDeskError } from '../staff/rulebooks/desk';

export const ERRORS = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  missing_field: { status: 400, message: 'A required field is missing.' },
  invalid_field: { status: 400, message: 'A field has an invalid value.' },
  not_text: { status: 400, message: 'This does not look like text: paste the notice, or upload it as a UTF-8 .txt file.' },
  unauthorized: { status: 401, message: 'Sign in to the console, or send Authorization: Bearer <your API token or JIUYI_ADMIN_TOKEN>.' },
  staff_disabled: { status: 401, message: 'Staff endpoints are disabled: set JIUYI_ADMIN_TOKEN to enable them.' },
  session_expired: { status: 401, message: 'Your console session has ended: sign in again.' },
  login_failed: { status: 401, message: 'Wrong username or password, or the account is disabled.' },
  conversation_token: { status: 401, message: 'This conversation needs its token (X-Conversation-Token), issued on its first message.' },
  csrf: { status: 403, message: 'Missing or wrong CSRF token (X-CSRF-Token) for a signed-in request that changes something.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  not_found: { status: 404, message: 'No such route.' },
  ticket_not_found: { status: 404, message: 'No such ticket.' },
  staff_not_found: { status: 404, message: 'No such active staff account.' },
  review_not_found: { status: 404, message: 'No such review item.' },
  facility_not_found: { status: 404, message: 'No facility with this id in the rule books.' },
  ticket_state: { status: 409, message: 'The ticket is not in a state that allows this.' },
  ticket_held: { status: 409, message: 'Another staff member holds this ticket: only they or an administrator may act on it.' },
  staff_exists: { status: 409, message: 'An account with this username exists already.' },
  rules_exists: { status: 409, message: 'A rule book with this id exists: publish with replace to put the new one in its place (the old one is kept as a backup).' },
  rules_invalid: { status: 422, message: 'The rule books are invalid: they were not loaded, the ones in use are kept.' },
  nothing_to_draft: { status: 422, message: 'Nothing could be drafted from this text: no facility, designation, procedure or contact was found in it.' },
  draft_failed: { status: 422, message: 'The drafter could not read this text.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  rate_limited: { status: 429, message: 'Too many messages: slow down.' },
  client_rate_limited: { status: 429, message: 'Too many requests from this address: wait a minute.' },
  too_many_logins: { status: 429, message: 'Too many failed sign-ins: wait before trying again.' },
  not_ready: { status: 503, message: 'The service is starting or shutting down.' },
  message_kept: {
    status: 503,
    message:
      'Your message was received and kept, but could not be answered just now. Send it again with the same id after Retry-After: you get its answer, not a second message. Unasked, the answer comes to the mailbox (GET /api/v1/messages) within a few minutes.',
  },
  rules_unavailable: { status: 503, message: 'This service cannot draft or publish rule books: it has no rules directory or cannot reload them.' },
  internal: { status: 500, message: 'Something went wrong on our side; the error is logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; detail?: string };
  requestId: string;
}

/** Throw from a route to answer with a row of the table. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? ERRORS[code].message);
    this.name = 'ApiError';
  }
}

/** Which row of the table an error belongs to, with the field it names. */
export function classify(err: unknown): { code: ErrorCode; field?: string; detail?: string; headers?: Record<string, string> } {
  if (err instanceof ApiError) return { code: err.code, field: err.field, detail: err.detail, headers: err.headers };
  if (err instanceof ServiceError) return { code: err.code, detail: err.message };
  if (err instanceof ConsoleError || err instanceof AccountError) return { code: err.code, detail: err.message };
  if (err instanceof RuleDeskError) return { code: err.code, detail: err.message, ...(err.field ? { field: err.field } : {}) };
  const e = err as Partial<FastifyError> & { validation?: ValidationIssue[]; validationContext?: string };
  if (e.validation?.length) return fromValidation(e.validation, e.validationContext);
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid_json', detail: e.message };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'invalid_json' };
  }
  if (err instanceof SyntaxError && e.statusCode === 400) return { code: 'invalid_json', detail: err.message };
  if (e.statusCode === 413) return { code: 'payload_too_large' };
  if (e.statusCode === 415) return { code: 'unsupported_media_type' };
  if (e.statusCode === 404) return { code: 'not_found' };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { code: 'invalid_field', detail: e.message };
  return { code: 'internal' };
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function fromValidation(issues: ValidationIssue[], context?: string): { code: ErrorCode; field: string; detail: string } {
  const issue = issues[0] as ValidationIssue;
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (issue.keyword === 'required') {
    const missing = String(issue.params.missingProperty ?? '');
    const field = base ? `${base}.${missing}` : missing;
    return { code: 'missing_field', field, detail: `${field}: required${context && context !== 'body' ? ` (in ${context})` : ''}` };
  }
  if (issue.keyword === 'additionalProperties') {
    const extra = String(issue.params.additionalProperty ?? '');
    const field = base ? `${base}.${extra}` : extra;
    return { code: 'invalid_field', field, detail: `${field}: unknown field` };
  }
  const field = base || context || 'body';
  return { code: 'invalid_field', field, detail: `${field}: ${issue.message ?? 'invalid'}` };
}

/** The single error handler. 5xx are logged with the error; 4xx at debug. */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const c = classify(err);
  const row = ERRORS[c.code];
  if (row.status >= 500 && c.code !== 'staff_disabled' && c.code !== 'not_ready' && c.code !== 'rules_unavailable' && c.code !== 'message_kept') req.log.error({ err }, 'request failed');
  else req.log.debug({ code: c.code, field: c.field }, 'request refused');
  const body: ErrorBody = {
    error: { code: c.code, message: row.message, ...(c.field ? { field: c.field } : {}), ...(c.detail && row.status < 500 ? { detail: c.detail } : {}) },
    requestId: req.id,
  };
  if (c.headers) void reply.headers(c.headers);
  return reply.status(row.status).send(body);
}

/** The JSON schema of an error body (OpenAPI). */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: Object.keys(ERRORS) },
        message: { type: 'string' },
        field: { type: 'string' },
        detail: { type: 'string' },
      },
      required: ['code', 'message'],
    },
    requestId: { type: 'string' },
  },
  required: ['error', 'requestId'],
} as const;
