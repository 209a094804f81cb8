// Opens the configured store: MongoDB when a URI is given, else SQLite in the data directory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './port';

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
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.mongoUri) {
    const { openMongoStore } = await import('./mongo');
    return openMongoStore({ uri: opts.mongoUri });
  }
  const { openSqliteStore } = await import('./sqlite');
  if (opts.dataDir === ':memory:') return openSqliteStore({ file: ':memory:' });
  try {
    mkdirSync(opts.dataDir, { recursive: true });
  } catch (err) {
    throw new Error(`store: cannot create the data directory ${opts.dataDir} (${(err as Error).message})`);
  }
  return openSqliteStore({ file: join(opts.dataDir, 'jiuyi.sqlite'), walMaxBytes: opts.walMaxBytes });
}
