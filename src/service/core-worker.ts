// A worker thread holding its own copy of the core (core-threads.ts starts it). The core is pure: the
// message, the session and the context come in, the reply and the new session go out; nothing else is
// shared with the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCore, type CoreOptions } from '../core/load';
import { loadPinyin } from '../nlu/pinyin';
import type { Core, Inbound, Session, TurnContext } from '../core/types';
import { outcomeOf } from './turn';
import { warmUp } from './warm';

export interface TurnRequest {
  id: number;
  inbound: Inbound;
  session: Session;
  ctx: TurnContext;
}

/** A new core for rule books reloaded (core-threads.ts): loaded beside the one in use (`prepare`), then put
 * in its place (`commit`) or dropped (`abort`). Turns keep being answered meanwhile, by the core in use. */
export type ControlMessage =
  | { control: 'prepare'; id: number; options: Partial<CoreOptions> }
  | { control: 'commit'; id: number }
  | { control: 'abort'; id: number };

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; id: number; outcome: ReturnType<typeof outcomeOf> }
  | { kind: 'error'; id: number; error: { name: string; message: string; stack?: string } }
  | { kind: 'prepared'; id: number }
  | { kind: 'prepare-failed'; id: number; error: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('core-worker.ts runs in a worker thread');
  const post = (m: WorkerMessage) => port.postMessage(m);
  // OpenCC's tables, pinyin-pro and the English glossary are loaded before the first turn, not on the first
  // traditional-script or English message (warmUp: a turn of each).
  const load = async (o: Partial<CoreOptions>) => {
    const c = await loadCore({ ...o, preloadTraditional: true });
    loadPinyin();
    return warmUp(c);
  };
  let core: Core;
  try {
    core = await load(workerData as Partial<CoreOptions>);
  } catch (err) {
    post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    return;
  }
  let next: { id: number; core: Core } | null = null;
  const control = (m: ControlMessage): void => {
    if (m.control === 'prepare') {
      load(m.options).then(
        (c) => {
          next = { id: m.id, core: c };
          post({ kind: 'prepared', id: m.id });
        },
        (err: unknown) => post({ kind: 'prepare-failed', id: m.id, error: err instanceof Error ? err.message : String(err) }),
      );
    } else if (next?.id === m.id) {
      if (m.control === 'commit') core = next.core;
      next = null;
    }
  };
  port.on('message', (r: TurnRequest | ControlMessage) => {
    if ('control' in r) return control(r);
    try {
      post({ kind: 'done', id: r.id, outcome: outcomeOf(core.turn(r.inbound, r.session, r.ctx)) });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      post({ kind: 'error', id: r.id, error: { name: e.name, message: e.message, stack: e.stack } });
    }
  });
  post({ kind: 'ready' });
}

void main();
