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
  const prefixes = new WeakMap<Store, string>();
  afterAll(async () => {
    // the test collections live in their own database: dropped one by one (FerretDB runs out of
    // PostgreSQL locks — "out of shared memory" — dropping a database of hundreds of collections at once)
    const mongoose = (await import('mongoose')).default;
    const conn = await mongoose.createConnection(uri, { dbName: 'jiuyi_test' }).asPromise();
    for (const c of await conn.db!.listCollections({}, { nameOnly: true }).toArray()) await conn.db!.dropCollection(c.name).catch(() => undefined);
    await conn.close();
  });
  const harness: StoreHarness = {
    async open() {
      const prefix = `t${randomBytes(4).toString('hex')}_`;
      const store = await migrated(prefix);
      prefixes.set(store, prefix);
      return store;
    },
    async reopen(store) {
      const prefix = prefixes.get(store)!;
      await store.close();
      const again = await openMongoStore({ uri, dbName: 'jiuyi_test', prefix, retentionDays: 30 });
      prefixes.set(again, prefix);
      return again;
    },
  };
  storeContract('mongo', harness);
  consoleStoreContract('mongo', harness);
  // through the sealing layer openStore puts in front (personal data encrypted at rest)
  const sealer = createSealer(randomBytes(32));
  const sealedPrefixes = new WeakMap<Store, string>();
  const openSealed = async (prefix: string) => {
    const store = sealedStore(await openMongoStore({ uri, dbName: 'jiuyi_test', prefix, retentionDays: 30 }), sealer);
    sealedPrefixes.set(store, prefix);
    return store;
  };
  const sealedHarness: StoreHarness = {
    async open() {
      const prefix = `s${randomBytes(4).toString('hex')}_`;
      await (await migrated(prefix)).close();
      return openSealed(prefix);
    },
    async reopen(store) {
      await store.close();
      return openSealed(sealedPrefixes.get(store)!);
    },
  };
  storeContract('mongo, sealed', sealedHarness);
  consoleStoreContract('mongo, sealed', sealedHarness);
  sharedStoreContract('mongo', harness);
  sharedStoreContract('mongo, sealed', sealedHarness);
}
