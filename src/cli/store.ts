// The configured store (JIUYI_DATA_DIR or MONGODB_URI, as `npm start` reads them) for CLI commands that
// work on the service's data (staff, review). SQLite in WAL mode lets them run beside the service.
import { loadConfig } from '../config';
import { openStore, type Store } from '../store';

export async function cliStore(env?: NodeJS.ProcessEnv): Promise<Store> {
  const config = loadConfig(env ? { env } : {});
  return openStore({ dataDir: config.dataDir, mongoUri: config.mongodbUri, key: config.dataKey, retentionDays: config.retentionDays });
}

export type Out = (s: string) => void;

export const stdout: Out = (s) => void process.stdout.write(s);
export const stderr: Out = (s) => void process.stderr.write(s);

/** `--name value` / `--name=value` flags and the positional arguments. */
export function parseFlags(args: string[]): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags.set(a.slice(2), args[++i]!);
    else flags.set(a.slice(2), true);
  }
  return { flags, rest };
}
