// Shared set-up for the Telegram channel tests: a fake Bot API on loopback, in-memory ports, the channel.
import { createTelegramChannel, type TelegramChannel, type TelegramConfig } from '../../../src/channels/telegram';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram';
import { fakeDeps, type FakeDeps } from '../../support/fake-telegram-deps';

export const STAFF_CHAT = -100777;
export const SECRET = 'webhook-Secret_123';

export interface Harness {
  api: FakeTelegram;
  deps: FakeDeps;
  channel: TelegramChannel;
  /** Run an update through the channel and wait for its background calls. */
  update(u: Record<string, any>): Promise<void>;
  close(): Promise<void>;
}

export async function harness(config: Partial<TelegramConfig> = {}, depsOpts: Parameters<typeof fakeDeps>[0] = {}): Promise<Harness> {
  const api = await startFakeTelegram();
  const deps = fakeDeps(depsOpts);
  const channel = createTelegramChannel({ token: api.token, apiRoot: api.apiRoot, staffChatId: String(STAFF_CHAT), webhookSecret: SECRET, ...config }, deps);
  deps.tickets.routes.push(...channel.staffRoutes);
  deps.tickets.sender = channel.senders[0]!;
  let next = 1;
  return {
    api,
    deps,
    channel,
    async update(u) {
      await channel.handleUpdate({ update_id: u.update_id ?? next++, ...u } as never);
      await channel.idle();
    },
    async close() {
      await channel.stop();
      await api.close();
    },
  };
}
