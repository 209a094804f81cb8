// Reading the project's data files (rules/, intents/, locales/): YAML parsed with js-yaml (duplicate keys
// are errors; three times faster to load than `yaml`, which matters at start-up), then validated by a
// zod schema, every problem reported as `file: path: reason`. What was valid at the last start is read back
// from the cache when one is in use (parsed-cache.ts).
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { didYouMean } from './suggest';
import { cachedData, keepData } from './parsed-cache';

export interface Problem {
  file: string;
  /** `designations[3].facilities[0]`, or `line 12, column 3` for a syntax error; empty for the whole file. */
  path: string;
  message: string;
  /** The line of `path` in the file, when it has been located (`file:line:` in messages). */
  line?: number;
}

export const formatProblem = (p: Problem): string => {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
};

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
  if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
    const values = issue.values.filter((v): v is string => typeof v === 'string');
    return `"${issue.input}" is not one of ${values.map((v) => `"${v}"`).join(', ')}${didYouMean(issue.input, values)}`;
  }
  return issue.message;
}

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
}

/** The keys an object of `schema` may have at `path` (for "did you mean"); [] when it cannot tell. */
function keysAt(schema: z.ZodType | undefined, path: ReadonlyArray<PropertyKey>): string[] {
  let def = (schema as unknown as { _zod?: { def: Def } } | undefined)?._zod?.def;
  const unwrap = (d: Def | undefined): Def | undefined => {
    for (let n = 0; d && n < 10; n++) {
      if (d.innerType) d = d.innerType._zod.def;
      else if (d.type === 'pipe' && d.in) d = d.in._zod.def;
      else break;
    }
    return d;
  };
  for (const seg of path) {
    def = unwrap(def);
    if (!def) return [];
    if (typeof seg === 'number' && def.element) def = def.element._zod.def;
    else if (typeof seg === 'string' && def.shape?.[seg]) def = def.shape[seg]._zod.def;
    else return [];
  }
  def = unwrap(def);
  if (def?.shape) return Object.keys(def.shape);
  if (def?.options) return def.options.flatMap((o) => Object.keys(unwrap(o._zod.def)?.shape ?? {}));
  return [];
}

/** Schema problems, one per issue; each unknown key is named (a typo must never silently drop a rule), with
 * the known key it is closest to. */
export function schemaProblems(file: string, error: z.ZodError, schema?: z.ZodType): Problem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ file, path: formatPath([...issue.path, key]), message: `unknown key "${key}"${didYouMean(key, keysAt(schema, issue.path))}` }))
      : [{ file, path: formatPath(issue.path), message: describeIssue(issue) }],
  );
}

/** Parses and validates one data file, adding what is wrong to `problems`. */
export function readData<S extends z.ZodType>(file: string, text: string, schema: S, problems: Problem[]): z.output<S> | undefined {
  const cached = cachedData(file, text);
  if (cached !== undefined) return cached as z.output<S>;
  const parsed = parseYaml(file, text);
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return undefined;
  }
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (result.success) {
    keepData(file, text, result.data);
    return result.data;
  }
  problems.push(...schemaProblems(file, result.error, schema));
  return undefined;
}
