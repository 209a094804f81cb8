// The rules directory as a rule book would be published into it: the files with the new book added or in
// place of the one it replaces (what the check validates, exactly as a reload would read them), the
// previous version copied to `.backup/` beside them, and the new file written whole or not at all.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readRuleFiles, type RuleFile } from '../../rules/load';

/** A rule book's id, which is its file's name: lower-case letters, digits and _, a letter first. */
export const BOOK_ID = /^[a-z][a-z0-9_]{0,63}$/;
export const BACKUP_DIR = '.backup';

/** Why `id` cannot name a rule book's file, or undefined. */
export function idProblem(id: string): string | undefined {
  if (!BOOK_ID.test(id)) return `"${id.slice(0, 80)}" is not a locality id: lower-case letters, digits and _, a letter first, at most 64 (it is the file's name in the rules directory)`;
  if (id === 'vocabulary') return '"vocabulary" is the name of the vocabulary file, not a locality id';
  return undefined;
}

export interface Candidate {
  /** The directory's files with the book in place. */
  files: RuleFile[];
  /** The book's file (its full path). */
  file: string;
  /** The file it replaces, when one has its id. */
  existing?: RuleFile;
}

/** The directory read, with `text` as the book `id` (added, or in place of the file of that id). */
export function candidate(dir: string, id: string, text: string, now: number): Candidate {
  const problem = idProblem(id);
  if (problem) throw new Error(problem);
  const files = readRuleFiles(dir);
  const existing = files.find((f) => basename(f.file) === `${id}.yml` || basename(f.file) === `${id}.yaml`);
  const file = existing?.file ?? join(dir, `${id}.yml`);
  // never outside the directory, whatever the id (the pattern above already keeps it there)
  if (resolve(dirname(file)) !== resolve(dir)) throw new Error(`${id} would be written outside the rules directory`);
  // the newest file: of two books claiming the same place, the check charges the newer one
  const book: RuleFile = { file, text, mtimeMs: now };
  return { files: [...files.filter((f) => f !== existing), book].sort((a, b) => a.file.localeCompare(b.file)), file, ...(existing ? { existing } : {}) };
}

const stamp = (now: number) => new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');

/** Writes the book: the file it replaces copied to .backup/<id>.<time>.yml first; returns the backup's path
 * relative to the directory. The new text goes to a temporary file renamed over the old one. */
export function writeBook(dir: string, c: Candidate, text: string, now: number): { backup?: string } {
  let backup: string | undefined;
  if (c.existing) {
    mkdirSync(join(dir, BACKUP_DIR), { recursive: true });
    const name = basename(c.file).replace(/\.ya?ml$/, '');
    backup = join(BACKUP_DIR, `${name}.${stamp(now)}.yml`);
    copyFileSync(c.file, join(dir, backup));
  }
  const tmp = join(dir, `.${basename(c.file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, c.file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return backup ? { backup } : {};
}

/** Undoes writeBook: the previous version back from its backup, or the new file removed. */
export function undoWrite(dir: string, c: Candidate, backup: string | undefined): void {
  if (backup && existsSync(join(dir, backup))) copyFileSync(join(dir, backup), c.file);
  else if (!c.existing) rmSync(c.file, { force: true });
}
