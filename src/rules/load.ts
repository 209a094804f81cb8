// Loads rules/: vocabulary.yml plus every other *.yml as a rule book, validated by schema.ts and the
// cross-checks in check.ts. Any problem anywhere fails the whole load with every problem listed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { RuleBookSchema, VocabularySchema } from './schema';
import { crossCheck, type Problem } from './check';
import type { RuleBook, RuleSet, Vocabulary } from './types';

export type { Problem } from './check';

/** A rule file's name (as it appears in messages) and its text. */
export interface RuleFile {
  file: string;
  text: string;
}

/** Thrown when rules/ is invalid; `problems` holds each one, the message lists them one a line. */
export class RuleBookError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleBookError';
  }
}

/** `rules/xinzhou.yml: designations[3].facilities[0]: unknown facility "忻州市人民医"`. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** `['designations', 3, 'facilities', 0]` → `designations[3].facilities[0]`. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Reads `dir` (sync) and returns the validated rule set, or throws a RuleBookError. */
export function loadRuleSet(dir = 'rules'): RuleSet {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'));
  } catch (err) {
    throw new RuleBookError([{ file: dir, path: '', message: `cannot read the directory (${(err as Error).message})` }]);
  }
  const files = names.sort().map((n) => {
    const file = path.join(dir, n);
    return { file, text: fs.readFileSync(file, 'utf8') };
  });
  return buildRuleSet(files);
}

/** Pure core of loadRuleSet: validates the given files (one named vocabulary.yml) into a RuleSet. */
export function buildRuleSet(files: RuleFile[]): RuleSet {
  const problems: Problem[] = [];
  const vocabFile = files.find((f) => isVocabulary(f.file));
  let vocabulary: Vocabulary | undefined;
  if (!vocabFile) {
    problems.push({ file: files[0] ? path.dirname(files[0].file) : 'rules', path: '', message: 'vocabulary.yml is missing' });
  } else {
    vocabulary = parseWith(vocabFile, VocabularySchema, problems);
  }
  const books: RuleBook[] = [];
  for (const f of files) {
    if (isVocabulary(f.file)) continue;
    const book = parseWith(f, RuleBookSchema, problems);
    if (book) books.push({ ...book, file: f.file });
  }
  if (books.length === 0 && problems.length === 0) {
    problems.push({ file: vocabFile ? path.dirname(vocabFile.file) : 'rules', path: '', message: 'no rule books found' });
  }
  if (vocabulary && vocabFile) problems.push(...crossCheck(vocabulary, vocabFile.file, books));
  if (problems.length > 0 || !vocabulary) throw new RuleBookError(problems);
  return { vocabulary, books, byId: new Map(books.map((b) => [b.id, b])) };
}

function isVocabulary(file: string): boolean {
  return /^vocabulary\.ya?ml$/.test(path.basename(file));
}

/** YAML → plain data → schema; records YAML errors with line:column and schema issues with their path. */
function parseWith<S extends z.ZodType>(f: RuleFile, schema: S, problems: Problem[]): z.output<S> | undefined {
  const doc = parseDocument(f.text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      const where = pos ? `line ${pos.line}, column ${pos.col}` : '';
      problems.push({ file: f.file, path: where, message: `YAML syntax error: ${firstLine(e.message)}` });
    }
    return undefined;
  }
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file: f.file, path: formatPath([...issue.path, key]), message: `unknown key "${key}"` });
      }
    } else {
      problems.push({ file: f.file, path: formatPath(issue.path), message: describeIssue(issue) });
    }
  }
  return undefined;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required ${issue.expected} is missing`;
  return issue.message;
}
