// Reading the project's data files (rules/, intents/, locales/): YAML parsed with js-yaml (duplicate keys
// are errors; three times faster to load than `yaml`, which matters at start-up), then validated by a
// zod schema, every problem reported as `file: path: reason`.
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { z } from 'zod';

export interface Problem {
  file: string;
  /** `designations[3].facilities[0]`, or `line 12, column 3` for a syntax error; empty for the whole file. */
  path: string;
  message: string;
}

export const formatProblem = (p: Problem): string => (p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`);

/** `['designations', 3, 'facilities', 0]` → `designations[3].facilities[0]`. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** YAML text → plain data, or the syntax error with its line and column. */
export function parseYaml(file: string, text: string): { data: unknown } | { problem: Problem } {
  try {
    // The YAML 1.2 core schema: dates stay strings (2022-02-25), as the schemas expect.
    return { data: load(text, { filename: file, schema: CORE_SCHEMA }) };
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const where = err.mark ? `line ${err.mark.line + 1}, column ${err.mark.column + 1}` : '';
    return { problem: { file, path: where, message: `YAML syntax error: ${err.reason}` } };
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required ${issue.expected} is missing`;
  return issue.message;
}

/** Schema problems, one per issue; each unknown key is named (a typo must never silently drop a rule). */
export function schemaProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ file, path: formatPath([...issue.path, key]), message: `unknown key "${key}"` }))
      : [{ file, path: formatPath(issue.path), message: describeIssue(issue) }],
  );
}

/** Parses and validates one data file, adding what is wrong to `problems`. */
export function readData<S extends z.ZodType>(file: string, text: string, schema: S, problems: Problem[]): z.output<S> | undefined {
  const parsed = parseYaml(file, text);
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return undefined;
  }
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...schemaProblems(file, result.error));
  return undefined;
}
