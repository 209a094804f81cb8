import { tg } from '../../support/fake-telegram';
import { LOCALITIES } from '../../support/fake-telegram-deps';
import { harness, STAFF_CHAT, type Harness } from './harness';

describe('telegram updates → Inbound', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());
  const last = () => h.deps.inbound.accepted.at(-1);

  it('maps a text message with its update_id as messageId and the message date', async () => {
    await h.update({ update_id: 500, ...tg.text('我在泉秀街道，发烧了去哪看') });
    expect(h.deps.inbound.accepted).toEqual([
      {
        channel: 'telegram',
        messageId: '500',
        user: '501',
        chat: '501',
        kind: 'text',
        text: '我在泉秀街道，发烧了去哪看',
        sentAt: 1_700_000_000_000,
      },
    ]);
  });

  it('sends /start and /help to the pipeline as text (the core greets), payload and @bot dropped', async () => {
    await h.update(tg.text('/start ref123'));
    expect(last()).toEqual(expect.objectContaining({ kind: 'text', text: '/start' }));
    await h.update(tg.text('/help@jiuyi_test_bot'));
    expect(last()).toEqual(expect.objectContaining({ kind: 'text', text: '/help' }));
  });

  it('/locality answers with a keyboard of the localities; pressing one sends the choice', async () => {
    await h.update(tg.text('/locality'));
    expect(h.deps.inbound.accepted).toHaveLength(0);
    const [msg] = h.api.messagesTo(501);
    const buttons = msg!.reply_markup.inline_keyboard.flat();
    expect(buttons.map((b: any) => b.text)).toEqual(LOCALITIES.map((l) => l.name));
    await h.update(tg.callback(buttons[1].callback_data, { messageId: msg!.message_id }));
    expect(last()).toEqual(expect.objectContaining({ kind: 'text', text: '晋江市', choice: '晋江市', user: '501', chat: '501' }));
    expect(h.api.callsTo('answerCallbackQuery')).toHaveLength(1);
  });

  it('/locality with an argument sets it directly', async () => {
    await h.update(tg.text('/locality 烟台市'));
    expect(last()).toEqual(expect.objectContaining({ text: '烟台市', choice: '烟台市' }));
  });

  it('/lang offers the languages; pressing one sends its name', async () => {
    await h.update(tg.text('/lang'));
    const buttons = h.api.messagesTo(501)[0]!.reply_markup.inline_keyboard.flat();
    expect(buttons.map((b: any) => b.text)).toEqual(['简体中文', '繁體中文', 'English']);
    await h.update(tg.callback(buttons[1].callback_data));
    expect(last()).toEqual(expect.objectContaining({ text: '繁體中文', choice: '繁體中文' }));
  });

  it('a quick-reply button press becomes Inbound.choice and is answered', async () => {
    const cb = tg.callback('q:zone:lockdown');
    await h.update({ update_id: 901, ...cb });
    expect(last()).toEqual(expect.objectContaining({ messageId: '901', kind: 'text', choice: 'zone:lockdown', text: 'zone:lockdown' }));
    expect(h.api.callsTo('answerCallbackQuery')[0]!.body.callback_query_id).toBe(cb.callback_query.id);
  });

  it('a shared location becomes Inbound.location', async () => {
    await h.update(tg.message({ location: { latitude: 38.4167, longitude: 112.7333 } }));
    expect(last()).toEqual(expect.objectContaining({ kind: 'location', text: '', location: { latitude: 38.4167, longitude: 112.7333 } }));
  });

  it('a forwarded message is marked forwardedFrom (a family doctor passing a question on)', async () => {
    await h.update(tg.message({ text: '透析病人封控区怎么去医院', forward_origin: { type: 'user', date: 1, sender_user: { id: 888, is_bot: false, first_name: '居民' } } }));
    expect(last()).toEqual(expect.objectContaining({ kind: 'text', text: '透析病人封控区怎么去医院', forwardedFrom: 'user:888' }));
    await h.update(tg.message({ text: '孕妇产检', forward_origin: { type: 'hidden_user', date: 1, sender_user_name: '某某' } }));
    expect(last()!.forwardedFrom).toBe('hidden_user');
    // Bot API before 7.0
    await h.update(tg.message({ text: '发热', forward_from: { id: 999, is_bot: false, first_name: 'x' }, forward_date: 1 }));
    expect(last()!.forwardedFrom).toBe('user:999');
    await h.update(tg.text('没有转发'));
    expect(last()).not.toHaveProperty('forwardedFrom');
  });

  it.each([
    ['sticker', { sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }],
    ['photo', { photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }], caption: '看看这个' }],
    ['voice', { voice: { file_id: 'f', file_unique_id: 'u', duration: 3 } }],
    ['video', { video: { file_id: 'f', file_unique_id: 'u', width: 1, height: 1, duration: 3 } }],
    ['file', { document: { file_id: 'f', file_unique_id: 'u' } }],
  ])('a %s message goes through with its kind and no text', async (kind, fields) => {
    await h.update(tg.message(fields));
    expect(last()).toEqual(expect.objectContaining({ kind, text: '' }));
  });

  it('ignores service messages and other groups', async () => {
    await h.update(tg.message({ new_chat_members: [tg.user(3)] }));
    await h.update(tg.text('在群里说话', { chatId: -555, chatType: 'group' }));
    expect(h.deps.inbound.accepted).toHaveLength(0);
  });

  it('the staff group is not a conversation with the bot', async () => {
    await h.update(tg.text('大家好', { chatId: STAFF_CHAT, userId: 600 }));
    expect(h.deps.inbound.accepted).toHaveLength(0);
  });
});
