// telegraf's update handling: every update (webhook or polling) goes through `handle`, which awaits what
// must be persisted (Inbound accepted, ticket changes) and leaves Telegram calls to the background.
import { Telegraf } from 'telegraf';
import type { CallbackQuery, Message, Update } from 'telegraf/types';
import type { Inbound } from '../../core/types';
import type { ChannelDeps } from '../../service/ports';
import { decodeCallback, LANGUAGES, langKeyboard, localityKeyboard } from './keyboard';
import { blockedKey } from './sender';
import type { StaffDesk } from './staff';
import { USER } from './strings';
import { messageToInbound, parseCommand } from './updates';

// The adapter's own keyboards send what a user would type: the core reads `choice ?? text` as the message
// (a locality's name, like the core's own locality quick replies; a language's name, from which the NLU
// takes the language and script).

export interface UpdateHandlerDeps {
  bot: Telegraf;
  deps: ChannelDeps;
  staff: StaffDesk | null;
  background(task: () => Promise<unknown>, what: string): void;
}

export function wireBot({ bot, deps, staff, background }: UpdateHandlerDeps): void {
  const { kv, inbound } = deps;
  const telegram = bot.telegram;

  // Errors reach the caller (the webhook answers 500 so Telegram redelivers; polling retries).
  bot.catch((err) => {
    throw err;
  });

  async function accept(item: Inbound): Promise<void> {
    // The user wrote to us: whatever block we noted is over.
    if ((await kv.get(blockedKey(item.chat))) === '1') await kv.set(blockedKey(item.chat), '0');
    await inbound.accept(item);
  }

  bot.on('my_chat_member', async (ctx) => {
    const upd = ctx.myChatMember;
    if (upd.chat.type !== 'private') return;
    const status = upd.new_chat_member.status;
    if (status === 'kicked') await kv.set(blockedKey(String(upd.chat.id)), '1');
    else if (status === 'member') await kv.set(blockedKey(String(upd.chat.id)), '0');
  });

  bot.on('callback_query', async (ctx) => {
    const q = ctx.callbackQuery as CallbackQuery;
    const data = await decodeCallback('data' in q ? q.data : undefined, kv);
    const chatId = q.message?.chat.id;
    if (staff && chatId !== undefined && staff.isStaffChat(chatId)) return staff.onCallback({ id: q.id, from: q.from, data });
    const answer = () => background(() => telegram.answerCbQuery(q.id, USER.pressed), 'answerCallbackQuery');
    const base = {
      channel: 'telegram' as const,
      messageId: String(ctx.update.update_id),
      user: String(q.from.id),
      chat: String(chatId ?? q.from.id),
      kind: 'text',
      sentAt: deps.now(),
    };
    if (q.message && q.message.chat.type !== 'private') return answer();
    switch (data.kind) {
      case 'choice':
        await accept({ ...base, text: data.value, choice: data.value });
        break;
      case 'locality': {
        const name = deps.localities().find((l) => l.id === data.id)?.name ?? data.id;
        await accept({ ...base, text: name, choice: name });
        break;
      }
      case 'lang': {
        const label = LANGUAGES.find((l) => l.code === data.lang)?.label ?? data.lang;
        await accept({ ...base, text: label, choice: label });
        break;
      }
      default:
        break;
    }
    answer();
  });

  bot.on('message', async (ctx) => {
    const message = ctx.message as Message;
    const text = 'text' in message ? message.text : undefined;
    const command = parseCommand(text, ctx.botInfo?.username);
    if (staff && staff.isStaffChat(message.chat.id)) return staff.onMessage(message, command);
    if (message.chat.type !== 'private') return; // other groups: not a conversation with the bot
    const chat = message.chat.id;
    if (command?.name === 'locality' && !command.args) {
      const localities = deps.localities();
      background(
        async () =>
          localities.length === 0
            ? telegram.sendMessage(chat, USER.noLocalities)
            : telegram.sendMessage(chat, USER.chooseLocality, { reply_markup: await localityKeyboard(localities, kv) }),
        '/locality',
      );
      return;
    }
    if (command?.name === 'lang' && !command.args) {
      background(async () => telegram.sendMessage(chat, USER.chooseLang, { reply_markup: await langKeyboard(kv) }), '/lang');
      return;
    }
    const item = messageToInbound(ctx.update.update_id, message, deps.now());
    if (!item) return;
    // "/locality 忻州", "/lang en": the argument is the answer.
    if (command?.name === 'locality') {
      const loc = deps.localities().find((l) => l.id === command.args || l.name === command.args);
      item.text = loc?.name ?? command.args;
      if (loc) item.choice = loc.name;
    } else if (command?.name === 'lang') {
      const lang = LANGUAGES.find((l) => l.code.toLowerCase() === command.args.toLowerCase() || l.label === command.args);
      item.text = lang?.label ?? command.args;
      if (lang) item.choice = lang.label;
    }
    await accept(item);
  });
}

const botInfoCalls = new WeakMap<Telegraf, Promise<void>>();

/** Make sure the bot knows its username before telegraf handles an update: one getMe at a time, tried
 * again after a failure (telegraf's own lazy getMe would keep a rejected promise forever). */
export async function ensureBotInfo(bot: Telegraf): Promise<void> {
  if (bot.botInfo) return;
  let call = botInfoCalls.get(bot);
  if (!call) {
    call = bot.telegram
      .getMe()
      .then((me) => {
        bot.botInfo = me;
      })
      .finally(() => botInfoCalls.delete(bot));
    botInfoCalls.set(bot, call);
  }
  await call;
}

export type { Update };
