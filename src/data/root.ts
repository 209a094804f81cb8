// The checkout's root (where rules/, intents/ and locales/ live), whether the code runs from src/
// through tsx or compiled from dist/src/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`no jiuyi checkout (package.json and rules/) above ${__dirname}`);
  }
}

/** rules/, intents/ and locales/ of this checkout. */
export const dataDir = (name: 'rules' | 'intents' | 'locales'): string => join(projectRoot(), name);
