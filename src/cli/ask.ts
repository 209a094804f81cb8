// `ask "<text>"`: one question, one answer, with its flags.
import { cliCore, conversation, replyRecord } from './shared';

export async function run(args: string[]): Promise<number> {
  const text = args.join(' ');
  if (!text.trim()) {
    process.stderr.write('usage: ask "<question>"\n');
    return 2;
  }
  const reply = conversation(await cliCore(), 'cli:ask').say(text);
  const r = replyRecord(reply);
  process.stdout.write(`${r.text}\n`);
  const flags = [r.urgent && 'URGENT', r.handoff && 'HANDOFF', r.ask && `ASK ${r.ask}`].filter(Boolean);
  if (flags.length) process.stdout.write(`[${flags.join(' · ')}]\n`);
  if (reply?.quickReplies.length) process.stdout.write(`[options: ${reply.quickReplies.map((q) => q.label).join(' | ')}]\n`);
  return 0;
}
