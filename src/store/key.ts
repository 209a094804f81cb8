// The data key that seals personal data at rest (seal.ts): JIUYI_DATA_KEY when set (64 hex digits, or
// base64 of 32 bytes: several instances sharing MongoDB must share it), else `jiuyi.key` in the data
// directory, created on the first start with mode 0600 (readable by the service's user only).
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FILE = 'jiuyi.key';

/** 32 bytes from 64 hex digits or base64 (standard or url-safe); null when it is neither. */
export function parseDataKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === 32) return b;
  }
  return null;
}

/** The key file of `dataDir`, created (0600) when missing. */
export function dataDirKey(dataDir: string): Buffer {
  const file = join(dataDir, KEY_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`store: cannot create the data key ${file} (${(err as Error).message})`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`store: cannot read the data key ${file} (${(err as Error).message})`);
  }
  const key = parseDataKey(text);
  if (!key) throw new Error(`store: ${file} does not hold a data key (64 hex digits)`);
  return key;
}
