// `jiuyi store migrate`: brings the MongoDB database (MONGODB_URI) to this version's collections and indexes,
// TTL indexes included (JIUYI_RETENTION_DAYS). Instances build none themselves and refuse to start until it
// ran. SQLite needs nothing: its file is made and upgraded on open.
import { loadConfig } from '../config';
import { stderr, stdout } from './store';

export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'migrate') {
    stderr('usage: jiuyi store migrate\n');
    return 2;
  }
  const config = loadConfig();
  if (!config.mongodbUri) {
    stdout('store migrate: MONGODB_URI is not set; the SQLite store needs no migration (it sets itself up when opened)\n');
    return 0;
  }
  const { connectMongo } = await import('../store/mongo');
  const { migrateMongo } = await import('../store/mongo-migrate');
  const conn = await connectMongo({ uri: config.mongodbUri });
  try {
    const t0 = Date.now();
    const r = await migrateMongo(conn, { retentionDays: config.retentionDays });
    stdout(
      `store migrate: version ${r.version}, retention ${r.retentionDays} days; ${r.created.length} indexes created, ${r.changed.length} changed` +
        `${Object.keys(r.backfilled).length ? `; backfilled ${JSON.stringify(r.backfilled)}` : ''} (${Date.now() - t0} ms)\n`,
    );
    return 0;
  } catch (err) {
    stderr(`store migrate failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await conn.close();
  }
}
