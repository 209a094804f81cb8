// A worker thread for the rule-book desk (thread.ts starts it): drafting and checking off the service's
// main thread, which answers residents. The drafter's language tools take most of a second to load and a
// long notice a few hundred milliseconds to read; a check validates the whole rules directory (tens of
// milliseconds). The directory's files come with each task, read by the main thread; the rule set the
// drafter reads beside is parsed again only when they change.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { formatProblem } from '../../data/yaml';
import { draftRuleBook, type Evidence, type LeftOut, type Review } from '../../rules/draft';
import { buildRuleSet, RuleBookError, type RuleFile } from '../../rules/load';
import type { RuleSet } from '../../rules/types';
import { checkBook, type CheckResult } from './check';
import type { Candidate } from './files';

export interface DraftRequest {
  /** The notice as pasted. */
  text: string;
  /** The locality id to draft under; the locality's pinyin when absent. */
  id?: string;
  /** The rules directory's files (vocabulary.yml and the books), for the vocabulary and the cross-checks. */
  files: RuleFile[];
  /** Where the text came from, for the YAML's header. */
  from?: string;
}

export interface CheckRequest {
  id: string;
  yaml: string;
  /** The rules directory's files with the book in place (files.ts). */
  candidate: Candidate;
}

export interface DraftOutcome {
  id: string;
  /** The locality's name as drafted. */
  name: string;
  yaml: string;
  evidence: Evidence[];
  review: Review[];
  leftOut: LeftOut[];
  counts: { facilities: number; designations: number; guidance: number; contacts: number };
  /** Nothing could be drafted: `message` says so. */
  empty: boolean;
  message?: string;
}

export type Task =
  | { kind: 'draft'; text: string; draftId?: string; files: RuleFile[]; from?: string }
  | { kind: 'check'; checkId: string; yaml: string; candidate: Candidate };

export type TaskResult = { kind: 'draft'; outcome: DraftOutcome } | { kind: 'check'; result: CheckResult };

export type WorkerReply = { id: number; ok: true; result: TaskResult } | { id: number; ok: false; code: 'rules_invalid' | 'draft_failed'; message: string };

let cached: { key: string; set: RuleSet } | undefined;

function ruleSet(files: RuleFile[]): RuleSet {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.file).update('\0').update(f.text).update('\0');
  const key = hash.digest('hex');
  if (cached?.key !== key) cached = { key, set: buildRuleSet(files) };
  return cached.set;
}

export function draftOutcome(text: string, id: string | undefined, files: RuleFile[], from?: string): DraftOutcome {
  const set = ruleSet(files);
  const r = draftRuleBook(text, { id, vocabulary: set.vocabulary, others: set.books, from });
  const b = r.book;
  return {
    id: b.id,
    name: b.name,
    yaml: r.yaml,
    evidence: r.evidence,
    review: r.review,
    leftOut: r.leftOut,
    counts: { facilities: b.facilities.length, designations: b.designations.length, guidance: b.guidance.length, contacts: b.contacts.length },
    empty: r.empty,
    ...(r.empty ? { message: r.problems[0]?.message ?? 'nothing to draft' } : {}),
  };
}

export function runTask(t: Task): TaskResult {
  if (t.kind === 'draft') return { kind: 'draft', outcome: draftOutcome(t.text, t.draftId, t.files, t.from) };
  return { kind: 'check', result: checkBook(t.checkId, t.yaml, t.candidate) };
}

const port = parentPort;
if (port) {
  port.on('message', (m: Task & { id: number }) => {
    let reply: WorkerReply;
    try {
      reply = { id: m.id, ok: true, result: runTask(m) };
    } catch (err) {
      reply =
        err instanceof RuleBookError
          ? { id: m.id, ok: false, code: 'rules_invalid', message: err.problems.map(formatProblem).join('\n') }
          : { id: m.id, ok: false, code: 'draft_failed', message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
