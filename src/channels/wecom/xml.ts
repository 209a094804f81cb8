// Callback XML: the outer envelope (<Encrypt>) and the decrypted message, mapped to an Inbound.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Inbound } from '../../core/types';

export class WecomXmlError extends Error {
  constructor(reason: string) {
    super(`wecom xml: ${reason}`);
    this.name = 'WecomXmlError';
  }
}

const parser = new XMLParser({
  // every value stays a string: MsgId is a 64-bit number, CreateTime is compared as text for dedupe keys
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
});

/** Deepest nesting WeCom's XML has is 2 (`<xml><Encrypt>`); anything much deeper is refused before parsing. */
export const MAX_XML_DEPTH = 16;

/** Whether elements nest deeper than `max`: one pass over the text, skipping CDATA, comments and
 * declarations, so that a parser's recursion never sees (and overflows its stack on) thousands of levels. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return false; // malformed: the validator says so
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
      continue;
    }
    const close = text.indexOf('>', i + 1);
    if (close < 0) return false;
    const c = text[i + 1];
    if (c === '/') depth -= 1;
    else if (c !== '?' && c !== '!' && text[close - 1] !== '/' && ++depth > max) return true;
    i = close + 1;
  }
  return false;
}

/** Parses `<xml>…</xml>` into its flat fields (nested elements are kept as objects). */
export function parseXml(text: string): Record<string, unknown> {
  // no DTDs: nothing WeCom sends has one, and entity expansion is an attack surface
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WecomXmlError('doctype not allowed');
  if (nestsDeeperThan(text, MAX_XML_DEPTH)) throw new WecomXmlError(`elements nested more than ${MAX_XML_DEPTH} deep`);
  let doc: Record<string, unknown>;
  try {
    if (XMLValidator.validate(text) !== true) throw new WecomXmlError('malformed');
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    // whatever else the parser trips on is the sender's XML, not our failure
    throw err instanceof WecomXmlError ? err : new WecomXmlError(`malformed (${(err as Error).name})`);
  }
  const root = doc['xml'];
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new WecomXmlError('no <xml> root');
  return root as Record<string, unknown>;
}

export function field(x: Record<string, unknown>, name: string): string | undefined {
  const v = x[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The `<Encrypt>` of a callback's envelope. */
export function envelopeEncrypt(text: string): string {
  const x = parseXml(text);
  const enc = field(x, 'Encrypt');
  if (!enc) throw new WecomXmlError('no <Encrypt>');
  return enc;
}

/** A decrypted callback, classified. */
export type Callback =
  | { type: 'inbound'; inbound: Inbound }
  | { type: 'kf_event'; token: string; openKfid: string }
  | { type: 'ignored'; reason: string };

const KIND: Record<string, string> = { image: 'photo', voice: 'voice', video: 'video', file: 'file', link: 'other' };
/** Events that reach the pipeline (a member opening the app, a menu click); others are acknowledged only. */
const FORWARDED_EVENTS = new Set(['enter_agent', 'subscribe', 'click']);

export function toCallback(plaintext: string, receivedAt: number): Callback {
  const x = parseXml(plaintext);
  const msgType = field(x, 'MsgType');
  const from = field(x, 'FromUserName');
  const createTime = field(x, 'CreateTime');
  const sentAt = createTime && /^\d+$/.test(createTime) ? Number(createTime) * 1000 : receivedAt;
  if (!msgType) throw new WecomXmlError('no <MsgType>');

  if (msgType === 'event') {
    const event = field(x, 'Event') ?? '';
    if (event === 'kf_msg_or_event') {
      const token = field(x, 'Token');
      const openKfid = field(x, 'OpenKfId');
      if (!token || !openKfid) throw new WecomXmlError('kf_msg_or_event without Token/OpenKfId');
      return { type: 'kf_event', token, openKfid };
    }
    if (!from || !createTime) throw new WecomXmlError('event without FromUserName/CreateTime');
    if (!FORWARDED_EVENTS.has(event)) return { type: 'ignored', reason: `event ${event}` };
    const key = field(x, 'EventKey');
    return {
      type: 'inbound',
      inbound: {
        channel: 'wecom',
        // events carry no MsgId: the sender and CreateTime (and the event) identify a retry
        messageId: `event:${from}:${createTime}:${event}`,
        user: from,
        chat: from,
        kind: 'event',
        text: '',
        ...(event === 'click' && key ? { choice: key } : {}),
        sentAt,
      },
    };
  }

  const msgId = field(x, 'MsgId');
  if (!from || !msgId) throw new WecomXmlError('message without FromUserName/MsgId');
  const base = { channel: 'wecom' as const, messageId: msgId, user: from, chat: from, sentAt };
  if (msgType === 'text') return { type: 'inbound', inbound: { ...base, kind: 'text', text: field(x, 'Content') ?? '' } };
  if (msgType === 'location') {
    const latitude = Number(field(x, 'Location_X'));
    const longitude = Number(field(x, 'Location_Y'));
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new WecomXmlError('location without coordinates');
    return { type: 'inbound', inbound: { ...base, kind: 'location', text: field(x, 'Label') ?? '', location: { latitude, longitude } } };
  }
  return { type: 'inbound', inbound: { ...base, kind: KIND[msgType] ?? 'other', text: '' } };
}
