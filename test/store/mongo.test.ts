// Runs the store contract against MongoDB when MONGODB_URI is set; skipped (and says so) otherwise.
import { randomBytes } from 'node:crypto';
import { connectMongo, openMongoStore } from '../../src/store/mongo';
import { migrateMongo } from '../../src/store/mongo-migrate';
import { createSealer } from '../../src/store/seal';
import { sealedStore } from '../../src/store/sealed';
import type { Store } from '../../src/store/port';
import { consoleStoreContract } from './console-contract';
import { storeContract, type StoreHarness } from './contract';
import { sharedStoreContract } from './shared-contract';

const uri = process.env.JIUYI_TEST_MONGODB_URI; // MONGODB_URI (test/support/mongo-env.js)

/** Collections under a fresh prefix, with their indexes, as `jiuyi store migrate` makes them. */
async function migrated(prefix: string): Promise<Store> {
  const conn = await connectMongo({ uri: uri!, dbName: 'jiuyi_test' });
  await migrateMongo(conn, { prefix, retentionDays: 30 });
  await conn.close();
  return openMongoStore({ uri: uri!, dbName: 'jiuyi_test', prefix, retentionDays: 30 });
}

if (!uri && process.env.JIUYI_REQUIRE_MONGO) {
  throw new Error('JIUYI_REQUIRE_MONGO is set but MONGODB_URI is not: the MongoDB store contract must run here');
} else if (!uri) {
  console.log('test/store/mongo.test.ts: MONGODB_URI is not set, so the MongoDB store contract is skipped (no server here).');
  describe.skip('mongo store contract (skipped: set MONGODB_URI to a MongoDB server to run it)', () => {
    it('needs MONGODB_URI', () => undefined);
  });
} else {
  // Each test gets an empty store: collections under a prefix that `store migrate` prepared once, emptied
  // (all but `meta`) when a test takes them again. Preparing a fresh prefix per test (18 collections, 40
  // indexes) made the suite minutes long, and dropping thousands of collections afterwards longer still.
  const free: string[] = [];
  const used = new Set<string>();
  const prefixes = new WeakMap<Store, string>();
  let admin: import('mongoose').Connection;
  beforeAll(async () => {
    admin = await connectMongo({ uri, dbName: 'jiuyi_test' });
  });
  afterAll(async () => {
    for (const c of await admin.db!.listCollections({}, { nameOnly: true }).toArray())
      if ([...used].some((p) => c.name.startsWith(p))) await admin.db!.dropCollection(c.name).catch(() => undefined);
    await admin.close();
  }, 120_000);
  /** A prepared, empty prefix, and its store (closing the store frees the prefix). */
  async function take(letter: string, open: (prefix: string) => Promise<Store>): Promise<Store> {
    let prefix = free.find((p) => p.startsWith(letter));
    if (prefix) {
      free.splice(free.indexOf(prefix), 1);
      for (const c of await admin.db!.listCollections({}, { nameOnly: true }).toArray())
        if (c.name.startsWith(prefix) && c.name !== `${prefix}meta`) await admin.db!.collection(c.name).deleteMany({});
    } else {
      prefix = `${letter}${randomBytes(4).toString('hex')}_`;
      used.add(prefix);
      await (await migrated(prefix)).close();
    }
    return tracked(prefix, await open(prefix));
  }
  function tracked(prefix: string, store: Store): Store {
    const close = store.close.bind(store);
    prefixes.set(store, prefix);
    return Object.assign(store, {
      close: async () => {
        await close();
        if (!free.includes(prefix)) free.push(prefix);
      },
    });
  }
  const plainOpen = (prefix: string) => openMongoStore({ uri, dbName: 'jiuyi_test', prefix, retentionDays: 30 });
  const harness: StoreHarness = {
    open: () => take('t', plainOpen),
    async reopen(store) {
      const prefix = prefixes.get(store)!;
      await store.close();
      free.splice(free.indexOf(prefix), 1);
      return tracked(prefix, await plainOpen(prefix));
    },
  };
  it('refuses to open a database `jiuyi store migrate` has not prepared, saying which command to run', async () => {
    await expect(openMongoStore({ uri, dbName: 'jiuyi_test', prefix: `u${randomBytes(4).toString('hex')}_`, retentionDays: 30 })).rejects.toThrow(/no indexes yet: run `npm run -s jiuyi -- store migrate`/);
    const prefix = `r${randomBytes(4).toString('hex')}_`;
    used.add(prefix);
    await (await migrated(prefix)).close();
    await expect(openMongoStore({ uri, dbName: 'jiuyi_test', prefix, retentionDays: 7 })).rejects.toThrow(/keep personal data 30 days, JIUYI_RETENTION_DAYS says 7/);
  });
  storeContract('mongo', harness);
  consoleStoreContract('mongo', harness);
  // through the sealing layer openStore puts in front (personal data encrypted at rest)
  const sealer = createSealer(randomBytes(32));
  const sealedOpen = async (prefix: string) => sealedStore(await plainOpen(prefix), sealer);
  const sealedHarness: StoreHarness = {
    open: () => take('s', sealedOpen),
    async reopen(store) {
      const prefix = prefixes.get(store)!;
      await store.close();
      free.splice(free.indexOf(prefix), 1);
      return tracked(prefix, await sealedOpen(prefix));
    },
  };
  storeContract('mongo, sealed', sealedHarness);
  consoleStoreContract('mongo, sealed', sealedHarness);
  sharedStoreContract('mongo', harness);
  sharedStoreContract('mongo, sealed', sealedHarness);
}
