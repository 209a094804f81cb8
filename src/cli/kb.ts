// `kb <keywords…>`: the canned answers hotline staff read out, from the same rules and renderer.
import { EMPTY_STATUS } from '../rules/types';
import { cliCore } from './shared';

export async function run(args: string[]): Promise<number> {
  const query = args.join(' ').trim();
  if (!query) {
    process.stderr.write('usage: kb <keywords…>   e.g. kb 忻州 透析\n');
    return 2;
  }
  const answers = (await cliCore()).kb(query, { status: EMPTY_STATUS, now: Date.now() });
  if (!answers.length) {
    process.stdout.write(`no canned answer matches "${query}"\n`);
    return 1;
  }
  for (const a of answers) process.stdout.write(`## ${a.title}\n${a.text}\n\n`);
  return 0;
}
