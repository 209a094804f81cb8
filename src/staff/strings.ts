// The console's interface strings (locales/console/zh-CN.yml): read once, validated, served to the page
// and used for ticket reasons in words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatProblem, readData, type Problem } from '../data/yaml';
import { dataDir } from '../data/root';

const table = z.record(z.string(), z.string());
const schema = z
  .object({
    version: z.literal(1),
    reasons: table,
    channels: table,
    states: table,
    facility_states: table,
    review_reasons: table,
    verdicts: table,
    ui: table,
    actions: table,
  })
  .strict();

export type ConsoleStrings = z.output<typeof schema>;

let cached: ConsoleStrings | undefined;

export function consoleStrings(dir = join(dataDir('locales'), 'console')): ConsoleStrings {
  if (cached && !arguments.length) return cached;
  const file = join(dir, 'zh-CN.yml');
  const problems: Problem[] = [];
  const data = readData(file, readFileSync(file, 'utf8'), schema, problems);
  if (!data) throw new Error(problems.map(formatProblem).join('\n'));
  if (!arguments.length) cached = data;
  return data;
}

/** `urgent:chest_pain,breathing` → 紧急情况：胸痛、胸闷（疑似心梗）；呼吸困难 */
export function reasonInWords(reason: string, s: ConsoleStrings = consoleStrings()): string {
  const [kind = reason, flags] = reason.split(':', 2);
  const head = s.reasons[kind] ?? kind;
  if (!flags) return head;
  return `${head}：${flags.split(',').map((f) => s.reasons[f] ?? f).join('；')}`;
}
