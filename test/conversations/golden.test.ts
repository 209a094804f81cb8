// Golden conversations: each *.txt here is a transcript — user lines after "> ", then the bot's reply
// and its flags. The test replays the user lines through the real core and compares the whole
// transcript. After an intended change, regenerate with UPDATE_GOLDEN=1 and read the diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realCore, talk } from '../support/core';

const DIR = __dirname;
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

/** The transcript's comment lines (the conversation's purpose) and user lines. */
function parse(text: string): { comments: string[]; users: string[] } {
  const lines = text.split('\n');
  return {
    comments: lines.filter((l) => l.startsWith('# ')),
    users: lines.filter((l) => l.startsWith('> ')).map((l) => l.slice(2)),
  };
}

async function transcript(comments: string[], users: string[]): Promise<string> {
  const chat = talk(await realCore());
  const out = [...comments, ''];
  for (const u of users) {
    const r = chat.say(u);
    out.push(`> ${u}`);
    if (!r) out.push('(silent: a human holds the conversation)');
    else {
      out.push(...r.parts.join('\n').split('\n'));
      const options = r.quickReplies.length ? ` options=${r.quickReplies.map((q) => q.label).join('|')}` : '';
      out.push(`[urgent=${r.urgent} handoff=${r.handoff} ask=${r.ask}${options}]`);
    }
    out.push('');
  }
  return out.join('\n');
}

describe('golden conversations', () => {
  it('has conversations to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const path = join(DIR, file);
    const expected = readFileSync(path, 'utf8');
    const { comments, users } = parse(expected);
    expect(users.length).toBeGreaterThan(0);
    const actual = await transcript(comments, users);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
    else expect(actual).toBe(expected);
  });
});
