// `npm start` compiles only when the sources changed since the last build (scripts/start.cjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleReason, STAMP } = require('../../scripts/start.cjs') as { staleReason(root: string): string | null; STAMP: string };

describe('npm start: build only when needed', () => {
  let root: string;
  const at = (rel: string, seconds: number, text = '') => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, text);
    fs.utimesSync(file, seconds, seconds);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-start-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build, or no record of one', () => {
    at('src/main.ts', 1000);
    expect(staleReason(root)).toBe('no build yet');
    at('dist/src/main.js', 2000);
    expect(staleReason(root)).toBe('no record of the last build');
  });

  it('starts at once when nothing changed since the last build, and builds again when a source did', () => {
    at('src/main.ts', 1000);
    at('src/store/sqlite.ts', 1000);
    at('tsconfig.json', 1000);
    at('dist/src/main.js', 2000);
    at('dist/src/store/sqlite.js', 2000);
    at(STAMP, 2000);
    expect(staleReason(root)).toBeNull();
    at('src/store/sqlite.ts', 3000);
    expect(staleReason(root)).toBe('sources changed since the last build');
    at(STAMP, 4000);
    expect(staleReason(root)).toBeNull();
    at('tsconfig.json', 5000);
    expect(staleReason(root)).toBe('sources changed since the last build');
  });

  it('builds again when a compiled file is missing, which the incremental record of the compiler would not write again', () => {
    at('src/main.ts', 1000);
    at('src/store/sqlite.ts', 1000);
    at('src/types.d.ts', 1000);
    at('dist/src/main.js', 2000);
    at('dist/src/store/sqlite.js', 2000);
    at(STAMP, 2000);
    expect(staleReason(root)).toBeNull();
    fs.rmSync(path.join(root, 'dist/src/store/sqlite.js'));
    expect(staleReason(root)).toBe(`${path.join('src', 'store', 'sqlite.ts')} has no compiled file`);
  });
});
