// `chat`: an interactive conversation that remembers context and shows the urgent/handoff flags.
import { createInterface } from 'node:readline';
import { cliCore, conversation } from './shared';

export async function run(): Promise<number> {
  const talk = conversation(await cliCore(), 'cli:chat');
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '你> ' });
  process.stdout.write('jiuyi chat — type a question; Ctrl-D to quit.\n');
  rl.prompt();
  for await (const line of rl) {
    if (line.trim()) {
      const reply = talk.say(line);
      if (!reply) process.stdout.write('(a member of staff holds this conversation: the bot stays silent)\n');
      else {
        const flags = [reply.urgent && 'URGENT', reply.handoff && 'HANDOFF', reply.ask && `ASK ${reply.ask}`].filter(Boolean);
        process.stdout.write(`${flags.length ? `[${flags.join(' · ')}]\n` : ''}${reply.parts.join('\n')}\n`);
        if (reply.quickReplies.length) process.stdout.write(`[${reply.quickReplies.map((q) => q.label).join(' | ')}]\n`);
      }
    }
    rl.prompt();
  }
  return 0;
}
