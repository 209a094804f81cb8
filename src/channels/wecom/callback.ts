// The self-built app's callback: GET /wecom/callback (URL verification) and POST /wecom/callback
// (messages and events, encrypted). A message is persisted through deps.inbound.accept before WeCom gets
// its 200 "success" (WeCom waits 5 s and retries three times: an error answers 500 so it retries);
// a kf_msg_or_event starts a 微信客服 sync in the background. Anything forged, stale, for another corp
// or malformed is refused with a 4xx and logged with the reason only, never the payload.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { InboundPort } from '../../service/ports';
import { decrypt, verifySignature, WecomCryptoError } from './crypto';
import { envelopeEncrypt, toCallback, WecomXmlError } from './xml';

export const CALLBACK_PATH = '/wecom/callback';
export const CALLBACK_BODY_LIMIT = 64 * 1024;

export interface CallbackOptions {
  corpId: string;
  token: string;
  aesKey: string;
  /** Largest accepted |timestamp − now| in seconds; 0 turns the check off. */
  maxSkewS: number;
  inbound: InboundPort;
  logger: Logger;
  now(): number;
  /** A kf_msg_or_event arrived (absent when 微信客服 is not configured). */
  onKfEvent?: (openKfid: string, token: string) => void;
}

interface Query {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function callbackRoutes(o: CallbackOptions): (app: FastifyInstance) => Promise<void> {
  const log = o.logger.child({ channel: 'wecom', route: CALLBACK_PATH });

  const params = (q: Query): { sig: string; ts: string; nonce: string } => {
    const sig = typeof q.msg_signature === 'string' ? q.msg_signature : '';
    const ts = typeof q.timestamp === 'string' ? q.timestamp : '';
    const nonce = typeof q.nonce === 'string' ? q.nonce : '';
    if (!/^[0-9a-fA-F]{40}$/.test(sig) || !/^\d{1,12}$/.test(ts) || nonce.length === 0 || nonce.length > 64) {
      throw new Refused(400, 'missing or malformed msg_signature/timestamp/nonce');
    }
    if (o.maxSkewS > 0 && Math.abs(o.now() / 1000 - Number(ts)) > o.maxSkewS) throw new Refused(403, 'timestamp outside the accepted skew');
    return { sig, ts, nonce };
  };

  const open = (sig: string, ts: string, nonce: string, encrypted: string): string => {
    if (!verifySignature(o.token, ts, nonce, encrypted, sig)) throw new Refused(403, 'bad msg_signature');
    try {
      return decrypt(o.aesKey, encrypted, o.corpId);
    } catch (err) {
      if (err instanceof WecomCryptoError) throw new Refused(err.reason === 'receive_id' ? 403 : 400, `decrypt: ${err.reason}`);
      throw new Refused(400, 'decrypt failed');
    }
  };

  const refuse = (req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply => {
    if (err instanceof Refused) {
      log.warn({ status: err.status, reason: err.reason, ip: req.ip, method: req.method }, 'wecom callback refused');
      return reply.code(err.status).type('text/plain').send(err.status === 403 ? 'forbidden' : 'bad request');
    }
    if (err instanceof WecomXmlError) {
      log.warn({ status: 400, reason: err.message, ip: req.ip, method: req.method }, 'wecom callback refused');
      return reply.code(400).type('text/plain').send('bad request');
    }
    log.error({ err: (err as Error).message }, 'wecom callback failed');
    return reply.code(500).type('text/plain').send('error');
  };

  return async (app: FastifyInstance) => {
    // an encapsulated scope: the raw-body parser applies to these routes only, however they are registered
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT }, (_req, body, done) => done(null, body));
      // oversized bodies (413) and the like are refused by fastify before the handler: log them the same way
      scope.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
        const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
        if (status === 500) log.error({ err: err.message }, 'wecom callback failed');
        else log.warn({ status, reason: err.code ?? 'refused', ip: req.ip, method: req.method }, 'wecom callback refused');
        return reply.code(status).type('text/plain').send(status === 500 ? 'error' : 'bad request');
      });

      scope.get(CALLBACK_PATH, async (req, reply) => {
        try {
          const q = req.query as Query;
          const { sig, ts, nonce } = params(q);
          // the query parser reads '+' as a space; base64 has no spaces
          const echostr = typeof q.echostr === 'string' ? q.echostr.replace(/ /g, '+') : '';
          if (!echostr) throw new Refused(400, 'missing echostr');
          const plain = open(sig, ts, nonce, echostr);
          return reply.code(200).type('text/plain').send(plain);
        } catch (err) {
          return refuse(req, reply, err);
        }
      });

      scope.post(CALLBACK_PATH, { bodyLimit: CALLBACK_BODY_LIMIT }, async (req, reply) => {
        try {
          const { sig, ts, nonce } = params(req.query as Query);
          if (typeof req.body !== 'string' || req.body.length === 0) throw new Refused(400, 'empty body');
          const encrypted = envelopeEncrypt(req.body);
          const cb = toCallback(open(sig, ts, nonce, encrypted), o.now());
          if (cb.type === 'inbound') {
            const { duplicate } = await o.inbound.accept(cb.inbound);
            log.debug({ messageId: cb.inbound.messageId, kind: cb.inbound.kind, duplicate }, 'wecom callback accepted');
          } else if (cb.type === 'kf_event') {
            if (o.onKfEvent) o.onKfEvent(cb.openKfid, cb.token);
            else log.warn('wecom kf event received but 微信客服 is not configured');
          } else {
            log.debug({ reason: cb.reason }, 'wecom callback ignored');
          }
          return reply.code(200).type('text/plain').send('success');
        } catch (err) {
          return refuse(req, reply, err);
        }
      });
    });
  };
}
