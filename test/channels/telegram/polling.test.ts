import { createTelegramChannel } from '../../../src/channels/telegram';
import { startFakeTelegram, tg, type FakeTelegram } from '../../support/fake-telegram';
import { fakeDeps, type FakeDeps } from '../../support/fake-telegram-deps';

describe('telegram long polling', () => {
  let api: FakeTelegram;
  let deps: FakeDeps;
  beforeEach(async () => {
    api = await startFakeTelegram();
    deps = fakeDeps();
  });
  afterEach(() => api.close());

  const channel = () => createTelegramChannel({ token: api.token, apiRoot: api.apiRoot, pollTimeoutSeconds: 1 }, deps);

  it('polls getUpdates, hands updates over and keeps the offset in the kv across restarts', async () => {
    const first = channel();
    await first.start();
    expect(api.callsTo('deleteWebhook')).toHaveLength(1);
    api.pushUpdate({ update_id: 10, ...tg.text('你好') });
    api.pushUpdate({ update_id: 11, ...tg.text('忻州') });
    await api.waitFor(() => deps.inbound.accepted.length === 2);
    expect(deps.inbound.accepted.map((a) => [a.messageId, a.text])).toEqual([['10', '你好'], ['11', '忻州']]);
    await api.waitFor(() => deps.kv.map.get('telegram:offset') === '12');
    await first.stop();

    // A new process starts from the stored offset: nothing is handed over twice.
    api.pushUpdate({ update_id: 12, ...tg.text('透析') });
    const second = channel();
    await second.start();
    await api.waitFor(() => deps.inbound.accepted.length === 3);
    await api.waitFor(() => api.callsTo('getUpdates').some((c) => c.body.offset === 13));
    await second.stop();
    expect(deps.inbound.accepted.map((a) => a.messageId)).toEqual(['10', '11', '12']);
    expect(api.callsTo('getUpdates')[0]!.body.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
  });

  it('retries an update the service could not take, without skipping it', async () => {
    deps.inbound.failNext = 1;
    const c = channel();
    await c.start();
    api.pushUpdate({ update_id: 20, ...tg.text('发烧') });
    await api.waitFor(() => deps.inbound.accepted.length === 1, 5000);
    await c.stop();
    expect(deps.inbound.accepted[0]!.messageId).toBe('20');
    expect(await deps.kv.get('telegram:offset')).toBe('21');
  });

  it('keeps polling after the API fails', async () => {
    api.fail('getUpdates', { status: 502, description: 'Bad Gateway' });
    const c = channel();
    await c.start();
    api.pushUpdate({ update_id: 30, ...tg.text('在吗') });
    await api.waitFor(() => deps.inbound.accepted.length === 1, 5000);
    await c.stop();
  });
});
