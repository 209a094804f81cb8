// The code the core and NLU benchmarks measure: the compiled build the service runs (dist/, compiled first when the
// sources changed since the last build, as `npm start` does), or, with `--from=src`, src/ through tsx (esbuild's
// on-the-fly transform: a turn ~12% slower, its functions renamed as they are made).
import path from 'node:path';
import { build, ROOT } from './server';

export type From = 'dist' | 'src';

export function fromOf(args: readonly string[]): From {
  const from = args.find((a) => a.startsWith('--from='))?.split('=')[1] ?? 'dist';
  if (from !== 'dist' && from !== 'src') throw new Error(`bench: --from=${from}? (dist | src)`);
  return from;
}

/** src/<module> as `from` has it (module: a path under src/ without its extension, as `core/load`). */
export function load<T>(from: From, module: string): T {
  if (from === 'src') return require(path.join(ROOT, 'src', module)) as T;
  build();
  return require(path.join(ROOT, 'dist', 'src', `${module}.js`)) as T;
}
