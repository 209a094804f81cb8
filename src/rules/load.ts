// Loads rules/: vocabulary.yml plus every other *.yml as a rule book, validated by schema.ts and the
// cross-checks in check.ts. Any problem anywhere fails the whole load with every problem listed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locator, type Locator } from '../data/locate';
import { formatPath, formatProblem, readData } from '../data/yaml';
import { RuleBookSchema, VocabularySchema } from './schema';
import { crossCheck, type Problem } from './check';
import type { RuleBook, RuleSet, Vocabulary } from './types';

export type { Problem } from './check';

/** A rule file's name (as it appears in messages) and its text. */
export interface RuleFile {
  file: string;
  text: string;
  /** When it was last changed: of two books claiming the same thing, the newer is taken for the copy. */
  mtimeMs?: number;
}

/** Thrown when rules/ is invalid; `problems` holds each one, the message lists them one a line. */
export class RuleBookError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleBookError';
  }
}

export { formatPath, formatProblem };

/** Reads `dir` (sync) and returns the validated rule set, or throws a RuleBookError. */
export function loadRuleSet(dir = 'rules'): RuleSet {
  return buildRuleSet(readRuleFiles(dir));
}

/** The rule files of `dir` (every *.yml / *.yaml), read; throws a RuleBookError when it cannot be read. */
export function readRuleFiles(dir: string): RuleFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'));
  } catch (err) {
    throw new RuleBookError([{ file: dir, path: '', message: `cannot read the directory (${(err as Error).message})` }]);
  }
  return names.sort().map((n) => {
    const file = path.join(dir, n);
    return { file, text: fs.readFileSync(file, 'utf8'), mtimeMs: fs.statSync(file).mtimeMs };
  });
}

/** Pure core of loadRuleSet: validates the given files (one named vocabulary.yml) into a RuleSet. */
export function buildRuleSet(files: RuleFile[]): RuleSet {
  const problems: Problem[] = [];
  const vocabFile = files.find((f) => isVocabulary(f.file));
  let vocabulary: Vocabulary | undefined;
  if (!vocabFile) {
    problems.push({ file: files[0] ? path.dirname(files[0].file) : 'rules', path: '', message: 'vocabulary.yml is missing' });
  } else {
    vocabulary = readData(vocabFile.file, vocabFile.text, VocabularySchema, problems);
  }
  const books: RuleBook[] = [];
  for (const f of files) {
    if (isVocabulary(f.file)) continue;
    const book = readData(f.file, f.text, RuleBookSchema, problems);
    if (book) books.push({ ...book, file: f.file });
  }
  if (books.length === 0 && problems.length === 0) {
    problems.push({ file: vocabFile ? path.dirname(vocabFile.file) : 'rules', path: '', message: 'no rule books found' });
  }
  const mtimes = new Map(files.filter((f) => f.mtimeMs !== undefined).map((f) => [f.file, f.mtimeMs!]));
  if (vocabulary && vocabFile) problems.push(...crossCheck(vocabulary, vocabFile.file, books, mtimes));
  if (problems.length > 0 || !vocabulary) throw new RuleBookError(withLines(problems, files));
  return { vocabulary, books, byId: new Map(books.map((b) => [b.id, b])) };
}

function isVocabulary(file: string): boolean {
  return /^vocabulary\.ya?ml$/.test(path.basename(file));
}


/** The problems with the line of each path in its file (a YAML syntax error carries its own already). */
function withLines(problems: Problem[], files: RuleFile[]): Problem[] {
  const locators = new Map<string, Locator>();
  return problems.map((p) => {
    if (p.line !== undefined || !p.path || p.path.startsWith('line ')) return p;
    const f = files.find((x) => x.file === p.file);
    if (!f) return p;
    let l = locators.get(f.file);
    if (!l) locators.set(f.file, (l = locator(f.text)));
    const line = l.line(p.path);
    return line === undefined ? p : { ...p, line };
  });
}
