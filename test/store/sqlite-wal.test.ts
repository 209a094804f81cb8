// The write-ahead log stays bounded under steady writes and is emptied when they stop; a store that cannot
// write is not ready; a data directory that cannot be used is named in the error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store';
import { openSqliteStore } from '../../src/store/sqlite';
import { buildTestApp } from '../support/service-app';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-wal-'));
  dirs.push(dir);
  return dir;
};
const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
const MB = 1024 * 1024;

describe('the write-ahead log under steady writes', () => {
  it('stays within its bound while 50 writers write 20 MB, and is emptied once they stop', async () => {
    const file = join(tempDir(), 'jiuyi.sqlite');
    const bound = 1 * MB;
    const store = openSqliteStore({ file, walMaxBytes: bound });
    const payload = 'x'.repeat(1000);
    let max = 0;
    let writes = 0;
    try {
      // 50 writers, each saving sessions one after another: the log never goes quiet while they run
      await Promise.all(
        Array.from({ length: 50 }, async (_, w) => {
          for (let i = 0; i < 400; i++) {
            await store.saveSession(`api:w${w}-${i % 50}`, { turns: i, locality: payload }, i);
            writes += 1;
            if (writes % 25 === 0) max = Math.max(max, size(`${file}-wal`));
          }
        }),
      );
      // Emptied at a quarter of the bound by the checkpoint thread; past the bound, writes wait for a checkpoint
      // of their own (a second at most). Twice the bound is where the store stops saying it is ready. (Without
      // all this, 48 MB written this way left a 91 MB log.)
      expect(max).toBeLessThanOrEqual(2 * bound);
      for (let i = 0; i < 100 && size(`${file}-wal`) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(size(`${file}-wal`)).toBe(0);
      expect(await store.loadSession('api:w49-49')).toMatchObject({ turns: 399 });
    } finally {
      await store.close();
    }
  });

  it('an open store does not keep the process alive (a test that fails before closing it must not hang the run)', () => {
    const file = join(tempDir(), 'jiuyi.sqlite');
    const code = `const { openSqliteStore } = require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'store', 'sqlite.ts'))});
      openSqliteStore({ file: ${JSON.stringify(file)} }).saveSession('a', { turns: 1 }, 1).then(() => console.log('saved'));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toContain('saved');
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(0);
  });
});

describe('readiness', () => {
  it('/readyz answers 503 while a reader holding an old snapshot keeps the log over twice its bound, 200 once it lets go', async () => {
    const file = join(tempDir(), 'jiuyi.sqlite');
    const bound = 1 * MB;
    const store = openSqliteStore({ file, walMaxBytes: bound });
    const t = await buildTestApp({ store });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      // a reader (a backup, an admin's query) in a long transaction: no checkpoint can empty the log
      const reader = new Database(file);
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM sessions').get();
      for (let i = 0; size(`${file}-wal`) <= 3 * bound && i < 5000; i++) await store.saveSession(`api:u${i}`, { turns: i, locality: 'y'.repeat(2000) }, i);
      expect(size(`${file}-wal`)).toBeGreaterThan(3 * bound);
      // the store can still write, but its log is out of bounds: not ready
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      reader.exec('COMMIT');
      reader.close();
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode;
      }
      expect(status).toBe(200);
      expect(size(`${file}-wal`)).toBeLessThanOrEqual(bound);
    } finally {
      await t.close();
    }
  });
});

describe('a data directory that cannot be used', () => {
  it('is named in the error', async () => {
    const dir = tempDir();
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');
    await expect(openStore({ dataDir: join(notADir, 'data') })).rejects.toThrow(`cannot create the data directory ${join(notADir, 'data')}`);
    // the database's name is taken by a directory: SQLite cannot open it
    mkdirSync(join(dir, 'taken', 'jiuyi.sqlite'), { recursive: true });
    await expect(openStore({ dataDir: join(dir, 'taken') })).rejects.toThrow(`store: cannot open ${join(dir, 'taken', 'jiuyi.sqlite')}`);
  });

  (process.getuid?.() === 0 ? it.skip : it)('is named when it is read-only', async () => {
    const dir = join(tempDir(), 'ro');
    mkdirSync(dir, { mode: 0o555 });
    await expect(openStore({ dataDir: dir })).rejects.toThrow(new RegExp(`cannot open ${dir}/jiuyi.sqlite.*writable`));
  });
});
