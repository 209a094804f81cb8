// The outbox worker: claims due items from the store (urgent first, leased so no two workers send the
// same item), sends them through the channel's sender within the platform's rate limits, and records the
// outcome: sent, retried later (backoff, or the platform's retry_after), or dead-lettered with the error.
// After a crash, items the dead process had leased become due again when the lease expires.
import type { Logger } from 'pino';
import type { ChannelName } from '../core/types';
import type { ChannelSender, OutboxItem, SendOutcome } from '../service/ports';
import type { NewOutboxItem, Store } from '../store/port';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { systemClock, type Clock } from './clock';
import { ChannelLimiter, effectiveLimits, type ChannelLimits } from './limits';

export type OutboxResult = 'sent' | 'retry' | 'dead' | 'deferred';

export interface OutboxEvent {
  item: OutboxItem;
  result: OutboxResult;
  error?: string;
  /** For `retry` and `deferred`: when it is due again. */
  notBefore?: number;
}

export interface OutboxOptions {
  store: Store;
  senders: ChannelSender[];
  clock?: Clock;
  logger?: Logger;
  /** Configured limits per channel, over the sender's own and the platform defaults. */
  limits?: Partial<Record<ChannelName, Partial<ChannelLimits>>>;
  /** Attempts before an item is dead-lettered (default 8). */
  maxAttempts?: number;
  backoff?: Partial<BackoffOptions>;
  /** How long a claimed item is held by this worker (default 20 s): when a worker dies, its items are due
   * again after this (with SQLite, main.ts releases them at once on restart: no other worker can hold them). */
  leaseMs?: number;
  /** A send that has not answered in this long counts as failed and is retried (default: three quarters of
   * the lease), so no item is sent again by another pass while its first send is still in flight. */
  sendTimeoutMs?: number;
  /** Items claimed, and sent concurrently, at a time per channel (default 16). */
  batchSize?: number;
  /** Longest sleep between looks at the store: picks up other instances' items (default 1 s). */
  pollMs?: number;
  /** Spread each platform's sends across its window (a message every window/limit ms), and hold a chat in
   * the store after each send (counted from the send's completion) so that no instance sends to it sooner
   * than the platform's per-chat limit allows. main.ts turns it on; off, a window's sends may go at once. */
  pace?: boolean;
  /** Instances sharing the platforms' limits (each takes 1/n of the overall limit); default 1. */
  share?: () => number;
  /** [0, 1), for the backoff jitter. */
  random?: () => number;
  onEvent?: (event: OutboxEvent) => void;
}

export interface Outbox {
  /** Persists the item and wakes the worker (the service's OutboxSink). */
  enqueue(item: NewOutboxItem): Promise<{ id: string; duplicate: boolean }>;
  /** Starts sending in the background (timers on the injected clock). */
  start(): void;
  /** Stops: no new claims, waits for in-flight sends to be recorded, then (unless `drain: false`) sends
   * what is due and allowed now, all within `timeoutMs` (default 10 s). */
  stop(opts?: { drain?: boolean; timeoutMs?: number }): Promise<void>;
  /** Look at the store now (new items, or a channel's items enqueued by another process); `urgent`: an
   * urgent one among them (what a paced pass holds goes back, so that it goes first). */
  kick(channel?: ChannelName, urgent?: boolean): void;
  /** Sends everything due and allowed at the clock's current time, then resolves with how many items
   * were handled and when the next one will be due (Infinity: none pending). Works started or not. */
  flush(): Promise<{ handled: number; nextAt: number }>;
  /** Resolves when no channel is being worked on (tests: after a kick or a timer). */
  idle(): Promise<void>;
  depth(channel?: ChannelName): Promise<number>;
}

interface Lane {
  channel: ChannelName;
  sender: ChannelSender;
  limiter: ChannelLimiter;
  running: Promise<number> | null;
  again: boolean;
  timer: unknown;
  timerAt: number;
  /** An urgent item was enqueued here since the last claim: what the pass holds goes back, the urgent first. */
  urgentQueued: boolean;
}

const silentLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
} as unknown as Logger;

/** Paced lanes claim what the platform's window lets go in this long (at least one item, at most `batchSize`). */
const CLAIM_AHEAD_MS = 500;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createOutbox(opts: OutboxOptions): Outbox {
  const { store } = opts;
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const leaseMs = opts.leaseMs ?? 20_000;
  const sendTimeoutMs = opts.sendTimeoutMs ?? Math.floor(leaseMs * 0.75);
  const batchSize = Math.max(1, opts.batchSize ?? 16);
  const pollMs = opts.pollMs ?? 1000;
  const random = opts.random ?? Math.random;
  const pace = opts.pace ?? false;
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  const emit = (e: OutboxEvent) => {
    try {
      opts.onEvent?.(e);
    } catch (err) {
      logger.error({ err }, 'outbox event handler failed');
    }
  };

  const lanes = new Map<ChannelName, Lane>();
  for (const sender of opts.senders) {
    if (lanes.has(sender.channel)) throw new Error(`outbox: two senders for channel ${sender.channel}`);
    lanes.set(sender.channel, {
      channel: sender.channel,
      sender,
      limiter: new ChannelLimiter(effectiveLimits(sender.channel, sender.limits, opts.limits?.[sender.channel])),
      running: null,
      again: false,
      timer: null,
      timerAt: Infinity,
      urgentQueued: false,
    });
  }
  const warnedNoSender = new Set<string>();

  let started = false;
  let stopping = false;
  /** Past the stop timeout: finish the batch in hand, claim nothing more. */
  let halted = false;

  async function handle(lane: Lane, item: OutboxItem): Promise<void> {
    const now = clock.now();
    const wait = lane.limiter.chatWait(item.chat, now);
    if (wait > 0) {
      await store.defer(item.id, now + wait);
      emit({ item, result: 'deferred', notBefore: now + wait });
      return;
    }
    lane.limiter.take(item.chat, now);
    let outcome: SendOutcome;
    let timer: unknown = null;
    try {
      const timeout = new Promise<SendOutcome>((resolve) => {
        timer = clock.setTimeout(() => resolve({ ok: false, error: `no answer from the platform within ${sendTimeoutMs} ms` }), sendTimeoutMs);
      });
      outcome = await Promise.race([lane.sender.send(item), timeout]);
    } catch (err) {
      outcome = { ok: false, error: message(err) };
    } finally {
      if (timer !== null) clock.clearTimeout(timer);
    }
    const t = clock.now();
    if (outcome.ok) {
      await store.markSent(item.id, t, pace ? { channel: item.channel, chat: item.chat, until: t + lane.limiter.chatGapMs } : undefined);
      emit({ item, result: 'sent' });
      return;
    }
    const log = { id: item.id, channel: item.channel, attempts: item.attempts, urgent: item.urgent, error: outcome.error };
    if (outcome.permanent === true) {
      await store.markDead(item.id, outcome.error, t);
      logger.warn({ ...log, blocked: outcome.blocked ?? false }, 'outbox: permanent failure, dead-lettered');
      emit({ item, result: 'dead', error: outcome.error });
      return;
    }
    if (outcome.retryAfterMs !== undefined) lane.limiter.block(item.chat, t + outcome.retryAfterMs);
    if (item.attempts >= maxAttempts) {
      const error = `${outcome.error} (gave up after ${item.attempts} attempts)`;
      await store.markDead(item.id, error, t);
      logger.error(log, 'outbox: retries exhausted, dead-lettered');
      emit({ item, result: 'dead', error });
      return;
    }
    const delay = outcome.retryAfterMs !== undefined ? Math.max(0, outcome.retryAfterMs) : backoffDelay(item.attempts, backoff, random);
    await store.markRetry(item.id, t + delay, outcome.error);
    logger.warn({ ...log, retryInMs: delay }, 'outbox: send failed, will retry');
    emit({ item, result: 'retry', error: outcome.error, notBefore: t + delay });
  }

  /** Sends until nothing more is due and allowed now; returns when to look again. */
  async function pass(lane: Lane): Promise<{ handled: number; nextAt: number }> {
    lane.limiter.share(opts.share?.() ?? 1, pace);
    if (pace) return pacedPass(lane);
    let handled = 0;
    for (;;) {
      if (halted) return { handled, nextAt: Infinity };
      const now = clock.now();
      const globalWait = lane.limiter.global.wait(now);
      if (globalWait > 0) return { handled, nextAt: now + globalWait };
      const n = Math.min(batchSize, lane.limiter.global.available(now));
      const items = await store.claimDue(lane.channel, now, n, leaseMs);
      if (items.length === 0) {
        const next = await store.nextDue(lane.channel);
        return { handled, nextAt: next ?? Infinity };
      }
      await Promise.all(items.map((item) => handle(lane, item)));
      handled += items.length;
    }
  }

  /** Pacing: each item sent when the platform's window allows it, sends overlapping (up to `batchSize` in
   * flight); short waits are slept here, longer ones left to the lane's timer. Items are claimed a few at a
   * time — as many as the window lets go in the next `CLAIM_AHEAD_MS` — rather than one per look at the
   * store: a claim reads the queue's heads and holds, and on MongoDB (FerretDB above all) those reads, not
   * the platform, would otherwise set the pace. Claimed items not sent when the pass must end (stop), or
   * when an urgent item is enqueued here meanwhile (it goes first), are handed back at once. */
  async function pacedPass(lane: Lane): Promise<{ handled: number; nextAt: number }> {
    let handled = 0;
    const inFlight = new Set<Promise<void>>();
    const claimed: OutboxItem[] = [];
    const handBack = async () => {
      const items = claimed.splice(0);
      const at = clock.now();
      await Promise.all(items.map((item) => store.defer(item.id, at).catch((err: unknown) => logger.error({ err, id: item.id }, 'outbox: could not hand a claimed item back'))));
    };
    try {
      for (;;) {
        if (halted) {
          await handBack();
          return { handled, nextAt: Infinity };
        }
        const now = clock.now();
        const wait = lane.limiter.global.wait(now);
        if (wait > 0) {
          if (stopping || (wait > 250 && claimed.length === 0)) {
            await handBack();
            return { handled, nextAt: now + wait };
          }
          await sleep(wait);
          continue;
        }
        if (inFlight.size >= batchSize) {
          await Promise.race(inFlight);
          continue;
        }
        if (claimed.length > 0 && lane.urgentQueued) await handBack(); // claimed again below, behind the urgent one
        if (claimed.length === 0) {
          lane.urgentQueued = false;
          const gap = lane.limiter.global.gap;
          const ahead = Math.max(1, Math.min(batchSize - inFlight.size, gap > 0 ? Math.floor(CLAIM_AHEAD_MS / gap) : 1));
          claimed.push(...(await store.claimDue(lane.channel, clock.now(), ahead, leaseMs)));
          if (claimed.length === 0) {
            await Promise.all(inFlight);
            const next = await store.nextDue(lane.channel);
            return { handled, nextAt: next ?? Infinity };
          }
          continue; // the window is looked at again: the claim took time
        }
        const item = claimed.shift()!;
        const p: Promise<void> = handle(lane, item)
          .catch((err: unknown) => logger.error({ err, channel: lane.channel }, 'outbox: send failed to record'))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
        handled += 1;
      }
    } finally {
      await handBack();
      await Promise.all(inFlight);
    }
  }

  function schedule(lane: Lane, at: number): void {
    if (!started || stopping) return;
    const now = clock.now();
    const target = Math.min(at, now + pollMs);
    if (lane.timer !== null) {
      if (lane.timerAt <= target) return;
      clock.clearTimeout(lane.timer);
    }
    lane.timerAt = target;
    lane.timer = clock.setTimeout(() => {
      lane.timer = null;
      lane.timerAt = Infinity;
      void pump(lane);
    }, Math.max(1, target - now));
  }

  /** Runs passes on a lane, one at a time: a kick during a pass runs another after it. */
  function pump(lane: Lane): Promise<number> {
    if (lane.running) {
      lane.again = true;
      return lane.running;
    }
    lane.running = (async () => {
      let total = 0;
      let nextAt = Infinity;
      try {
        do {
          lane.again = false;
          const r = await pass(lane);
          total += r.handled;
          nextAt = r.nextAt;
        } while (lane.again && !halted);
      } catch (err) {
        logger.error({ err, channel: lane.channel }, 'outbox: pass failed');
        nextAt = clock.now() + pollMs;
      } finally {
        lane.running = null;
      }
      schedule(lane, nextAt);
      return total;
    })();
    return lane.running;
  }

  const outbox: Outbox = {
    async enqueue(item) {
      const r = await store.enqueue(item);
      const lane = lanes.get(item.channel);
      if (!lane && !warnedNoSender.has(item.channel)) {
        warnedNoSender.add(item.channel);
        logger.warn({ channel: item.channel }, 'outbox: no sender for this channel; items wait in the store');
      }
      if (lane && !r.duplicate && item.urgent) lane.urgentQueued = true;
      if (lane && !r.duplicate && started && !stopping) void pump(lane);
      return r;
    },

    start() {
      if (started) return;
      started = true;
      stopping = false;
      halted = false;
      for (const lane of lanes.values()) void pump(lane);
    },

    async stop(o = {}) {
      const timeoutMs = o.timeoutMs ?? 10_000;
      stopping = true;
      for (const lane of lanes.values()) {
        if (lane.timer !== null) clock.clearTimeout(lane.timer);
        lane.timer = null;
        lane.timerAt = Infinity;
      }
      const work = (async () => {
        await outbox.idle();
        if (o.drain !== false) await outbox.flush();
      })();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
        timer.unref?.();
      });
      const r = await Promise.race([work.then(() => 'done' as const), timeout]);
      clearTimeout(timer);
      if (r === 'timeout') {
        halted = true;
        logger.warn({ timeoutMs }, 'outbox: stop timed out with sends in flight; their leases will expire');
      }
      started = false;
    },

    kick(channel, urgent) {
      for (const lane of lanes.values()) if (urgent && (!channel || lane.channel === channel)) lane.urgentQueued = true;
      if (!started || stopping) return;
      for (const lane of lanes.values()) if (!channel || lane.channel === channel) void pump(lane);
    },

    async flush() {
      let handled = 0;
      let nextAt = Infinity;
      await Promise.all(
        [...lanes.values()].map(async (lane) => {
          while (lane.running) await lane.running;
          const run = pass(lane);
          lane.running = run.then((r) => r.handled, () => 0).finally(() => {
            lane.running = null;
          });
          const r = await run;
          handled += r.handled;
          nextAt = Math.min(nextAt, r.nextAt);
        }),
      );
      return { handled, nextAt };
    },

    async idle() {
      for (;;) {
        const running = [...lanes.values()].map((l) => l.running).filter((p): p is Promise<number> => p !== null);
        if (running.length === 0) return;
        await Promise.allSettled(running);
      }
    },

    depth(channel) {
      return store.outboxDepth(channel);
    },
  };
  return outbox;
}
