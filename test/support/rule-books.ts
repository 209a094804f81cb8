// Builds rule directories for tests: a copy of the real rules/ in a temp dir, with edits applied either to
// a file's text (for YAML syntax errors) or to its parsed data (re-written as YAML).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORE_SCHEMA, dump, load } from 'js-yaml';

export const RULES_DIR = path.join(__dirname, '..', '..', 'rules');

export interface RuleEdit {
  /** File name inside rules/ (xinzhou.yml); a new name adds a file. */
  file: string;
  /** Rewrite the text. */
  text?: (text: string) => string;
  /** Change the parsed data in place (or return a replacement). */
  data?: (data: any) => any;
  /** Remove the file. */
  remove?: boolean;
}

const made: string[] = [];

/** A temp copy of rules/ with `edits` applied; returns its path. Call cleanRuleDirs() in afterAll. */
export function ruleDir(...edits: RuleEdit[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-rules-'));
  made.push(dir);
  for (const name of fs.readdirSync(RULES_DIR)) fs.copyFileSync(path.join(RULES_DIR, name), path.join(dir, name));
  for (const e of edits) {
    const file = path.join(dir, e.file);
    if (e.remove) {
      fs.rmSync(file);
      continue;
    }
    let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (e.data) {
      const data = load(text, { schema: CORE_SCHEMA }) ?? {};
      const replaced = e.data(data);
      text = dump(replaced === undefined ? data : replaced, { schema: CORE_SCHEMA });
    }
    if (e.text) text = e.text(text);
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** Removes every directory ruleDir() made. */
export function cleanRuleDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
