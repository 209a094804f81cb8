// Opens the configured store: MongoDB when a URI is given, else SQLite in the data directory.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirKey } from './key';
import type { Store } from './port';
import { createSealer } from './seal';
import { sealedStore } from './sealed';

export type { Store } from './port';
export * from './port';
export type * from './console-port';

export interface StoreOptions {
  /** Directory for the SQLite file (created if missing); `:memory:` for an in-memory store. */
  dataDir: string;
  /** When set, MongoDB through mongoose instead of SQLite. */
  mongoUri?: string;
  /** SQLite: the write-ahead log's bound in bytes (default 64 MiB). */
  walMaxBytes?: number;
  /** The data key sealing personal data (key.ts; JIUYI_DATA_KEY). Absent: the data directory's key file,
   * created on first use (a random key for `:memory:`). */
  key?: Buffer;
  /** MongoDB: JIUYI_RETENTION_DAYS, checked against the TTL indexes `jiuyi store migrate` made. */
  retentionDays?: number;
}

/** The configured store, sealing personal data at rest (sealed.ts). */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const memory = opts.dataDir === ':memory:';
  if (!memory && (!opts.mongoUri || !opts.key)) {
    try {
      mkdirSync(opts.dataDir, { recursive: true });
    } catch (err) {
      throw new Error(`store: cannot create the data directory ${opts.dataDir} (${(err as Error).message})`);
    }
  }
  const sealer = createSealer(opts.key ?? (memory ? randomBytes(32) : dataDirKey(opts.dataDir)));
  if (opts.mongoUri) {
    const { openMongoStore } = await import('./mongo');
    return sealedStore(await openMongoStore({ uri: opts.mongoUri, retentionDays: opts.retentionDays }), sealer);
  }
  const { openSqliteStore } = await import('./sqlite');
  if (memory) return sealedStore(openSqliteStore({ file: ':memory:' }), sealer);
  return sealedStore(openSqliteStore({ file: join(opts.dataDir, 'jiuyi.sqlite'), walMaxBytes: opts.walMaxBytes }), sealer);
}
