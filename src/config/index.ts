// Configuration is read once, at start-up: the environment, plus a `.env` file when present (variables
// already in the environment win, as with Node's own loader).
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parseConfig, type Config } from './schema';

export { parseConfig, ConfigError } from './schema';
export type { Config, HttpConfig, TelegramConfig, WecomConfig } from './schema';
export { VARIABLES, renderVariablesTable } from './variables';
export type { Variable } from './variables';

/** Loads `.env` (from `envFile`, default ./.env) into the environment when it exists — with Node's own
 * parser and the semantics of `process.loadEnvFile`: variables already set win — then validates. */
export function loadConfig(opts: { envFile?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const env = opts.env ?? process.env;
  const file = path.resolve(opts.envFile ?? '.env');
  if (fs.existsSync(file)) {
    const parsed = parseEnv(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    for (const [k, v] of Object.entries(parsed)) if (env[k] === undefined) env[k] = v;
  }
  return parseConfig(env);
}
