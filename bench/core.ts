// `npm run -s bench -- --core`: the whole pure core (normalise → NLU → dialogue → answer → render) on the
// NLU corpus, in conversations of four messages each (so follow-ups and remembered slots are exercised),
// with start-up time and memory. The last line is one JSON object:
// {"core": {"msgs_per_s", "p50_us", "p99_us", "startup_ms", "rss_mb", "messages"}}.
import { readCorpus } from './corpus';
import { loadCore } from '../src/core/load';
import { newSession, type Session } from '../src/core/types';
import { EMPTY_STATUS } from '../src/rules/types';

export async function run(args: string[]): Promise<void> {
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
  const corpus = readCorpus();
  const t0 = performance.now();
  const core = await loadCore();
  const startupMs = performance.now() - t0;
  const ctx = { status: EMPTY_STATUS, now: 0 };
  const pass = (lat?: Float64Array, offset = 0): void => {
    let session: Session = newSession();
    corpus.forEach((text, i) => {
      if (i % 4 === 0) session = newSession();
      const t = process.hrtime.bigint();
      session = core.turn({ channel: 'cli', messageId: String(i), user: 'bench', chat: 'bench', kind: 'text', text, sentAt: 0 }, session, ctx).session;
      if (lat) lat[offset + i] = Number(process.hrtime.bigint() - t) / 1000;
    });
  };
  pass(); // warm-up: JIT, and the traditional converter's first load
  const lat = new Float64Array(rounds * corpus.length);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) pass(lat, r * corpus.length);
  const seconds = (performance.now() - started) / 1000;
  lat.sort();
  const pct = (p: number): number => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] as number;
  const result = {
    core: {
      msgs_per_s: Math.round(lat.length / seconds),
      p50_us: Math.round(pct(50)),
      p99_us: Math.round(pct(99)),
      startup_ms: Math.round(startupMs),
      rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
      messages: lat.length,
    },
  };
  process.stdout.write(`bench core: ${result.core.msgs_per_s} msgs/s, p50 ${result.core.p50_us} µs, p99 ${result.core.p99_us} µs, start-up ${result.core.startup_ms} ms, rss ${result.core.rss_mb} MB\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
