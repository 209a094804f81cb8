// One service process per SQLite data directory: a second is refused while the first lives, with a message
// that says what to do; a lock left by a process that died is taken over.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirBusy, lockDataDir } from '../../src/store/data-dir-lock';

describe('the SQLite data directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second process while the first is alive, and says why', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, 'jiuyi.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirBusy);
      expect(() => lockDataDir(dir)).toThrow(/in use by another jiuyi process \(pid \d+\).*MONGODB_URI/);
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    // the holder died (kill -9): its lock is taken over
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'jiuyi.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'jiuyi.lock'))).toBe(false);
  });
});
