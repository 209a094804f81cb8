// The administrator's rule-book desk behind the console's 起草 page: a pasted notice drafted (on the
// drafter's own thread) into a rule book with its evidence; the edited YAML checked exactly as a reload
// would check the rules directory with it in place; and publishing: the file written into the rules
// directory (the version it replaces kept in .backup/), the rule books reloaded into the running service,
// the change written to the audit log. Every refusal is a RuleDeskError with a code of the API's table.
import { basename } from 'node:path';
import type { Logger } from 'pino';
import { readRuleFiles, RuleBookError, type RuleFile } from '../../rules/load';
import type { ReloadResult } from '../../service/reload';
import type { ConsoleStore } from '../../store/console-port';
import type { Actor } from '../accounts';
import type { ConsoleHub } from '../events';
import { checkBook, type CheckResult } from './check';
import { candidate, idProblem, undoWrite, writeBook, type Candidate } from './files';
import { checkNotice } from './notice';
import { DraftError, type DraftOutcome, type RuleBookWorker } from './thread';

export type { CheckedProblem, CheckResult } from './check';

export type RuleDeskCode =
  | 'invalid_field'
  | 'not_text'
  | 'payload_too_large'
  | 'nothing_to_draft'
  | 'draft_failed'
  | 'rules_invalid'
  | 'rules_exists'
  | 'rules_unavailable';

export class RuleDeskError extends Error {
  constructor(
    readonly code: RuleDeskCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleDeskError';
  }
}

export interface DraftView extends Omit<DraftOutcome, 'empty' | 'message'> {
  /** The notice as drafted (line breaks made \n): the evidence's offsets are into this text. */
  text: string;
  check: CheckResult;
}

export interface PublishResult {
  id: string;
  file: string;
  replaced: boolean;
  backup?: string;
  localities?: number;
  ms: number;
}

export interface RuleDeskOptions {
  /** The rules directory; without one, nothing can be drafted or published. */
  dir: string | undefined;
  service: { reloadRules(reason: string): Promise<ReloadResult>; readonly rulesReloadable: boolean };
  store: Pick<ConsoleStore, 'addAudit'>;
  hub: ConsoleHub;
  /** Drafts and checks off the main thread (thread.ts). */
  worker: RuleBookWorker;
  logger: Logger;
  now?: () => number;
}

export class RuleDesk {
  private readonly now: () => number;
  private publishing: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: RuleDeskOptions) {
    this.now = o.now ?? Date.now;
  }

  private dir(): string {
    if (!this.o.dir) throw new RuleDeskError('rules_unavailable', 'this service has no rules directory to draft beside or publish into');
    return this.o.dir;
  }

  async draft(actor: Actor, raw: string, id?: string): Promise<DraftView> {
    const dir = this.dir();
    if (id !== undefined) this.validId(id);
    const notice = checkNotice(raw);
    if (!notice.ok) throw new RuleDeskError(notice.code === 'empty' ? 'invalid_field' : notice.code === 'too_long' ? 'payload_too_large' : 'not_text', notice.message, 'text');
    const t0 = performance.now();
    let outcome: DraftOutcome;
    try {
      outcome = await this.o.worker.draft({ text: notice.text, id, files: this.files(dir), from: 'a notice pasted in the staff console' });
    } catch (err) {
      this.o.logger.warn({ staff: actor.username, code: (err as DraftError).code, err: (err as Error).message }, 'rule book not drafted');
      throw this.workerError(err, 'the drafter could not read this text');
    }
    if (outcome.empty) throw new RuleDeskError('nothing_to_draft', outcome.message ?? 'nothing to draft');
    const { empty: _empty, message: _message, ...rest } = outcome;
    const check = await this.check(outcome.id, outcome.yaml);
    this.o.logger.info({ staff: actor.username, id: outcome.id, ...outcome.counts, review: outcome.review.length, leftOut: outcome.leftOut.length, problems: check.problems.length, ms: Math.round(performance.now() - t0) }, 'rule book drafted');
    return { ...rest, text: notice.text, check };
  }

  /** The problems `rules validate` would report with `yaml` as the book `id` in the rules directory. */
  async check(id: string, yaml: string): Promise<CheckResult> {
    this.validId(id);
    try {
      return await this.o.worker.check({ id, yaml, candidate: this.candidate(id, yaml) });
    } catch (err) {
      throw this.workerError(err, 'the rule book could not be checked');
    }
  }

  async publish(actor: Actor, id: string, yaml: string, opts: { replace?: boolean } = {}): Promise<PublishResult> {
    const run = this.publishing.then(() => this.publishNow(actor, id, yaml, opts));
    this.publishing = run.catch(() => undefined);
    return run;
  }

  private async publishNow(actor: Actor, id: string, yaml: string, opts: { replace?: boolean }): Promise<PublishResult> {
    const dir = this.dir();
    this.validId(id);
    if (!this.o.service.rulesReloadable) throw new RuleDeskError('rules_unavailable', 'this service cannot reload its rule books (yet): nothing was written');
    const now = this.now();
    const c = this.candidate(id, yaml);
    // checked here, not on the worker: what is written is what was checked, with nothing in between
    const checked = checkBook(id, yaml, c);
    if (!checked.valid) throw new RuleDeskError('rules_invalid', `nothing was written: ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}\n${checked.problems.map((p) => p.text).join('\n')}`);
    if (c.existing && !opts.replace)
      throw new RuleDeskError('rules_exists', `${basename(c.file)} exists (${checked.replaces?.name ?? id}): publish with replace to put this one in its place (the current one is kept in .backup/)`);
    const t0 = performance.now();
    const { backup } = writeBook(dir, c, yaml, now);
    const who = actor.via === 'bootstrap' ? `token:${actor.username}` : actor.username;
    const r = await this.o.service.reloadRules(`${basename(c.file)} published by ${who}`);
    if (!r.ok) {
      // read again between the check and the reload (another edit of the directory): put it back as it was
      undoWrite(dir, c, backup);
      await this.o.service.reloadRules(`${basename(c.file)} withdrawn`);
      await this.audit(who, id, { file: basename(c.file), ok: false, problems: r.errors?.length ?? 0 });
      throw new RuleDeskError('rules_invalid', `the rule books were not reloaded, ${basename(c.file)} was withdrawn:\n${(r.errors ?? []).join('\n')}`);
    }
    const result: PublishResult = {
      id,
      file: basename(c.file),
      replaced: Boolean(c.existing),
      ...(backup ? { backup } : {}),
      ...(r.localities !== undefined ? { localities: r.localities } : {}),
      ms: Math.round(performance.now() - t0),
    };
    await this.audit(who, id, { file: result.file, replaced: result.replaced, ...(backup ? { backup } : {}), ...(r.localities !== undefined ? { localities: r.localities } : {}) });
    this.o.logger.info({ staff: who, ...result }, 'rule book published');
    return result;
  }

  private validId(id: string): void {
    const problem = idProblem(id);
    if (problem) throw new RuleDeskError('invalid_field', problem, 'id');
  }

  private files(dir: string): RuleFile[] {
    try {
      return readRuleFiles(dir);
    } catch (err) {
      if (err instanceof RuleBookError) throw this.invalidDirectory(err.message);
      throw err;
    }
  }

  private candidate(id: string, yaml: string): Candidate {
    const dir = this.dir();
    try {
      return candidate(dir, id, yaml, this.now());
    } catch (err) {
      if (err instanceof RuleBookError) throw this.invalidDirectory(err.message);
      throw new RuleDeskError('invalid_field', (err as Error).message, 'id');
    }
  }

  private workerError(err: unknown, what: string): RuleDeskError {
    if (!(err instanceof DraftError)) throw err;
    if (err.code === 'rules_invalid') return this.invalidDirectory(err.message);
    return new RuleDeskError('draft_failed', `${what}: ${err.message}`);
  }

  private invalidDirectory(message: string): RuleDeskError {
    const shown = this.o.dir ? message.split(`${this.o.dir.replace(/\/$/, '')}/`).join('') : message;
    return new RuleDeskError('rules_invalid', `the rules directory is invalid as it is; fix it first (npm run -s jiuyi -- rules validate):\n${shown}`);
  }

  private async audit(actor: string, id: string, detail: Record<string, unknown>): Promise<void> {
    await this.o.store.addAudit({ at: this.now(), actor, action: 'rules_publish', target: id, detail });
    this.o.hub.publish({ type: 'audit', action: 'rules_publish', actor, target: id });
  }

  close(): Promise<void> {
    return this.o.worker.close();
  }
}
