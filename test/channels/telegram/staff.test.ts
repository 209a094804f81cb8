import { tg } from '../../support/fake-telegram';
import { harness, STAFF_CHAT, type Harness } from './harness';

const KB = [
  { locality: 'xinzhou', title: '封控区 · 血液透析 · 定点医院', text: '封控区透析患者 <联系社区> & 闭环转运', keywords: ['忻州', '透析'] },
  { locality: 'jinjiang', title: '发热门诊', text: '晋江发热门诊', keywords: ['晋江', '发热'] },
];

describe('telegram staff group', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({}, { kb: KB });
  });
  afterEach(() => h.close());

  const card = () => h.api.messagesTo(STAFF_CHAT)[0]!;
  const buttons = () => (card().reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];

  async function openTicket() {
    const t = await h.deps.tickets.open({
      user: '501',
      chat: '501',
      locality: '忻州市',
      reason: 'urgent:chest_pain',
      urgent: true,
      lastMessages: [
        { from: 'user', text: '我爸胸口痛 <很急>', at: 1_700_000_000_000 },
        { from: 'bot', text: '请立即拨打120', at: 1_700_000_001_000 },
      ],
    });
    await h.channel.idle();
    return t;
  }

  it('end to end: card posted, claim, the reply reaches the user, close', async () => {
    const t = await openTicket();
    // The card: locality, reason, last messages (escaped), Claim / Close.
    expect(h.api.messagesTo(STAFF_CHAT)).toHaveLength(1);
    expect(card().plain).toContain(`紧急工单 #${t.id}`);
    expect(card().plain).toContain('忻州市');
    expect(card().plain).toContain('urgent:chest_pain');
    expect(card().plain).toContain('我爸胸口痛 <很急>');
    expect(card().plain).toContain('请立即拨打120');
    expect(buttons().map((b) => b.text)).toEqual(['认领 Claim', '关闭 Close']);

    // A reply before anyone claims it does not reach the user.
    await h.update(tg.text('我来看看', { chatId: STAFF_CHAT, userId: 600, replyTo: card().message_id }));
    expect(h.api.messagesTo(501)).toHaveLength(0);
    expect(h.api.messagesTo(STAFF_CHAT).at(-1)!.plain).toContain('认领');

    // Claim.
    await h.update(tg.callback(buttons()[0]!.callback_data, { chatId: STAFF_CHAT, userId: 600, name: '李医生', messageId: card().message_id }));
    expect(h.deps.tickets.tickets.get(t.id)).toEqual(expect.objectContaining({ state: 'claimed', claimedBy: 'tg:600' }));
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.body.text).toBe('已认领');
    expect(card().plain).toContain('已认领：李医生');
    expect(buttons().map((b) => b.text)).toEqual(['关闭 Close']);
    // The claim and its ticket_claimed event edit the card once.
    expect(h.api.callsTo('editMessageText')).toHaveLength(1);

    // Another staff member cannot answer for them.
    await h.update(tg.text('我也来', { chatId: STAFF_CHAT, userId: 601, replyTo: card().message_id }));
    expect(h.api.messagesTo(501)).toHaveLength(0);

    // The claimer replies to the card: the text reaches the user (escaped, through the sender).
    await h.update(tg.text('您好，我是值班医生，请拨打120，我们已通知社区 <马上到>', { chatId: STAFF_CHAT, userId: 600, replyTo: card().message_id }));
    expect(h.api.messagesTo(501).map((m) => m.plain)).toEqual(['您好，我是值班医生，请拨打120，我们已通知社区 <马上到>']);
    expect(h.deps.tickets.delivered.at(-1)!.outcome).toEqual({ ok: true });
    expect(h.api.messagesTo(STAFF_CHAT).at(-1)!.plain).toContain('已发送给用户');

    // Close.
    await h.update(tg.callback(buttons()[0]!.callback_data, { chatId: STAFF_CHAT, userId: 600, messageId: card().message_id }));
    expect(h.deps.tickets.tickets.get(t.id)!.state).toBe('closed');
    expect(card().plain).toContain('已关闭');
    expect(card().reply_markup).toBeUndefined();

    // After closing, a reply to the card goes nowhere.
    await h.update(tg.text('还在吗', { chatId: STAFF_CHAT, userId: 600, replyTo: card().message_id }));
    expect(h.api.messagesTo(501)).toHaveLength(1);
  });

  it('a user_message event is posted as a reply to the card, and replying to it reaches the user', async () => {
    const t = await openTicket();
    await h.deps.tickets.claim(t.id, 'tg:600');
    for (const r of h.channel.staffRoutes) await r.notify({ kind: 'user_message', ticket: h.deps.tickets.tickets.get(t.id)!, text: '医生什么时候到？' });
    const note = h.api.messagesTo(STAFF_CHAT).at(-1)!;
    expect(note.plain).toContain('医生什么时候到？');
    expect(note.reply_parameters.message_id).toBe(card().message_id);
    await h.update(tg.text('十分钟内', { chatId: STAFF_CHAT, userId: 600, replyTo: note.message_id }));
    expect(h.api.messagesTo(501).map((m) => m.plain)).toEqual(['十分钟内']);
  });

  it('an escalated ticket is posted again, flagged', async () => {
    const t = await openTicket();
    for (const r of h.channel.staffRoutes) await r.notify({ kind: 'ticket_escalated', ticket: { ...t, level: 1 } });
    expect(h.api.messagesTo(STAFF_CHAT)).toHaveLength(2);
    expect(h.api.messagesTo(STAFF_CHAT)[1]!.plain).toContain('已升级');
  });

  it('/kb answers with canned answers, escaped', async () => {
    await h.update(tg.text('/kb 忻州 透析', { chatId: STAFF_CHAT, userId: 600 }));
    const [answer] = h.api.messagesTo(STAFF_CHAT);
    expect(answer!.plain).toContain('封控区 · 血液透析 · 定点医院');
    expect(answer!.plain).toContain('封控区透析患者 <联系社区> & 闭环转运');
    await h.update(tg.text('/kb@jiuyi_test_bot 上海', { chatId: STAFF_CHAT, userId: 600 }));
    expect(h.api.messagesTo(STAFF_CHAT).at(-1)!.plain).toContain('没有找到');
    await h.update(tg.text('/kb', { chatId: STAFF_CHAT, userId: 600 }));
    expect(h.api.messagesTo(STAFF_CHAT).at(-1)!.plain).toContain('用法');
  });

  it('/tickets lists the open and claimed tickets', async () => {
    await h.update(tg.text('/tickets', { chatId: STAFF_CHAT, userId: 600 }));
    expect(h.api.messagesTo(STAFF_CHAT).at(-1)!.plain).toContain('没有待处理');
    const t1 = await openTicket();
    const t2 = await h.deps.tickets.open({ user: '502', chat: '502', reason: 'requested', locality: '晋江市' });
    const t3 = await h.deps.tickets.open({ user: '503', chat: '503', reason: 'requested' });
    await h.deps.tickets.close(t3.id, 'tg:600');
    await h.update(tg.text('/tickets', { chatId: STAFF_CHAT, userId: 600 }));
    const list = h.api.messagesTo(STAFF_CHAT).at(-1)!.plain;
    expect(list).toContain(`#${t1.id}`);
    expect(list).toContain(`#${t2.id}`);
    expect(list).not.toContain(`#${t3.id}`);
  });

  it('buttons of an unknown ticket are answered, nothing else happens', async () => {
    await h.update(tg.callback('claim:T404', { chatId: STAFF_CHAT, userId: 600 }));
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.body.text).toBe('找不到该工单。');
    expect(h.api.callsTo('editMessageText')).toHaveLength(0);
  });

  it('has no staff route without a staff chat', async () => {
    const h2 = await harness({ staffChatId: undefined });
    expect(h2.channel.staffRoutes).toHaveLength(0);
    await h2.close();
  });
});
