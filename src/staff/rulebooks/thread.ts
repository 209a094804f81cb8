// The rule-book desk's worker thread (worker.ts), one task at a time: it starts on the first task, is
// ended after `idleMs` without one (the drafter's language tools hold ~100 MB) and when a task runs longer
// than `timeoutMs` (a pathological text), so that neither holds the service's main thread nor its memory.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckResult } from './check';
import type { CheckRequest, DraftOutcome, DraftRequest, Task, TaskResult, WorkerReply } from './worker';

export type { CheckRequest, DraftOutcome, DraftRequest } from './worker';

export class DraftError extends Error {
  constructor(
    readonly code: 'rules_invalid' | 'draft_failed' | 'draft_timeout',
    message: string,
  ) {
    super(message);
    this.name = 'DraftError';
  }
}

/** What drafts and checks for the desk: the worker thread here, or anything speaking the same. */
export interface RuleBookWorker {
  draft(req: DraftRequest): Promise<DraftOutcome>;
  check(req: CheckRequest): Promise<CheckResult>;
  close(): Promise<void>;
}

export interface RuleBookThreadOptions {
  /** A task running longer than this fails and the thread is ended (default 60 s). */
  timeoutMs?: number;
  /** The thread is ended after this long without a task (default 5 minutes). */
  idleMs?: number;
  /** Another worker script (JavaScript) speaking worker.ts's messages (tests). */
  worker?: string;
}

const WORKER_FILE = join(__dirname, `worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

/** A worker on the compiled .js, or on the .ts source through tsx's loader (npm run dev, tests), as
 * src/service/core-threads.ts starts the core's. */
function spawn(file: string): Worker {
  if (file.endsWith('.js') || !existsSync(file)) return new Worker(file);
  const source = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(file)});`;
  return new Worker(source, { eval: true });
}

export class RuleBookThread implements RuleBookWorker {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly idleMs: number;

  constructor(private readonly o: RuleBookThreadOptions = {}) {
    this.timeoutMs = o.timeoutMs ?? 60_000;
    this.idleMs = o.idleMs ?? 300_000;
  }

  /** Whether a thread is running now. */
  get running(): boolean {
    return this.worker !== null;
  }

  async draft(req: DraftRequest): Promise<DraftOutcome> {
    const r = await this.task({ kind: 'draft', text: req.text, draftId: req.id, files: req.files, from: req.from });
    if (r.kind !== 'draft') throw new DraftError('draft_failed', 'the drafter answered another task');
    return r.outcome;
  }

  async check(req: CheckRequest): Promise<CheckResult> {
    const r = await this.task({ kind: 'check', checkId: req.id, yaml: req.yaml, candidate: req.candidate });
    if (r.kind !== 'check') throw new DraftError('draft_failed', 'the drafter answered another task');
    return r.result;
  }

  private task(t: Task): Promise<TaskResult> {
    const run = this.queue.then(() => this.run(t));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private run(t: Task): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new DraftError('draft_failed', 'the drafter is closed'));
    if (this.idle) clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<TaskResult>((resolve, reject) => {
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.rest();
        fn();
      };
      const onMessage = (m: WorkerReply) => {
        if (m.id !== id) return;
        finish(() => (m.ok ? resolve(m.result) : reject(new DraftError(m.code, m.message))));
      };
      const onError = (err: Error) => {
        this.stop(worker);
        finish(() => reject(new DraftError('draft_failed', `the drafter stopped: ${err.message}`)));
      };
      const onExit = (code: number) => {
        this.stop(worker);
        finish(() => reject(new DraftError('draft_failed', `the drafter stopped (exit code ${code})`)));
      };
      const timer = setTimeout(() => {
        this.stop(worker);
        finish(() => reject(new DraftError('draft_timeout', `it took more than ${Math.round(this.timeoutMs / 1000)} s and was stopped`)));
      }, this.timeoutMs);
      timer.unref();
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...t, id });
    });
  }

  private start(): Worker {
    const w = spawn(this.o.worker ?? WORKER_FILE);
    w.unref();
    return w;
  }

  /** Ends the thread once idle for idleMs. */
  private rest(): void {
    if (this.idle) clearTimeout(this.idle);
    if (this.closed || !this.worker) return;
    this.idle = setTimeout(() => this.stop(this.worker), this.idleMs);
    this.idle.unref();
  }

  private stop(w: Worker | null): void {
    if (!w) return;
    if (this.worker === w) this.worker = null;
    void w.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
