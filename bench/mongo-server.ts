// A MongoDB-compatible server for the benchmarks: MONGODB_URI when set, else FerretDB started from
// ../shared/tools/ferretdb (as root; stopped and purged afterwards). Each benchmark gets a fresh database
// with its indexes (`jiuyi store migrate`), dropped collection by collection afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectMongo } from '../src/store/mongo';
import { migrateMongo } from '../src/store/mongo-migrate';
import { ROOT } from './server';

export interface BenchMongo {
  /** The URI with the database name. */
  uri: string;
  close(): Promise<void>;
}

export async function benchMongo(name: string): Promise<BenchMongo> {
  let base = process.env.MONGODB_URI;
  let ferret: string | null = null;
  if (!base) {
    const tool = path.join(ROOT, '..', 'shared', 'tools', 'ferretdb');
    if (!fs.existsSync(path.join(tool, 'start'))) throw new Error('bench: MONGODB_URI is not set and ../shared/tools/ferretdb is not there to start one');
    ferret = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-bench-ferretdb-'));
    process.stderr.write(`bench: MONGODB_URI is not set: starting FerretDB in ${ferret}\n`);
    const out = execFileSync(path.join(tool, 'start'), [ferret], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    base = out.trim().split('\n').at(-1)!.replace(/^MONGODB_URI=/, '');
  }
  const dbName = `${name}_${process.pid}`;
  const conn = await connectMongo({ uri: base, dbName });
  await migrateMongo(conn, { retentionDays: 30 });
  await conn.close();
  return {
    uri: `${base.replace(/\/?$/, '/')}${dbName}`,
    async close() {
      try {
        const c = await connectMongo({ uri: base!, dbName });
        for (const x of await c.db!.listCollections({}, { nameOnly: true }).toArray()) await c.db!.dropCollection(x.name).catch(() => undefined);
        await c.close();
      } finally {
        if (ferret) execFileSync(path.join(ROOT, '..', 'shared', 'tools', 'ferretdb', 'stop'), [ferret, '--purge'], { stdio: 'ignore' });
      }
    },
  };
}
