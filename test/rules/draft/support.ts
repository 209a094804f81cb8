// Shared by the drafter's tests: the real rules/, the seed notices when they are beside the checkout (or
// beside its worktree directory), the fixtures, and a draft helper.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftRuleBook, type DraftResult } from '../../../src/rules/draft';
import { loadRuleSet } from '../../../src/rules/load';
import type { RuleSet } from '../../../src/rules/types';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');

let rules: RuleSet | undefined;
export const ruleSet = (): RuleSet => (rules ??= loadRuleSet(path.join(ROOT, 'rules')));

/** ../shared/seeds of the checkout, or of the directory its worktree sits in; undefined when absent. */
export const SEEDS = [path.join(ROOT, '..', 'shared', 'seeds'), path.join(ROOT, '..', '..', 'shared', 'seeds')].find((d) => fs.existsSync(d));
export const seedFiles = (): string[] => (SEEDS ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : []);
export const seedText = (f: string): string => fs.readFileSync(path.join(SEEDS as string, f), 'utf8');

export const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Drafts a text beside the real rule books (the draft replaces a book of the same id; without one, the id is the locality's pinyin). */
export function draft(text: string, id?: string): DraftResult {
  const set = ruleSet();
  return draftRuleBook(text, { id, vocabulary: set.vocabulary, others: set.books });
}

/** A drafted facility's id by its name (or undefined). */
export const facilityId = (r: DraftResult, name: string): string | undefined => r.book.facilities.find((f) => f.name === name)?.id;

/** Designations as readable lines: `audiences × category → facilities | backups`. */
export function designationLines(r: DraftResult): string[] {
  const name = (id: string) => r.book.facilities.find((f) => f.id === id)?.name ?? id;
  return r.book.designations.map(
    (d) => `${[...d.audiences].sort().join(',')} × ${d.category} → ${d.facilities.map(name).join('、')}${d.backups.length ? ` | ${d.backups.map((b) => `${b.order}.${name(b.facility)}`).join(' ')}` : ''}`,
  );
}
