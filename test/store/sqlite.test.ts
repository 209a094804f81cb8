import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store';
import { openSqliteStore } from '../../src/store/sqlite';
import { MIGRATIONS } from '../../src/store/sqlite-schema';
import type { Store } from '../../src/store/port';
import { randomBytes } from 'node:crypto';
import { createSealer } from '../../src/store/seal';
import { sealedStore } from '../../src/store/sealed';
import { consoleStoreContract } from './console-contract';
import { storeContract, type StoreHarness } from './contract';
import { sharedStoreContract } from './shared-contract';

const dirs: string[] = [];
const files = new WeakMap<Store, string>();
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const harness: StoreHarness = {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'jiuyi-store-'));
    dirs.push(dir);
    const file = join(dir, 'jiuyi.sqlite');
    const store = openSqliteStore({ file });
    files.set(store, file);
    return store;
  },
  async reopen(store) {
    const file = files.get(store)!;
    await store.close();
    const again = openSqliteStore({ file });
    files.set(again, file);
    return again;
  },
};
storeContract('sqlite', harness);
consoleStoreContract('sqlite', harness);

// The same contract through the sealing layer openStore puts in front (personal data encrypted at rest).
const key = randomBytes(32);
const sealedFiles = new WeakMap<Store, string>();
const openSealed = (file: string) => {
  const store = sealedStore(openSqliteStore({ file }), createSealer(key));
  sealedFiles.set(store, file);
  return store;
};
const sealedHarness: StoreHarness = {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'jiuyi-store-'));
    dirs.push(dir);
    return openSealed(join(dir, 'jiuyi.sqlite'));
  },
  async reopen(store) {
    await store.close();
    return openSealed(sealedFiles.get(store)!);
  },
};
storeContract('sqlite, sealed', sealedHarness);
consoleStoreContract('sqlite, sealed', sealedHarness);
sharedStoreContract('sqlite', harness);
sharedStoreContract('sqlite, sealed', sealedHarness);

describe('sqlite store specifics', () => {
  it('opens in memory, and in a data directory it creates, in WAL mode with the schema version recorded', async () => {
    const mem = await openStore({ dataDir: ':memory:' });
    expect(mem.kind).toBe('sqlite');
    await mem.close();

    const dir = mkdtempSync(join(tmpdir(), 'jiuyi-store-'));
    dirs.push(dir);
    const store = await openStore({ dataDir: join(dir, 'nested', 'data') });
    await store.set('a', 'b');
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
    const db = new Database(join(dir, 'nested', 'data', 'jiuyi.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: MIGRATIONS.length });
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuyi-store-'));
    dirs.push(dir);
    const file = join(dir, 'x.sqlite');
    openSqliteStore({ file }).close();
    const db = new Database(file);
    db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length + 1);
    db.close();
    expect(() => openSqliteStore({ file })).toThrow(/newer than this program/);
  });

  it('commits concurrent operations together, one failing without undoing the others', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const circular: Record<string, unknown> = { turns: 1 };
    circular.self = circular;
    const results = await Promise.allSettled([
      store.set('a', '1'),
      store.saveSession('bad', circular as never, 1),
      store.set('b', '2'),
      store.get('a'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[3] as PromiseFulfilledResult<string | null>).value).toBe('1');
    expect(await store.get('b')).toBe('2');
    expect(await store.loadSession('bad')).toBeNull();
    await store.close();
    await expect(store.get('a')).rejects.toThrow(/closed/);
  });

  it('two stores on one file never lease the same item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuyi-store-'));
    dirs.push(dir);
    const file = join(dir, 'shared.sqlite');
    const a = openSqliteStore({ file });
    const b = openSqliteStore({ file });
    for (let i = 0; i < 20; i++) {
      await a.enqueue({ channel: 'telegram', chat: `c${i}`, text: `t${i}`, urgent: false, quickReplies: [], createdAt: 1000 + i });
    }
    const got: string[] = [];
    for (let round = 0; round < 5; round++) {
      got.push(...(await a.claimDue('telegram', 5000, 3, 60_000)).map((x) => x.id));
      got.push(...(await b.claimDue('telegram', 5000, 3, 60_000)).map((x) => x.id));
    }
    expect(got).toHaveLength(20);
    expect(new Set(got).size).toBe(20);
    await a.close();
    await b.close();
  });
});
