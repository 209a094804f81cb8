// A worker thread holding its own copy of the core (core-threads.ts starts it). The core is pure: the
// message, the session and the context come in, the reply and the new session go out; nothing else is
// shared with the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCore, type CoreOptions } from '../core/load';
import type { Inbound, Session, TurnContext } from '../core/types';
import { outcomeOf } from './turn';

export interface TurnRequest {
  id: number;
  inbound: Inbound;
  session: Session;
  ctx: TurnContext;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; id: number; outcome: ReturnType<typeof outcomeOf> }
  | { kind: 'error'; id: number; error: { name: string; message: string; stack?: string } };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('core-worker.ts runs in a worker thread');
  const post = (m: WorkerMessage) => port.postMessage(m);
  let core;
  try {
    core = await loadCore(workerData as Partial<CoreOptions>);
  } catch (err) {
    post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    return;
  }
  port.on('message', (r: TurnRequest) => {
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
