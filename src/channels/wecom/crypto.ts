// The WXBizMsgCrypt scheme of WeCom callbacks: msg_signature = sha1(sort(token, timestamp, nonce, encrypt)),
// AES-256-CBC with key = base64(EncodingAESKey + "="), iv = key[0..16), PKCS#7 padded to 32 bytes, plaintext =
// random(16) | msg_len(4, big-endian) | msg | receive_id.
// @wecom/crypto computes the signature and encrypts correctly; its decrypt does not check the padding, the
// length field or the receive id, so decryption is done here, strictly.
import { createDecipheriv, timingSafeEqual } from 'node:crypto';
import { encrypt as libEncrypt, getSignature } from '@wecom/crypto';

export class WecomCryptoError extends Error {
  constructor(
    /** signature | aes_key | base64 | padding | length | receive_id */
    readonly reason: string,
  ) {
    super(`wecom crypto: ${reason}`);
    this.name = 'WecomCryptoError';
  }
}

export function signature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** Constant-time comparison of the expected signature with the one received. */
export function verifySignature(token: string, timestamp: string, nonce: string, encrypted: string, received: string): boolean {
  const expected = Buffer.from(signature(token, timestamp, nonce, encrypted), 'utf8');
  const got = Buffer.from(received.toLowerCase(), 'utf8');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

function aesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new WecomCryptoError('aes_key');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WecomCryptoError('aes_key');
  return key;
}

/** Decrypts `encrypted` and checks the padding, the length field and that the receive id is `receiveId`. */
export function decrypt(encodingAesKey: string, encrypted: string, receiveId: string): string {
  const key = aesKey(encodingAesKey);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted)) throw new WecomCryptoError('base64');
  const cipherText = Buffer.from(encrypted, 'base64');
  if (cipherText.length === 0 || cipherText.length % 32 !== 0) throw new WecomCryptoError('length');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > 32 || pad > plain.length) throw new WecomCryptoError('padding');
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw new WecomCryptoError('padding');
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw new WecomCryptoError('length');
  const msgLen = body.readUInt32BE(16);
  if (msgLen > body.length - 20) throw new WecomCryptoError('length');
  const id = body.subarray(20 + msgLen).toString('utf8');
  if (id !== receiveId) throw new WecomCryptoError('receive_id');
  return body.subarray(20, 20 + msgLen).toString('utf8');
}

/** Encrypts `message` for `receiveId` (the library's scheme: random prefix, PKCS#7 to 32 bytes). */
export function encrypt(encodingAesKey: string, message: string, receiveId: string, random?: Buffer): string {
  aesKey(encodingAesKey);
  return libEncrypt(encodingAesKey, message, receiveId, random);
}
