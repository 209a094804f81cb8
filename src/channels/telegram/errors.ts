// The Bot API's answer to a call, as a SendOutcome the outbox understands.
import type { SendOutcome } from '../../service/ports';

interface ApiErrorLike {
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };
  code?: unknown;
  message?: string;
}

/** Map an error thrown by telegraf's client (TelegramError, or a network error) to a SendOutcome. */
export function outcomeOf(err: unknown): SendOutcome & { ok: false } {
  const e = (err ?? {}) as ApiErrorLike;
  const status = e.response?.error_code;
  if (typeof status !== 'number') {
    // node-fetch FetchError (ECONNREFUSED, ECONNRESET, timeout…): the platform may be back soon.
    const code = typeof e.code === 'string' ? ` ${e.code}` : '';
    return { ok: false, error: `telegram network error${code}: ${e.message ?? String(err)}` };
  }
  const description = e.response?.description ?? '';
  const error = `telegram ${status}: ${description}`;
  if (status === 429) {
    const retryAfter = e.response?.parameters?.retry_after;
    return { ok: false, error, retryAfterMs: typeof retryAfter === 'number' ? retryAfter * 1000 : 1000 };
  }
  // 403: the user blocked the bot, deactivated their account, or the bot was removed from the chat.
  if (status === 403) return { ok: false, error, permanent: true, blocked: true };
  // 400: the request itself is wrong (chat not found, bad markup): retrying will not help.
  if (status === 400) return { ok: false, error, permanent: true };
  // 5xx, and 401/404 (a bad token is a configuration problem, not this message's): try again later.
  return { ok: false, error };
}

/** A loggable one-line description (never the request payload, which holds the user's text). */
export function describeError(err: unknown): string {
  const e = (err ?? {}) as ApiErrorLike;
  if (typeof e.response?.error_code === 'number') return `telegram ${e.response.error_code}: ${e.response.description ?? ''}`;
  return e.message ?? String(err);
}
