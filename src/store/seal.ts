// Encryption of personal data at rest: AES-256-GCM with keys derived (HKDF-SHA256) from one 32-byte data key.
// - `seal`: a random nonce for every value (messages, names, replies): `s1.` + base64url(nonce | tag | text).
// - `sealKey`: for values the store looks things up by (a user id, a chat, a session key, a message id): the
//   nonce is an HMAC of the value under a key of its own, so the same value always seals the same way and
//   an index still finds it, while nothing of it can be read without the key (the SIV construction:
//   deterministic authenticated encryption, which reveals only whether two values are equal). `k1.` + ….
// - `tag`: for ids the store only looks up (message ids): a keyed digest, not reversible. `t1.` + ….
// `open` reads the first two; a value without their prefixes (written before sealing existed, or the bot's
// own words, kept in clear) is returned as it is.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(plain: string): string;
  sealKey(plain: string): string;
  /** A keyed digest (HMAC-SHA256, 128 bits): an id the store only looks up and never gives back, at a
   * fifth of sealKey's cost. `t1.` + 22 characters. */
  tag(plain: string): string;
  open(value: string): string;
}

const NONCE = 12;
const TAG = 16;
const CACHE = 20_000;
/** Tags remembered: the messages in flight (a turn takes milliseconds), not every message seen. */
const TAG_CACHE = 1_000;

export class SealError extends Error {
  override name = 'SealError';
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new SealError(`the data key must be 32 bytes (got ${key.length})`);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `jiuyi ${info}`, 32));
  const kRandom = derive('seal');
  const kKey = derive('seal-key');
  const kNonce = derive('seal-key-nonce');
  const kTag = derive('tag');
  // user ids, chats and session keys come back again and again: their sealed forms are remembered
  const keys = new Map<string, string>();
  const opened = new Map<string, string>();
  // a message's id is tagged when its turn begins and again when it ends, a few ms apart
  const tags = new Map<string, string>();

  const encrypt = (k: Buffer, nonce: Buffer, plain: string, prefix: string): string => {
    const c = createCipheriv('aes-256-gcm', k, nonce);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return prefix + Buffer.concat([nonce, c.getAuthTag(), body]).toString('base64url');
  };
  const remember = (m: Map<string, string>, k: string, v: string) => {
    if (m.size >= CACHE) m.clear();
    m.set(k, v);
  };

  // Random nonces drawn from a pool filled 1,024 at a time (a call to the system's generator per seal cost
  // more than the encryption); 96 random bits a message keep GCM safe for far more messages than a key sees.
  let pool = Buffer.alloc(0);
  let at = 0;
  const nonce = (): Buffer => {
    if (at + NONCE > pool.length) {
      pool = randomBytes(NONCE * 1024);
      at = 0;
    }
    at += NONCE;
    return pool.subarray(at - NONCE, at);
  };

  return {
    seal: (plain) => encrypt(kRandom, nonce(), plain, 's1.'),
    tag(plain) {
      let out = tags.get(plain);
      if (out === undefined) {
        out = `t1.${createHmac('sha256', kTag).update(plain, 'utf8').digest().subarray(0, 16).toString('base64url')}`;
        if (tags.size >= TAG_CACHE) tags.clear();
        tags.set(plain, out);
      }
      return out;
    },
    sealKey(plain) {
      let out = keys.get(plain);
      if (out === undefined) {
        const nonce = createHmac('sha256', kNonce).update(plain, 'utf8').digest().subarray(0, NONCE);
        remember(keys, plain, (out = encrypt(kKey, nonce, plain, 'k1.')));
      }
      return out;
    },
    open(value) {
      const prefix = value.slice(0, 3);
      if (prefix !== 's1.' && prefix !== 'k1.') return value;
      const cached = prefix === 'k1.' ? opened.get(value) : undefined;
      if (cached !== undefined) return cached;
      const raw = Buffer.from(value.slice(3), 'base64url');
      if (raw.length < NONCE + TAG) throw new SealError('a sealed value is truncated');
      const d = createDecipheriv('aes-256-gcm', prefix === 'k1.' ? kKey : kRandom, raw.subarray(0, NONCE));
      d.setAuthTag(raw.subarray(NONCE, NONCE + TAG));
      let plain: string;
      try {
        plain = Buffer.concat([d.update(raw.subarray(NONCE + TAG)), d.final()]).toString('utf8');
      } catch {
        throw new SealError('a sealed value cannot be opened: another data key (JIUYI_DATA_KEY / jiuyi.key) sealed it, or it was altered');
      }
      if (prefix === 'k1.') remember(opened, value, plain);
      return plain;
    },
  };
}
