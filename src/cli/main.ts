#!/usr/bin/env node
// `npm run -s jiuyi -- <command> [args…]`: each command lives in src/cli/<command>.ts and exports
// run(args) → exit code. Commands are loaded lazily so that `rules validate` does not load jieba.
export {};
const COMMANDS: Record<string, { file: string; help: string }> = {
  rules: { file: './rules', help: 'rules validate [DIR] | rules show <locality> | rules coverage [--misses] | rules draft NOTICE.txt [--id ID] [-o FILE] | rules draft-eval' },
  nlu: { file: './nlu', help: 'nlu "<text>" | nlu eval [--misses] | nlu urgent-eval [--blind] [--misses] [--threshold T] [--threshold-unseen T]' },
  ask: { file: './ask', help: 'ask "<text>"   one question, one answer' },
  chat: { file: './chat', help: 'chat           an interactive conversation' },
  replay: { file: './replay', help: 'replay FILE    answer conversation cases (../shared/eval format)' },
  kb: { file: './kb', help: 'kb <keywords…> canned answers for hotline staff' },
  staff: { file: './staff', help: 'staff add|reset|disable|list|token   staff accounts of the console' },
  review: { file: './review', help: 'review export [--out FILE] [--since DATE]   reviewed messages as intents/ examples' },
};

function usage(): string {
  return ['usage: npm run -s jiuyi -- <command>', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name && name !== 'help' ? `unknown command "${name}"\n` : ''}${usage()}\n`);
    return name && name !== 'help' ? 2 : 0;
  }
  const mod = (await import(command.file)) as { run(args: string[]): Promise<number> };
  return mod.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
