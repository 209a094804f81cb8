// This instance among the others on one store: a heartbeat every `everyMs` says it is alive (for `ttlMs`)
// and returns how many are. The outbox divides each platform's overall limit by that number, so that the
// instances together stay within it (src/outbox/limits.ts).
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Store } from '../store/port';

export class Instances {
  private alive = 1;
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt = Date.now();

  constructor(
    private readonly store: Pick<Store, 'heartbeat' | 'leave'>,
    readonly id: string,
    private readonly logger: Logger,
    private readonly o: { everyMs?: number; ttlMs?: number } = {},
  ) {}

  /** Instances alive at the last heartbeat, this one included (at least 1). */
  get count(): number {
    return this.alive;
  }

  async beat(): Promise<number> {
    const list = await this.store.heartbeat({ id: this.id, host: hostname(), pid: process.pid, startedAt: this.startedAt }, Date.now(), this.o.ttlMs ?? 5000);
    const n = Math.max(1, list.length);
    if (n !== this.alive) this.logger.info({ instances: n }, 'instances on this store changed');
    this.alive = n;
    return n;
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch((err: unknown) => this.logger.warn({ err }, 'instance heartbeat failed')), this.o.everyMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.store.leave(this.id).catch(() => undefined);
  }
}
