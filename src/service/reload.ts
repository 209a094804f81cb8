// Rule books reloaded into the running service, on an administrator's word (POST /api/v1/admin/reload,
// `jiuyi rules reload`, SIGHUP) or when a file in the rules directory changes. The files are read once
// (a snapshot, so every thread's core holds the same rules) and validated as `rules validate` does; when
// they are invalid the cores in use are kept and the problems are logged and returned. Otherwise a new
// core is built on every worker thread and then one here, beside the ones in use, and then they are all put
// in use together: a turn answered after the swap is answered by the new rules wherever it runs. The workers
// build first: new rule books mean a new NLU (its intent model and readers are built from the books' names,
// seconds of work; the urgent scorer is kept, nlu/index.ts), which they build off this thread and leave in the
// cache, so that building the core here, which holds this thread and with it every request, reads it from there.
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import type { Core } from '../core/types';
import { formatProblem } from '../data/yaml';
import { buildRuleSet, readRuleFiles, RuleBookError, type RuleFile } from '../rules/load';

export interface ReloadResult {
  ok: boolean;
  /** `rules validate`'s lines, when the rule books are invalid (or the new core could not be built). */
  errors?: string[];
  /** The files were the same as those in use: nothing was rebuilt. */
  unchanged?: boolean;
  localities?: number;
  ms: number;
}

/** The worker threads' new cores, loaded beside the ones in use. */
export interface PreparedThreads {
  commit(): void;
  abort(): void;
}

export interface ReloaderOptions {
  dir: string;
  /** The rule files the cores in use were built from. */
  current: RuleFile[];
  /** Builds this thread's core from `files`. */
  build(files: RuleFile[]): Promise<Core>;
  /** Loads the worker threads' cores from `files`; resolves with what puts them in use or drops them. */
  prepareThreads?(files: RuleFile[]): Promise<PreparedThreads | null>;
  /** Puts this thread's new core in use (the service's). */
  swap(core: Core): void;
  logger: Logger;
}

const same = (a: RuleFile[], b: RuleFile[]) => a.length === b.length && a.every((f, i) => f.file === b[i]!.file && f.text === b[i]!.text);

export class RulesReloader {
  private current: RuleFile[];
  private running: Promise<ReloadResult> | null = null;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;

  constructor(private readonly o: ReloaderOptions) {
    this.current = o.current;
  }

  /** Reloads the rule books; a call during a reload waits for it and then reloads once more. */
  reload(reason = 'requested'): Promise<ReloadResult> {
    if (this.running) return this.running.then(() => this.reload(reason));
    this.running = this.run(reason).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(reason: string): Promise<ReloadResult> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    let files: RuleFile[];
    try {
      files = readRuleFiles(this.o.dir);
      if (same(files, this.current)) return { ok: true, unchanged: true, ms: ms() };
      buildRuleSet(files); // validated first: an invalid edit costs no core
    } catch (err) {
      const errors = err instanceof RuleBookError ? err.problems.map(formatProblem) : [(err as Error).message];
      this.o.logger.warn({ reason, problems: errors.length, errors: errors.slice(0, 20) }, 'rule books not reloaded: they are invalid; the ones in use are kept');
      return { ok: false, errors, ms: ms() };
    }
    let core: Core;
    let threads: PreparedThreads | null = null;
    try {
      threads = (await this.o.prepareThreads?.(files)) ?? null;
      core = await this.o.build(files);
    } catch (err) {
      threads?.abort();
      const message = `the new rule books could not be loaded: ${(err as Error).message}`;
      this.o.logger.error({ reason, err }, 'rule books not reloaded; the ones in use are kept');
      return { ok: false, errors: [message], ms: ms() };
    }
    // the swap: this thread's core and the workers' together, with nothing awaited in between
    this.o.swap(core);
    threads?.commit();
    this.current = files;
    const localities = core.localities().length;
    this.o.logger.info({ reason, localities, files: files.length, ms: ms() }, 'rule books reloaded');
    return { ok: true, localities, ms: ms() };
  }

  /** Reloads when a file of the directory changes (after `quietMs` without further change). */
  watch(quietMs = 500): void {
    if (this.watcher) return;
    try {
      this.watcher = watch(this.o.dir, (_event, name) => {
        if (name && !/\.ya?ml$/.test(String(name))) return;
        if (this.debounce) clearTimeout(this.debounce);
        this.debounce = setTimeout(() => {
          this.debounce = null;
          void this.reload('file changed');
        }, quietMs);
        this.debounce.unref();
      });
      this.watcher.on('error', (err) => this.o.logger.warn({ err }, 'rules directory watch failed; reload with POST /api/v1/admin/reload or SIGHUP'));
      this.watcher.unref();
    } catch (err) {
      this.o.logger.warn({ err }, 'cannot watch the rules directory; reload with POST /api/v1/admin/reload or SIGHUP');
    }
  }

  /** Stops watching and waits for a reload under way. */
  async close(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    if (this.debounce) clearTimeout(this.debounce);
    await this.running?.catch(() => undefined);
  }
}
