// WAL checkpoints on their own thread: the main connection never checkpoints, the thread does, what was
// written survives a reopen, and a thread that cannot work hands checkpoints back to SQLite.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite';
import { startCheckpointer } from '../../src/store/sqlite-checkpoint';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-ckpt-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};

function walDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
  return db;
}

describe('the checkpoint thread', () => {
  it('copies the write-ahead log into the database while the main connection keeps writing', async () => {
    const file = tempFile();
    const db = walDb(file);
    const checkpointed: number[] = [];
    const errors: Error[] = [];
    const ck = startCheckpointer({ file, intervalMs: 20, onError: (e) => errors.push(e), onCheckpoint: (p) => checkpointed.push(p) });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    for (let i = 0; i < 100 && !checkpointed.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(checkpointed.length).toBeGreaterThan(0);
    expect(checkpointed.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    // the main connection's own (automatic) checkpoints stay off
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await ck.stop();
    expect(errors).toEqual([]);
    db.close();
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
    again.close();
  });

  it('tells the caller when it cannot work (here: no database there)', async () => {
    const errors: Error[] = [];
    startCheckpointer({ file: join(tempFile(), 'missing', 'db.sqlite'), intervalMs: 20, onError: (e) => errors.push(e) });
    for (let i = 0; i < 100 && !errors.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(errors).toHaveLength(1);
  });
});

describe('the SQLite store with checkpoints on a thread', () => {
  it('checkpoints in the background and leaves no write-ahead log once closed', async () => {
    const file = tempFile();
    const store = openSqliteStore({ file });
    for (let i = 0; i < 300; i++) await store.saveSession(`api:u${i}`, { turns: i, locality: 'xinzhou' }, i);
    await new Promise((r) => setTimeout(r, 1200)); // two checkpoint intervals
    // The database file alone, without its write-ahead log, already holds what was written.
    const copy = `${file}.copy`;
    copyFileSync(file, copy);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 300 });
    db.close();
    await store.close();
    const wal = `${file}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const again = openSqliteStore({ file, checkpoints: 'inline' });
    expect(await again.loadSession('api:u299')).toEqual({ turns: 299, locality: 'xinzhou' });
    await again.close();
  });
});
