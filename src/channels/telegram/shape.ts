// The shape of the parts of a Telegram update the channel reads, checked before telegraf sees it: an update
// with `message: null`, a message without `chat`, a `text` that is not a string… would otherwise throw a
// TypeError inside telegraf or our handlers, the webhook would answer 500 and Telegram would deliver the
// same broken update again for hours. Such an update is ignored (200) with the reason logged.
// Only what we read is checked; other fields pass through untouched (Telegram adds fields over time).
import { z } from 'zod';

const id = z.union([z.number().int(), z.string().min(1).max(64)]);
const user = z.looseObject({ id: z.number().int(), is_bot: z.boolean().optional(), first_name: z.string().optional() });
const chat = z.looseObject({ id, type: z.string() });
const optionalString = z.string().optional();

const message = z.looseObject({
  message_id: z.number().int(),
  date: z.number().optional(),
  chat,
  from: user.optional(),
  text: optionalString,
  caption: optionalString,
  location: z.looseObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  reply_to_message: z.looseObject({ message_id: z.number().int(), text: optionalString }).optional(),
  forward_origin: z.looseObject({ type: z.string() }).optional(),
  entities: z.array(z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() })).optional(),
});

const callbackQuery = z.looseObject({
  id: z.string().min(1),
  from: user,
  data: optionalString,
  message: z.looseObject({ message_id: z.number().int(), chat }).optional(),
});

const chatMember = z.looseObject({
  chat,
  from: user,
  date: z.number().optional(),
  new_chat_member: z.looseObject({ status: z.string() }),
});

const update = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  channel_post: message.optional(),
  callback_query: callbackQuery.optional(),
  my_chat_member: chatMember.optional(),
  chat_member: chatMember.optional(),
});

/** null when the update can be handled, else why not (for the log; it names fields, never their values). */
export function updateProblem(value: unknown): string | null {
  const r = update.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.join('.') || 'update'}: ${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.code}`;
}
