import type { OutboxItem } from '../../../src/service/ports';
import { harness, type Harness } from './harness';

const item = (o: Partial<OutboxItem> = {}): OutboxItem => ({
  id: 'o1',
  channel: 'telegram',
  chat: '501',
  text: '您好',
  urgent: false,
  quickReplies: [],
  attempts: 0,
  createdAt: 1_700_000_000_000,
  ...o,
});

describe('telegram sender', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());
  const send = (o: Partial<OutboxItem> = {}) => h.channel.senders[0]!.send(item(o));

  it('declares the Bot API limits', () => {
    const s = h.channel.senders[0]!;
    expect(s.channel).toBe('telegram');
    expect(s.maxLength).toEqual({ value: 4096, unit: 'chars' });
    expect(s.limits.perChat).toEqual({ count: 1, perMs: 1000 });
    expect(s.limits.global).toEqual({ count: 30, perMs: 1000 });
  });

  it('sends in HTML parse mode with the text escaped', async () => {
    const text = '血透 <请带病历> & 核酸 a<b>c</b> &amp;';
    expect(await send({ text })).toEqual({ ok: true });
    const [call] = h.api.callsTo('sendMessage');
    expect(call!.body.parse_mode).toBe('HTML');
    expect(call!.body.chat_id).toBe('501');
    // What the user sees is exactly the text, tags and entities included literally.
    expect(h.api.messagesTo(501)[0]!.plain).toBe(text);
  });

  it('turns quick replies into an inline keyboard, long values through the kv', async () => {
    const long = '封控区'.repeat(10); // 90 bytes: too long for callback_data
    const quickReplies = [
      { label: '封控区', value: 'zone:lockdown' },
      { label: '管控区', value: 'zone:control' },
      { label: '防范区', value: long },
    ];
    expect(await send({ quickReplies })).toEqual({ ok: true });
    const kb = h.api.messagesTo(501)[0]!.reply_markup.inline_keyboard;
    const buttons = kb.flat();
    expect(buttons.map((b: any) => b.text)).toEqual(['封控区', '管控区', '防范区']);
    expect(buttons[0].callback_data).toBe('q:zone:lockdown');
    expect(buttons[2].callback_data).toMatch(/^#/);
    expect(Buffer.byteLength(buttons[2].callback_data)).toBeLessThanOrEqual(64);

    // Pressing the long one gives back its value.
    await h.update({ callback_query: { id: 'cbx', from: { id: 501, is_bot: false, first_name: 'w' }, chat_instance: 'c', data: buttons[2].callback_data, message: { message_id: 1, date: 1, chat: { id: 501, type: 'private' } } } });
    expect(h.deps.inbound.accepted.at(-1)).toEqual(expect.objectContaining({ choice: long, text: long }));
  });

  it('splits a long reply at paragraph boundaries, keyboard on the last part only', async () => {
    const para = (c: string) => `${c.repeat(1500)}。`;
    const text = [para('甲'), para('乙'), para('丙'), para('丁')].join('\n\n');
    expect(await send({ text, quickReplies: [{ label: '是', value: 'yes' }] })).toEqual({ ok: true });
    const sent = h.api.messagesTo(501);
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect(m.plain.length).toBeLessThanOrEqual(4096);
    // Cut only between paragraphs: every part is whole paragraphs.
    for (const m of sent) for (const p of m.plain.split('\n\n')) expect(p).toMatch(/^(.)\1{1499}。$/);
    expect(sent.map((m) => m.plain).join('\n\n')).toBe(text);
    expect(sent.slice(0, -1).every((m) => !m.reply_markup)).toBe(true);
    expect(sent.at(-1)!.reply_markup).toBeDefined();
  });

  it('resumes a split reply after a failure part-way instead of repeating the first part', async () => {
    const text = ['一'.repeat(3000), '二'.repeat(3000), '三'.repeat(3000)].join('\n');
    h.api.fail('sendMessage', { status: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } }, { when: (b) => b.text.startsWith('二') });
    const first = await send({ text, id: 'long1' });
    expect(first).toEqual({ ok: false, error: expect.stringContaining('429'), retryAfterMs: 2000 });
    expect(await send({ text, id: 'long1' })).toEqual({ ok: true });
    expect(h.api.messagesTo(501).map((m) => m.plain[0])).toEqual(['一', '二', '三']);
  });

  it('429: retry after what the API said', async () => {
    h.api.fail('sendMessage', { status: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    const r = await send();
    expect(r).toEqual({ ok: false, error: 'telegram 429: Too Many Requests: retry after 7', retryAfterMs: 7000 });
    expect(await send()).toEqual({ ok: true });
  });

  it('403 blocked: permanent, and the user is marked blocked until they write again', async () => {
    h.api.fail('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await send()).toEqual({ ok: false, error: 'telegram 403: Forbidden: bot was blocked by the user', permanent: true, blocked: true });
    expect(await h.deps.kv.get('telegram:blocked:501')).toBe('1');
    // No more calls to a chat that blocked us.
    const before = h.api.callsTo('sendMessage').length;
    expect(await send()).toEqual(expect.objectContaining({ ok: false, permanent: true, blocked: true }));
    expect(h.api.callsTo('sendMessage')).toHaveLength(before);
    // The user unblocks and writes: the mark goes.
    await h.update({ message: { message_id: 5, date: 1_700_000_000, from: { id: 501, is_bot: false, first_name: 'w' }, chat: { id: 501, type: 'private' }, text: '你好' } });
    expect(await send()).toEqual({ ok: true });
  });

  it('a blocked bot reported by my_chat_member marks the user too', async () => {
    const member = (status: string) => ({
      my_chat_member: {
        chat: { id: 501, type: 'private' },
        from: { id: 501, is_bot: false, first_name: 'w' },
        date: 1,
        old_chat_member: { status: 'member', user: { id: 7000001, is_bot: true, first_name: 'jiuyi' } },
        new_chat_member: { status, user: { id: 7000001, is_bot: true, first_name: 'jiuyi' }, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
    await h.update(member('kicked'));
    expect(await h.deps.kv.get('telegram:blocked:501')).toBe('1');
    await h.update(member('member'));
    expect(await h.deps.kv.get('telegram:blocked:501')).toBe('0');
  });

  it('400: permanent, not blocked', async () => {
    h.api.fail('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    expect(await send()).toEqual({ ok: false, error: 'telegram 400: Bad Request: chat not found', permanent: true });
    expect(await h.deps.kv.get('telegram:blocked:501')).toBeNull();
  });

  it('5xx and network errors: retry with backoff (no retryAfterMs, not permanent)', async () => {
    h.api.fail('sendMessage', { status: 502, description: 'Bad Gateway' });
    expect(await send()).toEqual({ ok: false, error: expect.stringContaining('502') });
    await h.api.close();
    const r = await send();
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('permanent');
    expect(r).not.toHaveProperty('retryAfterMs');
    expect((r as { error: string }).error).toMatch(/network/);
    expect((r as { error: string }).error).not.toContain(h.api.token.split(':')[1]);
  });

  it('refuses an empty message for good', async () => {
    expect(await send({ text: '  \n ' })).toEqual(expect.objectContaining({ ok: false, permanent: true }));
    expect(h.api.callsTo('sendMessage')).toHaveLength(0);
  });
});
