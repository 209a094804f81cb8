// A cache of what is trained from the data files (the urgent scorer), so that a start (and every core worker
// thread) reads it in milliseconds instead of training for a second. Keyed by a hash of every data file it is
// trained from and of the code that reads them: change either and the model is trained again. Written
// atomically (a temporary file renamed), its first line the SHA-256 of the rest; read only when that hash,
// its key and its shape match; any problem means training.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under these paths (recursively), in a stable order, with its size and modification time. */
function filesUnder(paths: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const walk = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else out.push([p, `${st.size} ${st.mtimeMs}`]);
  };
  for (const p of paths) walk(p);
  return out;
}

/** Each file's digest as last read, by its path, with the size and time it had then: a start keys two caches on the
 * data files (6 MB, the urgent corpus most of it), hashed once; a file written since shows another size or time. */
const digests = new Map<string, { stamp: string; digest: Buffer }>();

function digestOf(file: string, stamp: string): Buffer {
  const known = digests.get(file);
  if (known?.stamp === stamp) return known.digest;
  const digest = createHash('sha256').update(readFileSync(file)).digest();
  digests.set(file, { stamp, digest });
  return digest;
}

/** A key for the contents of these files and directories. */
export function contentKey(paths: readonly string[], salt = ''): string {
  const h = createHash('sha256');
  h.update(salt);
  for (const [f, stamp] of filesUnder(paths)) {
    h.update(f.slice(f.lastIndexOf('/') + 1));
    h.update(digestOf(f, stamp));
  }
  return h.digest('hex').slice(0, 32);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A cache name for this copy of the code (src/ through tsx, or the build in dist/): each copy keys on its own
 * files, so each keeps its own entry rather than evicting the other's. */
export const cacheName = (base: string): string => `${base}-${/[\\/]dist[\\/]/.test(__dirname) ? 'dist' : 'src'}`;

export interface ModelCache {
  read<T>(name: string, key: string, check: (value: unknown) => value is T): T | undefined;
  write(name: string, key: string, value: unknown): void;
  /** The bytes of a binary entry (`<name>.<key>.bin`, the hash of the rest on its first line), when intact. */
  readBytes(name: string, key: string): Buffer | undefined;
  writeBytes(name: string, key: string, parts: readonly Uint8Array[]): void;
}

const HASH_LINE = 65; // 64 hex digits and a newline
/** Where a binary entry's bytes begin in its file (after the hash line). */
export const BYTES_AT = HASH_LINE;

/** A cache in `dir` (none when `dir` is undefined): files `<name>.<key>.json`. */
export function fileCache(dir: string | undefined): ModelCache {
  return {
    read<T>(name: string, key: string, check: (value: unknown) => value is T): T | undefined {
      if (!dir) return undefined;
      const file = join(dir, `${name}.${key}.json`);
      if (!existsSync(file)) return undefined;
      try {
        const text = readFileSync(file, 'utf8');
        const nl = text.indexOf('\n');
        if (nl !== 64 || sha256(text.slice(nl + 1)) !== text.slice(0, nl)) return undefined; // damaged or cut short
        const value: unknown = JSON.parse(text.slice(nl + 1));
        return check(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    write(name: string, key: string, value: unknown): void {
      const json = JSON.stringify(value);
      store(name, `${key}.json`, () => [Buffer.from(`${sha256(json)}\n${json}`)]);
    },
    readBytes(name: string, key: string): Buffer | undefined {
      if (!dir) return undefined;
      const file = join(dir, `${name}.${key}.bin`);
      if (!existsSync(file)) return undefined;
      try {
        const bytes = readFileSync(file);
        if (bytes.length < HASH_LINE || bytes[HASH_LINE - 1] !== 10) return undefined;
        const body = bytes.subarray(HASH_LINE);
        if (createHash('sha256').update(body).digest('hex') !== bytes.toString('latin1', 0, HASH_LINE - 1)) return undefined; // damaged or cut short
        return body;
      } catch {
        return undefined;
      }
    },
    writeBytes(name: string, key: string, parts: readonly Uint8Array[]): void {
      store(name, `${key}.bin`, () => {
        const h = createHash('sha256');
        for (const p of parts) h.update(p);
        return [Buffer.from(`${h.digest('hex')}\n`), ...parts];
      });
    },
  };

  /** Writes `<name>.<suffix>` atomically (a temporary file renamed), dropping the name's other keys. */
  function store(name: string, suffix: string, content: () => Uint8Array[]): void {
    if (!dir) return;
    try {
      mkdirSync(dir, { recursive: true });
      // other keys of the same model are stale: keep the directory small
      const key = suffix.slice(0, suffix.lastIndexOf('.'));
      for (const f of readdirSync(dir)) if (f.startsWith(`${name}.`) && !f.includes(key)) unlinkSync(join(dir, f));
      const file = join(dir, `${name}.${suffix}`);
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, Buffer.concat(content()));
      renameSync(tmp, file);
    } catch {
      // a read-only checkout: train at every start, as before
    }
  }
}
