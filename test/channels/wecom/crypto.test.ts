import { createCipheriv } from 'node:crypto';
import { decrypt as libDecrypt } from '@wecom/crypto';
import { decrypt, encrypt, signature, verifySignature, WecomCryptoError } from '../../../src/channels/wecom/crypto';
import { AES_KEY, CORP_ID, MESSAGE, TOKEN, VERIFY } from './vectors';

const reason = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof WecomCryptoError ? e.reason : `other: ${(e as Error).message}`;
  }
  return 'no error';
};

/** Encrypts raw plaintext bytes with the key, no padding added (to forge bad paddings / lengths). */
function rawEncrypt(plain: Buffer): string {
  const key = Buffer.from(AES_KEY + '=', 'base64');
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

describe('WXBizMsgCrypt sample vectors', () => {
  it('URL verification: the signature matches and echostr decrypts to 1288432023552776189', () => {
    expect(signature(TOKEN, VERIFY.timestamp, VERIFY.nonce, VERIFY.echostr)).toBe(VERIFY.msg_signature);
    expect(decrypt(AES_KEY, VERIFY.echostr, CORP_ID)).toBe(VERIFY.plain);
  });

  it('sample message: the signature matches and it decrypts to ChenJiaShun saying 你好', () => {
    expect(verifySignature(TOKEN, MESSAGE.timestamp, MESSAGE.nonce, MESSAGE.encrypt, MESSAGE.msg_signature)).toBe(true);
    const plain = decrypt(AES_KEY, MESSAGE.encrypt, CORP_ID);
    expect(plain).toBe(MESSAGE.plain);
    expect(plain).toContain('<FromUserName>ChenJiaShun</FromUserName>');
    expect(plain).toContain('<Content>你好</Content>');
    // agrees with @wecom/crypto's own decryption
    expect(libDecrypt(AES_KEY, MESSAGE.encrypt)).toMatchObject({ message: plain, id: CORP_ID });
  });

  it('a changed character in the signature, timestamp, nonce or ciphertext fails verification', () => {
    const flip = (s: string) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1);
    expect(verifySignature(TOKEN, MESSAGE.timestamp, MESSAGE.nonce, MESSAGE.encrypt, flip(MESSAGE.msg_signature))).toBe(false);
    expect(verifySignature(TOKEN, '1476422780', MESSAGE.nonce, MESSAGE.encrypt, MESSAGE.msg_signature)).toBe(false);
    expect(verifySignature(TOKEN, MESSAGE.timestamp, '1597212915', MESSAGE.encrypt, MESSAGE.msg_signature)).toBe(false);
    expect(verifySignature(TOKEN, MESSAGE.timestamp, MESSAGE.nonce, flip(MESSAGE.encrypt), MESSAGE.msg_signature)).toBe(false);
    expect(verifySignature('another-token', MESSAGE.timestamp, MESSAGE.nonce, MESSAGE.encrypt, MESSAGE.msg_signature)).toBe(false);
    expect(verifySignature(TOKEN, MESSAGE.timestamp, MESSAGE.nonce, MESSAGE.encrypt, '')).toBe(false);
  });
});

describe('decrypt checks', () => {
  it('round-trips through encrypt, padding to a multiple of 32 bytes', () => {
    for (const msg of ['', 'a', 'x'.repeat(11), '你好'.repeat(100)]) {
      const enc = encrypt(AES_KEY, msg, CORP_ID);
      expect(Buffer.from(enc, 'base64').length % 32).toBe(0);
      expect(decrypt(AES_KEY, enc, CORP_ID)).toBe(msg);
    }
  });

  it('refuses a message for another receive id', () => {
    const enc = encrypt(AES_KEY, '<xml/>', 'wwsomeoneelse0000');
    expect(reason(() => decrypt(AES_KEY, enc, CORP_ID))).toBe('receive_id');
    expect(reason(() => decrypt(AES_KEY, VERIFY.echostr, 'ww0000000000000000'))).toBe('receive_id');
  });

  it('refuses bad padding, a lying length field, short or non-base64 input, a bad key', () => {
    const body = Buffer.concat([Buffer.alloc(16, 1), Buffer.from([0, 0, 0, 2]), Buffer.from('hi'), Buffer.from(CORP_ID)]);
    const padTo32 = (b: Buffer, padByte?: number) => {
      const n = 32 - (b.length % 32);
      return Buffer.concat([b, Buffer.alloc(n, padByte ?? n)]);
    };
    expect(decrypt(AES_KEY, rawEncrypt(padTo32(body)), CORP_ID)).toBe('hi');
    // pad bytes that disagree with the pad length
    const bad = padTo32(body);
    bad[bad.length - 2] = 0x01;
    expect(reason(() => decrypt(AES_KEY, rawEncrypt(bad), CORP_ID))).toBe('padding');
    // a pad value of 0 and of 33
    const zero = padTo32(body);
    zero[zero.length - 1] = 0;
    expect(reason(() => decrypt(AES_KEY, rawEncrypt(zero), CORP_ID))).toBe('padding');
    // length field larger than the message
    const lying = Buffer.from(body);
    lying.writeUInt32BE(5000, 16);
    expect(reason(() => decrypt(AES_KEY, rawEncrypt(padTo32(lying)), CORP_ID))).toBe('length');
    expect(reason(() => decrypt(AES_KEY, Buffer.alloc(16).toString('base64'), CORP_ID))).toBe('length');
    expect(reason(() => decrypt(AES_KEY, 'not base64!', CORP_ID))).toBe('base64');
    expect(reason(() => decrypt('short', VERIFY.echostr, CORP_ID))).toBe('aes_key');
  });
});
