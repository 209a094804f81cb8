#!/usr/bin/env node
// `npm run -s jiuyi -- <command> [args…]` (commands.ts).
import { runCli } from './commands';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
