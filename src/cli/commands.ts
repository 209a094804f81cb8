// The CLI's commands and its help: each command lives in src/cli/<command>.ts and exports run(args) → exit
// code, loaded only when asked for (so that `rules validate` does not load jieba).

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const COMMANDS: Record<string, { file: string; usage: string[] }> = {
  ask: { file: './ask', usage: ['ask "<text>"                      one question, one answer'] },
  chat: { file: './chat', usage: ['chat                              an interactive conversation'] },
  kb: { file: './kb', usage: ['kb <keywords…>                    canned answers for hotline staff (kb 忻州 透析)'] },
  replay: { file: './replay', usage: ['replay FILE                       answer conversation cases (../shared/eval format), JSON lines'] },
  rules: {
    file: './rules',
    usage: [
      'rules validate [DIR]              check the rule books (default rules/) and list their counts',
      'rules show <locality> [DIR]       one rule book, readably',
      'rules reload [--url URL]          make the running service load the rule books again (JIUYI_ADMIN_TOKEN)',
      'rules draft NOTICE.txt [--id ID] [-o FILE]   a draft rule book from a notice, with its evidence',
      'rules draft-eval [--seeds DIR]    the drafter against the hand-made books',
      'rules coverage [--misses]         every fact of the rule books asked in its own words: answered and cited?',
    ],
  },
  staff: {
    file: './staff',
    usage: [
      'staff add <username> --name <display name> [--role staff|admin] [--password-stdin]',
      'staff reset <username> [--password-stdin] | staff disable <username> | staff list | staff token <username>',
    ],
  },
  store: { file: './store-migrate', usage: ['store migrate                     MongoDB (MONGODB_URI): create the collections, indexes and TTL retention; run before starting instances'] },
  review: { file: './review', usage: ['review export [--out FILE] [--since DATE]   reviewed messages as intents/ examples'] },
  nlu: {
    file: './nlu',
    usage: [
      'nlu "<text>" | nlu eval [--misses]   the NLU\'s analysis as JSON; held-out intent accuracy',
      'nlu urgent-eval [--blind] [--misses] [--threshold T] [--threshold-unseen T]   urgent detection on held-out phrasing families',
    ],
  },
};

export function usage(only?: string): string {
  const names = only ? [only] : Object.keys(COMMANDS);
  return [
    'usage: npm run -s jiuyi -- <command> [args…]   (or: jiuyi <command> once built)',
    '',
    ...names.flatMap((n) => COMMANDS[n]!.usage.map((u) => `  ${u}`)),
    '',
    '  -h, --help                        this help; <command> --help: that command\'s',
  ].join('\n');
}

const isHelp = (a: string | undefined) => a === '--help' || a === '-h' || a === 'help';

/** Runs the command line `argv` (without node and the script); returns the exit code. */
export async function runCli(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  const [name, ...args] = argv;
  if (!name || isHelp(name)) {
    (name ? io.out : io.err)(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  if (args.some(isHelp)) {
    io.out(`${usage(name)}\n`);
    return 0;
  }
  const mod = (await import(command.file)) as { run(args: string[]): Promise<number> };
  return mod.run(args);
}
