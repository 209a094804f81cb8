// `npm start` on an invalid rule book must not start, must say why as `rules validate` would, and exit 1
// (it used to exit 0 without a word: the store's checkpoint thread, still starting, was waited on while
// nothing kept the process alive).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanRuleDirs, ruleDir } from '../support/rule-books';
import { startService } from '../support/service-process';

jest.setTimeout(60_000);
afterAll(cleanRuleDirs);

describe('start-up with invalid rule books', () => {
  it('exits 1 printing what rules validate prints', async () => {
    const rules = ruleDir({ file: 'xinzhou.yml', data: (d) => void (d.designations[0].category = 'dialysiss') });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-badstart-'));
    const log = path.join(dir, 'out.log');
    try {
      const s = startService({ JIUYI_DATA_DIR: path.join(dir, 'data'), JIUYI_RULES_DIR: rules, PORT: '0', HOST: '127.0.0.1', JIUYI_CORE_THREADS: '0' }, log);
      expect(await s.exited).toBe(1);
      const out = fs.readFileSync(log, 'utf8');
      expect(out).toContain('the rule books are invalid');
      expect(out).toMatch(new RegExp(`${path.join(rules, 'xinzhou.yml')}:\\d+: designations\\[0\\]\\.category: unknown category "dialysiss" \\(did you mean "dialysis"\\?\\)`));
      expect(out).toMatch(new RegExp(`\\d+ problems? in ${rules}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
