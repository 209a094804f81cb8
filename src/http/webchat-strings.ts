// The web chat's interface strings (locales/webchat/): simplified Chinese and English as written, traditional
// converted from the simplified with OpenCC (as replies are), so the page speaks the user's script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { z } from 'zod';
import { formatProblem, readData, type Problem } from '../data/yaml';
import { dataDir } from '../data/root';

const schema = z.object({ version: z.literal(1), strings: z.record(z.string(), z.string()) }).strict();

export type WebchatStrings = Record<'zh-CN' | 'zh-TW' | 'en', Record<string, string>>;

/** Reads and checks the strings (at start-up: a bad edit stops the service, naming the file); the
 * traditional ones are converted on the first call of the returned function (OpenCC takes a quarter second). */
export function loadWebchatStrings(dir = join(dataDir('locales'), 'webchat')): () => WebchatStrings {
  const problems: Problem[] = [];
  const read = (name: string) => {
    const file = join(dir, name);
    return readData(file, readFileSync(file, 'utf8'), schema, problems)?.strings;
  };
  const zh = read('zh-CN.yml');
  const en = read('en.yml');
  if (!zh || !en) throw new Error(problems.map(formatProblem).join('\n'));
  const missing = Object.keys(zh).filter((k) => !(k in en));
  if (missing.length) throw new Error(`${join(dir, 'en.yml')}: strings: missing ${missing.join(', ')}`);
  let all: WebchatStrings | undefined;
  return () => {
    if (all) return all;
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const tw = Object.fromEntries(Object.entries(zh).map(([k, v]) => [k, toTraditional(v)]));
    return (all = { 'zh-CN': zh, 'zh-TW': tw, en });
  };
}
