// A rule book checked as it would be published: the rules directory with it in place validated exactly as
// `rules validate` and a reload validate it (every problem with its file and line; its id must be its
// file's name), and where each of its values is (the page finds a value's evidence by it). Pure.
import { basename } from 'node:path';
import { formatProblem, parseYaml, type Problem } from '../../data/yaml';
import { pathRanges, type PathRange } from '../../data/yaml-ranges';
import { buildRuleSet, RuleBookError } from '../../rules/load';
import type { Candidate } from './files';

export interface CheckedProblem {
  /** The file's name in the rules directory (xinzhou.yml). */
  file: string;
  line?: number;
  path: string;
  message: string;
  /** As `rules validate` prints it. */
  text: string;
  /** A problem of the book being checked (false: of another file of the directory). */
  own: boolean;
}

export interface CheckResult {
  id: string;
  valid: boolean;
  problems: CheckedProblem[];
  /** Where each value of the YAML is (its lines), for the page to find a value's evidence. */
  paths: PathRange[];
  /** The book it would replace. */
  replaces?: { file: string; name?: string };
}

const SYNTAX_LINE = /^line (\d+)/;

export function checkBook(id: string, yaml: string, c: Candidate): CheckResult {
  const problems: Problem[] = [];
  try {
    buildRuleSet(c.files);
  } catch (err) {
    if (!(err instanceof RuleBookError)) throw err;
    problems.push(...err.problems);
  }
  const view = problems.map((p): CheckedProblem => {
    const syntax = SYNTAX_LINE.exec(p.path);
    const line = p.line ?? (syntax ? Number(syntax[1]) : undefined);
    const shown = { ...p, file: basename(p.file) };
    return { file: shown.file, ...(line !== undefined ? { line } : {}), path: p.path, message: p.message, text: formatProblem(shown), own: p.file === c.file };
  });
  view.sort((a, b) => Number(b.own) - Number(a.own) || (a.line ?? 0) - (b.line ?? 0));
  return { id, valid: view.length === 0, problems: view, paths: pathRanges(yaml), ...(c.existing ? { replaces: replaced(c.existing) } : {}) };
}

function replaced(existing: { file: string; text: string }): { file: string; name?: string } {
  const old = parseYaml(existing.file, existing.text);
  const name = 'data' in old ? (old.data as { name?: unknown } | null)?.name : undefined;
  return { file: basename(existing.file), ...(typeof name === 'string' ? { name } : {}) };
}
