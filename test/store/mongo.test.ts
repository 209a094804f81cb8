// Runs the store contract against MongoDB when MONGODB_URI is set; skipped (and says so) otherwise.
import { randomBytes } from 'node:crypto';
import { openMongoStore } from '../../src/store/mongo';
import { createSealer } from '../../src/store/seal';
import { sealedStore } from '../../src/store/sealed';
import type { Store } from '../../src/store/port';
import { consoleStoreContract } from './console-contract';
import { storeContract, type StoreHarness } from './contract';

const uri = process.env.MONGODB_URI;

if (!uri) {
  console.log('test/store/mongo.test.ts: MONGODB_URI is not set, so the MongoDB store contract is skipped (no server here).');
  describe.skip('mongo store contract (skipped: set MONGODB_URI to a MongoDB server to run it)', () => {
    it('needs MONGODB_URI', () => undefined);
  });
} else {
  const prefixes = new WeakMap<Store, string>();
  afterAll(async () => {
    // the test collections live in their own database: drop it
    const mongoose = (await import('mongoose')).default;
    const conn = await mongoose.createConnection(uri, { dbName: 'jiuyi_test' }).asPromise();
    await conn.dropDatabase();
    await conn.close();
  });
  const harness: StoreHarness = {
    async open() {
      const prefix = `t${randomBytes(4).toString('hex')}_`;
      const store = await openMongoStore({ uri, dbName: 'jiuyi_test', prefix });
      prefixes.set(store, prefix);
      return store;
    },
    async reopen(store) {
      const prefix = prefixes.get(store)!;
      await store.close();
      const again = await openMongoStore({ uri, dbName: 'jiuyi_test', prefix });
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
    const store = sealedStore(await openMongoStore({ uri, dbName: 'jiuyi_test', prefix }), sealer);
    sealedPrefixes.set(store, prefix);
    return store;
  };
  const sealedHarness: StoreHarness = {
    open: () => openSealed(`s${randomBytes(4).toString('hex')}_`),
    async reopen(store) {
      await store.close();
      return openSealed(sealedPrefixes.get(store)!);
    },
  };
  storeContract('mongo, sealed', sealedHarness);
  consoleStoreContract('mongo, sealed', sealedHarness);
}
