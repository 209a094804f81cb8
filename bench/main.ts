// `npm run -s bench -- --core | --nlu | --http`: runs the named benchmarks (all of them with no flag).
export {};
const SUITES: Record<string, string> = { '--core': './core', '--nlu': './nlu', '--http': './http' };

async function main(args: string[]): Promise<void> {
  const chosen = args.filter((a) => a in SUITES);
  const rest = args.filter((a) => !(a in SUITES));
  for (const flag of chosen.length ? chosen : Object.keys(SUITES)) {
    const mod = (await import(SUITES[flag] as string)) as { run(args: string[]): Promise<void> };
    await mod.run(rest);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
