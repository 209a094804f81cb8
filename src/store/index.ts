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
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.mongoUri) {
    const { openMongoStore } = await import('./mongo');
    return openMongoStore({ uri: opts.mongoUri });
  }
  const { openSqliteStore } = await import('./sqlite');
  if (opts.dataDir === ':memory:') return openSqliteStore({ file: ':memory:' });
  mkdirSync(opts.dataDir, { recursive: true });
  return openSqliteStore({ file: join(opts.dataDir, 'jiuyi.sqlite') });
}
