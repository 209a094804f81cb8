// `npm run -s bench -- --core | --nlu | --http [--instances N] | --soak | --startup | --surge`: runs the named benchmarks (with no flag:
// --core, --nlu and --http; the soak takes minutes).
export {};
const SUITES: Record<string, string> = { '--core': './core', '--nlu': './nlu', '--http': './http', '--soak': './soak', '--startup': './startup', '--surge': './surge' };
const DEFAULT = ['--core', '--nlu', '--http'];

async function main(args: string[]): Promise<void> {
  const chosen = args.filter((a) => a in SUITES);
  const rest = args.filter((a) => !(a in SUITES));
  for (const flag of chosen.length ? chosen : DEFAULT) {
    const mod = (await import(SUITES[flag] as string)) as { run(args: string[]): Promise<void> };
    await mod.run(rest);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
