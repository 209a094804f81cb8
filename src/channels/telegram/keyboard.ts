// Inline keyboards and the callback_data they carry (at most 64 bytes, so long values go through the kv).
import { createHash } from 'node:crypto';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { QuickReply } from '../../core/types';
import type { KeyValuePort } from '../../service/ports';

/** What a button press means, decoded from its callback_data. */
export type Callback =
  | { kind: 'choice'; value: string } // a quick reply of the bot's question
  | { kind: 'locality'; id: string } // the /locality keyboard
  | { kind: 'lang'; lang: string } // the /lang keyboard
  | { kind: 'claim'; ticketId: string } // staff card
  | { kind: 'close'; ticketId: string } // staff card
  | { kind: 'unknown' };

const MAX_CALLBACK_BYTES = 64;
const kvKey = (hash: string) => `telegram:cb:${hash}`;

/** Encode `prefix:value`; when it does not fit in 64 bytes, store the value and send `#prefix:hash`. */
async function encode(prefix: string, value: string, kv: KeyValuePort): Promise<string> {
  const plain = `${prefix}:${value}`;
  if (Buffer.byteLength(plain, 'utf8') <= MAX_CALLBACK_BYTES) return plain;
  const hash = createHash('sha256').update(plain).digest('base64url').slice(0, 24);
  await kv.set(kvKey(hash), plain);
  return `#${hash}`;
}

export async function decodeCallback(data: string | undefined, kv: KeyValuePort): Promise<Callback> {
  if (!data) return { kind: 'unknown' };
  let plain: string | null = data;
  if (data.startsWith('#')) plain = await kv.get(kvKey(data.slice(1)));
  if (!plain) return { kind: 'unknown' };
  const colon = plain.indexOf(':');
  if (colon < 0) return { kind: 'unknown' };
  const prefix = plain.slice(0, colon);
  const value = plain.slice(colon + 1);
  switch (prefix) {
    case 'q':
      return { kind: 'choice', value };
    case 'loc':
      return { kind: 'locality', id: value };
    case 'lang':
      return { kind: 'lang', lang: value };
    case 'claim':
      return { kind: 'claim', ticketId: value };
    case 'close':
      return { kind: 'close', ticketId: value };
    default:
      return { kind: 'unknown' };
  }
}

/** Lay buttons out in rows: three short labels a row, two medium ones, else one. */
function rows(buttons: InlineKeyboardButton[], labels: string[]): InlineKeyboardButton[][] {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  const perRow = longest <= 6 ? 3 : longest <= 14 ? 2 : 1;
  const out: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

async function keyboard(
  items: { label: string; prefix: string; value: string }[],
  kv: KeyValuePort,
): Promise<InlineKeyboardMarkup> {
  const buttons: InlineKeyboardButton[] = [];
  for (const it of items) buttons.push({ text: it.label, callback_data: await encode(it.prefix, it.value, kv) });
  return { inline_keyboard: rows(buttons, items.map((i) => i.label)) };
}

export function quickReplyKeyboard(quickReplies: QuickReply[], kv: KeyValuePort): Promise<InlineKeyboardMarkup> {
  return keyboard(quickReplies.map((q) => ({ label: q.label, prefix: 'q', value: q.value })), kv);
}

export function localityKeyboard(localities: { id: string; name: string }[], kv: KeyValuePort): Promise<InlineKeyboardMarkup> {
  return keyboard(localities.map((l) => ({ label: l.name, prefix: 'loc', value: l.id })), kv);
}

export const LANGUAGES: { code: string; label: string }[] = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'en', label: 'English' },
];

export function langKeyboard(kv: KeyValuePort): Promise<InlineKeyboardMarkup> {
  return keyboard(LANGUAGES.map((l) => ({ label: l.label, prefix: 'lang', value: l.code })), kv);
}

/** The staff card's buttons for a ticket in `state`. */
export function cardKeyboard(ticketId: string, state: 'open' | 'claimed' | 'closed', kv: KeyValuePort): Promise<InlineKeyboardMarkup> {
  const items: { label: string; prefix: string; value: string }[] = [];
  if (state === 'open') items.push({ label: '认领 Claim', prefix: 'claim', value: ticketId });
  if (state !== 'closed') items.push({ label: '关闭 Close', prefix: 'close', value: ticketId });
  return keyboard(items, kv);
}
