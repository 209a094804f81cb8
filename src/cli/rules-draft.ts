// `rules draft NOTICE.txt [--id ID] [-o FILE] [--rules DIR]` and `rules draft-eval [--seeds DIR] [--rules DIR]`:
// thin adapters around src/rules/draft (reading the files, writing the draft and its evidence, printing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dataDir, projectRoot } from '../data/root';
import { formatProblem } from '../data/yaml';
import { draftRuleBook } from '../rules/draft';
import { compare, matchBook, METRICS, precision, recall, sumScores, type Comparison, type Score } from '../rules/draft/eval';
import { loadRuleSet, RuleBookError } from '../rules/load';
import type { RuleSet } from '../rules/types';

type Out = (s: string) => void;

function options(args: string[], flags: string[]): { opts: Record<string, string>; rest: string[] } | string {
  const opts: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (flags.includes(a)) {
      const v = args[++i];
      if (v === undefined) return `${a} needs a value`;
      opts[a] = v;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else rest.push(a);
  }
  return { opts, rest };
}

function rules(dir: string, err: Out): RuleSet | undefined {
  try {
    return loadRuleSet(dir);
  } catch (e) {
    if (!(e instanceof RuleBookError)) throw e;
    err(`${e.message}\n`);
    return undefined;
  }
}

const DRAFT_USAGE = 'usage: rules draft NOTICE.txt [--id ID] [-o FILE] [--rules DIR]';

export async function draft(args: string[], out: Out, err: Out): Promise<number> {
  const parsed = options(args, ['--id', '-o', '--rules']);
  if (typeof parsed === 'string' || parsed.rest.length !== 1) {
    err(`${typeof parsed === 'string' ? `${parsed}\n` : ''}${DRAFT_USAGE}\n`);
    return 2;
  }
  const notice = parsed.rest[0] as string;
  const file = parsed.opts['-o'];
  const fromFile = file ? basename(file).replace(/\.ya?ml$/, '') : undefined;
  const id = parsed.opts['--id'] ?? (fromFile && /^[a-z][a-z0-9_]*$/.test(fromFile) ? fromFile : undefined);
  if (id !== undefined && !/^[a-z][a-z0-9_]*$/.test(id)) {
    err(`"${id}" is not a valid locality id (lower-case letters, digits, _; a letter first)\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(notice, 'utf8');
  } catch (e) {
    err(`cannot read ${notice}: ${(e as Error).message}\n`);
    return 1;
  }
  const set = rules(parsed.opts['--rules'] ?? dataDir('rules'), err);
  if (!set) return 1;
  const r = draftRuleBook(text, { id, vocabulary: set.vocabulary, others: set.books, from: basename(notice) });
  if (r.empty) {
    err(`${notice}: ${r.problems[0]?.message}\n`);
    return 1;
  }
  const evidence = { notice, id: r.book.id, evidence: r.evidence, review: r.review, leftOut: r.leftOut, problems: r.problems };
  if (file) {
    writeFileSync(file, r.yaml);
    writeFileSync(`${file}.evidence.json`, `${JSON.stringify(evidence, null, 2)}\n`);
  } else out(r.yaml);
  const b = r.book;
  err(
    `drafted ${b.id} (${b.name}) from ${basename(notice)}: ${b.facilities.length} facilities, ${b.designations.length} designations, ` +
      `${b.guidance.length} guidance, ${b.contacts.length} contacts; ${r.review.length} to review, ${r.leftOut.length} numbers left out` +
      `${file ? `\n  wrote ${file} and ${file}.evidence.json` : ''}` +
      `${set.byId.has(b.id) ? `\n  id ${b.id}: it would replace ${set.byId.get(b.id)?.file} (choose another with --id to add it beside)` : ''}\n`,
  );
  for (const l of r.leftOut) err(`  left out ${l.number} (line ${l.line}): ${l.reason}\n`);
  if (r.problems.length) {
    err(`${r.problems.map(formatProblem).join('\n')}\n${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}: fix them before adding the book to rules/\n`);
    const owner = r.problems.map((p) => (p.path === 'name' ? /already resolves to "([a-z0-9_]+)"/.exec(p.message)?.[1] : undefined)).find((x) => x);
    if (owner) err(`${b.name} already has a rule book (${owner}): to replace it, draft with --id ${owner}\n`);
    return 1;
  }
  return 0;
}

/** ../shared/seeds beside the checkout (or beside the directory of worktrees that holds it). */
function defaultSeeds(): string {
  const root = projectRoot();
  for (const up of [join(root, '..'), join(root, '..', '..')]) {
    const dir = join(up, 'shared', 'seeds');
    if (existsSync(dir)) return dir;
  }
  return join(dirname(root), 'shared', 'seeds');
}

const BAR = { recall: 0.9, precision: 0.95, metrics: ['facilities', 'phones', 'designations'] as const };

export async function draftEval(args: string[], out: Out, err: Out): Promise<number> {
  const parsed = options(args, ['--seeds', '--rules']);
  if (typeof parsed === 'string' || parsed.rest.length) {
    err(`${typeof parsed === 'string' ? `${parsed}\n` : ''}usage: rules draft-eval [--seeds DIR] [--rules DIR]\n`);
    return 2;
  }
  const seeds = parsed.opts['--seeds'] ?? defaultSeeds();
  const set = rules(parsed.opts['--rules'] ?? dataDir('rules'), err);
  if (!set) return 1;
  let names: string[];
  try {
    names = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort();
  } catch (e) {
    err(`cannot read ${seeds}: ${(e as Error).message}\n`);
    return 1;
  }
  const rows: { notice: string; book: string; valid: boolean; problems: string[]; review: number; leftOut: number; cmp: Comparison }[] = [];
  for (const n of names) {
    const text = readFileSync(join(seeds, n), 'utf8');
    const book = matchBook(text, set.books);
    if (!book) {
      err(`${n}: no rule book in rules/ matches this notice; skipped\n`);
      continue;
    }
    const r = draftRuleBook(text, { id: book.id, vocabulary: set.vocabulary, others: set.books, from: n });
    rows.push({ notice: n.replace(/\.txt$/, ''), book: book.id, valid: r.problems.length === 0, problems: r.problems.map(formatProblem), review: r.review.length, leftOut: r.leftOut.length, cmp: compare(r.book, book, set.books) });
  }
  const totals = Object.fromEntries(METRICS.map((m) => [m, sumScores(rows.map((r) => r.cmp.scores[m]))])) as Record<(typeof METRICS)[number], Score>;
  const distractors = rows.reduce((n, r) => n + r.cmp.distractors.length, 0);
  const cell = (s: Score) => `${precision(s).toFixed(2)}/${recall(s).toFixed(2)} ${s.correct}/${s.drafted}/${s.expected}`.padEnd(20);
  const lines = [
    `drafts of ${rows.length} seed notices compared with their hand-made rule books (P/R correct/drafted/expected)`,
    `${'notice'.padEnd(22)}${'book'.padEnd(10)}${'valid'.padEnd(7)}${METRICS.map((m) => m.padEnd(20)).join('')}distractors`,
    ...rows.map((r) => `${r.notice.padEnd(22)}${r.book.padEnd(10)}${(r.valid ? 'yes' : 'NO').padEnd(7)}${METRICS.map((m) => cell(r.cmp.scores[m])).join('')}${r.cmp.distractors.length}${r.cmp.distractors.length ? ` (${r.cmp.distractors.join(', ')})` : ''}`),
    `${'all'.padEnd(22)}${''.padEnd(10)}${`${rows.filter((r) => r.valid).length}/${rows.length}`.padEnd(7)}${METRICS.map((m) => cell(totals[m])).join('')}${distractors}`,
  ];
  for (const r of rows) for (const p of r.problems) lines.push(`  ${r.notice}: ${p}`);
  const pass =
    rows.length > 0 &&
    rows.every((r) => r.valid) &&
    distractors === 0 &&
    BAR.metrics.every((m) => recall(totals[m]) >= BAR.recall && precision(totals[m]) >= BAR.precision);
  lines.push(`bar (recall ≥ ${BAR.recall}, precision ≥ ${BAR.precision} on ${BAR.metrics.join(', ')}; 0 distractors; every draft valid): ${pass ? 'met' : 'NOT met'}`);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const json = {
    seeds,
    notices: rows.map((r) => ({
      notice: r.notice,
      book: r.book,
      valid: r.valid,
      problems: r.problems,
      review: r.review,
      leftOut: r.leftOut,
      distractors: r.cmp.distractors,
      scores: Object.fromEntries(METRICS.map((m) => [m, { ...r.cmp.scores[m], precision: round(precision(r.cmp.scores[m])), recall: round(recall(r.cmp.scores[m])) }])),
    })),
    totals: Object.fromEntries(METRICS.map((m) => [m, { ...totals[m], precision: round(precision(totals[m])), recall: round(recall(totals[m])) }])),
    distractors,
    pass,
  };
  out(`${lines.join('\n')}\n${JSON.stringify(json)}\n`);
  return pass ? 0 : 1;
}
