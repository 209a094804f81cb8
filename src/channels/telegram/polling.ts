// Long polling with getUpdates when there is no webhook; the offset is kept in the kv so a restart
// neither loses nor repeats updates.
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { KeyValuePort } from '../../service/ports';
import type { Logger } from 'pino';
import { describeError } from './errors';

export const OFFSET_KEY = 'telegram:offset';
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface PollerOptions {
  bot: Telegraf;
  kv: KeyValuePort;
  logger: Logger;
  handle(update: Update): Promise<void>;
  /** getUpdates long-poll timeout, seconds (default 30). */
  timeoutSeconds?: number;
  /** How many times one update is retried before it is skipped (default 5). */
  maxAttempts?: number;
}

export interface Poller {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });

export function createPoller(o: PollerOptions): Poller {
  const timeout = o.timeoutSeconds ?? 30;
  const maxAttempts = o.maxAttempts ?? 5;
  let controller: AbortController | null = null;
  let loop: Promise<void> | null = null;

  async function run(signal: AbortSignal): Promise<void> {
    let offset = Number(await o.kv.get(OFFSET_KEY)) || 0;
    let backoff = 0;
    const attempts = new Map<number, number>();
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = (await o.bot.telegram.callApi(
          'getUpdates',
          { offset, timeout, allowed_updates: [...ALLOWED_UPDATES] },
          // telegraf types its signal with the abort-controller package; Node's is the same shape.
          { signal: signal as never },
        )) as Update[];
        backoff = 0;
      } catch (err) {
        if (signal.aborted) return;
        backoff = Math.min(30_000, backoff ? backoff * 2 : 1000);
        o.logger.warn({ error: describeError(err), backoffMs: backoff }, 'telegram getUpdates failed');
        await sleep(backoff, signal);
        continue;
      }
      for (const update of updates) {
        if (signal.aborted) return;
        try {
          await o.handle(update);
        } catch (err) {
          const n = (attempts.get(update.update_id) ?? 0) + 1;
          attempts.set(update.update_id, n);
          if (n < maxAttempts) {
            o.logger.warn({ err, update_id: update.update_id, attempt: n }, 'telegram update failed, will retry');
            await sleep(Math.min(30_000, 500 * 2 ** n), signal);
            break; // fetch again from the same offset
          }
          o.logger.error({ err, update_id: update.update_id }, 'telegram update failed, skipped');
        }
        attempts.delete(update.update_id);
        offset = update.update_id + 1;
        await o.kv.set(OFFSET_KEY, String(offset));
      }
    }
  }

  return {
    async start() {
      if (loop) return;
      // getUpdates answers 409 while a webhook is set: remove it (keeping pending updates), as telegraf does.
      try {
        await o.bot.telegram.deleteWebhook({ drop_pending_updates: false });
      } catch (err) {
        o.logger.warn({ error: describeError(err) }, 'telegram deleteWebhook failed; polling anyway');
      }
      controller = new AbortController();
      const signal = controller.signal;
      loop = run(signal).catch((err) => o.logger.error({ err }, 'telegram polling stopped'));
    },
    async stop() {
      controller?.abort();
      await loop;
      loop = null;
      controller = null;
    },
  };
}
