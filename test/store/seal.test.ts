import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dataDirKey, KEY_FILE, parseDataKey } from '../../src/store/key';
import { createSealer, SealError } from '../../src/store/seal';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('sealing', () => {
  const s = createSealer(randomBytes(32));

  it('seals with a new nonce every time, and opens what it sealed', () => {
    const a = s.seal('我电话13912345678');
    const b = s.seal('我电话13912345678');
    expect(a).not.toBe(b);
    expect(a.startsWith('s1.')).toBe(true);
    expect(a).not.toContain('13912345678');
    expect(s.open(a)).toBe('我电话13912345678');
    expect(s.open(s.seal(''))).toBe('');
  });

  it('seals lookup values the same way every time, different values differently', () => {
    expect(s.sealKey('13912345678')).toBe(s.sealKey('13912345678'));
    expect(s.sealKey('13912345678')).not.toBe(s.sealKey('13912345679'));
    expect(s.sealKey('13912345678').startsWith('k1.')).toBe(true);
    expect(s.open(s.sealKey('api:13912345678'))).toBe('api:13912345678');
    // not the random form's key either
    expect(s.sealKey('x')).not.toBe(s.seal('x'));
  });

  it('refuses what another key sealed, or what was altered', () => {
    const other = createSealer(randomBytes(32));
    expect(() => other.open(s.seal('x'))).toThrow(SealError);
    const sealed = s.seal('hello');
    // flip one bit of the sealed bytes (editing a base64 character can leave the bytes unchanged)
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw.writeUInt8((raw.at(-1) as number) ^ 1, raw.length - 1);
    const altered = `s1.${raw.toString('base64url')}`;
    expect(altered).not.toBe(sealed);
    expect(() => s.open(altered)).toThrow(SealError);
    expect(() => s.open('s1.abc')).toThrow(/truncated/);
  });

  it('passes through values written before sealing', () => {
    expect(s.open('13912345678')).toBe('13912345678');
    expect(s.open('')).toBe('');
  });

  it('needs a 32-byte key', () => {
    expect(() => createSealer(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('the data key', () => {
  it('is created in the data directory with mode 0600, then read back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuyi-key-'));
    dirs.push(dir);
    const a = dataDirKey(dir);
    expect(a).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(dataDirKey(dir).equals(a)).toBe(true);
    writeFileSync(join(dir, KEY_FILE), 'not a key');
    expect(() => dataDirKey(dir)).toThrow(`${join(dir, KEY_FILE)} does not hold a data key`);
    expect(readFileSync(join(dir, KEY_FILE), 'utf8')).toBe('not a key');
  });

  it('is read from 64 hex digits or base64 of 32 bytes', () => {
    const k = randomBytes(32);
    expect(parseDataKey(k.toString('hex'))!.equals(k)).toBe(true);
    expect(parseDataKey(k.toString('base64'))!.equals(k)).toBe(true);
    expect(parseDataKey(k.toString('base64url'))!.equals(k)).toBe(true);
    expect(parseDataKey('abc')).toBeNull();
    expect(parseDataKey(randomBytes(16).toString('hex'))).toBeNull();
  });
});
