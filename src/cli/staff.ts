// `staff add|reset|disable|list|token`: staff accounts of the console, in the configured store.
// Passwords are never taken from the command line (other users see it in `ps`): with --password-stdin
// the first line of standard input is the password; otherwise one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { AccountError, StaffAccounts, type StaffView } from '../staff/accounts';
import type { Store } from '../store';
import { cliStore, parseFlags, stderr, stdout, type Out } from './store';

const USAGE = `usage: jiuyi staff <command>
  add <username> --name <display name> [--role staff|admin] [--password-stdin]
  reset <username> [--password-stdin]     a new password; signs the account out everywhere
  disable <username>                      no sign-in, sessions ended, API token refused
  list
  token <username>                        a new API bearer token (the old one stops working)
`;

export interface StaffCliDeps {
  store?: Store;
  /** Reads the password for --password-stdin (default: the first line of standard input). */
  readPassword?: () => Promise<string>;
  out?: Out;
  err?: Out;
}

const generated = (): string => randomBytes(12).toString('base64url');

async function stdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const row = (v: StaffView) =>
  `${v.username.padEnd(16)} ${v.role.padEnd(6)} ${v.disabled ? 'disabled' : 'active  '} ${v.hasToken ? 'token ' : '      '} ${v.displayName}\n`;

export async function run(args: string[], d: StaffCliDeps = {}): Promise<number> {
  const out = d.out ?? stdout;
  const err = d.err ?? stderr;
  const { flags, rest } = parseFlags(args);
  const [cmd, username] = rest;
  if (!cmd || cmd === 'help' || flags.has('help')) {
    (cmd ? out : err)(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd !== 'list' && !username) {
    err(`staff ${cmd}: a username is required\n${USAGE}`);
    return 2;
  }
  const store = d.store ?? (await cliStore());
  const accounts = new StaffAccounts(store);
  const password = async (): Promise<{ value: string; shown: boolean }> =>
    flags.has('password-stdin') ? { value: await (d.readPassword ?? stdinLine)(), shown: false } : { value: generated(), shown: true };
  try {
    switch (cmd) {
      case 'add': {
        const name = flags.get('name');
        if (typeof name !== 'string') {
          err('staff add: --name <display name> is required\n');
          return 2;
        }
        const role = flags.get('role') ?? 'staff';
        const p = await password();
        const v = await accounts.add({ username: username!, displayName: name, role: role as 'staff' | 'admin', password: p.value });
        out(`added ${v.username} (${v.role}, ${v.displayName})\n`);
        if (p.shown) out(`password: ${p.value}\n(shown once: hand it over and have it changed with \`staff reset\` if it was seen)\n`);
        return 0;
      }
      case 'reset': {
        const p = await password();
        const v = await accounts.reset(username!, p.value);
        out(`reset ${v.username}: signed out everywhere\n`);
        if (p.shown) out(`password: ${p.value}\n`);
        return 0;
      }
      case 'disable': {
        const v = await accounts.disable(username!);
        out(`disabled ${v.username}: signed out, API token refused\n`);
        return 0;
      }
      case 'list': {
        const all = await accounts.list();
        if (!all.length) out('no staff accounts yet: staff add <username> --name <display name> [--role admin]\n');
        for (const v of all) out(row(v));
        return 0;
      }
      case 'token': {
        const token = await accounts.issueToken(username!);
        out(`API token for ${username} (shown once; use as Authorization: Bearer …):\n${token}\n`);
        return 0;
      }
      default:
        err(`unknown staff command "${cmd}"\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof AccountError) {
      err(`staff ${cmd}: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    if (!d.store) await store.close();
  }
}
