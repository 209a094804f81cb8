// A fake Telegram Bot API server on loopback (127.0.0.1, port 0): `/bot<token>/<method>` for the methods
// jiuyi uses, recording every call, with the checks the real API makes that matter to us (HTML parse
// mode, message length, callback_data size, "message is not modified") and injectable failures
// (429 with retry_after, 403 blocked, 5xx).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  body: Record<string, any>;
  /** When the call arrived (ms): what the platform's rate limits count. */
  at: number;
}

export interface FakeMessage {
  message_id: number;
  chat: { id: number | string; type: string };
  date: number;
  text: string;
  /** The text as Telegram shows it: tags stripped, entities decoded. */
  plain: string;
  reply_markup?: any;
  reply_parameters?: any;
}

interface Failure {
  method: string;
  status: number;
  description: string;
  parameters?: Record<string, unknown>;
  times: number;
  when?: (body: Record<string, any>) => boolean;
}

const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'span', 'tg-spoiler', 'blockquote']);

/** Parse Telegram-HTML the way the Bot API does, enough to reject what it rejects. Returns the plain text or an error. */
export function parseTelegramHtml(text: string): { plain: string } | { error: string } {
  const stack: string[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) return { error: `Bad Request: can't parse entities: Unclosed start tag at byte offset ${i}` };
      const raw = text.slice(i + 1, end);
      const closing = raw.startsWith('/');
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!HTML_TAGS.has(name)) return { error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (stack.pop() !== name) return { error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}` };
      } else stack.push(name);
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(text.slice(i));
      if (!m) return { error: `Bad Request: can't parse entities: Character '&' is reserved at byte offset ${i}` };
      const e = m[1]!.toLowerCase();
      plain += e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      i += m[0].length;
    } else if (c === '>') {
      return { error: `Bad Request: can't parse entities: Character '>' is reserved at byte offset ${i}` };
    } else {
      plain += c;
      i++;
    }
  }
  if (stack.length > 0) return { error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { plain };
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  calls: FakeCall[];
  /** Messages the bot sent (and edited in place), by order of sending. */
  messages: FakeMessage[];
  callsTo(method: string): FakeCall[];
  /** Messages the bot sent to one chat. */
  messagesTo(chat: number | string): FakeMessage[];
  /** Queue an update for getUpdates (update_id assigned when missing). Returns the update. */
  pushUpdate(update: Record<string, any>): Record<string, any>;
  /** Make the next `times` calls of `method` (matching `when`) fail with this answer. */
  fail(method: string, answer: { status: number; description: string; parameters?: Record<string, unknown> }, opts?: { times?: number; when?: (body: Record<string, any>) => boolean }): void;
  /** Resolve once `check()` returns a truthy value (polled every 10 ms), or reject after `ms`. */
  waitFor<T>(check: () => T | undefined | null | false, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export const FAKE_BOT = { id: 7000001, is_bot: true, first_name: 'jiuyi', username: 'jiuyi_test_bot' };

export async function startFakeTelegram(token = '123456:TEST-token_abc'): Promise<FakeTelegram> {
  const calls: FakeCall[] = [];
  const messages: FakeMessage[] = [];
  const failures: Failure[] = [];
  const updates: Record<string, any>[] = [];
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  let waiters: (() => void)[] = [];

  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  function chatOf(chatId: unknown): { id: number | string; type: string } {
    const n = Number(chatId);
    if (Number.isFinite(n)) return { id: n, type: n < 0 ? 'supergroup' : 'private' };
    return { id: String(chatId), type: 'channel' };
  }

  function checkMarkup(markup: any): string | null {
    if (!markup) return null;
    for (const row of markup.inline_keyboard ?? []) {
      for (const b of row) {
        if (typeof b.text !== 'string' || b.text.length === 0) return 'Bad Request: text buttons are unallowed in the inline keyboard';
        if (b.callback_data !== undefined && (Buffer.byteLength(String(b.callback_data)) > 64 || String(b.callback_data).length === 0))
          return 'Bad Request: BUTTON_DATA_INVALID';
      }
    }
    return null;
  }

  function render(body: Record<string, any>): { plain: string } | { error: string } {
    const text = String(body.text ?? '');
    if (text.length === 0) return { error: 'Bad Request: message text is empty' };
    const parsed = body.parse_mode === 'HTML' ? parseTelegramHtml(text) : { plain: text };
    if ('error' in parsed) return parsed;
    if (parsed.plain.length > 4096) return { error: 'Bad Request: message is too long' };
    const markupError = checkMarkup(body.reply_markup);
    if (markupError) return { error: markupError };
    return parsed;
  }

  async function answer(method: string, body: Record<string, any>): Promise<{ status: number; json: any }> {
    const failure = failures.find((f) => f.method === method && f.times > 0 && (!f.when || f.when(body)));
    if (failure) {
      failure.times--;
      if (failure.status >= 500) return { status: failure.status, json: { ok: false, error_code: failure.status, description: failure.description } };
      return {
        status: failure.status,
        json: { ok: false, error_code: failure.status, description: failure.description, ...(failure.parameters ? { parameters: failure.parameters } : {}) },
      };
    }
    const ok = (result: unknown) => ({ status: 200, json: { ok: true, result } });
    const bad = (description: string) => ({ status: 400, json: { ok: false, error_code: 400, description } });
    switch (method) {
      case 'getMe':
        return ok(FAKE_BOT);
      case 'setWebhook':
      case 'deleteWebhook':
        return ok(true);
      case 'getChat':
        return ok({ id: -1009999, type: 'supergroup', title: String(body.chat_id) });
      case 'answerCallbackQuery':
        if (!body.callback_query_id) return bad('Bad Request: query is too old and response timeout expired or query ID is invalid');
        return ok(true);
      case 'sendMessage': {
        if (body.chat_id === undefined || body.chat_id === '') return bad('Bad Request: chat not found');
        const r = render(body);
        if ('error' in r) return bad(r.error);
        const msg: FakeMessage = {
          message_id: nextMessageId++,
          chat: chatOf(body.chat_id),
          date: Math.floor(Date.now() / 1000),
          text: String(body.text),
          plain: r.plain,
          ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
          ...(body.reply_parameters ? { reply_parameters: body.reply_parameters } : {}),
        };
        messages.push(msg);
        return ok({ message_id: msg.message_id, chat: msg.chat, date: msg.date, text: msg.plain, from: FAKE_BOT, ...(msg.reply_markup ? { reply_markup: msg.reply_markup } : {}) });
      }
      case 'editMessageText': {
        const msg = messages.find((m) => String(m.chat.id) === String(body.chat_id) && m.message_id === Number(body.message_id));
        if (!msg) return bad('Bad Request: message to edit not found');
        const r = render(body);
        if ('error' in r) return bad(r.error);
        const markup = body.reply_markup && (body.reply_markup.inline_keyboard?.length ?? 0) > 0 ? body.reply_markup : undefined;
        if (msg.text === String(body.text) && JSON.stringify(msg.reply_markup) === JSON.stringify(markup))
          return bad('Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        msg.text = String(body.text);
        msg.plain = r.plain;
        if (markup) msg.reply_markup = markup;
        else delete msg.reply_markup;
        return ok({ message_id: msg.message_id, chat: msg.chat, date: msg.date, text: msg.plain });
      }
      case 'editMessageReplyMarkup':
        return ok(true);
      case 'getUpdates': {
        const offset = Number(body.offset ?? 0);
        // Updates below the offset are confirmed: forget them.
        while (updates.length > 0 && updates[0]!.update_id < offset) updates.shift();
        if (updates.length === 0 && Number(body.timeout ?? 0) > 0) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, Number(body.timeout) * 1000);
            waiters.push(() => {
              clearTimeout(t);
              resolve();
            });
          });
        }
        return ok(updates.filter((u) => u.update_id >= offset).slice(0, Number(body.limit ?? 100)));
      }
      default:
        return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0]!);
      if (!m) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      if (m[1] !== token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, any> = {};
      const type = String(req.headers['content-type'] ?? '');
      try {
        if (raw && type.includes('json')) body = JSON.parse(raw);
        else if (raw && type.includes('x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
        const q = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
        for (const [k, v] of q) body[k] ??= v;
      } catch {
        return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      for (const k of ['reply_markup', 'reply_parameters', 'allowed_updates'])
        if (typeof body[k] === 'string') try { body[k] = JSON.parse(body[k]); } catch { /* left as it is */ }
      const method = m[2]!;
      calls.push({ method, body, at: Date.now() });
      const { status, json } = await answer(method, body);
      send(status, json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    messages,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messagesTo: (chat) => messages.filter((m) => String(m.chat.id) === String(chat)),
    pushUpdate(update) {
      const u = { update_id: update.update_id ?? nextUpdateId++, ...update };
      updates.push(u);
      updates.sort((a, b) => a.update_id - b.update_id);
      wake();
      return u;
    },
    fail(method, a, opts = {}) {
      failures.push({ method, status: a.status, description: a.description, parameters: a.parameters, times: opts.times ?? 1, when: opts.when });
    },
    async waitFor(check, ms = 3000) {
      const until = Date.now() + ms;
      for (;;) {
        const v = check();
        if (v) return v as any;
        if (Date.now() > until) throw new Error('fake telegram: timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

let seq = 0;
/** Telegram update builders (private chat with user `userId` unless said otherwise). */
export const tg = {
  user: (id = 501, name = '小王') => ({ id, is_bot: false, first_name: name }),
  text(text: string, o: { userId?: number; chatId?: number; chatType?: string; replyTo?: number; extra?: Record<string, unknown> } = {}) {
    const userId = o.userId ?? 501;
    const chatId = o.chatId ?? userId;
    return {
      message: {
        message_id: ++seq,
        date: 1_700_000_000,
        from: tg.user(userId),
        chat: { id: chatId, type: o.chatType ?? (chatId < 0 ? 'supergroup' : 'private') },
        text,
        ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] } : {}),
        ...(o.replyTo ? { reply_to_message: { message_id: o.replyTo, date: 1_700_000_000, chat: { id: chatId, type: 'supergroup' }, text: '…' } } : {}),
        ...o.extra,
      },
    };
  },
  message(fields: Record<string, unknown>, o: { userId?: number } = {}) {
    const userId = o.userId ?? 501;
    return { message: { message_id: ++seq, date: 1_700_000_000, from: tg.user(userId), chat: { id: userId, type: 'private' }, ...fields } };
  },
  callback(data: string, o: { userId?: number; chatId?: number; messageId?: number; name?: string } = {}) {
    const userId = o.userId ?? 501;
    const chatId = o.chatId ?? userId;
    return {
      callback_query: {
        id: `cb${++seq}`,
        from: tg.user(userId, o.name),
        chat_instance: 'ci',
        data,
        message: { message_id: o.messageId ?? 1, date: 1_700_000_000, chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, text: '…' },
      },
    };
  },
};
