// The urgent detector's data in intents/urgent/: concepts.yml, classes.yml, scope.yml, scorer.yml and the
// corpus (corpus/*.jsonl), loaded and validated against schema.ts; every problem names the file, the path
// and the reason, and the cross-checks (a class naming an unknown concept, a term no concept uses) are made
// here too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatProblem, readData, type Problem } from '../data/yaml';
import { cachedData, keepData } from '../data/parsed-cache';
import { DataError } from '../nlu/data-error';
import { ClassesSchema, ConceptsSchema, CorpusLine, itemConcepts, ScopeSchema, ScorerSchema, type ClassesFile, type ConceptsFile, type CorpusEntry, type ScopeFile, type ScorerFile } from './schema';

export interface UrgentData {
  dir: string;
  concepts: ConceptsFile;
  classes: ClassesFile;
  scope: ScopeFile;
  scorer: ScorerFile;
  /** Read (and validated) when first asked for: only training needs it — the scorer, the romanised reader's
   * words, `nlu urgent-eval` — and a start with both in the model cache never does (the cache keys hash the
   * corpus files, so a changed corpus is trained on, and so read and validated, at the next start). */
  readonly corpus: CorpusEntry[];
}

function load<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const problems: Problem[] = [];
  const data = readData(file, readFileSync(file, 'utf8'), schema, problems);
  if (data === undefined || problems.length) throw new DataError(problems.map(formatProblem).join('\n'));
  return data;
}

type CorpusLineData = z.infer<typeof CorpusLine>;
const isLines = (v: unknown): v is [number, CorpusLineData][] => Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'number');

/** Reads the JSON-lines corpus files of a directory (sorted), each line validated. A file as validated at the
 * last start comes from the start-up cache (parsed-cache.ts: keyed by its name and text); the classes, which
 * another file names, are checked every time. */
export function readCorpus(dir: string, classes: ReadonlySet<string>): CorpusEntry[] {
  if (!existsSync(dir)) return [];
  const out: CorpusEntry[] = [];
  const checkClass = (file: string, line: number, e: CorpusLineData): void => {
    if (e.urgent && (!e.class || !classes.has(e.class))) throw new DataError(`${file}: line ${line}: class: "${e.class}" is not a red-flag class`);
    if (!e.urgent && e.class !== null && !classes.has(e.class)) throw new DataError(`${file}: line ${line}: class: "${e.class}" is not a red-flag class`);
  };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const cached = cachedData(file, text);
    if (isLines(cached)) {
      for (const [line, e] of cached) {
        checkClass(file, line, e);
        out.push({ ...e, file, line });
      }
      continue;
    }
    const lines: [number, CorpusLineData][] = [];
    text.split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (err) {
        throw new DataError(`${file}: line ${i + 1}: not JSON: ${(err as Error).message}`);
      }
      const r = CorpusLine.safeParse(json);
      if (!r.success) throw new DataError(`${file}: line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
      const e = r.data;
      checkClass(file, i + 1, e);
      lines.push([i + 1, e]);
      out.push({ ...e, file, line: i + 1 });
    });
    keepData(file, text, lines);
  }
  return out;
}

/** Every concept a class or the classes file names must exist; every term a `near` names too. */
function crossCheck(dir: string, d: Omit<UrgentData, 'corpus' | 'dir'>): void {
  const problems: string[] = [];
  const ids = new Set(d.concepts.concepts.map((c) => c.id));
  const f = join(dir, 'concepts.yml');
  const seen = new Set<string>();
  d.concepts.concepts.forEach((c, i) => {
    if (seen.has(c.id)) problems.push(`${f}: concepts[${i}].id: "${c.id}" is defined twice`);
    seen.add(c.id);
    if (!c.words.length && !c.near.length && !c.numbers.length) problems.push(`${f}: concepts[${i}]: "${c.id}" has no words, near or numbers`);
    c.near.forEach((combo, j) =>
      combo.forEach((t, k) => {
        if (!(t in d.concepts.terms) && !ids.has(t)) problems.push(`${f}: concepts[${i}].near[${j}][${k}]: unknown term "${t}"`);
      }),
    );
  });
  const cf = join(dir, 'classes.yml');
  const check = (path: string, id: string): void => {
    if (!ids.has(id)) problems.push(`${cf}: ${path}: unknown concept "${id}"${suggest(id, ids)}`);
  };
  d.classes.context.forEach((c, i) => check(`context[${i}]`, c));
  const sf = join(dir, 'scope.yml');
  d.scope.sequela_signs.forEach((c, i) => ids.has(c) || problems.push(`${sf}: sequela_signs[${i}]: unknown concept "${c}"${suggest(c, ids)}`));
  d.scope.sequela_never.forEach((c, i) => ids.has(c) || problems.push(`${sf}: sequela_never[${i}]: unknown concept "${c}"${suggest(c, ids)}`));
  d.scope.laugh_proof.forEach((c, i) => ids.has(c) || problems.push(`${sf}: laugh_proof[${i}]: unknown concept "${c}"${suggest(c, ids)}`));
  d.scope.person_only.forEach((c, i) => ids.has(c) || problems.push(`${sf}: person_only[${i}]: unknown concept "${c}"${suggest(c, ids)}`));
  d.scope.laughs.forEach((w, i) => d.scope.jokes.includes(w) || problems.push(`${sf}: laughs[${i}]: "${w}" is not one of the joke words`));
  d.scope.sequela_usual.forEach((w, i) => d.scope.sequela.includes(w) || problems.push(`${sf}: sequela_usual[${i}]: "${w}" is not one of the sequela words`));
  const ruleOnly = new Set(ruleOnlyIds(d.concepts));
  const listed = (list: 'supporting' | 'unscored') => (c: string, i: number) => {
    check(`${list}[${i}]`, c);
    if (ruleOnly.has(c)) problems.push(`${cf}: ${list}[${i}]: "${c}" is rule_only in concepts.yml, which implies it`);
  };
  d.classes.supporting.forEach(listed('supporting'));
  d.classes.unscored.forEach(listed('unscored'));
  d.classes.intent_denied.forEach((c, i) => {
    check(`intent_denied[${i}]`, c);
    if (!d.classes.supporting.includes(c)) problems.push(`${cf}: intent_denied[${i}]: "${c}" is not in supporting`);
  });
  d.classes.needs_now.forEach((c, i) => check(`needs_now[${i}]`, c));
  d.classes.ordinary.forEach((c, i) => check(`ordinary[${i}]`, c));
  for (const [name, cls] of Object.entries(d.classes.classes)) (cls.subject ?? []).forEach((c, i) => check(`classes.${name}.subject[${i}]`, c));
  for (const [name, cls] of Object.entries(d.classes.classes)) (cls.ordinary ?? []).forEach((c, i) => check(`classes.${name}.ordinary[${i}]`, c));
  for (const [name, cls] of Object.entries(d.classes.classes))
    cls.rules.forEach((r, i) =>
      r.all.forEach((item, j) => {
        const path = `classes.${name}.rules[${i}].all[${j}]`;
        if (typeof item === 'string') check(path, item);
        else if ('any' in item) item.any.forEach((c, k) => check(`${path}.any[${k}]`, c));
        else check(`${path}.concept`, item.concept);
      }),
    );
  for (const [name, cls] of Object.entries(d.classes.classes))
    cls.rules.forEach((r, i) => {
      const own = new Set(r.all.flatMap(itemConcepts));
      r.past_counts.forEach((c, k) => {
        if (!own.has(c)) problems.push(`${cf}: classes.${name}.rules[${i}].past_counts[${k}]: "${c}" is not one of the rule's concepts`);
      });
      r.none.forEach((c, k) => check(`classes.${name}.rules[${i}].none[${k}]`, c));
    });
  if (problems.length) throw new DataError(problems.join('\n'));
}

/** ", did you mean …" for a misspelt id. */
function suggest(id: string, ids: Iterable<string>): string {
  let best = '';
  let bestD = 3;
  for (const c of ids) {
    const d = editDistance(id, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

const ruleOnlyIds = (concepts: ConceptsFile): string[] => concepts.concepts.filter((c) => c.rule_only).map((c) => c.id);

/** The classes file with the rule-only concepts added to `supporting` and `unscored`, which they imply. */
function withRuleOnly(classes: ClassesFile, concepts: ConceptsFile): ClassesFile {
  const ruleOnly = ruleOnlyIds(concepts);
  return { ...classes, supporting: [...classes.supporting, ...ruleOnly], unscored: [...classes.unscored, ...ruleOnly] };
}

export function loadUrgentData(dir: string): UrgentData {
  const concepts = load(join(dir, 'concepts.yml'), ConceptsSchema);
  const classes = load(join(dir, 'classes.yml'), ClassesSchema);
  const scope = load(join(dir, 'scope.yml'), ScopeSchema);
  const scorer = load(join(dir, 'scorer.yml'), ScorerSchema);
  crossCheck(dir, { concepts, classes, scope, scorer });
  let corpus: CorpusEntry[] | undefined;
  return {
    dir,
    concepts,
    classes: withRuleOnly(classes, concepts),
    scope,
    scorer,
    get corpus() {
      return (corpus ??= readCorpus(join(dir, 'corpus'), new Set(Object.keys(classes.classes))));
    },
  };
}
