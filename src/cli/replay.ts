// `replay FILE`: answers conversation cases (../shared/eval format), each in a fresh session, one
// JSON line a case: {"id", "replies": [{"text", "urgent", "handoff", "ask"}]}.
import { readFileSync } from 'node:fs';
import { cliCore, conversation, replyRecord } from './shared';

interface Case {
  id: string;
  turns: { text: string }[];
}

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write('usage: replay FILE.jsonl\n');
    return 2;
  }
  const cases: Case[] = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      cases.push(JSON.parse(line) as Case);
    } catch (err) {
      process.stderr.write(`${file}:${i + 1}: not JSON: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const core = await cliCore();
  const out: string[] = [];
  for (const c of cases) {
    const talk = conversation(core, `replay:${c.id}`);
    out.push(JSON.stringify({ id: c.id, replies: c.turns.map((t) => replyRecord(talk.say(t.text))) }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
