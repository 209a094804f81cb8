// The Telegram channel: telegraf over the service's ports (inbound, tickets, kv), webhook or long polling,
// a sender for the outbox and a staff route for the staff group.
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Channel, ChannelDeps } from '../../service/ports';
import { ensureBotInfo, wireBot } from './bot';
import { describeError } from './errors';
import { createPoller, type Poller } from './polling';
import { updateProblem } from './shape';
import { createTelegramSender } from './sender';
import { createStaffDesk } from './staff';
import { webhookRoutes } from './webhook';

export interface TelegramConfig {
  /** Bot token from @BotFather (TELEGRAM_BOT_TOKEN); `botToken` is accepted too (src/config's name). */
  token?: string;
  botToken?: string;
  /** TELEGRAM_WEBHOOK_SECRET: webhook mode at POST /telegram/webhook; without it, long polling. */
  webhookSecret?: string;
  /** TELEGRAM_API_ROOT (default https://api.telegram.org). */
  apiRoot?: string;
  /** TELEGRAM_STAFF_CHAT_ID: the staff group; without it there is no Telegram staff route. */
  staffChatId?: string;
  /** Long-poll timeout in seconds (default 30; tests use less). */
  pollTimeoutSeconds?: number;
}

export interface TelegramChannel extends Channel {
  /** Process one update as the webhook and the poller do (persisted when it resolves). */
  handleUpdate(update: Update): Promise<void>;
  /** Resolves when the background Telegram calls started so far have finished. */
  idle(): Promise<void>;
}

/**
 * `createTelegramChannel(config, deps)`, or `createTelegramChannel(deps)` with `deps.config.telegram`
 * (the service's ChannelFactory form).
 */
export function createTelegramChannel(config: TelegramConfig, deps: ChannelDeps): TelegramChannel;
export function createTelegramChannel(deps: ChannelDeps & { config: { telegram: TelegramConfig | null } }): TelegramChannel;
export function createTelegramChannel(
  a: TelegramConfig | (ChannelDeps & { config: { telegram: TelegramConfig | null } }),
  b?: ChannelDeps,
): TelegramChannel {
  if (b) return build(a as TelegramConfig, b);
  const deps = a as ChannelDeps & { config: { telegram: TelegramConfig | null } };
  if (!deps.config?.telegram) throw new Error('createTelegramChannel: config.telegram is not set');
  return build(deps.config.telegram, deps);
}

function build(config: TelegramConfig, deps: ChannelDeps): TelegramChannel {
  const token = config.token ?? config.botToken;
  if (!token) throw new Error('createTelegramChannel: the bot token is missing');
  const bot = new Telegraf(token, {
    telegram: config.apiRoot ? { apiRoot: config.apiRoot, webhookReply: false } : { webhookReply: false },
  });
  const log = deps.logger;
  const pending = new Set<Promise<unknown>>();

  function background(task: () => Promise<unknown>, what: string): void {
    const p = Promise.resolve()
      .then(task)
      .catch((err) => log.warn({ error: describeError(err), what }, 'telegram call failed'))
      .finally(() => pending.delete(p));
    pending.add(p);
  }

  const staffChatId = config.staffChatId?.trim() || undefined;
  const staff = staffChatId ? createStaffDesk({ telegram: bot.telegram, staffChatId, deps: { ...deps, logger: log }, background }) : null;
  wireBot({ bot, deps, staff, background });

  async function handleUpdate(update: Update): Promise<void> {
    const problem = updateProblem(update);
    if (problem) {
      const updateId = (update as { update_id?: unknown } | null)?.update_id;
      log.warn({ update_id: typeof updateId === 'number' ? updateId : undefined, problem }, 'telegram update ignored: malformed');
      return;
    }
    await ensureBotInfo(bot);
    await bot.handleUpdate(update);
  }

  let poller: Poller | null = null;

  return {
    name: 'telegram',
    senders: [createTelegramSender({ telegram: bot.telegram, kv: deps.kv })],
    staffRoutes: staff ? [staff.route] : [],
    routes: config.webhookSecret ? webhookRoutes({ secret: config.webhookSecret, handle: handleUpdate, logger: log }) : undefined,
    handleUpdate,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async start() {
      // Learn the bot's username (for /command@bot in groups); a failure is retried on the first update.
      try {
        await ensureBotInfo(bot);
      } catch (err) {
        log.warn({ error: describeError(err) }, 'telegram getMe failed');
      }
      try {
        await staff?.resolve();
      } catch (err) {
        log.warn({ error: describeError(err) }, 'telegram: could not resolve the staff chat id');
      }
      if (config.webhookSecret) {
        log.info('telegram: webhook mode (POST /telegram/webhook)');
        return;
      }
      poller = createPoller({ bot, kv: deps.kv, logger: log, handle: handleUpdate, timeoutSeconds: config.pollTimeoutSeconds });
      await poller.start();
      log.info('telegram: long polling');
    },
    async stop() {
      await poller?.stop();
      poller = null;
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

export { escapeHtml } from './html';
export { WEBHOOK_PATH } from './webhook';
