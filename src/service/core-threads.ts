// Runs the core's turns on worker threads, each with its own copy of the core (core-worker.ts), so that
// the main thread keeps to HTTP and the store. The core is pure, which is what makes this safe: a turn
// needs only the message, the session and the context, and returns the reply and the new session.
//
// Until a worker is ready (start-up) the turns run on the main thread (`fallback`); so do they while every
// worker is loading a reload's new core, which holds its thread for as long as the new NLU takes to build
// (seconds): a worker loading one is given no turns while another can take them. Each worker answers in
// the order it was asked, so the oldest turn a worker holds is the one it is working on: when a worker dies
// or runs one turn longer than `turnTimeoutMs`, that turn fails (the service answers with its error notice)
// and the worker's other turns run again elsewhere. A dead worker is replaced, with a growing delay.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CoreOptions } from '../core/load';
import type { Inbound, Session, TurnContext } from '../core/types';
import type { ControlMessage, TurnRequest, WorkerMessage } from './core-worker';
import type { TurnOutcome, TurnRunner } from './turn';
import type { PreparedThreads } from './reload';

export interface CoreThreadsOptions {
  threads: number;
  /** How each worker loads its core (the main thread's options). */
  core: Partial<CoreOptions>;
  /** Runs turns while no worker is ready (start-up, after a crash). */
  fallback: TurnRunner;
  logger: Logger;
  /** A turn running longer than this fails and its worker is replaced (default 10 s). */
  turnTimeoutMs?: number;
  /** Another worker script (JavaScript) speaking core-worker.ts's messages, with its data (tests). */
  worker?: { file: string; data?: unknown };
}

export class TurnFailedError extends Error {
  override name = 'TurnFailedError';
}

interface Pending {
  request: TurnRequest;
  resolve: (o: TurnOutcome) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** In the order sent; the worker answers in that order. */
  pending: Map<number, Pending>;
  /** When the worker began the turn it is on (the oldest pending). */
  headSince: number;
  failures: number;
  /** Which core options it holds (see reload): a worker left behind by a reload is replaced. */
  generation: number;
  /** A reload waiting on this worker to load the new core (while it does, the worker takes no turns). */
  preparing: Map<number, { resolve: () => void; reject: (e: Error) => void }>;
}

const WORKER_FILE = join(__dirname, `core-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
const MAX_RESTART_DELAY_MS = 60_000;

/** A worker on the compiled .js, or on the .ts source through tsx's loader (npm run dev, tests). */
function spawn(workerData: unknown, file = WORKER_FILE): Worker {
  if (file.endsWith('.js') || !existsSync(file)) return new Worker(file, { workerData });
  const source = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(file)});`;
  return new Worker(source, { eval: true, workerData });
}

export class CoreThreads {
  private readonly slots: Slot[] = [];
  private readonly timeoutMs: number;
  private readonly watchdog: NodeJS.Timeout;
  private nextId = 1;
  private nextControl = 1;
  private generation = 0;
  private closed = false;
  /** Turns sent to workers and not yet answered (close() waits for them). */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readyWaiters: (() => void)[] = [];

  constructor(private o: CoreThreadsOptions) {
    this.timeoutMs = o.turnTimeoutMs ?? 10_000;
    for (let i = 0; i < o.threads; i++) this.slots.push(this.start(0));
    this.watchdog = setInterval(() => this.checkTimeouts(), Math.min(1000, this.timeoutMs / 2));
    this.watchdog.unref();
  }

  /** The TurnRunner the service calls. */
  readonly turn: TurnRunner = (inbound: Inbound, session: Session, ctx: TurnContext) => {
    const slot = this.pick();
    if (!slot) return this.o.fallback(inbound, session, ctx);
    const answer = new Promise<TurnOutcome>((resolve, reject) => {
      const request: TurnRequest = { id: this.nextId++, inbound, session, ctx };
      if (!slot.pending.size) slot.headSince = Date.now();
      slot.pending.set(request.id, { request, resolve, reject });
      slot.worker.postMessage(request);
    });
    const settled: Promise<unknown> = answer.then(
      () => this.inFlight.delete(settled),
      () => this.inFlight.delete(settled),
    );
    this.inFlight.add(settled);
    return answer;
  };

  /** Workers ready to take turns. */
  get readyCount(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  /** Resolves once every worker has loaded its core (or failed to). */
  async whenReady(): Promise<void> {
    while (this.slots.some((s) => !s.ready && s.failures === 0) && !this.closed)
      await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Has every ready worker load a core with `core` (new rule books) beside the one it uses, and resolves
   * with what puts them in use (`commit`: every turn sent after it is answered by the new core on whichever
   * thread, and workers not ready yet, started with the old options, are replaced) or drops them (`abort`).
   * Rejects, leaving every worker on its core, when one cannot load it.
   */
  async prepare(core: Partial<CoreOptions>, timeoutMs = 60_000): Promise<PreparedThreads> {
    const id = this.nextControl++;
    const slots = this.slots.filter((x) => x.ready);
    const loaded = slots.map(
      (slot) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`a core worker did not load the new core within ${timeoutMs} ms`)), timeoutMs);
          timer.unref();
          slot.preparing.set(id, {
            resolve: () => (clearTimeout(timer), resolve()),
            reject: (e) => (clearTimeout(timer), reject(e)),
          });
          slot.worker.postMessage({ control: 'prepare', id, options: core } satisfies ControlMessage);
        }),
    );
    const abort = (): void => {
      for (const slot of slots) {
        slot.preparing.delete(id);
        if (this.slots.includes(slot)) slot.worker.postMessage({ control: 'abort', id } satisfies ControlMessage);
      }
    };
    try {
      await Promise.all(loaded);
    } catch (err) {
      abort();
      throw err;
    }
    return {
      commit: () => {
        this.generation += 1;
        this.o = { ...this.o, core };
        for (const slot of slots) {
          slot.preparing.delete(id);
          if (!this.slots.includes(slot)) continue;
          slot.worker.postMessage({ control: 'commit', id } satisfies ControlMessage);
          slot.generation = this.generation;
        }
        for (const slot of [...this.slots]) if (slot.generation !== this.generation) this.replace(slot);
      },
      abort,
    };
  }

  /** Waits for the turns in flight, then stops the workers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeReadyWaiters();
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  // --- internals ---------------------------------------------------------------------------------------

  private start(failures: number): Slot {
    const worker = this.o.worker ? spawn(this.o.worker.data, this.o.worker.file) : spawn(this.o.core);
    const slot: Slot = { worker, ready: false, pending: new Map(), headSince: 0, failures, generation: this.generation, preparing: new Map() };
    slot.worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    slot.worker.on('error', (err) => this.onDeath(slot, err));
    slot.worker.on('exit', (code) => this.onDeath(slot, new Error(`core worker exited with code ${code}`)));
    return slot;
  }

  /** The ready worker with the fewest turns waiting, not one loading a new core (none: this thread). */
  private pick(): Slot | null {
    let best: Slot | null = null;
    for (const s of this.slots) if (s.ready && !s.preparing.size && (!best || s.pending.size < best.pending.size)) best = s;
    return best;
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    switch (m.kind) {
      case 'prepared':
        slot.preparing.get(m.id)?.resolve();
        slot.preparing.delete(m.id); // loaded: it takes turns again (on the core in use until the commit)
        return;
      case 'prepare-failed':
        slot.preparing.get(m.id)?.reject(new Error(m.error));
        slot.preparing.delete(m.id);
        return;
      case 'ready':
        if (slot.generation !== this.generation) return this.replace(slot); // rules reloaded while it started
        slot.ready = true;
        slot.failures = 0;
        this.o.logger.debug({ threads: this.readyCount }, 'core worker ready');
        this.wakeReadyWaiters();
        return;
      case 'failed':
        this.o.logger.error({ error: m.error }, 'core worker could not load the core');
        void slot.worker.terminate(); // → exit → onDeath → replaced later
        return;
      case 'done':
      case 'error': {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        slot.headSince = Date.now();
        if (m.kind === 'done') p.resolve(m.outcome);
        else p.reject(Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack }));
      }
    }
  }

  /** A worker holding a core older than the last reload: its turns go elsewhere (all of them: it is not
   * dying), it stops, and a new one starts at once with the current options. */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.ready = false;
    const waiting = [...slot.pending.values()];
    slot.pending.clear();
    for (const p of waiting) Promise.resolve(this.turn(p.request.inbound, p.request.session, p.request.ctx)).then(p.resolve, p.reject);
    void slot.worker.terminate();
    if (!this.closed) this.slots.push(this.start(0));
  }

  /** The worker is gone: the turn it was on fails, the others run again elsewhere; a new worker follows. */
  private onDeath(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already handled ('error' is followed by 'exit'), or replaced
    this.slots.splice(i, 1);
    slot.ready = false;
    for (const p of slot.preparing.values()) p.reject(new Error(`the core worker died while loading the new core: ${err.message}`));
    slot.preparing.clear();
    const [current, ...rest] = [...slot.pending.values()];
    slot.pending.clear();
    if (!this.closed) this.o.logger.error({ err, pending: rest.length + (current ? 1 : 0) }, 'core worker died');
    current?.reject(new TurnFailedError(`the core worker died during this turn: ${err.message}`));
    for (const p of rest) Promise.resolve(this.turn(p.request.inbound, p.request.session, p.request.ctx)).then(p.resolve, p.reject);
    this.wakeReadyWaiters();
    if (this.closed) return;
    const failures = slot.failures + 1;
    const delay = Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** (failures - 1));
    const timer = setTimeout(() => {
      if (!this.closed) this.slots.push(this.start(failures));
    }, delay);
    timer.unref();
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      if (!slot.pending.size || now - slot.headSince < this.timeoutMs) continue;
      this.o.logger.error({ timeoutMs: this.timeoutMs }, 'a turn took too long: replacing its core worker');
      this.onDeath(slot, new Error(`a turn ran for more than ${this.timeoutMs} ms`));
      void slot.worker.terminate();
    }
  }

  private wakeReadyWaiters(): void {
    const w = this.readyWaiters;
    this.readyWaiters = [];
    for (const f of w) f();
  }
}
